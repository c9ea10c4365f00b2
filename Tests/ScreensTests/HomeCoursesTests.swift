import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// Home with courses: a queue locked by a course says which course opens it, the panel
/// lists the person's courses with where they stand, and c and v open courses and review.
final class HomeCoursesTests: XCTestCase {
    private func home(_ work: Coursework? = nil) throws -> HomeScreen.State {
        var state = HomeScreen.State(displayName: "Ana Labeler", previousLogonAt: Fixture.start.addingTimeInterval(-86_400), timeZone: Fixture.utc, now: Fixture.start)
        HomeScreen.coursesLoaded(&state, try work ?? CourseFixture.coursework())
        _ = HomeScreen.loaded(&state, queues: [
            .init(projectID: "reviews", title: "Film reviews", marking: .unclassified, waiting: 120, doneToday: 0, lockedBehind: ["sentiment"]),
            .init(projectID: "topics", title: "News topics", marking: .cui, waiting: 40, doneToday: 3),
        ])
        return state
    }

    func testTheLockedQueueAndTheCoursesPanelAtBothSizes() throws {
        let state = try home()
        for size in Fixture.sizes {
            let buffer = Fixture.render(size) { HomeScreen.render(state, into: &$0) }
            XCTAssertTrue(buffer.text.contains("locked"), buffer.text)
            XCTAssertTrue(buffer.text.contains("Sentiment labeling"), buffer.text)
            XCTAssertTrue(buffer.text.contains("retry at 11:15:40 (in 09:00)"), buffer.text)
            XCTAssertTrue(buffer.text.contains("due 2026-11-20"), buffer.text)
            XCTAssertTrue(buffer.text.contains("1 practice item is due for review: press v"), buffer.text)
            XCTAssertTrue(buffer.text.contains("c courses"), buffer.text)
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "home-courses-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
        }
    }

    func testEnterOnALockedQueueNamesTheCourseThatOpensItAndOpensNothing() throws {
        var state = try home()
        XCTAssertEqual(HomeScreen.update(&state, .enter), [])
        XCTAssertEqual(state.message, "Locked: pass \"Sentiment labeling\" first. Press c for your courses.")
        // The next queue is not locked and opens
        _ = HomeScreen.update(&state, .down)
        XCTAssertEqual(HomeScreen.update(&state, .enter), [.openQueue(projectID: "topics")])
    }

    func testCOpensTheCoursesAndVTheReviewWhenSomethingIsDue() throws {
        var state = try home()
        XCTAssertEqual(HomeScreen.update(&state, .character("c")), [.openCourses])
        XCTAssertEqual(HomeScreen.update(&state, .character("v")), [.openReview])
        // Nothing due yet: v says when the next comes back
        var later = try home(try CourseFixture.coursework())
        later.coursework?.reviews = [Coursework.Review(courseID: "sentiment", item: "p:p2", due: Fixture.start.addingTimeInterval(600))]
        XCTAssertEqual(HomeScreen.update(&later, .character("v")), [])
        XCTAssertEqual(later.message, "Nothing to review yet: your next practice item comes back at 2026-11-18 11:16.")
        // No courses at all: c says so
        var none = HomeScreen.State(displayName: "Ana", previousLogonAt: nil, timeZone: Fixture.utc, now: Fixture.start)
        _ = HomeScreen.loaded(&none, queues: [])
        HomeScreen.coursesLoaded(&none, Coursework(username: "ana", role: .labeler, courses: [], standings: [], local: []))
        XCTAssertEqual(HomeScreen.update(&none, .character("c")), [])
        XCTAssertEqual(none.message, "No courses are on this station for you yet. They come with the next sync.")
        XCTAssertEqual(HomeScreen.update(&none, .character("v")), [])
        XCTAssertEqual(none.message, "Nothing to review: practice items you get wrong come back here to try again.")
    }

    func testTheWaitCountsDownAndEnds() throws {
        var state = try home()
        HomeScreen.ticked(&state, Fixture.start.addingTimeInterval(9 * 60 - 5))
        var buffer = Fixture.render(Fixture.sizes[0]) { HomeScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("(in 00:05)"), buffer.text)
        HomeScreen.ticked(&state, Fixture.start.addingTimeInterval(9 * 60))
        buffer = Fixture.render(Fixture.sizes[0]) { HomeScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("Sentiment labeling  not passed yet"), buffer.text)
    }
}
