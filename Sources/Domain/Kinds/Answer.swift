import Foundation

/// What a labeler (or a model) says about a task, in the shape its kind asks for.
///
/// Stored and sent as a small JSON object with one member named by the kind
/// (`{"labels": [...]}`, `{"spans": [...]}`, `{"comparison": {...}}`, `{"text": "..."}`,
/// `{"shapes": [{"label": "car", "box": [x0, y0, x1, y1]}, {"label": "roof", "polygon":
/// [[x, y], ...]}]}` in chip pixels, a shape taken unchanged from the prediction also with
/// `"prediction": n`), written with sorted keys so the same answer is always the same bytes.
public enum Answer: Equatable, Sendable {
    case labels([String])
    case spans([EntitySpan])
    case comparison(ComparisonAnswer)
    case text(String)
    /// Geospatial kinds: boxes or polygons in the chip's pixel space, each with its class.
    case shapes([Shape])

    /// The kind of task this answer fits.
    public var kind: TaskKind {
        switch self {
        case .labels: .classification
        case .spans: .spans
        case .comparison: .comparison
        case .text: .freeText
        case .shapes(let shapes): shapes.contains { if case .polygon = $0.geometry { true } else { false } } ? .geoPolygon : .geoBox
        }
    }

    /// Whether this answer can be a project of `kind`'s: its own kind, or for shapes a
    /// geospatial kind that takes every shape in it (a box project takes only boxes; a
    /// polygon project takes polygons and boxes, a box being a four-sided polygon).
    public func fits(_ kind: TaskKind) -> Bool {
        guard case .shapes(let shapes) = self else { return self.kind == kind }
        switch kind {
        case .geoBox: return shapes.allSatisfy { if case .box = $0.geometry { true } else { false } }
        case .geoPolygon: return true
        case .classification, .spans, .comparison, .freeText: return false
        }
    }

    /// Classification labels; empty for other kinds.
    public var labels: [String] {
        if case .labels(let names) = self { return names }
        return []
    }

    /// The empty answer of a kind: what a skip carries.
    public static func empty(_ kind: TaskKind) -> Answer {
        switch kind {
        case .classification: .labels([])
        case .spans: .spans([])
        case .comparison: .comparison(ComparisonAnswer(preference: .tie))
        case .freeText: .text("")
        case .geoBox, .geoPolygon: .shapes([])
        }
    }

    /// A short line for the audit log and lists.
    public var summary: String {
        switch self {
        case .labels(let names): return names.joined(separator: ", ")
        case .spans(let spans): return spans.map { "\($0.label)@\($0.start)-\($0.end)" }.joined(separator: ", ")
        case .comparison(let answer):
            let strength = answer.strength.map { " (\($0))" } ?? ""
            return "prefers \(answer.preference.rawValue.uppercased())\(strength)"
        case .text(let text): return "\(text.unicodeScalars.count) characters written"
        case .shapes(let shapes):
            let boxes = shapes.filter { if case .box = $0.geometry { true } else { false } }.count
            let polygons = shapes.count - boxes
            var parts: [String] = []
            if boxes > 0 { parts.append("\(boxes) \(boxes == 1 ? "box" : "boxes")") }
            if polygons > 0 { parts.append("\(polygons) \(polygons == 1 ? "polygon" : "polygons")") }
            if parts.isEmpty { return "no shapes" }
            let classes = Array(Set(shapes.map(\.label))).sorted().joined(separator: ", ")
            return parts.joined(separator: " and ") + " (" + classes + ")"
        }
    }

    // MARK: JSON

    public var json: JSONValue {
        switch self {
        case .labels(let names):
            return .object(["labels": .array(names.map(JSONValue.string))])
        case .spans(let spans):
            return .object(["spans": .array(spans.map { span in
                .object(["start": .integer(span.start), "end": .integer(span.end), "label": .string(span.label)])
            })])
        case .comparison(let answer):
            var members: [String: JSONValue] = [
                "preference": .string(answer.preference.rawValue),
                "ratings_a": .object(answer.ratingsA.mapValues { JSONValue.integer($0) }),
                "ratings_b": .object(answer.ratingsB.mapValues { JSONValue.integer($0) }),
                "rationale": .string(answer.rationale),
                "shown_swapped": .bool(answer.shownSwapped),
            ]
            if let strength = answer.strength { members["strength"] = .integer(strength) }
            return .object(["comparison": .object(members)])
        case .text(let text):
            return .object(["text": .string(text)])
        case .shapes(let shapes):
            return .object(["shapes": .array(shapes.map(\.json))])
        }
    }

    public var canonicalText: String { json.canonicalText }

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads an answer written by `json`; says what is wrong otherwise.
    public init(json: JSONValue) throws(Unreadable) {
        guard case .object(let members) = json, members.count == 1, let (key, value) = members.first else {
            throw Unreadable(description: "an answer is an object with one of \"labels\", \"spans\", \"comparison\", \"text\" or \"shapes\"")
        }
        switch key {
        case "labels":
            guard let items = value.arrayValue else { throw Unreadable(description: "\"labels\" must be an array of strings") }
            let names = items.compactMap(\.stringValue)
            guard names.count == items.count else { throw Unreadable(description: "\"labels\" must be an array of strings") }
            self = .labels(names)
        case "spans":
            guard let items = value.arrayValue else { throw Unreadable(description: "\"spans\" must be an array") }
            var spans: [EntitySpan] = []
            for (index, item) in items.enumerated() {
                guard let start = item["start"]?.intValue, let end = item["end"]?.intValue, let label = item["label"]?.stringValue
                else {
                    throw Unreadable(description: "span \(index + 1) needs whole-number \"start\" and \"end\" and a \"label\" string")
                }
                spans.append(EntitySpan(start: start, end: end, label: label))
            }
            self = .spans(spans)
        case "comparison":
            guard let preferenceText = value["preference"]?.stringValue,
                  let preference = ComparisonAnswer.Preference(rawValue: preferenceText)
            else { throw Unreadable(description: "\"comparison\" needs \"preference\": \"a\", \"b\" or \"tie\"") }
            func ratings(_ key: String) throws(Unreadable) -> [String: Int] {
                guard let object = value[key] else { return [:] }
                guard case .object(let members) = object else { throw Unreadable(description: "\"\(key)\" must be an object of whole numbers") }
                var result: [String: Int] = [:]
                for (name, rating) in members {
                    guard let number = rating.intValue else { throw Unreadable(description: "rating \"\(name)\" must be a whole number") }
                    result[name] = number
                }
                return result
            }
            self = .comparison(ComparisonAnswer(
                preference: preference, strength: value["strength"]?.intValue, ratingsA: try ratings("ratings_a"),
                ratingsB: try ratings("ratings_b"), rationale: value["rationale"]?.stringValue ?? "",
                shownSwapped: value["shown_swapped"]?.boolValue ?? false))
        case "text":
            guard let text = value.stringValue else { throw Unreadable(description: "\"text\" must be a string") }
            self = .text(text)
        case "shapes":
            guard let items = value.arrayValue else { throw Unreadable(description: "\"shapes\" must be an array") }
            var shapes: [Shape] = []
            shapes.reserveCapacity(items.count)
            for (index, item) in items.enumerated() { shapes.append(try Shape(json: item, number: index + 1)) }
            self = .shapes(shapes)
        default:
            throw Unreadable(description: "unknown answer \"\(key)\"; use \"labels\", \"spans\", \"comparison\", \"text\" or \"shapes\"")
        }
    }

    public init(canonicalText text: String) throws(Unreadable) {
        let value: JSONValue
        do { value = try JSONValue.parse(text) } catch { throw Unreadable(description: "not JSON: \(error)") }
        try self.init(json: value)
    }
}

extension Answer: Codable {
    public init(from decoder: Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            try self.init(json: value)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        try json.encode(to: encoder)
    }
}

extension Answer {
    /// Whether this answer says what `other` says, for telling an accepted prediction
    /// from an edited one: labels and spans as sets, a comparison by its preference and
    /// strength (a model gives no rationale), text without surrounding white space,
    /// shapes as a collection of classes and outlines (boxes by their corners).
    public func agrees(with other: Answer) -> Bool {
        switch (self, other) {
        case let (.labels(mine), .labels(theirs)): Set(mine) == Set(theirs)
        case let (.spans(mine), .spans(theirs)): Set(mine) == Set(theirs)
        case let (.comparison(mine), .comparison(theirs)): mine.preference == theirs.preference && mine.strength == theirs.strength
        case let (.text(mine), .text(theirs)):
            mine.trimmingCharacters(in: .whitespacesAndNewlines) == theirs.trimmingCharacters(in: .whitespacesAndNewlines)
        case let (.shapes(mine), .shapes(theirs)):
            // The same shapes, each as often, in any order; who drew them does not count.
            mine.count == theirs.count && Answer.outlineCounts(mine) == Answer.outlineCounts(theirs)
        default: false
        }
    }
}

extension Answer {
    static func outlineCounts(_ shapes: [Shape]) -> [Shape: Int] {
        var counts: [Shape: Int] = [:]
        for shape in shapes { counts[Shape(label: shape.label, geometry: shape.geometry.normalized), default: 0] += 1 }
        return counts
    }
}
