import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// The course list and a course's page: lessons in order, the quiz's start refused with
/// the reason while the rules refuse it, past attempts with their marks.
final class CourseScreenTests: XCTestCase {
    private func page(_ work: Coursework? = nil, now: Date = Fixture.start) throws -> CourseScreen.State {
        CourseScreen.State(coursework: try work ?? CourseFixture.coursework(), courseID: "sentiment", username: "ana", now: now, timeZone: Fixture.utc)
    }

    func testTheListShowsEachCourseWithWhereThePersonStands() throws {
        let state = CoursesScreen.State(coursework: try CourseFixture.coursework(), now: Fixture.start, timeZone: Fixture.utc)
        for size in Fixture.sizes {
            let buffer = Fixture.render(size) { CoursesScreen.render(state, into: &$0) }
            XCTAssertTrue(buffer.text.contains("LabelDesk basics"), buffer.text)
            XCTAssertTrue(buffer.text.contains("retry at 11:15:40"), buffer.text)
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "courses-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
        }
    }

    func testEveryKeyOfTheList() throws {
        var state = CoursesScreen.State(coursework: try CourseFixture.coursework(), now: Fixture.start, timeZone: Fixture.utc)
        // Assigned with a due date first
        XCTAssertEqual(state.coursework.entries.map(\.id), ["basics", "sentiment"])
        XCTAssertEqual(CoursesScreen.update(&state, .enter), [.openCourse(courseID: "basics")])
        XCTAssertEqual(CoursesScreen.update(&state, .down), [])
        XCTAssertEqual(CoursesScreen.update(&state, .enter), [.openCourse(courseID: "sentiment")])
        XCTAssertEqual(CoursesScreen.update(&state, .character("x")), [])
        XCTAssertEqual(state.message, "'x' is not a key here. Press ? for the list of keys.")
        XCTAssertEqual(CoursesScreen.update(&state, .character("?")), [])
        XCTAssertTrue(state.showsHelp)
        XCTAssertEqual(CoursesScreen.update(&state, .character("q")), [])
        XCTAssertFalse(state.showsHelp)
        XCTAssertEqual(CoursesScreen.update(&state, .character("q")), [.back])
        XCTAssertEqual(CoursesScreen.update(&state, .escape), [.back])
        // A reload keeps the chosen course
        CoursesScreen.coursesLoaded(&state, try CourseFixture.coursework(attempts: []))
        XCTAssertEqual(state.selected, 1)
    }

    func testThePageWhileTheRetryWaitRuns() throws {
        let state = try page()
        for size in Fixture.sizes {
            let buffer = Fixture.render(size) { CourseScreen.render(state, into: &$0) }
            XCTAssertTrue(buffer.text.contains("1. What sentiment is  ✓ read"), buffer.text)
            XCTAssertTrue(buffer.text.contains("2. Negation"), buffer.text)
            XCTAssertTrue(buffer.text.contains("▶ Start the quiz (8 questions, 2 practice tasks)"), buffer.text)
            XCTAssertTrue(buffer.text.contains("2026-11-18 11:05  40%  not passed"), buffer.text)
            XCTAssertTrue(buffer.text.contains("pass mark 80% · 3 attempts allowed · wait 10 min after a failed attempt"), buffer.text)
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "course-waiting-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
        }
    }

    func testARetestQualityAssignedSaysWhyAndMarksTheLessonToReadAgain() throws {
        // Given Ana passed sentiment, then her gold on "positive" fell and the hub assigned
        // the course again with its lesson 2 (after her pass)
        let sentiment = try CourseFixture.course()
        let retest = CourseAssignment(
            reason: .remediation(projectID: "reviews", trigger: "label positive", lesson: "lessons/02.md"), assignedAt: Fixture.start.addingTimeInterval(-600))
        let work = Coursework(
            username: "ana", role: .labeler, courses: [sentiment],
            standings: [CourseStanding(username: "ana", courseID: "sentiment", assignment: retest, attempts: [CourseFixture.record(-60, share: 0.9, passed: true)])],
            local: [], hubLocks: [], lessonsRead: ["sentiment": ["lessons/01.md", "lessons/02.md"]], reviews: [])
        let state = try page(work)
        for size in Fixture.sizes {
            // When the page is drawn
            let buffer = Fixture.render(size) { CourseScreen.render(state, into: &$0) }
            // Then the status and a yellow line say why, and lesson 2 is marked to read again
            XCTAssertTrue(buffer.text.contains("Status: retest: your gold on label positive fell"), buffer.text)
            XCTAssertTrue(buffer.text.contains("Read \"Negation\" again, then take the quiz: a retest for reviews."), buffer.text)
            XCTAssertTrue(buffer.text.contains("2. Negation  ✓ read  ← read again"), buffer.text)
            XCTAssertFalse(buffer.text.contains("1. What sentiment is  ✓ read  ←"), buffer.text)
            let row = try XCTUnwrap((0..<size.height).first { buffer.line($0).contains("a retest for reviews") })
            XCTAssertEqual(buffer[2, row].style, CourseScreen.remediationStyle)
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "course-retest-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
        }
        // And once the retest is passed the note goes
        let passed = Coursework(
            username: "ana", role: .labeler, courses: [sentiment],
            standings: [CourseStanding(username: "ana", courseID: "sentiment", assignment: retest, attempts: [CourseFixture.record(-60, share: 0.9, passed: true), CourseFixture.record(-1, share: 1, passed: true)])],
            local: [], hubLocks: [], lessonsRead: [:], reviews: [])
        let passedPage = try page(passed)
        let after = Fixture.render(Size(width: 80, height: 24)) { CourseScreen.render(passedPage, into: &$0) }
        XCTAssertFalse(after.text.contains("a retest for"), after.text)
        XCTAssertTrue(after.text.contains("Status: passed"), after.text)
    }

    func testTheStartIsRefusedWithWhenUntilTheWaitEndsThenOpens() throws {
        var state = try page()
        // s starts: refused, with the time
        XCTAssertEqual(CourseScreen.update(&state, .character("s")), [])
        XCTAssertEqual(state.message, "You can try again at 11:15:40, in 09:00: read the lessons meanwhile.")
        // Enter on the start row says the same
        state.selected = 2
        XCTAssertEqual(CourseScreen.update(&state, .enter), [])
        XCTAssertNotNil(state.message)
        let buffer = Fixture.render(Fixture.sizes[0]) { CourseScreen.render(state, into: &$0) }
        let mismatch = TextSnapshot.mismatch(buffer.text, named: "course-refused-80x24", testFile: #filePath)
        XCTAssertNil(mismatch, mismatch ?? "")
        // Once the clock passes the wait, the start goes through
        CourseScreen.ticked(&state, Fixture.start.addingTimeInterval(9 * 60))
        XCTAssertEqual(CourseScreen.update(&state, .enter), [.startAttempt(courseID: "sentiment")])
    }

    func testEveryKeyOfThePage() throws {
        var state = try page(now: Fixture.start.addingTimeInterval(3600))
        XCTAssertEqual(CourseScreen.update(&state, .enter), [.openLesson(file: "lessons/01.md")])
        XCTAssertEqual(CourseScreen.update(&state, .character("2")), [.openLesson(file: "lessons/02.md")])
        XCTAssertEqual(state.selected, 1)
        XCTAssertEqual(CourseScreen.update(&state, .down), [])
        XCTAssertEqual(CourseScreen.update(&state, .down), [])
        XCTAssertEqual(state.selected, 2)
        XCTAssertEqual(CourseScreen.update(&state, .enter), [.startAttempt(courseID: "sentiment")])
        XCTAssertEqual(CourseScreen.update(&state, .character("s")), [.startAttempt(courseID: "sentiment")])
        XCTAssertEqual(CourseScreen.update(&state, .up), [])
        XCTAssertEqual(state.selected, 1)
        XCTAssertEqual(CourseScreen.update(&state, .character("9")), [])
        XCTAssertEqual(state.message, "'9' is not a key here. Press ? for the list of keys.")
        XCTAssertEqual(CourseScreen.update(&state, .character("?")), [])
        XCTAssertTrue(state.showsHelp)
        let help = Fixture.render(Fixture.sizes[0]) { CourseScreen.render(state, into: &$0) }
        XCTAssertTrue(help.text.contains("Keys on a course"), help.text)
        XCTAssertEqual(CourseScreen.update(&state, .enter), [])
        XCTAssertEqual(CourseScreen.update(&state, .escape), [.back])
        XCTAssertEqual(CourseScreen.update(&state, .character("q")), [.back])
    }

    func testEachRuleRefusesTheStartInItsOwnWords() throws {
        let passed = try page(try CourseFixture.coursework(attempts: [CourseFixture.record(-5, share: 0.9, passed: true)]))
        XCTAssertEqual(passed.entry.flatMap { CourseText.startRefusal($0, in: passed.coursework, now: Fixture.start, zone: Fixture.utc) }, "You passed Sentiment labeling on 2026-11-18; there is nothing more to take.")
        let spent = try page(try CourseFixture.coursework(attempts: (1...3).map { CourseFixture.record(Double(-100 * $0), share: 0.2, passed: false) }))
        XCTAssertEqual(spent.entry.flatMap { CourseText.startRefusal($0, in: spent.coursework, now: Fixture.start, zone: Fixture.utc) }, "You have used all 3 attempts at Sentiment labeling; ask your trainer to assign it to you again.")
        var awaiting = CourseFixture.record(-5, share: 0.5, passed: false)
        awaiting.awaitingTrainer = true
        let marking = try page(try CourseFixture.coursework(attempts: [awaiting]))
        XCTAssertEqual(marking.entry.flatMap { CourseText.startRefusal($0, in: marking.coursework, now: Fixture.start, zone: Fixture.utc) }, "Your last attempt waits for a trainer's marks; you can try again once it is marked.")
        // A prerequisite not passed locks it, naming the course by its title
        var locked = try CourseFixture.course()
        locked.manifest.prerequisites = ["basics"]
        let work = Coursework(username: "ana", role: .labeler, courses: [locked, try CourseFixture.basics()], standings: [], local: [])
        let entry = try XCTUnwrap(work.entry("sentiment"))
        XCTAssertEqual(CourseText.startRefusal(entry, in: work, now: Fixture.start, zone: Fixture.utc), "Pass \"LabelDesk basics\" first: Sentiment labeling opens after it.")
        XCTAssertEqual(CourseText.status(entry, in: work, now: Fixture.start, zone: Fixture.utc), "locked: pass \"LabelDesk basics\" first")
    }
}
