/// One word, punctuation mark, ideograph or emoji of a text, by Unicode scalar offsets.
///
/// Scalars, end exclusive, because `EntitySpan` counts them: a token's offsets are a
/// span's offsets with no conversion.
public struct TextToken: Equatable, Hashable, Sendable {
    public enum Kind: Equatable, Hashable, Sendable {
        /// Letters, digits and their combining marks, run together.
        case word
        /// One punctuation mark or symbol.
        case punctuation
        /// One CJK ideograph or kana: those scripts write words without spaces, so
        /// each is its own unit and a span grows by one at a time.
        case ideograph
        /// One emoji cluster: a ZWJ family, a flag, a keycap, a skin-toned hand.
        case emoji
    }

    public var start: Int
    public var end: Int
    public var kind: Kind

    public init(start: Int, end: Int, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// Cuts a text into tokens for tagging entities.
///
/// Works on grapheme clusters (`Character`), so a combining mark stays with its letter
/// and an emoji sequence is one token; whitespace only separates tokens. Pure and
/// linear: a 5,000-token text is cut once per task.
public enum Tokenizer {
    public static func tokens(in text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        var offset = 0
        var wordStart: Int?
        for character in text {
            let length = character.unicodeScalars.count
            let kind = kind(of: character)
            if kind != .word, let start = wordStart {
                tokens.append(TextToken(start: start, end: offset, kind: .word))
                wordStart = nil
            }
            switch kind {
            case .word:
                if wordStart == nil { wordStart = offset }
            case .some(let single):
                tokens.append(TextToken(start: offset, end: offset + length, kind: single))
            case nil:
                break
            }
            offset += length
        }
        if let start = wordStart { tokens.append(TextToken(start: start, end: offset, kind: .word)) }
        return tokens
    }

    /// The kind of token a character belongs to; nil for whitespace, which separates tokens.
    public static func kind(of character: Character) -> TextToken.Kind? {
        // Most text is ASCII: classify it by its byte, without Unicode property look-ups.
        if let byte = character.asciiValue {
            switch byte {
            case 9...13, 32: return nil
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): return .word
            default: return .punctuation
            }
        }
        if character.isWhitespace { return nil }
        guard let first = character.unicodeScalars.first else { return nil }
        if isEmoji(character, first: first) { return .emoji }
        if isIdeograph(first) { return .ideograph }
        if character.isLetter || character.isNumber { return .word }
        return .punctuation
    }

    private static func isEmoji(_ character: Character, first: Unicode.Scalar) -> Bool {
        if first.properties.isEmojiPresentation { return true }
        // Text-default emoji (digits, #, ©, ☺) count only when a variation selector,
        // keycap, joiner or skin tone makes them pictures.
        guard first.properties.isEmoji, character.unicodeScalars.count > 1 else { return false }
        return character.unicodeScalars.dropFirst().contains { scalar in
            scalar.value == 0xFE0F || scalar.value == 0x20E3 || scalar.value == 0x200D || scalar.properties.isEmojiModifier
        }
    }

    private static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isIdeographic { return true }
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true  // kana, small kana, half-width kana
        default: return false
        }
    }
}
