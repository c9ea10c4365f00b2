import Foundation
@testable import Interchange
import Testing

/// The byte-level readers of scalar offsets (`scalarCount`, `scalarIndices`,
/// `TokenLayout.words`, `isAllWhitespace`) give what the `unicodeScalars` view gives, on every kind of text.
@Suite("Scalar offsets from UTF-8 bytes")
struct ScalarOffsetTests {
    static let texts = [
        "", "plain words", "  leading and trailing  ", "tab\tand\nline\r\nends\u{0B}\u{0C}",
        "family 👨‍👩‍👧 and flag 🇫🇷 here", "東京 は\u{3000}広い", "no\u{00A0}break\u{2009}thin\u{202F}narrow\u{205F}math\u{1680}ogham",
        "line\u{2028}para\u{2029}next\u{0085}end", "e\u{301}cole cafe\u{301}", "\u{202E}bidi\u{2066} marks", "zero\u{200B}width joiner\u{200D}x",
    ]

    /// The words between white space as the scalar view reads them: the definition `words` is held to.
    static func wordsByScalars(_ text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        var start: Int?
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isWhitespace {
                if let begun = start { tokens.append(TextToken(start: begun, end: index)) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begun = start { tokens.append(TextToken(start: begun, end: text.unicodeScalars.count)) }
        return tokens
    }

    @Test("Counting, indexing and cutting words agree with the scalar view", arguments: texts)
    func agreesWithScalarView(text: String) {
        // Given a text with wide characters, joiners, combining marks and Unicode spaces
        // When its scalars are counted, indexed and its words cut from its bytes
        // Then each is what the scalar view gives
        #expect(text.scalarCount == text.unicodeScalars.count)
        #expect(text.scalarIndices() == Array(text.unicodeScalars.indices) + [text.endIndex])
        #expect(TokenLayout.words(of: text) == Self.wordsByScalars(text))
        #expect(text.isAllWhitespace == text.allSatisfy(\.isWhitespace))
    }

    @Test("A text is all white space, from its first byte or its characters, as the characters say",
          arguments: ["", " ", "\t\n\r\u{0B}\u{0C}", "\u{00A0}\u{3000}\u{2028}", " x", "\u{3000}東京", "x", "\u{301}", "\u{202E} "])
    func whiteSpaceAsTheCharactersSay(text: String) {
        #expect(text.isAllWhitespace == text.allSatisfy(\.isWhitespace))
    }

    @Test("Every scalar above ASCII that Unicode calls white space is white space to words, and no other")
    func whiteSpaceList() {
        // Given every scalar of the Basic Multilingual Plane above ASCII and some above it
        let values = Array(0x80...0xFFFF) + [0x1F600, 0x10FFFF]
        // When each is asked whether it is white space
        // Then the list agrees with the Unicode property
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(TokenLayout.isWhiteSpace(scalar.value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}
