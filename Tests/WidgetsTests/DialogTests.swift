import Testing
import TerminalCore
import Widgets

@Suite("Dialog")
struct DialogTests {
    @Test func centresAFramedBoxSizedToItsContentAndPadsTheInside() {
        // Given a 20x7 screen of dots
        var buffer = Buffer(size: Size(width: 20, height: 7))
        buffer.fill(buffer.area, with: ".")
        // When a dialog for 6x1 of content is drawn
        let inside = Dialog.draw(title: "Skip", contentWidth: 6, contentHeight: 1, in: buffer.area, into: &buffer)
        // Then a 10x3 box sits in the middle and the content area is inside its padding
        #expect(buffer.text == """
            ....................
            ....................
            .....┌─ Skip ─┐.....
            .....│        │.....
            .....└────────┘.....
            ....................
            ....................
            """)
        #expect(inside == Rect(x: 7, y: 3, width: 6, height: 1))
    }

    @Test func contentLargerThanTheAreaIsClippedToIt() {
        var buffer = Buffer(size: Size(width: 10, height: 4))
        let inside = Dialog.draw(title: "T", contentWidth: 30, contentHeight: 10, in: buffer.area, into: &buffer)
        #expect(inside == Rect(x: 2, y: 1, width: 6, height: 2))
        #expect(buffer.line(0).hasPrefix("┌"))
        #expect(buffer.line(3) == "└────────┘")
    }
}
