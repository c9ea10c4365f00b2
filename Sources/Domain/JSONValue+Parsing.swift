import Foundation

/// Why some text is not valid JSON, and where.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The character (not byte) position of the problem, counting from 1.
    public var column: Int
    /// What is wrong, in words ("unexpected character '}'").
    public var problem: String

    public init(column: Int, problem: String) {
        self.column = column
        self.problem = problem
    }

    public var description: String { "\(problem) at column \(column)" }
}

extension JSONValue {
    /// Reads one JSON value that fills the whole text (whitespace around it allowed).
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONSyntaxError> = text.withUTF8 { bytes in
            Result { () throws(JSONSyntaxError) in try parse(utf8: bytes) }
        }
        return try result.get()
    }

    /// Reads one JSON value from UTF-8 bytes that are already known to be valid UTF-8.
    ///
    /// A hand parser rather than `JSONSerialization`: imports read a hundred thousand
    /// lines a second, and a person fixing a file needs the column of the mistake.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(bytes: bytes)
        do throws(JSONScanner.Failure) {
            scanner.skipWhitespace()
            let value = try scanner.parseValue(depth: 0)
            scanner.skipWhitespace()
            if scanner.index < bytes.count {
                throw JSONScanner.Failure(offset: scanner.index, problem: "extra text after the JSON value")
            }
            return value
        } catch {
            throw JSONSyntaxError(column: scanner.column(ofByte: error.offset), problem: error.problem)
        }
    }
}

/// A cursor over one JSON text; errors carry a byte offset, turned into a column once.
struct JSONScanner {
    struct Failure: Error {
        var offset: Int
        var problem: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    /// Deep nesting is refused rather than allowed to exhaust the stack.
    static let maximumDepth = 256

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func column(ofByte offset: Int) -> Int {
        var column = 1
        var position = 0
        while position < min(offset, bytes.count) {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        // Counting lead bytes before `offset` counts the characters before it.
        return column
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func unexpected(at offset: Int) -> Failure {
        guard offset < bytes.count else { return Failure(offset: offset, problem: "unexpected end of line") }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F {
            return Failure(offset: offset, problem: "unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
        return Failure(offset: offset, problem: "unexpected character")
    }

    mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw unexpected(at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw unexpected(at: index)
        }
    }

    mutating func parseLiteral(_ word: StaticString) throws(Failure) {
        let start = index
        let length = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: length)
        for offset in 0..<length {
            guard start + offset < bytes.count, bytes[start + offset] == expected[offset] else {
                throw unexpected(at: start)
            }
        }
        index = start + length
    }

    mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= JSONScanner.maximumDepth else { throw Failure(offset: index, problem: "nested too deeply") }
        index += 1
        // Room for a line's few members at once: growing a dictionary hashes its keys again.
        var members: [String: JSONValue] = Dictionary(minimumCapacity: 6)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                guard index < bytes.count else { throw unexpected(at: index) }
                throw Failure(offset: index, problem: "expected a quoted key")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw Failure(offset: index, problem: "expected ':' after key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            if members.updateValue(value, forKey: key) != nil {
                throw Failure(offset: keyOffset, problem: "key \"\(key)\" appears twice")
            }
            skipWhitespace()
            guard index < bytes.count else { throw unexpected(at: index) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw Failure(offset: index, problem: "expected ',' or '}' in an object")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= JSONScanner.maximumDepth else { throw Failure(offset: index, problem: "nested too deeply") }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw unexpected(at: index) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            default: throw Failure(offset: index, problem: "expected ',' or ']' in an array")
            }
        }
    }

    mutating func parseString() throws(Failure) -> String {
        let opening = index
        index += 1
        let start = index
        // Fast path: most strings have no escapes and can be copied in one go.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw Failure(offset: index, problem: "a control character must be escaped inside a string") }
            index += 1
        }
        guard index < bytes.count else { throw Failure(offset: opening, problem: "string is not closed") }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escapeOffset = index
                index += 1
                guard index < bytes.count else { throw Failure(offset: opening, problem: "string is not closed") }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""): utf8.append(0x22)
                case UInt8(ascii: "\\"): utf8.append(0x5C)
                case UInt8(ascii: "/"): utf8.append(0x2F)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalarValue = try parseHex4(escapeOffset: escapeOffset)
                    if (0xD800...0xDBFF).contains(scalarValue) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw Failure(offset: escapeOffset, problem: "\\u escape is half of a surrogate pair")
                        }
                        index += 2
                        let low = try parseHex4(escapeOffset: escapeOffset)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw Failure(offset: escapeOffset, problem: "\\u escape is half of a surrogate pair")
                        }
                        scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalarValue) {
                        throw Failure(offset: escapeOffset, problem: "\\u escape is half of a surrogate pair")
                    }
                    guard let scalar = Unicode.Scalar(scalarValue) else {
                        throw Failure(offset: escapeOffset, problem: "\\u escape is not a character")
                    }
                    utf8.append(contentsOf: String(scalar).utf8)
                default:
                    throw Failure(offset: escapeOffset, problem: "unknown escape '\\\(Character(Unicode.Scalar(escaped)))' in a string")
                }
            default:
                if byte < 0x20 { throw Failure(offset: index, problem: "a control character must be escaped inside a string") }
                utf8.append(byte)
                index += 1
            }
        }
        throw Failure(offset: opening, problem: "string is not closed")
    }

    mutating func parseHex4(escapeOffset: Int) throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure(offset: escapeOffset, problem: "\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure(offset: escapeOffset, problem: "\\u needs four hex digits")
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    /// Follows JSON's number grammar exactly: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    mutating func parseNumber() throws(Failure) -> String {
        let start = index
        func isDigit(_ offset: Int) -> Bool {
            offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
        }
        let invalid = Failure(offset: start, problem: "not a valid number")
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { throw invalid }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw Failure(offset: start, problem: "a number may not start with 0") }
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw invalid }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { throw invalid }
            while isDigit(index) { index += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }
}
