import GRDBSQLite

/// Rows of one INSERT made ready off the connection's thread: each row's values in the
/// statement's parameter order, every text in one buffer, so binding a row on the
/// connection's thread is pointer arithmetic and one C call per value.
///
/// Binding from Swift values (a string per column, a struct per row) cost the insert
/// more in reference counting than SQLite spent storing the rows; SQLite copying each
/// text it was handed cost as much again. Here the texts are bound where they lie
/// (`SQLITE_STATIC`) for the one step that reads them.
public struct PreparedRows: Sendable {
    enum Value: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int32, count: Int32)
    }

    /// Values per row.
    let width: Int
    /// Begins with a byte no text uses, so the buffer always has an address.
    private var bytes: [UInt8] = [0]
    private var values: [Value] = []

    /// Rows of `width` values each; `rows` and `bytes` reserve room.
    public init(width: Int, rows: Int = 0, bytes: Int = 0) {
        self.width = width
        values.reserveCapacity(rows * width)
        self.bytes.reserveCapacity(bytes + 1)
    }

    public var count: Int { values.count / width }

    public mutating func append(_ text: String?) {
        guard var text else { return values.append(.null) }
        let start = bytes.count
        text.withUTF8 { bytes.append(contentsOf: $0) }
        values.append(.text(start: Int32(start), count: Int32(bytes.count - start)))
    }

    public mutating func append(_ integer: Int64?) {
        values.append(integer.map(Value.integer) ?? .null)
    }

    public mutating func append(real: Double) {
        values.append(.real(real))
    }

    /// The rows of `pieces` (at least one, all of one width), in order: rows made a
    /// range at a time on several cores.
    init(joining pieces: [PreparedRows]) {
        precondition(!pieces.isEmpty, "rows are joined from at least one piece")
        self = pieces[0]
        for piece in pieces.dropFirst() { append(contentsOf: piece) }
    }

    /// Appends the rows of `other` (of the same width), for rows made in pieces.
    public mutating func append(contentsOf other: PreparedRows) {
        precondition(other.width == width, "rows of one statement have one width")
        let shift = Int32(bytes.count - 1)
        bytes += other.bytes.dropFirst()
        values.reserveCapacity(values.count + other.values.count)
        for value in other.values {
            if case .text(let start, let count) = value { values.append(.text(start: start + shift, count: count)) } else { values.append(value) }
        }
    }

    /// The text in row `row` at `column` (0-based), for a message naming it.
    func text(row: Int, column: Int) -> String? {
        guard case .text(let start, let count) = values[row * width + column] else { return nil }
        return String(decoding: bytes[Int(start)..<Int(start + count)], as: UTF8.self)
    }

    /// Binds each row of `range` to parameters `1...width` of `statement` and calls
    /// `step` (which binds what is left, steps and resets), stopping at the first that
    /// returns other than `SQLITE_DONE`: that row and the code.
    func forEachRow(
        _ range: Range<Int>, boundTo statement: OpaquePointer?, _ step: (_ row: Int) -> Int32
    ) -> (row: Int, code: Int32)? {
        bytes.withUnsafeBufferPointer { buffer in
            values.withUnsafeBufferPointer { values in
                let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                for row in range {
                    for column in 0..<width {
                        let parameter = Int32(column + 1)
                        switch values[row * width + column] {
                        case .null: sqlite3_bind_null(statement, parameter)
                        case .integer(let value): sqlite3_bind_int64(statement, parameter, value)
                        case .real(let value): sqlite3_bind_double(statement, parameter, value)
                        case .text(let start, let count):
                            sqlite3_bind_text(statement, parameter, base + Int(start), count, nil)
                        }
                    }
                    let code = step(row)
                    if code != SQLITE_DONE { return (row, code) }
                }
                return nil
            }
        }
    }
}
