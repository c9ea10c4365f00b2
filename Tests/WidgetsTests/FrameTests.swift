import Testing
import TerminalCore
import Widgets

@Suite("Frame")
struct FrameTests {
    @Test func drawsABoxWithItsTitleAndReturnsTheInside() {
        var buffer = Buffer(size: Size(width: 12, height: 4))
        let inside = Frame(title: "Queue").draw(in: buffer.area, into: &buffer)
        #expect(buffer.text == """
            ┌─ Queue ──┐
            │          │
            │          │
            └──────────┘
            """)
        #expect(inside == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(buffer[3, 0].style == .bold)
    }

    @Test func longTitleIsCutToFitTheEdge() {
        var buffer = Buffer(size: Size(width: 10, height: 2))
        Frame(title: "A very long title").draw(in: buffer.area, into: &buffer)
        #expect(buffer.line(0) == "┌─ A v… ─┐")
    }

    @Test func clearsWhatWasInside() {
        var buffer = Buffer(size: Size(width: 4, height: 3))
        buffer.fill(buffer.area, with: "x")
        Frame().draw(in: buffer.area, into: &buffer)
        #expect(buffer.text == "┌──┐\n│  │\n└──┘")
    }

    @Test func tooSmallToDrawGivesAnEmptyInside() {
        var buffer = Buffer(size: Size(width: 4, height: 3))
        let inside = Frame().draw(in: Rect(x: 0, y: 0, width: 1, height: 3), into: &buffer)
        #expect(inside.isEmpty)
        #expect(buffer == Buffer(size: Size(width: 4, height: 3)))
    }
}
