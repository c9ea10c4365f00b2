import Foundation

/// Why a JSON body could not be read, in a sentence that names the field.
///
/// `DecodingError`'s own text names Swift types and coding paths; the person fixing a
/// client wants `"annotations[0].leaseEpoch" must be a number`.
public struct DecodingProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String

    public init(sentence: String) {
        description = sentence
    }

    public init(_ error: DecodingError) {
        switch error {
        case .typeMismatch(let type, let context):
            description = "\(Self.name(context.codingPath)) must be \(Self.kind(of: type))"
        case .valueNotFound(let type, let context):
            description = "\(Self.name(context.codingPath)) must be \(Self.kind(of: type)), not null"
        case .keyNotFound(let key, let context):
            description = "\(Self.name(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            description = "the body is not valid JSON"
        case .dataCorrupted(let context):
            description = "\(Self.name(context.codingPath)) has a value that cannot be read: \(context.debugDescription)"
        @unknown default:
            description = "the body cannot be read: \(error)"
        }
    }

    /// `"annotations[0].labels"`; `the body` for the top level.
    static func name(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the body" }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return "\"\(text)\""
    }

    static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is Double.Type, is Float.Type, is Date.Type: "a number"
        case is UUID.Type: "a UUID string"
        default:
            if "\(type)".hasPrefix("Array") { "an array" }
            else if "\(type)".hasPrefix("Dictionary") { "an object" }
            else { "a \(type)" }
        }
    }
}
