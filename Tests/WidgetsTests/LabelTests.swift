import Testing
import TerminalCore
import Widgets

@Suite("Label")
struct LabelTests {
    private func drawn(_ text: String, alignment: Alignment, width: Int = 10) -> String {
        var buffer = Buffer(size: Size(width: width, height: 1))
        Label.draw(text, in: Rect(x: 0, y: 0, width: width, height: 1), alignment: alignment, into: &buffer)
        return buffer.line(0)
    }

    @Test func alignsLeadingCentreAndTrailing() {
        #expect(drawn("abcd", alignment: .leading) == "abcd      ")
        #expect(drawn("abcd", alignment: .center) == "   abcd   ")
        #expect(drawn("abcd", alignment: .trailing) == "      abcd")
    }

    @Test func centresWideTextByColumns() {
        #expect(drawn("中文", alignment: .center) == "   中文   ")
        #expect(drawn("🇫🇷", alignment: .trailing, width: 4) == "  🇫🇷")
    }

    @Test func cutsTextThatDoesNotFitWithAnEllipsis() {
        #expect(drawn("a label far too long", alignment: .leading) == "a label f…")
    }

    @Test func staysInsideItsRectangle() {
        // Given a label in the middle of a row of dots
        var buffer = Buffer(size: Size(width: 10, height: 1))
        buffer.write("..........", x: 0, y: 0)
        Label.draw("abcdefgh", in: Rect(x: 3, y: 0, width: 4, height: 1), style: .bold, into: &buffer)
        // Then only its four cells change, in its style
        #expect(buffer.line(0) == "...abc…...")
        #expect(buffer[3, 0].style == .bold)
        #expect(buffer[7, 0].style == .plain)
    }

    @Test func drawWrappedReturnsTheRowsItTookAndStopsAtTheBottom() {
        var buffer = Buffer(size: Size(width: 6, height: 2))
        let rows = Label.drawWrapped("one two three four", in: Rect(x: 0, y: 0, width: 6, height: 2), into: &buffer)
        #expect(rows == 2)
        #expect(buffer.text == "one   \ntwo   ")
    }
}
