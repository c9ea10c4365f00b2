import TerminalCore
import Testing
import Widgets

/// The framed, scrolling text pane the comparison and free-text screens are built from.
@Suite struct ScrollPaneTests {
    let text = "one two three four five six seven eight nine ten"

    @Test func itWrapsInsideItsFrameAndMarksWhereItIsWhenTheTextDoesNotFit() {
        // Given a pane 14 wide (10 columns of text) and 4 high (2 rows of text)
        var buffer = Buffer(size: Size(width: 14, height: 4))
        // When it is drawn scrolled one row down
        let shown = ScrollPane(title: "A", text: text).draw(in: buffer.area, scroll: 1, into: &buffer)
        // Then rows 2-3 of 6 show, and the bottom edge says so (cut to fit)
        #expect(shown == 1)
        #expect(buffer.text == "┌─ A ────────┐\n│ three four │\n│ five six   │\n└─ 2-3 of 6…─┘")
    }

    @Test func aScrollPastTheEndShowsTheLastPage() {
        var buffer = Buffer(size: Size(width: 14, height: 4))
        let pane = ScrollPane(title: nil, text: text)
        #expect(pane.draw(in: buffer.area, scroll: 99, into: &buffer) == 4)
        #expect(pane.maximumScroll(in: buffer.size) == 4)
        #expect(buffer.line(2) == "│ ten        │")
    }

    @Test func anEmptyTextShowsItsEmptyTextDim() {
        var buffer = Buffer(size: Size(width: 24, height: 3))
        ScrollPane(title: "B", text: "  \n", emptyText: "(empty response)").draw(in: buffer.area, scroll: 0, into: &buffer)
        #expect(buffer.line(1) == "│ (empty response)     │")
        #expect(buffer[2, 1].style == .dim)
    }

    @Test func theFrameTakesTheOwnersStyle() {
        var buffer = Buffer(size: Size(width: 14, height: 3))
        let focused = Style(foreground: .cyan, attributes: .bold)
        ScrollPane(title: "A", text: "hi", frameStyle: focused).draw(in: buffer.area, scroll: 0, into: &buffer)
        #expect(buffer[0, 0].style == focused)
        #expect(buffer[2, 1].style == .plain, "the text itself stays plain")
    }
}
