import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// The home screen says how many tasks wait for imagery, and does not open a queue whose
/// only tasks wait for it.
final class HomeImageryTests: XCTestCase {
    private func state(waiting: Int, waitingForImagery: Int) -> HomeScreen.State {
        var state = HomeScreen.State(displayName: "Demo Labeler", previousLogonAt: nil, timeZone: Fixture.utc)
        state.queues = [
            .init(projectID: "roofs", title: "Roof outlines", marking: .unclassified, waiting: waiting, doneToday: 3, waitingForImagery: waitingForImagery),
            .init(projectID: "sentiment", title: "Movie review sentiment", marking: .unclassified, waiting: 860, doneToday: 12),
        ]
        _ = HomeScreen.loaded(&state, queues: state.queues)
        return state
    }

    func testTheQueuesPanelSaysHowManyTasksWaitForImagery() {
        // Given a geo queue with 5 tasks ready and 3 whose imagery has not arrived
        let home = state(waiting: 5, waitingForImagery: 3)

        // Then both sizes show the count under the queues, as the snapshots hold
        for size in Fixture.sizes {
            let buffer = Fixture.render(size) { HomeScreen.render(home, into: &$0) }
            XCTAssertTrue(buffer.text.contains("3 tasks wait for imagery: they open once it is here and checked."))
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "home-imagery-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
        }
    }

    func testNoSentenceWhenNothingWaitsForImagery() {
        let home = state(waiting: 5, waitingForImagery: 0)
        let buffer = Fixture.render(Fixture.sizes[0]) { HomeScreen.render(home, into: &$0) }
        XCTAssertFalse(buffer.text.contains("imagery"))
    }

    func testAQueueWhoseOnlyTasksWaitForImageryDoesNotOpenAndSaysWhy() {
        // Given a queue with nothing ready and one task waiting for its image
        var home = state(waiting: 0, waitingForImagery: 1)

        // When the labeler presses Enter on it
        let effects = HomeScreen.update(&home, .enter)

        // Then nothing opens, and the sentence says why
        XCTAssertEqual(effects, [])
        XCTAssertEqual(home.message, "Roof outlines: 1 task waits for imagery: it opens once its image is here and checked.")
    }
}
