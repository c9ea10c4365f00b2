/// How one grapheme cluster (a Swift `Character`) is shown on a terminal: the single
/// place that decides it, so `Buffer.write` and `CharacterWidth` always agree.
///
/// A cluster is one unit: a family joined by ZWJ, a flag (two regional indicators), a
/// letter with its combining marks or an emoji with a skin tone is one glyph of one or
/// two cells, never split into its scalars.
///
/// Text a labeler reads must not be able to hide or reorder itself, so characters that
/// are invisible by design are drawn as short visible marks instead of being applied:
///
/// - bidirectional controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C) become
///   `⟪LRE⟫ ⟪RLE⟫ ⟪PDF⟫ ⟪LRO⟫ ⟪RLO⟫ ⟪LRI⟫ ⟪RLI⟫ ⟪FSI⟫ ⟪PDI⟫ ⟪LRM⟫ ⟪RLM⟫ ⟪ALM⟫`, so
///   a right-to-left override cannot make "txt.exe" read as "exe.txt";
/// - zero-width space, word joiner and zero-width no-break space (U+200B, U+2060,
///   U+FEFF) become `⟪ZWSP⟫ ⟪WJ⟫ ⟪BOM⟫`: they make two strings that look the same differ;
/// - any other cluster made only of format characters (invisible operators, interlinear
///   annotation marks that some renderers use to hide text) becomes `⟪U+XXXX⟫`;
/// - tag characters (U+E0000-E007F) outside an emoji tag sequence (a subdivision flag
///   starting with U+1F3F4) spell ASCII nobody sees, a known way to smuggle instructions
///   into text: they are shown decoded after their base, as `⟪TAG:text⟫`;
/// - more than one variation selector on one base (a real variant needs one; a run of
///   them can encode any bytes, "emoji smuggling") is shown as the base and `⟪VS×n⟫`.
///
/// Marks are drawn dim; every cell of a mark is narrow. Line and paragraph separators
/// (U+2028, U+2029) and control characters are drawn as one space, as a newline in a
/// one-line label is. ZWJ and ZWNJ stay inside their clusters, where they belong
/// (emoji sequences, Persian and Indic shaping).
public enum ClusterDisplay {
    /// One piece of what a cluster shows.
    public enum Piece: Equatable, Sendable {
        /// The cluster's own text, one or two cells wide.
        case glyph(String, width: Int)
        /// A zero-width cluster with no base (a combining mark at the start of a text):
        /// it joins the cell drawn just before it, and never takes a cell of its own.
        case attached(String)
        /// A control character or line separator: one blank cell.
        case blank
        /// A narrow character of a visible mark standing for an invisible character.
        case mark(Character)

        /// Cells this piece takes.
        public var width: Int {
            switch self {
            case .glyph(_, let width): return width
            case .attached: return 0
            case .blank, .mark: return 1
            }
        }
    }

    /// What `character` shows, in order.
    public static func pieces(of character: Character) -> [Piece] {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return [] }
        // Fast path: printable ASCII, which is most of what screens draw.
        if scalars.count == 1, first.value >= 0x20, first.value < 0x7F {
            return [.glyph(String(character), width: 1)]
        }
        if scalars.allSatisfy(isControlOrSeparator) { return [.blank] }
        if scalars.count == 1, let name = markNames[first.value] { return markPieces(name) }
        if scalars.allSatisfy({ $0.properties.generalCategory == .format && !isTag($0) && !isJoiner($0) }) {
            return scalars.flatMap { markPieces(markNames[$0.value] ?? codePointName($0)) }
        }
        if first.value != 0x1F3F4, scalars.contains(where: isTag) {
            let base = String(String.UnicodeScalarView(scalars.filter { !isTag($0) }))
            let hidden = String(scalars.filter(isTag).map { tagCharacter($0) })
            return base.flatMap { pieces(of: $0) } + markPieces("TAG:" + hidden)
        }
        let selectors = scalars.filter(isVariationSelector).count
        if selectors > 1 {
            let base = String(String.UnicodeScalarView(scalars.filter { !isVariationSelector($0) }))
            return base.flatMap { pieces(of: $0) } + markPieces("VS×\(selectors)")
        }
        let width = glyphWidth(of: character)
        if width == 0 { return [.attached(String(character))] }
        return [.glyph(String(character), width: width)]
    }

    /// Cells a cluster's glyph takes when it is drawn as itself: 0, 1 or 2.
    ///
    /// Regional-indicator pairs (flags), emoji presentation (VS16), skin-tone modifiers
    /// and ZWJ sequences of emoji take two; otherwise the cluster takes what its first
    /// spacing scalar takes, so combining marks add nothing.
    static func glyphWidth(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        var hasEmojiJoiner = false
        var base: Unicode.Scalar?
        var regionalIndicators = 0
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F, 0x1F3FB...0x1F3FF: return 2
            case 0x1F1E6...0x1F1FF: regionalIndicators += 1
            case 0x200D: hasEmojiJoiner = true
            default: break
            }
            if base == nil, CharacterWidth.of(scalar: scalar) > 0 { base = scalar }
        }
        if regionalIndicators >= 2 { return 2 }
        guard let base else { return 0 }
        if hasEmojiJoiner, scalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        return CharacterWidth.of(scalar: base)
    }

    /// Whether a scalar is one of the named invisible characters (bidi controls, zero-width
    /// space, word joiner, BOM) that text may never apply.
    ///
    /// The backend drops these from a cell's text as a last guard, for a cell set
    /// directly rather than through `Buffer.write`.
    public static func isNamedInvisible(_ scalar: Unicode.Scalar) -> Bool {
        markNames[scalar.value] != nil
    }

    /// Short names for the invisible characters that get a mark of their own.
    static let markNames: [UInt32: String] = [
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
        0x200E: "LRM", 0x200F: "RLM", 0x061C: "ALM",
        0x200B: "ZWSP", 0x2060: "WJ", 0xFEFF: "BOM",
    ]

    /// The opening and closing brackets of every mark: rare in real text, so a mark
    /// cannot pass for the data around it.
    public static let markOpen: Character = "⟪"
    public static let markClose: Character = "⟫"

    private static func markPieces(_ name: String) -> [Piece] {
        ([markOpen] + Array(name) + [markClose]).map(Piece.mark)
    }

    private static func codePointName(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func isControlOrSeparator(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0x2028 || value == 0x2029
    }

    private static func isTag(_ scalar: Unicode.Scalar) -> Bool { (0xE0000...0xE007F).contains(scalar.value) }

    /// VS1-VS16 and VS17-VS256; one after a base is a real variant (emoji or text
    /// style, an ideographic variant in a name), more than one carries hidden data.
    private static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }

    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool { scalar.value == 0x200D || scalar.value == 0x200C }

    /// The ASCII character a tag character stands for; tags outside printable ASCII
    /// (the language tag, the cancel tag) show as `?`.
    private static func tagCharacter(_ scalar: Unicode.Scalar) -> Character {
        let value = scalar.value - 0xE0000
        guard value >= 0x20, value < 0x7F, let ascii = Unicode.Scalar(value) else { return "?" }
        return Character(ascii)
    }
}
