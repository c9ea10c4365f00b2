import Testing
import TerminalCore
import Widgets

@Suite("StatusBar")
struct StatusBarTests {
    private func drawn(_ bar: StatusBar, width: Int) -> Buffer {
        var buffer = Buffer(size: Size(width: width, height: 1))
        bar.draw(row: 0, in: &buffer)
        return buffer
    }

    @Test func showsLeadingItemsLeftAndTrailingItemsRight() {
        let buffer = drawn(StatusBar(leading: ["alice", "queue 3"], trailing: ["synced"]), width: 30)
        #expect(buffer.line(0) == " alice │ queue 3       synced ")
        #expect(buffer.cells.allSatisfy { $0.style == .reverse })
    }

    @Test func dropsLeadingItemsLastFirstWhenNarrow() {
        // Given three leading items and the sync state, When the row is too narrow for all
        let bar = StatusBar(leading: ["alice", "queue 3", "done 12"], trailing: ["synced"])
        // Then the last leading items go first, and the sync state stays
        #expect(drawn(bar, width: 30).line(0) == " alice │ queue 3       synced ")
        #expect(drawn(bar, width: 20).line(0) == " alice       synced ")
    }

    @Test func trailingSideGoesOnlyWhenAloneItDoesNotFit() {
        let bar = StatusBar(leading: ["alice"], trailing: ["a very long sync message"])
        #expect(drawn(bar, width: 16).line(0) == " alice          ")
    }

    @Test func firstLeadingItemIsCutRatherThanDropped() {
        let bar = StatusBar(leading: ["a long user name"])
        #expect(drawn(bar, width: 8).line(0) == " a long…")
    }
}
