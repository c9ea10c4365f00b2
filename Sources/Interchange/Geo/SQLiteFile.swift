internal import CSQLite
import Foundation

/// The few SQLite calls the GeoPackage writer needs, over the system's libsqlite3.
///
/// Interchange may not import GRDB (only `Store` does), and a GeoPackage is a SQLite file
/// with set tables: a prepared statement and a transaction are all it takes.
final class SQLiteFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var handle: OpaquePointer?

    init(creating path: String) throws(Failure) {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw Failure(description: message)
        }
    }

    deinit { close() }

    func close() {
        sqlite3_close(handle)
        handle = nil
    }

    func execute(_ sql: String) throws(Failure) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw Failure(description: text)
        }
    }

    /// One statement, bound and stepped as many times as needed.
    final class Statement {
        enum Value {
            case integer(Int64)
            case double(Double)
            case text(String)
            case blob([UInt8])
            case null
        }

        private var statement: OpaquePointer?
        private let file: SQLiteFile

        init(_ sql: String, in file: SQLiteFile) throws(Failure) {
            self.file = file
            guard sqlite3_prepare_v2(file.handle, sql, -1, &statement, nil) == SQLITE_OK else {
                throw Failure(description: String(cString: sqlite3_errmsg(file.handle)))
            }
        }

        deinit { sqlite3_finalize(statement) }

        /// Binds `values` to the parameters in order, runs the statement once and resets it.
        func run(_ values: [Value]) throws(Failure) {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case .integer(let number): sqlite3_bind_int64(statement, index, number)
                case .double(let number): sqlite3_bind_double(statement, index, number)
                case .text(let text): sqlite3_bind_text(statement, index, text, -1, labeldesk_sqlite_transient())
                case .blob(let bytes): bytes.withUnsafeBytes { _ = sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), labeldesk_sqlite_transient()) }
                case .null: sqlite3_bind_null(statement, index)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw Failure(description: String(cString: sqlite3_errmsg(file.handle)))
            }
        }
    }

    func prepare(_ sql: String) throws(Failure) -> Statement { try Statement(sql, in: self) }
}
