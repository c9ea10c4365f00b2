import Testing
import TerminalCore
import Widgets

@Suite("WrappedText")
struct WrappedTextTests {
    @Test func wrapsAtWordsWithinTheWidth() {
        #expect(WrappedText.lines("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    }

    @Test func keepsParagraphBreaksAndEmptyLines() {
        #expect(WrappedText.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
    }

    @Test func breaksAWordLongerThanTheWidth() {
        #expect(WrappedText.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func cjkWrapsByColumnsNeverSplittingACharacter() {
        // Given five wide characters (ten columns), When wrapped to five columns
        let lines = WrappedText.lines("中文日本語", width: 5)
        // Then two per line (four columns), never half of one
        #expect(lines == ["中文", "日本", "語"])
        #expect(lines.allSatisfy { CharacterWidth.of($0) <= 5 })
    }

    @Test func emojiClustersWrapWhole() {
        let lines = WrappedText.lines("👨‍👩‍👧🇫🇷👍🏽", width: 3)
        #expect(lines == ["👨‍👩‍👧", "🇫🇷", "👍🏽"])
    }

    @Test func wideCharacterInANarrowerWidthStillMovesOn() {
        // One column cannot hold 中: it goes on its own line rather than looping forever
        #expect(WrappedText.lines("中a", width: 1) == ["中", "a"])
    }

    @Test func zeroWidthGivesNoLines() {
        #expect(WrappedText.lines("text", width: 0) == [])
    }

    @Test func truncateEndsWithAnEllipsisOnlyWhenCut() {
        #expect(WrappedText.truncate("short", width: 10) == "short")
        #expect(WrappedText.truncate("longer text", width: 6) == "longe…")
        #expect(WrappedText.truncate("中文日本", width: 6) == "中文…")
        #expect(WrappedText.truncate("x", width: 0) == "")
    }

    @Test func truncateCountsABidiControlAtItsMarkWidth() {
        // ⟪RLO⟫ takes five columns on screen: "ab" and the mark fill seven, "c" would not fit
        let cut = WrappedText.truncate("ab\u{202E}cdef", width: 8)
        #expect(cut == "ab\u{202E}…")
        var buffer = Buffer(size: Size(width: 8, height: 1))
        buffer.write(cut, x: 0, y: 0)
        #expect(buffer.line(0) == "ab⟪RLO⟫…")
    }
}
