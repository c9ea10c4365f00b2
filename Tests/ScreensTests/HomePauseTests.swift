import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// A queue the hub paused for this person (their gold record) stays shut and says who to see.
final class HomePauseTests: XCTestCase {
    private func state() -> HomeScreen.State {
        var state = HomeScreen.State(displayName: "Demo Labeler", previousLogonAt: nil, timeZone: Fixture.utc)
        state.queues = [
            .init(projectID: "sentiment", title: "Movie review sentiment", marking: .unclassified, waiting: 860, doneToday: 12, isPaused: true),
            .init(projectID: "topics", title: "News topics", marking: .cui, waiting: 40, doneToday: 0),
        ]
        _ = HomeScreen.loaded(&state, queues: state.queues)
        return state
    }

    func testAPausedQueueShowsPausedAndThePanelSaysToSeeTheLead() {
        let home = state()
        for size in Fixture.sizes {
            let buffer = Fixture.render(size) { HomeScreen.render(home, into: &$0) }
            XCTAssertTrue(buffer.text.contains("Paused: please see your shift lead"), buffer.text)
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "home-paused-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
        }
    }

    func testEnterOnAPausedQueueOpensNothingAndSaysWhy() {
        var home = state()
        XCTAssertEqual(HomeScreen.update(&home, .enter), [])
        XCTAssertEqual(home.message, "Your work on Movie review sentiment is paused: please see your shift lead. It opens again once they lift the pause.")
        // And the next queue, not paused, opens
        _ = HomeScreen.update(&home, .down)
        XCTAssertEqual(HomeScreen.update(&home, .enter), [.openQueue(projectID: "topics")])
    }
}
