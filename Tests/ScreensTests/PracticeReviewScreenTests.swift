import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// The spaced review on the practice screen: each answer is marked by the gold scorers
/// and explained, whatever the course's feedback, unless it gives none.
final class PracticeReviewScreenTests: XCTestCase {
    private func review(_ feedback: CourseManifest.Feedback = .atTheEnd) -> PracticeScreen.State {
        var state = PracticeScreen.State(
            courseTitle: "Sentiment labeling", project: CourseFixture.sentimentPractice, items: [CourseFixture.practiceItems[1]], mode: .review,
            feedback: feedback, size: Size(width: 80, height: 24))
        XCTAssertEqual(PracticeScreen.start(&state), [])
        return state
    }

    func testAReviewAnswerIsMarkedAndExplainedThenTheReviewEnds() throws {
        var state = review()
        // Enter with nothing chosen: the kind says what is missing
        XCTAssertEqual(PracticeScreen.update(&state, .enter), [])
        XCTAssertNotNil(state.message)
        XCTAssertEqual(PracticeScreen.update(&state, .character("n")), [])
        XCTAssertEqual(PracticeScreen.update(&state, .enter), [.answered(item: "p:p2", .labels(["negative"]), mark: 1)])
        XCTAssertEqual(state.phase, .explained(mark: 1, showingKey: true))
        for size in Fixture.sizes {
            _ = PracticeScreen.resized(&state, to: size)
            let buffer = Fixture.render(size) { PracticeScreen.render(state, into: &$0) }
            XCTAssertTrue(buffer.text.contains("Review 1 of 1"), buffer.text)
            XCTAssertTrue(buffer.text.contains("Shown above: what the key holds"), buffer.text)
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "practice-review-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
        }
        XCTAssertEqual(PracticeScreen.update(&state, .character("?")), [])
        XCTAssertTrue(state.showsHelp)
        XCTAssertEqual(PracticeScreen.update(&state, .character("?")), [])
        XCTAssertEqual(PracticeScreen.update(&state, .enter), [.finished])
    }

    func testNoFeedbackGivesTheMarkButNeitherExplanationNorKey() {
        var state = review(.none)
        _ = PracticeScreen.update(&state, .character("p"))
        XCTAssertEqual(PracticeScreen.update(&state, .enter), [.answered(item: "p:p2", .labels(["positive"]), mark: 0)])
        XCTAssertEqual(state.phase, .explained(mark: 0, showingKey: false))
        let buffer = Fixture.render(Size(width: 80, height: 24)) { PracticeScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("Not right."), buffer.text)
        XCTAssertFalse(buffer.text.contains("The key:"), buffer.text)
        XCTAssertFalse(PracticeScreen.isRight(0))
        XCTAssertTrue(PracticeScreen.isRight(1))
        XCTAssertEqual(PracticeScreen.update(&state, .escape), [.leave])
    }

    func testUnknownKeysAreNamedAndEscLeaves() {
        var state = review()
        _ = PracticeScreen.update(&state, .character("z"))
        XCTAssertEqual(state.message, "'z' is not a key here. Press ? for the list of keys.")
        XCTAssertEqual(PracticeScreen.update(&state, .escape), [.leave])
    }
}
