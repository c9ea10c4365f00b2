import Dispatch
import Domain
import Foundation
import Testing

/// `PieceWork`: pure work spread over the cores, handed back in order.
@Suite("Work in pieces")
struct PieceWorkTests {
    /// Counts shared with the workers of one run.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var started = 0
        private var running = 0
        private var mostAtOnce = 0

        func begin() {
            lock.lock()
            started += 1
            running += 1
            mostAtOnce = max(mostAtOnce, running)
            lock.unlock()
        }

        func end() {
            lock.lock()
            running -= 1
            lock.unlock()
        }

        var figures: (started: Int, running: Int, mostAtOnce: Int) {
            lock.lock()
            defer { lock.unlock() }
            return (started, running, mostAtOnce)
        }
    }

    @Test("pieces made on other threads, slow and fast, are handed over in order, at most `ahead` at a time", arguments: [1, 2, 3])
    func inOrderKeepsTheOrder(ahead: Int) throws {
        // Given pieces whose making takes more or less time
        let tally = Tally()
        var handed: [Int] = []

        // When they are made and handed over in order
        try PieceWork.inOrder(count: 40, ahead: ahead, make: { index -> Int in
            tally.begin()
            defer { tally.end() }
            Thread.sleep(forTimeInterval: Double((index * 7) % 5) / 1_000)
            return index * index
        }, consume: { handed.append($0) })

        // Then each came once, in order, and no more than `ahead` were made at once
        #expect(handed == (0..<40).map { $0 * $0 })
        #expect(tally.figures.started == 40)
        #expect(tally.figures.mostAtOnce <= ahead)
    }

    @Test("no piece, and one piece made on this thread")
    func noneAndOne() throws {
        var handed: [String] = []
        try PieceWork.inOrder(count: 0, make: { _ in "never" }, consume: { handed.append($0) })
        #expect(handed.isEmpty)
        try PieceWork.inOrder(count: 1, make: { _ in Thread.isMainThread ? "here" : "elsewhere" }, consume: { handed.append($0) })
        #expect(handed == [Thread.isMainThread ? "here" : "elsewhere"])
    }

    struct Refused: Error {}

    @Test("when the receiver throws, no more pieces start, those running finish first, and the error comes out")
    func receiverErrorStopsAndWaits() throws {
        // Given many pieces, each a little slow
        let tally = Tally()

        // When the receiver throws at the third
        var handed = 0
        #expect(throws: Refused.self) {
            try PieceWork.inOrder(count: 1_000, ahead: 2, make: { index -> Int in
                tally.begin()
                defer { tally.end() }
                Thread.sleep(forTimeInterval: 0.002)
                return index
            }, consume: { _ in
                handed += 1
                if handed == 3 { throw Refused() }
            })
        }

        // Then nothing runs after the call returns, and only the pieces already asked for were made
        #expect(handed == 3)
        #expect(tally.figures.running == 0)
        #expect(tally.figures.started <= 3 + 2)
    }

    @Test("a map on every core and on this thread alone give the same values")
    func mapEitherWay() {
        let count = 10_000
        #expect(PieceWork.map(count: count) { $0 * 3 } == PieceWork.map(count: count, onEveryCore: false) { $0 * 3 })
        #expect(PieceWork.map(count: count) { $0 * 3 } == (0..<count).map { $0 * 3 })
    }
}
