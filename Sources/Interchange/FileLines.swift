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
    static func forEach(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (Line) throws(Problem) -> Void
    ) throws(Problem) {
        var lineNumber = 0
        var lineStart = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = 3 }
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
            if let line = firstLineNotUTF8(bytes) {
                return .failure(InterchangeError(fileName: fileName, location: .line(line), problem: "not valid UTF-8; save the file as UTF-8"))
            }
            return Result { () throws(InterchangeError) in try body(bytes) }
        }
        return try result.get()
    }
}

extension String {
    init(utf8Bytes bytes: UnsafeBufferPointer<UInt8>) {
        self = String(decoding: bytes, as: UTF8.self)
    }
}
