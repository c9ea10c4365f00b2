import TerminalCore
import Testing
import Widgets

@Suite struct TokenTextTests {
    /// Tokens as runs of non-space characters, for tests that need no tokenizer.
    func text(_ string: String) -> TokenText {
        let characters = Array(string)
        var tokens: [Range<Int>] = []
        var start: Int?
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                if let first = start { tokens.append(first..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { tokens.append(first..<characters.count) }
        return TokenText(characters: characters, tokens: tokens)
    }

    /// The lines as drawn, trailing spaces cut.
    func drawn(_ text: TokenText, width: Int) -> [String] {
        let layout = text.laidOut(width: width)
        var buffer = Buffer(size: Size(width: width, height: layout.lineCount))
        for line in 0..<layout.lineCount {
            text.draw(line: line, of: layout, x: 0, y: line, limit: width, into: &buffer) { _ in .plain }
        }
        return buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    @Test func wrapsAtTokenBoundariesAndHidesTheSpaceAtAWrap() {
        let lines = drawn(text("You should ' ve stayed on Redondo Beach Blvd"), width: 16)
        #expect(lines == ["You should ' ve", "stayed on", "Redondo Beach", "Blvd"])
    }

    @Test func aTokenLongerThanTheLineIsBrokenBetweenCharacters() {
        let lines = drawn(text("a supercalifragilistic b"), width: 8)
        #expect(lines == ["a", "supercal", "ifragili", "stic b"])
    }

    @Test func aNewlineStartsALineAndBlankLinesAreKept() {
        let layout = text("one two\n\nthree").laidOut(width: 20)
        #expect(layout.lineCount == 3)
        #expect(layout.tokens(onLine: 0) == 0..<2)
        #expect(layout.tokens(onLine: 1).isEmpty)
        #expect(layout.tokens(onLine: 2) == 2..<3)
        #expect(layout.line(ofCharacter: 9) == 2)
    }

    @Test func wideCharactersTakeTwoColumnsAndNeverStraddleTheEdge() {
        // Given five ideographs, each its own token, with no spaces, in 9 columns
        let characters = Array("東京タワー")
        let text = TokenText(characters: characters, tokens: characters.indices.map { $0..<($0 + 1) })
        let layout = text.laidOut(width: 9)
        // Then four fit on the first line (8 columns) and the fifth wraps
        #expect(layout.columns.map { Int($0) } == [0, 2, 4, 6, 0])
        #expect(layout.lineCount == 2)
    }

    @Test func aClusterIsOneUnitAndAZeroWidthCharacterIsShownAsADot() {
        // Given a family emoji, a letter with a combining mark and a lone zero-width joiner
        let characters: [Character] = ["👨‍👩‍👧", " ", "e\u{301}", " ", "\u{200D}"]
        let text = TokenText(characters: characters, tokens: [0..<1, 2..<3, 4..<5])
        #expect(text.widths == [2, 1, 1, 1, 1])
        #expect(text.shown(4) == "·")
        let layout = text.laidOut(width: 20)
        #expect(layout.columns.map { Int($0) } == [0, 2, 3, 4, 5])
    }
}
