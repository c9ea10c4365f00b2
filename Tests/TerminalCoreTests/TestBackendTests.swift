import Testing
import TerminalCore

@Suite("TestBackend")
struct TestBackendTests {
    @Test func countsOnlyTheCellsThatChanged() {
        // Given a backend
        let backend = TestBackend(size: Size(width: 4, height: 2))
        var frame = Buffer(size: backend.size)
        // When the first frame, the same frame, and a frame with one change are drawn
        backend.draw(frame)
        backend.draw(frame)
        frame.write("x", x: 3, y: 1)
        backend.draw(frame)
        // Then all cells, none, and one were written
        #expect(backend.writtenCellCounts == [8, 0, 1])
        #expect(backend.frames.count == 3)
        #expect(backend.lastFrame == frame)
    }

    @Test func queuedEventsAreReadOnce() {
        let backend = TestBackend(size: Size(width: 4, height: 2))
        backend.queuedEvents = [.key(.enter), .resize(Size(width: 10, height: 5))]
        #expect(backend.readEvents(timeoutMilliseconds: 0) == [.key(.enter), .resize(Size(width: 10, height: 5))])
        #expect(backend.readEvents(timeoutMilliseconds: 0) == [])
    }

    @Test func restoreIsRecorded() {
        let backend = TestBackend(size: Size(width: 1, height: 1))
        #expect(!backend.restored)
        backend.restore()
        backend.restore()
        #expect(backend.restored)
    }
}
