import Domain
import Testing

@Suite struct TokenizerTests {
    /// Each token's text and kind, cut from `text` by its scalar offsets.
    func cut(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Tokenizer.tokens(in: text).map { token in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.start..<token.end])
            return String(view)
        }
    }

    @Test func wordsAndPunctuationAreSeparateTokensWithScalarOffsets() {
        // Given a WNUT post, tokens joined by spaces, and one with punctuation glued on
        let text = "Welcome to Oregon from Troutdale ( east portland ) , enjoy"
        // When cut
        let tokens = Tokenizer.tokens(in: text)
        // Then whitespace only separates, and offsets count scalars, end exclusive
        #expect(cut(text) == ["Welcome", "to", "Oregon", "from", "Troutdale", "(", "east", "portland", ")", ",", "enjoy"])
        #expect(tokens[2] == TextToken(start: 11, end: 17, kind: .word))
        #expect(tokens[5].kind == .punctuation)
        #expect(cut("don't stop!!") == ["don", "'", "t", "stop", "!", "!"])
        #expect(cut("  Canon g7x\n\t12:46 ") == ["Canon", "g7x", "12", ":", "46"])
    }

    @Test func eachIdeographAndKanaIsAToken() {
        #expect(cut("東京タワーで会った") == ["東", "京", "タ", "ワ", "ー", "で", "会", "っ", "た"])
        #expect(Tokenizer.tokens(in: "東京").map(\.kind) == [.ideograph, .ideograph])
        // Hangul is written with spaces between words: a Hangul word stays one token
        #expect(cut("서울 에서") == ["서울", "에서"])
        // And Latin right after an ideograph is a new token
        #expect(cut("東京Tower") == ["東", "京", "Tower"])
    }

    @Test func anEmojiClusterIsOneTokenWithAllItsScalars() {
        // Given a ZWJ family (5 scalars), a flag (2), a skin-toned thumb (2) and a keycap (3)
        let text = "hi👨‍👩‍👧🇯🇵 👍🏽 1️⃣ 😂😂"
        let tokens = Tokenizer.tokens(in: text)
        // Then each is one emoji token, even with no space between them
        #expect(cut(text) == ["hi", "👨‍👩‍👧", "🇯🇵", "👍🏽", "1️⃣", "😂", "😂"])
        #expect(tokens.map(\.kind) == [.word, .emoji, .emoji, .emoji, .emoji, .emoji, .emoji])
        #expect(tokens[1] == TextToken(start: 2, end: 7, kind: .emoji))
        #expect(tokens[2] == TextToken(start: 7, end: 9, kind: .emoji))
        // And a digit without an emoji selector is a word
        #expect(Tokenizer.tokens(in: "1").map(\.kind) == [.word])
    }

    @Test func combiningMarksStayWithTheirLetter() {
        // Given "Zoë" and "Émile" with combining marks (decomposed)
        let text = "Zoe\u{308} E\u{301}mile"
        // Then each is one word, its offsets counting the marks
        #expect(Tokenizer.tokens(in: text) == [TextToken(start: 0, end: 4, kind: .word), TextToken(start: 5, end: 11, kind: .word)])
    }

    @Test func emptyAndBlankTextsHaveNoTokens() {
        #expect(Tokenizer.tokens(in: "").isEmpty)
        #expect(Tokenizer.tokens(in: " \n\t ").isEmpty)
    }
}
