import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// The trainer's screen: the hub's courses with their counts, a course's live view
/// (people, item analysis, essays), marking an essay, the refresh every two seconds,
/// and what it shows at 80x24 and 120x40, colours included where they carry meaning.
final class TrainerScreenTests: XCTestCase {
    static let essayID = UUID(uuidString: "0193A000-0000-7000-8000-000000000001")!
    static let due = Fixture.start.addingTimeInterval(-3600)

    static let courses = [
        TrainerScreen.CourseSummary(courseID: "basics", title: "LabelDesk basics", version: "3f9a1c2b7d4e", assigned: 4, started: 3, passed: 1, failed: 1, overdue: 1, essays: 0),
        TrainerScreen.CourseSummary(courseID: "writing", title: "Writing rationales", version: "a1b2c3d4e5f6", assigned: 2, started: 1, passed: 0, failed: 0, overdue: 0, essays: 1),
    ]

    static func view(people: [TrainerScreen.Person]? = nil, essays: [TrainerScreen.Essay]? = nil) -> TrainerScreen.CourseView {
        TrainerScreen.CourseView(
            courseID: "basics", title: "LabelDesk basics", version: "3f9a1c2b7d4e", passMark: 1, attemptsAllowed: 2,
            people: people ?? [
                .init(username: "ana", how: "by tess", state: .passed(at: Fixture.start), hasStarted: true, isOverdue: false, attempts: 1, best: 1, dueAt: nil),
                .init(username: "ben", how: "by tess (cohort night)", state: .outOfAttempts, hasStarted: true, isOverdue: true, attempts: 2, best: 0.5, dueAt: due),
                .init(username: "cy", how: "by tess (cohort night)", state: .open, hasStarted: false, isOverdue: false, attempts: 0, best: nil,
                      dueAt: Fixture.start.addingTimeInterval(86400)),
                .init(username: "dee", how: "remediation (sentiment)", state: .awaitingTrainer, hasStarted: true, isOverdue: false, attempts: 1, best: nil, dueAt: nil),
            ],
            items: [
                .init(key: "q0", title: "Enter", attempts: 5, facility: 0.96, discrimination: 12, flags: [.tooEasy, .dubious]),
                .init(key: "q1", title: "Lock", attempts: 5, facility: 0.6, discrimination: -35, flags: [.negativelyDiscriminating, .dubious]),
                .init(key: "q2", title: "Why", attempts: 5, facility: 0.4, discrimination: 48, flags: []),
            ],
            analysed: 5, leftOut: 1,
            essays: essays ?? [
                .init(attemptID: essayID, username: "dee", finishedAt: Fixture.start.addingTimeInterval(-600), item: "q2",
                      question: "Why does a rationale matter?", answer: "So the next labeler sees why the label was chosen, and a lead can check it."),
            ])
    }

    private func list() -> TrainerScreen.State {
        var state = TrainerScreen.State(username: "tess", now: Fixture.start, timeZone: Fixture.utc)
        XCTAssertEqual(TrainerScreen.start(&state), [.loadCourses])
        XCTAssertEqual(TrainerScreen.coursesLoaded(&state, Self.courses), [])
        return state
    }

    private func opened(_ view: TrainerScreen.CourseView = TrainerScreenTests.view()) -> TrainerScreen.State {
        var state = list()
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [.loadCourse(courseID: "basics")])
        XCTAssertEqual(TrainerScreen.courseLoaded(&state, view), [])
        return state
    }

    private func press(_ state: inout TrainerScreen.State, _ keys: [Key]) -> [TrainerScreen.Effect] {
        keys.flatMap { TrainerScreen.update(&state, $0) }
    }

    /// Snapshots with the colours at both sizes; returns the larger.
    @discardableResult
    private func snapshot(_ state: TrainerScreen.State, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Buffer {
        var last = Buffer(size: Size(width: 1, height: 1))
        for size in Fixture.sizes {
            let buffer = Fixture.render(size) { TrainerScreen.render(state, into: &$0) }
            let mismatch = TextSnapshot.mismatch(TextSnapshot.styledText(of: buffer), named: "\(name)-\(size)", testFile: "\(file)")
            XCTAssertNil(mismatch, mismatch ?? "", file: file, line: line)
            last = buffer
        }
        return last
    }

    private func style(of text: String, in buffer: Buffer) -> Style? {
        for y in 0..<buffer.height {
            let row = (0..<buffer.width).map { buffer[$0, y].text }.joined()
            if let range = row.range(of: text) {
                return buffer[row.distance(from: row.startIndex, to: range.lowerBound), y].style
            }
        }
        return nil
    }

    func testTheCourseListCountsEachCoursesPeopleWithFailedOverdueAndEssaysInColour() {
        // Given the hub's two courses
        let state = list()
        // When drawn
        let buffer = snapshot(state, "trainer-courses")
        // Then each course's counts show, the banners are there, and the counts that ask for a look are coloured
        XCTAssertTrue(buffer.text.contains("LabelDesk basics (basics)"), buffer.text)
        XCTAssertEqual(buffer.text.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces), "UNCLASSIFIED")
        XCTAssertTrue(buffer.text.contains("tess"), buffer.text)
    }

    func testWhileLoadingAndWithNoCoursesTheListSaysSo() {
        var state = TrainerScreen.State(username: "tess", now: Fixture.start, timeZone: Fixture.utc)
        _ = TrainerScreen.start(&state)
        var buffer = Fixture.render(Fixture.sizes[0]) { TrainerScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("Asking the hub for its courses…"), buffer.text)
        _ = TrainerScreen.coursesLoaded(&state, [])
        buffer = Fixture.render(Fixture.sizes[0]) { TrainerScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("No courses are published at the hub yet."), buffer.text)
        // Enter on an empty list opens nothing and says why
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [])
        XCTAssertEqual(state.message, "No courses are published at the hub yet. A trainer publishes them with: labeldesk course publish FOLDER")
    }

    func testEnterOpensTheChosenCourseWhosePeopleShowWithFailedAndOverdueInRed() {
        // Given the list with the second course chosen, then the first again
        var state = list()
        XCTAssertEqual(press(&state, [.down, .up]), [])
        // When Enter opens it and the hub answers
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [.loadCourse(courseID: "basics")])
        XCTAssertTrue(state.isLoading)
        _ = TrainerScreen.courseLoaded(&state, Self.view())
        // Then one row per person, with state, tries, best and due date; overdue and failed in red
        let buffer = snapshot(state, "trainer-people")
        XCTAssertTrue(buffer.text.contains("OVERDUE"), buffer.text)
        XCTAssertEqual(style(of: "OVERDUE", in: buffer)?.foreground, .red)
        XCTAssertEqual(style(of: "failed", in: buffer)?.foreground, .red)
        XCTAssertEqual(style(of: "passed", in: buffer)?.foreground, .green)
        XCTAssertEqual(style(of: "awaiting mark", in: buffer)?.foreground, .yellow)
        // And q goes back to the list, which it asks for afresh
        XCTAssertEqual(TrainerScreen.update(&state, .character("q")), [.loadCourses])
        XCTAssertNil(state.openCourseID)
        XCTAssertEqual(TrainerScreen.update(&state, .character("q")), [.back])
    }

    func testTabAndNumbersMoveBetweenPanesAndTheItemAnalysisShowsItsFlags() {
        var state = opened()
        XCTAssertEqual(TrainerScreen.update(&state, .tab), [])
        XCTAssertEqual(state.tab, .items)
        XCTAssertEqual(TrainerScreen.update(&state, .down), [])
        // The chosen item's flags are explained under the table
        let buffer = snapshot(state, "trainer-items")
        XCTAssertTrue(buffer.text.contains("q1: negatively discriminating"), buffer.text)
        XCTAssertEqual(style(of: "negative,", in: buffer)?.foreground, .red)
        XCTAssertEqual(style(of: "too easy", in: buffer)?.foreground, .yellow)
        XCTAssertEqual(style(of: "-35", in: buffer)?.foreground, .red)
        XCTAssertEqual(TrainerScreen.update(&state, .character("3")), [])
        XCTAssertEqual(state.tab, .essays)
        XCTAssertEqual(TrainerScreen.update(&state, .tab), [])
        XCTAssertEqual(state.tab, .people)
        XCTAssertEqual(TrainerScreen.update(&state, .backTab), [])
        XCTAssertEqual(state.tab, .essays)
        XCTAssertEqual(TrainerScreen.update(&state, .character("1")), [])
        XCTAssertEqual(state.tab, .people)
    }

    func testACourseWithNoCountedAttemptSaysWhyItHasNoItemAnalysis() {
        var view = Self.view(people: [], essays: [])
        view.items = nil
        var state = opened(view)
        var buffer = Fixture.render(Fixture.sizes[0]) { TrainerScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("Nobody is assigned basics"), buffer.text)
        _ = TrainerScreen.update(&state, .character("2"))
        buffer = Fixture.render(Fixture.sizes[0]) { TrainerScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("No counted attempt at version 3f9a1c2b7d4e yet"), buffer.text)
        _ = TrainerScreen.update(&state, .character("3"))
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [])
        XCTAssertEqual(state.message, "No essays wait for a mark on this course.")
    }

    func testAnEssayOpensItsAnswerShowsAndEnterSendsTheTypedMark() {
        // Given the essays pane
        var state = opened()
        _ = TrainerScreen.update(&state, .character("3"))
        snapshot(state, "trainer-essays")
        // When Enter opens the essay and a mark is typed
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [])
        XCTAssertEqual(press(&state, "0.75".map(Key.character)), [])
        let buffer = snapshot(state, "trainer-essay-open")
        XCTAssertTrue(buffer.text.contains("So the next labeler sees why"), buffer.text)
        XCTAssertNotNil(buffer.cursor)
        // Then Enter sends it, and the screen waits for the hub
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [.mark(attemptID: Self.essayID, item: "q2", mark: 0.75)])
        XCTAssertTrue(state.isSending)
        // And the hub's answer closes the essay with its sentence
        _ = TrainerScreen.done(&state, sentence: "Marked q2 of dee's attempt: 75% so far, passed.")
        XCTAssertNil(state.openEssay)
        XCTAssertEqual(state.message, "Marked q2 of dee's attempt: 75% so far, passed.")
    }

    func testAMarkOutsideZeroToOneIsRefusedOnScreenAndEscClosesTheEssay() {
        var state = opened()
        _ = press(&state, [.character("3"), .enter])
        // An empty mark, a word, and more than an item is worth: nothing is sent
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [])
        XCTAssertEqual(state.message, "Type a mark first: 0 to 1 (like 0.5) or a percentage (like 50%).")
        _ = press(&state, "half".map(Key.character))
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [])
        XCTAssertEqual(state.message, "\"half\" is not a mark; type 0 to 1 (like 0.5) or a percentage (like 50%).")
        _ = press(&state, [.control("u")] + "2".map(Key.character))
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [])
        XCTAssertEqual(state.message, "2 is outside 0 to 1; an item is worth 1 at most (or 100%).")
        // A percentage is a share
        _ = press(&state, [.control("u")] + "50%".map(Key.character))
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [.mark(attemptID: Self.essayID, item: "q2", mark: 0.5)])
        // A refusal by the hub keeps the essay open with its sentence, to correct the mark
        TrainerScreen.failed(&state, message: "Ben is not allowed to mark attempts: only trainers and admins are.")
        XCTAssertNotNil(state.openEssay)
        XCTAssertFalse(state.isSending)
        XCTAssertEqual(state.message, "Ben is not allowed to mark attempts: only trainers and admins are.")
        // Esc closes it; q then leaves the course
        XCTAssertEqual(TrainerScreen.update(&state, .escape), [])
        XCTAssertNil(state.openEssay)
        XCTAssertEqual(TrainerScreen.update(&state, .character("q")), [.loadCourses])
    }

    func testAOpensTheAssignFormAndEnterAssignsTheCourseWithTheDueDateTyped() {
        // Given a course's page
        var state = opened()
        // When a opens the form and Enter is pressed with nothing typed, it says what to type
        XCTAssertEqual(TrainerScreen.update(&state, .character("a")), [])
        XCTAssertNotNil(state.assignForm)
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [])
        XCTAssertEqual(state.message, "Type who is to take the course: a username, or cohort and the cohort's name.")
        // When a cohort and a day are typed (Tab moves to the due date), Enter assigns it due the end of that day, UTC
        _ = press(&state, "cohort night".map(Key.character) + [.tab] + "2026-12-15".map(Key.character))
        let buffer = snapshot(state, "trainer-assign")
        XCTAssertNotNil(buffer.cursor)
        let due = ISO8601DateFormatter().date(from: "2026-12-15T23:59:59Z")!
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [.assign(courseID: "basics", to: .cohort("night"), dueAt: due)])
        XCTAssertTrue(state.isSending)
        // Then the hub's answer closes the form with its sentence
        _ = TrainerScreen.done(&state, sentence: "Assigned basics to cohort night (ben, cy), due 2026-12-15 23:59 UTC.")
        XCTAssertNil(state.assignForm)
        XCTAssertEqual(state.message, "Assigned basics to cohort night (ben, cy), due 2026-12-15 23:59 UTC.")
        // A due date that is none is refused on screen; a time from now counts from the clock
        _ = press(&state, [.character("a")] + "ana".map(Key.character) + [.tab] + "soon".map(Key.character) + [.enter])
        XCTAssertEqual(state.message, "\"soon\" is not a due date; type a day like 2026-12-15, a time from now like 3d, 12h or 90m, or nothing.")
        _ = press(&state, [.control("u")] + "3d".map(Key.character))
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [.assign(courseID: "basics", to: .person("ana"), dueAt: Fixture.start.addingTimeInterval(3 * 86400))])
        // A refusal keeps the form to correct; Esc closes it
        TrainerScreen.failed(&state, message: "The due date is already past.")
        XCTAssertNotNil(state.assignForm)
        XCTAssertEqual(TrainerScreen.update(&state, .escape), [])
        XCTAssertNil(state.assignForm)
        // Nothing typed as the due date: no due date
        _ = press(&state, [.character("a")] + "ana".map(Key.character))
        XCTAssertEqual(TrainerScreen.update(&state, .enter), [.assign(courseID: "basics", to: .person("ana"), dueAt: nil)])
    }

    func testKeysTypedWhileAMarkIsSentWaitAndReplay() {
        var state = opened()
        _ = press(&state, [.character("3"), .enter, .character("1"), .enter])
        XCTAssertTrue(state.isSending)
        // q and r typed while the hub takes the mark wait
        XCTAssertEqual(press(&state, [.character("1"), .character("r")]), [])
        XCTAssertEqual(state.deferredKeys, [.character("1"), .character("r")])
        // Then replay once it answers: back to the people pane, and a refresh
        XCTAssertEqual(TrainerScreen.done(&state, sentence: "Marked."), [.loadCourse(courseID: "basics")])
        XCTAssertEqual(state.tab, .people)
    }

    func testKeysTypedBeforeTheCoursesArriveReplayOnTheList() {
        var state = TrainerScreen.State(username: "tess", now: Fixture.start, timeZone: Fixture.utc)
        _ = TrainerScreen.start(&state)
        XCTAssertEqual(press(&state, [.down, .enter]), [])
        XCTAssertEqual(TrainerScreen.coursesLoaded(&state, Self.courses), [.loadCourse(courseID: "writing")])
        // And keys typed while the course opens replay on its page
        XCTAssertEqual(press(&state, [.character("2")]), [])
        var view = Self.view()
        view.courseID = "writing"
        _ = TrainerScreen.courseLoaded(&state, view)
        XCTAssertEqual(state.tab, .items)
    }

    func testTheOpenPageAsksTheHubAgainEveryTwoSecondsAndRAtOnce() {
        var state = opened()
        // Not before two seconds since it last asked
        XCTAssertEqual(TrainerScreen.ticked(&state, Fixture.start.addingTimeInterval(1)), [])
        XCTAssertEqual(TrainerScreen.ticked(&state, Fixture.start.addingTimeInterval(2)), [.loadCourse(courseID: "basics")])
        // Not again while that refresh is out, and keys do not wait for it
        XCTAssertEqual(TrainerScreen.ticked(&state, Fixture.start.addingTimeInterval(5)), [])
        XCTAssertEqual(TrainerScreen.update(&state, .character("r")), [])
        XCTAssertEqual(TrainerScreen.update(&state, .down), [])
        XCTAssertEqual(state.selectedRow[.people], 1)
        // When it answers with ben's row moved down, ben stays chosen and the time shows
        var view = Self.view()
        view.people.insert(.init(username: "al", how: "by tess", state: .open, hasStarted: false, isOverdue: false, attempts: 0, best: nil, dueAt: nil), at: 0)
        _ = TrainerScreen.courseLoaded(&state, view)
        XCTAssertEqual(state.selectedRow[.people], 2)
        XCTAssertEqual(state.updatedAt, Fixture.start.addingTimeInterval(5))
        // r asks at once
        XCTAssertEqual(TrainerScreen.update(&state, .character("r")), [.loadCourse(courseID: "basics")])
        // The list refreshes too
        state = list()
        XCTAssertEqual(TrainerScreen.ticked(&state, Fixture.start.addingTimeInterval(2)), [.loadCourses])
    }

    func testAnAnswerForAPageNoLongerOpenIsDropped() {
        var state = opened()
        _ = TrainerScreen.ticked(&state, Fixture.start.addingTimeInterval(2))
        _ = TrainerScreen.update(&state, .character("q"))
        XCTAssertEqual(TrainerScreen.courseLoaded(&state, Self.view()), [])
        XCTAssertNil(state.view)
        XCTAssertNil(state.openCourseID)
    }

    func testAStationWithoutAHubSaysWhereToLookAndNeverAsksAgain() {
        var state = TrainerScreen.State(username: "tess", now: Fixture.start, timeZone: Fixture.utc)
        _ = TrainerScreen.start(&state)
        TrainerScreen.failed(&state, message: "Courses are followed where the hub is.")
        XCTAssertEqual(TrainerScreen.ticked(&state, Fixture.start.addingTimeInterval(10)), [])
        let buffer = Fixture.render(Fixture.sizes[0]) { TrainerScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("Courses are followed where the hub is."), buffer.text)
    }

    func testAMarkIsReadAsTheCommandLineReadsIt() {
        XCTAssertEqual(TrainerText.share(fromMark: "1"), .success(1))
        XCTAssertEqual(TrainerText.share(fromMark: " 0.5 "), .success(0.5))
        XCTAssertEqual(TrainerText.share(fromMark: "75 %"), .success(0.75))
        XCTAssertEqual(TrainerText.share(fromMark: "0"), .success(0))
        XCTAssertThrowsError(try TrainerText.share(fromMark: "-0.1").get())
        XCTAssertThrowsError(try TrainerText.share(fromMark: "101%").get())
    }

    func testOnlyATrainerLeadOrAdminSeesTOnTheHomeScreen() {
        var home = HomeScreen.State(displayName: "Tess", previousLogonAt: nil, timeZone: Fixture.utc)
        _ = HomeScreen.loaded(&home, queues: [])
        XCTAssertEqual(HomeScreen.update(&home, .character("t")), [])
        var buffer = Fixture.render(Fixture.sizes[1]) { HomeScreen.render(home, into: &$0) }
        XCTAssertFalse(buffer.text.contains("t trainer"))
        home.trains = true
        XCTAssertEqual(HomeScreen.update(&home, .character("t")), [.openTrainer])
        buffer = Fixture.render(Fixture.sizes[1]) { HomeScreen.render(home, into: &$0) }
        XCTAssertTrue(buffer.text.contains("t trainer"), buffer.text)
        // And at 80 columns the help's own hints make room, so help and quit are never cut
        home.reviewsGold = true
        buffer = Fixture.render(Fixture.sizes[0]) { HomeScreen.render(home, into: &$0) }
        XCTAssertTrue(buffer.text.contains("g gold review·t trainer·r refresh·? help·q quit"), buffer.text)
        // And its help lists t
        _ = HomeScreen.update(&home, .character("?"))
        buffer = Fixture.render(Fixture.sizes[1]) { HomeScreen.render(home, into: &$0) }
        XCTAssertTrue(buffer.text.contains("trainer: courses"), buffer.text)
    }
}
