import Foundation

/// The lines of a UTF-8 file, numbered as an editor numbers them.
///
/// A byte-order mark before the first line is not part of it; `\r\n` ends a line as `\n` does.
struct FileLines {
    struct Line {
        var number: Int
        var bytes: UnsafeBufferPointer<UInt8>
        var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
    }

    /// Calls `body` with every line, blank ones included, in order.
    /// `firstLine` numbers the first line of `bytes`, when they are a piece of a file
    /// (`pieces`) rather than all of it; a byte-order mark is looked for only on line 1.
    static func forEach(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, _ body: (Line) throws(Problem) -> Void
    ) throws(Problem) {
        var lineNumber = firstLine - 1
        var lineStart = 0
        if firstLine == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = 3 }
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            // memchr is many times faster than a byte loop over long files.
            if let found = memchr(bytes.baseAddress! + lineStart, 0x0A, bytes.count - lineStart) {
                lineEnd = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                lineEnd = bytes.count
            }
            let nextStart = lineEnd + 1
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            try body(Line(number: lineNumber, bytes: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])))
            lineStart = nextStart
        }
    }

    /// The file cut at line ends into about `count` pieces of similar size, each with the
    /// number of its first line, to be read side by side.
    static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)] {
        pieces(bytes, cuts: equalCuts(byteCount: bytes.count, count: count))
    }

    /// Where to cut `byteCount` bytes into `count` pieces of one size.
    static func equalCuts(byteCount: Int, count: Int) -> [Int] {
        count > 1 ? (1..<count).map { byteCount * $0 / count } : []
    }

    /// The file cut just after the first line end at or past each of `cuts` (ascending).
    static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, cuts: [Int]) -> [(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)] {
        guard !cuts.isEmpty, bytes.count > 0 else { return [(bytes, 1)] }
        var pieces: [(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)] = []
        var start = 0
        var firstLine = 1
        for target in cuts + [bytes.count] {
            var end = min(bytes.count, max(start, target))
            if end < bytes.count {
                // Cut just after the next line end, so no line is split.
                if let found = memchr(bytes.baseAddress! + end, 0x0A, bytes.count - end) {
                    end = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                } else {
                    end = bytes.count
                }
            }
            guard end > start else { continue }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            pieces.append((slice, firstLine))
            firstLine += lineEnds(in: slice)
            start = end
        }
        return pieces
    }

    /// How many line ends `bytes` holds: found by `memchr`, five times faster than
    /// looking at each byte, and done before the first piece can be read.
    static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var position = bytes.baseAddress else { return 0 }
        let end = position + bytes.count
        var count = 0
        while position < end, let found = memchr(position, 0x0A, end - position) {
            count += 1
            position = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// Pieces of a file, each with the number of its first line, handed to the threads
    /// of one `readPieces`, which only read them while the file's bytes live.
    struct SharedPieces: @unchecked Sendable {
        let pieces: [(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)]

        /// Where each piece lies in `file`, the bytes they were cut from (no lines given).
        func places(in file: UnsafeBufferPointer<UInt8>) -> [FilePiece] {
            pieces.enumerated().map { number, piece in
                let start = piece.bytes.baseAddress.map { file.baseAddress!.distance(to: $0) } ?? 0
                return FilePiece(number: number, count: pieces.count, bytes: start..<(start + piece.bytes.count), fileBytes: file.count, lines: [])
            }
        }
    }

    /// The number of the first line that is not UTF-8, or nil when the whole file is.
    static func firstLineNotUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var lineNumber = 1
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            if String(validating: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self) == nil {
                return lineNumber
            }
            lineNumber += 1
            lineStart = index + 1
        }
        return lineNumber
    }

    /// Runs `body` over the file's bytes after checking they are UTF-8.
    static func withCheckedBytes<T>(
        _ data: Data, fileName: String, _ body: (UnsafeBufferPointer<UInt8>) throws(InterchangeError) -> T
    ) throws(InterchangeError) -> T {
        let result: Result<T, InterchangeError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let line = firstLineNotUTF8(bytes) { return .failure(notUTF8(line, fileName: fileName)) }
            return Result { () throws(InterchangeError) in try body(bytes) }
        }
        return try result.get()
    }

    /// The file's bytes, not yet checked, for a reader in pieces: each piece checks its
    /// own (`lineNotUTF8`) on the thread that reads it. A piece is cut after a line
    /// end, which no UTF-8 sequence holds, so the pieces are UTF-8 when the file is.
    static func withBytes<T>(_ data: Data, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try data.withUnsafeBytes { raw in try body(raw.bindMemory(to: UInt8.self)) }
    }

    /// A piece's first line that is not UTF-8, numbered in the file, or nil.
    static func lineNotUTF8(in piece: (bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)) -> Int? {
        firstLineNotUTF8(piece.bytes).map { piece.firstLine + $0 - 1 }
    }

    static let notUTF8Problem = "not valid UTF-8; save the file as UTF-8"

    private static func notUTF8(_ line: Int, fileName: String) -> InterchangeError {
        InterchangeError(fileName: fileName, location: .line(line), problem: notUTF8Problem)
    }
}

extension String {
    init(utf8Bytes bytes: UnsafeBufferPointer<UInt8>) {
        self = String(decoding: bytes, as: UTF8.self)
    }
}
