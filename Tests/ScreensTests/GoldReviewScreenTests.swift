import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// The gold review screen: a lead's or trainer's keys on the hub's candidates, and what
/// it shows at 80x24 and 120x40.
final class GoldReviewScreenTests: XCTestCase {
    private func loaded(_ candidates: [GoldReviewScreen.Candidate]? = nil) -> GoldReviewScreen.State {
        var state = GoldReviewScreen.State(projectID: "sentiment", projectTitle: "Movie review sentiment", projectMarking: .unclassified)
        _ = GoldReviewScreen.loaded(&state, labels: ["negative", "positive"], candidates: candidates ?? [
            .init(taskID: "sst2-dev-0005", text: Fixture.shortText, marking: .unclassified, label: "positive", confidence: 0.998,
                  votes: [.init(label: "positive", count: 3)]),
            .init(taskID: "sst2-dev-0002", text: Fixture.longText, marking: .cui, label: "negative", confidence: 0.962,
                  votes: [.init(label: "negative", count: 3), .init(label: "positive", count: 1)]),
        ])
        return state
    }

    func testTheListTheChosenTextAndTheKeysShowAtBothSizesUnderTheHighestMarking() {
        let state = loaded()
        for size in Fixture.sizes {
            let buffer = Fixture.render(size) { GoldReviewScreen.render(state, into: &$0) }
            XCTAssertTrue(buffer.text.contains("sst2-dev-0002"), buffer.text)
            // The banner covers the CUI candidate listed
            XCTAssertEqual(buffer.text.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces), "CUI")
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "gold-review-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
        }
    }

    func testWhileLoadingAndWhenThereAreNoneTheScreenSaysSo() {
        var state = GoldReviewScreen.State(projectID: "sentiment", projectTitle: "Movie review sentiment", projectMarking: .unclassified)
        var buffer = Fixture.render(Fixture.sizes[0]) { GoldReviewScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("Asking the hub for candidates…"), buffer.text)
        _ = GoldReviewScreen.loaded(&state, labels: ["negative", "positive"], candidates: [])
        buffer = Fixture.render(Fixture.sizes[0]) { GoldReviewScreen.render(state, into: &$0) }
        let mismatch = TextSnapshot.mismatch(buffer.text, named: "gold-review-empty", testFile: #filePath)
        XCTAssertNil(mismatch, mismatch ?? "")
    }

    func testEnterAcceptsANumberSetsTheKeyAndXRejects() {
        // Enter: the consensus as the key
        var state = loaded()
        XCTAssertEqual(GoldReviewScreen.update(&state, .enter), [.decide(taskID: "sst2-dev-0005", .accept)])
        XCTAssertTrue(state.isDeciding)

        // A number naming another label corrects it; naming the consensus accepts it
        state = loaded()
        XCTAssertEqual(GoldReviewScreen.update(&state, .character("1")), [.decide(taskID: "sst2-dev-0005", .correct("negative"))])
        state = loaded()
        XCTAssertEqual(GoldReviewScreen.update(&state, .character("2")), [.decide(taskID: "sst2-dev-0005", .accept)])

        // x on the second candidate turns it down
        state = loaded()
        XCTAssertEqual(GoldReviewScreen.update(&state, .down), [])
        XCTAssertEqual(GoldReviewScreen.update(&state, .character("x")), [.decide(taskID: "sst2-dev-0002", .reject)])

        // A number with no label says which keys there are, and decides nothing
        state = loaded()
        XCTAssertEqual(GoldReviewScreen.update(&state, .character("7")), [])
        XCTAssertEqual(state.message, "Keys 1 to 2 give the key a label; 7 is none of them.")

        // q and Esc go back
        state = loaded()
        XCTAssertEqual(GoldReviewScreen.update(&state, .character("q")), [.back])
        XCTAssertEqual(GoldReviewScreen.update(&state, .escape), [.back])
    }

    func testADecidedCandidateLeavesTheListAndKeysTypedMeanwhileReplay() {
        // Given a decision on the first candidate in flight, and x typed meanwhile
        var state = loaded()
        _ = GoldReviewScreen.update(&state, .enter)
        XCTAssertEqual(GoldReviewScreen.update(&state, .character("x")), [])

        // When the hub answers
        let effects = GoldReviewScreen.decided(&state, taskID: "sst2-dev-0005", sentence: "sst2-dev-0005 joined the gold pool with its consensus as the key.")

        // Then the candidate is gone, the sentence shows, and the x turns down the next one
        XCTAssertEqual(effects, [.decide(taskID: "sst2-dev-0002", .reject)])
        XCTAssertEqual(state.candidates.map(\.taskID), ["sst2-dev-0002"])
        XCTAssertEqual(state.decided, 1)
        XCTAssertEqual(state.message, nil)  // cleared by the replayed decision

        // And a refusal stops the wait, says why, and drops what was typed
        _ = GoldReviewScreen.update(&state, .character("q"))
        GoldReviewScreen.failed(&state, message: "Ana is a labeler at the hub.")
        XCTAssertFalse(state.isWaiting)
        XCTAssertEqual(state.deferredKeys, [])
        XCTAssertEqual(state.message, "Ana is a labeler at the hub.")
    }

    func testKeysBeforeTheCandidatesArriveWait() {
        var state = GoldReviewScreen.State(projectID: "sentiment", projectTitle: "Movie review sentiment", projectMarking: .unclassified)
        XCTAssertEqual(GoldReviewScreen.update(&state, .down), [])
        XCTAssertEqual(GoldReviewScreen.update(&state, .enter), [])
        let effects = GoldReviewScreen.loaded(&state, labels: ["negative", "positive"], candidates: loaded().candidates)
        XCTAssertEqual(effects, [.decide(taskID: "sst2-dev-0002", .accept)])
    }

    func testOnlyAReviewerSeesGOnTheHomeScreen() {
        var home = HomeScreen.State(displayName: "Lee", previousLogonAt: nil, timeZone: Fixture.utc)
        _ = HomeScreen.loaded(&home, queues: [.init(projectID: "sentiment", title: "Movie review sentiment", marking: .unclassified, waiting: 3, doneToday: 0)])
        XCTAssertEqual(HomeScreen.update(&home, .character("g")), [])
        var buffer = Fixture.render(Fixture.sizes[1]) { HomeScreen.render(home, into: &$0) }
        XCTAssertFalse(buffer.text.contains("g gold review"))
        home.reviewsGold = true
        XCTAssertEqual(HomeScreen.update(&home, .character("g")), [.reviewGold(projectID: "sentiment", title: "Movie review sentiment", marking: .unclassified)])
        buffer = Fixture.render(Fixture.sizes[1]) { HomeScreen.render(home, into: &$0) }
        XCTAssertTrue(buffer.text.contains("g gold review"), buffer.text)
    }
}
