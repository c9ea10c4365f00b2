/// One tagged stretch of a task's text.
///
/// Offsets count Unicode scalars from the start of the text, `end` exclusive: the unit
/// every format can be converted from exactly (Label Studio counts UTF-16 code units,
/// Prodigy and spaCy count scalars, CoNLL counts tokens). Converting happens in the
/// format's reader and writer, nowhere else.
public struct EntitySpan: Codable, Equatable, Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int
    public var label: String

    public init(start: Int, end: Int, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }

    public var length: Int { end - start }

    public func overlaps(_ other: EntitySpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: EntitySpan, rhs: EntitySpan) -> Bool {
        (lhs.start, lhs.end, lhs.label) < (rhs.start, rhs.end, rhs.label)
    }

    /// The span's text, cut from `text` by scalar offsets.
    public func text(in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, end <= scalars.count, start < end else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<end])
        return String(result)
    }
}
