/// How token tags spell entities: IOB1, IOB2 or BIOES.
///
/// Reading follows seqeval's `get_entities` exactly (tests check it against vectors
/// seqeval computed), which reads all three schemes and their usual mistakes the same
/// way, so `automatic` needs no guess. Naming a scheme adds a check that every tag is
/// one the scheme allows where it stands.
public enum TaggingScheme: String, CaseIterable, Sendable {
    case automatic
    case iob1
    case iob2
    case bioes

    /// A tag as `split` splits it.
    typealias SplitTag = (prefix: Unicode.Scalar, type: String)

    /// One entity: its type and the first and last token (inclusive).
    struct Chunk: Equatable {
        var type: String
        var first: Int
        var last: Int
    }

    /// Whether `tags` (split as `split` does) are exactly what IOB2 writes for the
    /// entities they spell (`chunks`): `B-type` on each entity's first token, `I-type`
    /// on the rest, `O` elsewhere. Validated tags are `O` or a prefix, a dash and the type.
    static func areIOB2(_ tags: [SplitTag], of chunks: [Chunk]) -> Bool {
        var next = 0
        for chunk in chunks {
            guard tags[next..<chunk.first].allSatisfy({ $0.prefix == "O" }),
                  tags[chunk.first].prefix == "B", tags[chunk.first].type == chunk.type,
                  tags[(chunk.first + 1)..<(chunk.last + 1)].allSatisfy({ $0.prefix == "I" && $0.type == chunk.type })
            else { return false }
            next = chunk.last + 1
        }
        return tags[next...].allSatisfy { $0.prefix == "O" }
    }

    /// A tag split as seqeval splits it: its first code point (Python's `tag[0]`) and
    /// the type after the dash. A scalar, so the tests of a prefix compare numbers.
    static func split(_ tag: String) -> SplitTag {
        let scalars = tag.unicodeScalars
        guard let first = scalars.first else { return ("O", "_") }
        let rest = scalars.dropFirst()
        let type: Substring.UnicodeScalarView
        if let dash = rest.firstIndex(of: "-") { type = rest[rest.index(after: dash)...] } else { type = rest }
        return (first, type.isEmpty ? "_" : String(Substring(type)))
    }

    /// The entities a tag sequence spells, seqeval's way.
    static func chunks(_ tags: [String]) -> [Chunk] { chunks(split: tags.map(split)) }

    /// `chunks` of tags already split (a reader splits each distinct tag once).
    static func chunks(split tags: [SplitTag]) -> [Chunk] {
        var chunks: [Chunk] = []
        var previousPrefix: Unicode.Scalar = "O"
        var previousType = ""
        var begin = 0
        for index in 0...tags.count {
            let (prefix, type) = index == tags.count ? ("O", "_") : tags[index]
            if endOfChunk(previousPrefix, prefix, previousType, type) {
                chunks.append(Chunk(type: previousType, first: begin, last: index - 1))
            }
            if startOfChunk(previousPrefix, prefix, previousType, type) { begin = index }
            previousPrefix = prefix
            previousType = type
        }
        return chunks
    }

    private static func endOfChunk(_ previous: Unicode.Scalar, _ tag: Unicode.Scalar, _ previousType: String, _ type: String) -> Bool {
        if previous == "E" || previous == "S" { return true }
        if previous == "B" || previous == "I", tag == "B" || tag == "S" || tag == "O" { return true }
        return previous != "O" && previous != "." && previousType != type
    }

    private static func startOfChunk(_ previous: Unicode.Scalar, _ tag: Unicode.Scalar, _ previousType: String, _ type: String) -> Bool {
        if tag == "B" || tag == "S" { return true }
        if previous == "E" || previous == "S" || previous == "O", tag == "E" || tag == "I" { return true }
        return tag != "O" && tag != "." && previousType != type
    }

    /// Why `tags[index]` is not allowed where it stands in this scheme, if it is not.
    func problem(_ tags: [String], at index: Int) -> String? {
        let tag = tags[index]
        if self == .automatic || tag == "O" { return nil }
        let (prefix, type) = Self.split(tag)
        let previous = index > 0 ? Self.split(tags[index - 1]) : ("O", "")
        let next = index + 1 < tags.count ? Self.split(tags[index + 1]) : ("O", "")
        let continuesPrevious = (previous.0 == "B" || previous.0 == "I") && previous.1 == type
        switch self {
        case .automatic:
            break  // answered above, before any tag is split
        case .iob2:
            if prefix == "I", !continuesPrevious { return "tag \"\(tag)\" must follow B-\(type) or I-\(type) in IOB2; begin the entity with B-\(type)" }
            if prefix != "B", prefix != "I" { return "tag \"\(tag)\" is not IOB2; use O, B-type or I-type" }
        case .iob1:
            if prefix == "B", !continuesPrevious { return "tag \"\(tag)\" in IOB1 only begins an entity right after another \(type); use I-\(type)" }
            if prefix != "B", prefix != "I" { return "tag \"\(tag)\" is not IOB1; use O, B-type or I-type" }
        case .bioes:
            let goesOn = (next.0 == "I" || next.0 == "E") && next.1 == type
            switch prefix {
            case "B", "I":
                if prefix == "I", !continuesPrevious { return "tag \"\(tag)\" must follow B-\(type) or I-\(type) in BIOES" }
                if !goesOn { return "tag \"\(tag)\" must be followed by I-\(type) or E-\(type) in BIOES" }
            case "E":
                if !continuesPrevious { return "tag \"\(tag)\" must follow B-\(type) or I-\(type) in BIOES" }
            case "S": break
            default: return "tag \"\(tag)\" is not BIOES; use O, B-, I-, E- or S- and a type"
            }
        }
        return nil
    }
}
