import Foundation

/// A JSON value, kept close to how it was written.
///
/// Numbers keep their written form (`1.50` stays `1.50`) so data passes through an
/// import and an export unchanged. `canonicalText` writes objects with sorted keys and no
/// whitespace: the same value always gives the same bytes, on every platform, which
/// hashes, signatures and exports need and `JSONEncoder` does not promise on Linux.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number in its written form, already checked against JSON's number grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A number from a Swift integer.
    public static func integer<I: BinaryInteger>(_ value: I) -> JSONValue { .number(String(value)) }

    /// A number from a Swift `Double`; whole values are written without a fraction, and a
    /// value JSON cannot hold (infinity, NaN) becomes `null`.
    public static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number("\(value)")
    }

    /// A short name of this value's type, for error messages ("a number", "an object").
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as compact JSON with object keys sorted by their UTF-8 bytes.
    public var canonicalText: String {
        var output = ""
        write(into: &output)
        return output
    }

    /// Appends `canonicalText` to `output`, for callers assembling a larger document.
    public func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): JSONValue.writeQuoted(text, into: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            // The members sorted whole: sorting the keys and looking each up again hashed every key.
            for (index, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeQuoted(member.key, into: &output)
                output += ":"
                member.value.write(into: &output)
            }
            output += "}"
        }
    }

    /// Writes a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (slashes and non-ASCII included) as it is.
    public static func writeQuoted(_ text: String, into output: inout String) {
        // Most strings need no escape: copy them whole, which is many times faster.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output += "\""
            output += text
            output += "\""
            return
        }
        output += "\""
        var runStart = text.unicodeScalars.startIndex
        var index = runStart
        let scalars = text.unicodeScalars
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{08}": escape = "\\b"
            case "\u{0C}": escape = "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                // Through a Substring: appending to `output.unicodeScalars` copied the
                // whole output on every escape on Linux, quadratic in an export's size.
                output += Substring(scalars[runStart..<index])
                output += escape
                runStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output += Substring(scalars[runStart..<scalars.endIndex])
        output += "\""
    }
}
