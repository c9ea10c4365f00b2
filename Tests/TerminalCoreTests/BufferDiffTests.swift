import Testing
@testable import TerminalCore

@Suite("Buffer changes")
struct BufferDiffTests {
    @Test func firstFrameIsEveryCell() {
        let buffer = Buffer(size: Size(width: 3, height: 2))
        let changes = buffer.changes(since: nil)
        #expect(changes.count == 6)
        #expect(changes.map { Point(x: $0.x, y: $0.y) } == [
            Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 2, y: 0),
            Point(x: 0, y: 1), Point(x: 1, y: 1), Point(x: 2, y: 1),
        ])
    }

    @Test func identicalFramesHaveNoChanges() {
        var buffer = Buffer(size: Size(width: 5, height: 2))
        buffer.write("hello", x: 0, y: 1)
        #expect(buffer.changes(since: buffer).isEmpty)
    }

    @Test func onlyTheChangedCellIsReported() {
        // Given a frame on screen
        var previous = Buffer(size: Size(width: 5, height: 2))
        previous.write("hello", x: 0, y: 0)
        // When one letter changes
        var next = previous
        next.write("J", x: 0, y: 0)
        // Then only that cell is written
        #expect(next.changes(since: previous) == [CellChange(x: 0, y: 0, cell: Cell("J"))])
    }

    @Test func aStyleChangeIsAChange() {
        var previous = Buffer(size: Size(width: 3, height: 1))
        previous.write("abc", x: 0, y: 0)
        var next = previous
        next.setStyle(.reverse, in: Rect(x: 2, y: 0, width: 1, height: 1))
        #expect(next.changes(since: previous) == [CellChange(x: 2, y: 0, cell: Cell("c", style: .reverse))])
    }

    @Test func aSizeChangeRedrawsEveryCell() {
        let previous = Buffer(size: Size(width: 3, height: 2))
        let next = Buffer(size: Size(width: 2, height: 3))
        #expect(next.changes(since: previous).count == 6)
    }

    @Test func continuationCellsAreNeverWritten() {
        // Given a blank frame
        let previous = Buffer(size: Size(width: 4, height: 1))
        // When a wide character appears in columns 1-2
        var next = previous
        next.write("中", x: 1, y: 0)
        // Then only its first cell is written; it covers the second
        #expect(next.changes(since: previous) == [CellChange(x: 1, y: 0, cell: Cell("中", width: 2))])
        #expect(next.changes(since: nil).count == 3)
    }

    @Test func replacingAWideCharacterWithNarrowOnesWritesBoth() {
        var previous = Buffer(size: Size(width: 3, height: 1))
        previous.write("中", x: 0, y: 0)
        var next = previous
        next.write("ab", x: 0, y: 0)
        #expect(next.changes(since: previous) == [
            CellChange(x: 0, y: 0, cell: Cell("a")), CellChange(x: 1, y: 0, cell: Cell("b")),
        ])
    }
}
