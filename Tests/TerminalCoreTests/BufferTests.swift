import Testing
import TerminalCore

@Suite("Buffer")
struct BufferTests {
    @Test func newBufferIsBlankWithNoCursor() {
        let buffer = Buffer(size: Size(width: 3, height: 2))
        #expect(buffer.text == "   \n   ")
        #expect(buffer.cursor == nil)
        #expect(buffer.cells.count == 6)
    }

    @Test func negativeSizeBecomesEmpty() {
        let buffer = Buffer(size: Size(width: -4, height: 2))
        #expect(buffer.size == Size(width: 0, height: 2))
        #expect(buffer.cells.isEmpty)
    }

    @Test func writeReturnsTheColumnAfterTheText() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        let next = buffer.write("abc", x: 2, y: 0, style: .bold)
        #expect(next == 5)
        #expect(buffer.line(0) == "  abc     ")
        #expect(buffer[2, 0] == Cell("a", style: .bold))
    }

    @Test func writeIsClippedAtTheRightEdge() {
        // Given a five-column buffer
        var buffer = Buffer(size: Size(width: 5, height: 1))
        // When text longer than the room is written
        let next = buffer.write("abcdef", x: 3, y: 0)
        // Then only what fits is drawn
        #expect(buffer.line(0) == "   ab")
        #expect(next == 5)
    }

    @Test func writeStopsAtTheLimit() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        buffer.write("abcdef", x: 1, y: 0, limit: 4)
        #expect(buffer.line(0) == " abc    ")
    }

    @Test func writeStartingLeftOfTheBufferShowsTheRest() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.write("abc", x: -1, y: 0)
        #expect(buffer.line(0) == "bc   ")
    }

    @Test("rows outside the buffer are ignored", arguments: [-1, 2, 100])
    func writeOutsideRowsIsIgnored(row: Int) {
        var buffer = Buffer(size: Size(width: 3, height: 2))
        buffer.write("abc", x: 0, y: row)
        #expect(buffer == Buffer(size: Size(width: 3, height: 2)))
    }

    @Test func wideCharacterFillsTwoCells() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        let next = buffer.write("中", x: 1, y: 0)
        #expect(next == 3)
        #expect(buffer[1, 0].text == "中")
        #expect(buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer.line(0) == " 中 ")
        #expect(CharacterWidth.of(buffer.line(0)) == 4)
    }

    @Test func wideCharacterThatWouldStraddleTheEdgeIsLeftOut() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        let next = buffer.write("ab中", x: 0, y: 0)
        // The column it would have started in shows a space, and counts as written.
        #expect(buffer.line(0) == "ab ")
        #expect(next == 3)
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksTheLeftHalf() {
        // Given a wide character in columns 0-1
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("中", x: 0, y: 0)
        // When column 1 is overwritten
        buffer.write("x", x: 1, y: 0)
        // Then column 0 is blank, as a terminal shows it
        #expect(buffer.line(0) == " x  ")
        #expect(buffer[0, 0].width == 1)
        #expect(!buffer[1, 0].isContinuation)
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksTheRightHalf() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("中", x: 0, y: 0)
        buffer.write("x", x: 0, y: 0)
        #expect(buffer.line(0) == "x   ")
        #expect(!buffer[1, 0].isContinuation)
    }

    @Test func wideCharacterOverlappingAnotherByOneColumn() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("中", x: 0, y: 0)
        buffer.write("文", x: 1, y: 0)
        #expect(buffer.line(0) == " 文 ")
        #expect(CharacterWidth.of(buffer.line(0)) == 4)
    }

    @Test("control characters are drawn as spaces", arguments: ["a\tb", "a\nb", "a\rb", "a\u{1B}b", "a\u{7F}b", "a\u{9B}b", "a\r\nb"])
    func controlCharactersBecomeSpaces(text: String) {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write(text, x: 0, y: 0)
        #expect(buffer.line(0) == "a b ")
    }

    @Test func combiningMarkStaysInItsCell() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        buffer.write("e\u{301}x", x: 0, y: 0)
        #expect(buffer[0, 0].text == "e\u{301}")
        #expect(buffer[1, 0].text == "x")
    }

    @Test func loneCombiningMarkDoesNotJoinTextWrittenEarlier() {
        // Given text already on the row
        var buffer = Buffer(size: Size(width: 3, height: 1))
        buffer.write("a", x: 0, y: 0)
        // When a separate write starts with a lone mark
        buffer.write("\u{301}b", x: 1, y: 0)
        // Then the earlier cell keeps its text
        #expect(buffer[0, 0].text == "a")
        #expect(buffer[1, 0].text == "b")
    }

    @Test func fillCoversTheRectangleOnly() {
        var buffer = Buffer(size: Size(width: 4, height: 3))
        buffer.fill(Rect(x: 1, y: 1, width: 2, height: 1), with: "#", style: .reverse)
        #expect(buffer.text == "    \n ## \n    ")
        #expect(buffer[1, 1].style == .reverse)
        #expect(buffer[0, 1].style == .plain)
    }

    @Test func fillIsClippedAtEveryEdge() {
        var buffer = Buffer(size: Size(width: 3, height: 2))
        buffer.fill(Rect(x: -1, y: -1, width: 3, height: 2), with: "#")
        #expect(buffer.text == "## \n   ")
    }

    @Test("a rectangle wholly outside changes nothing and does not crash", arguments: [
        Rect(x: 10, y: 0, width: 2, height: 1), Rect(x: 0, y: 10, width: 2, height: 1),
        Rect(x: -10, y: 0, width: 2, height: 1), Rect(x: 0, y: -10, width: 2, height: 1),
    ])
    func outsideRectangles(rect: Rect) {
        var buffer = Buffer(size: Size(width: 3, height: 2))
        buffer.fill(rect, with: "#")
        buffer.setStyle(.bold, in: rect)
        #expect(buffer == Buffer(size: Size(width: 3, height: 2)))
    }

    @Test func fillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("中", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 3, height: 1), with: ".")
        #expect(buffer.line(0) == " ...")
        #expect(buffer[0, 0].width == 1)
    }

    @Test func setStyleKeepsTheText() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("abcd", x: 0, y: 0)
        let highlight = Style(foreground: .black, background: .yellow)
        buffer.setStyle(highlight, in: Rect(x: 1, y: 0, width: 2, height: 5))
        #expect(buffer.line(0) == "abcd")
        #expect(buffer[0, 0].style == .plain)
        #expect(buffer[1, 0].style == highlight)
        #expect(buffer[2, 0].style == highlight)
        #expect(buffer[3, 0].style == .plain)
    }

    @Test func textKeepsTrailingSpacesAndJoinsRowsWithNewlines() {
        var buffer = Buffer(size: Size(width: 3, height: 2))
        buffer.write("a", x: 0, y: 0)
        buffer.write("b", x: 2, y: 1)
        #expect(buffer.text == "a  \n  b")
        #expect(buffer.line(1) == "  b")
    }

    @Test func subscriptOutsideReadsBlankAndIgnoresWrites() {
        var buffer = Buffer(size: Size(width: 2, height: 1))
        buffer[5, 5] = Cell("x")
        #expect(buffer[5, 5] == .blank)
        #expect(buffer[-1, 0] == .blank)
        #expect(buffer == Buffer(size: Size(width: 2, height: 1)))
    }
}
