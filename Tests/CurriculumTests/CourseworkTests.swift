import Curriculum
import Domain
import Foundation
import XCTest

/// A person's courses as a station works them out: the hub's standings with the attempts
/// made here, under the course rules, with no network.
final class CourseworkTests: XCTestCase {
    static let monday = Date(timeIntervalSince1970: 1_795_000_000)

    /// A course read through `CourseFolder.read`, as a station reads a package.
    static func course(_ id: String, title: String, settings: [String] = []) throws -> Course {
        let manifest = (["title: \(title)", "quiz: quiz.gift"] + settings).joined(separator: "\n") + "\n"
        let files: [String: Data] = [
            "course.conf": Data(manifest.utf8),
            "quiz.gift": Data("Two and two make four. {T}\n\nThe sky is green. {F}\n".utf8),
        ]
        let read = CourseFolder.read(id: id, files: { files[$0] }, practice: { _, _, _, _, _ in (nil, []) })
        return try XCTUnwrap(read.course, "\(read.problems)")
    }

    static func record(_ minutes: Double, passed: Bool, share: Double? = nil, id: UUID = UUID(), awaiting: Bool = false) -> AttemptRecord {
        AttemptRecord(id: id, finishedAt: monday.addingTimeInterval(minutes * 60), share: share ?? (passed ? 1 : 0.5), passed: passed, awaitingTrainer: awaiting)
    }

    func testAttemptsMadeHereCountBesideTheHubsAndRefusedOnesDoNot() throws {
        // Given the hub's record of one failed attempt, one more failed here and not yet
        // sent, and one the hub refused
        let sentiment = try Self.course("sentiment", title: "Sentiment labeling", settings: ["attempts: 3", "retry wait: 10m", "qualifies: reviews"])
        let hubs = Self.record(0, passed: false)
        let here = Self.record(20, passed: false)
        let refused = Self.record(25, passed: true)
        let work = Coursework(
            username: "ana", role: .labeler, courses: [sentiment],
            standings: [CourseStanding(username: "ana", courseID: "sentiment", attempts: [hubs])],
            local: [
                .init(courseID: "sentiment", username: "ana", record: here, status: .unsent),
                .init(courseID: "sentiment", username: "ana", record: refused, status: .refused(reason: "the course changed")),
                .init(courseID: "sentiment", username: "bo", record: Self.record(1, passed: true), status: .unsent),
            ])
        // Then two attempts count, the last waits its retry, and the refused pass does not open the project
        let entry = try XCTUnwrap(work.entry("sentiment"))
        XCTAssertEqual(entry.attempts.map(\.id), [hubs.id, here.id])
        XCTAssertEqual(entry.unsent, [here.id])
        XCTAssertEqual(entry.refused.map(\.reason), ["the course changed"])
        XCTAssertEqual(work.state(of: entry, now: Self.monday.addingTimeInterval(21 * 60)), .waiting(until: Self.monday.addingTimeInterval(30 * 60)))
        XCTAssertFalse(work.mayStartAttempt("sentiment", now: Self.monday.addingTimeInterval(29 * 60)))
        XCTAssertTrue(work.mayStartAttempt("sentiment", now: Self.monday.addingTimeInterval(30 * 60)))
        XCTAssertEqual(work.coursesNeeded(for: "reviews"), ["sentiment"])
        XCTAssertEqual(work.coursesNeeded(for: "other"), [])
    }

    func testAnAttemptTheHubListsIsCountedOnce() throws {
        let basics = try Self.course("basics", title: "LabelDesk basics")
        let attempt = Self.record(0, passed: true)
        let work = Coursework(
            username: "ana", role: .labeler, courses: [basics],
            standings: [CourseStanding(username: "ana", courseID: "basics", attempts: [attempt])],
            local: [.init(courseID: "basics", username: "ana", record: attempt, status: .accepted)])
        XCTAssertEqual(work.entry("basics")?.attempts.count, 1)
        XCTAssertEqual(work.entry("basics")?.unsent, [])
        XCTAssertEqual(work.passed, ["basics"])
    }

    func testAPassHereOpensTheProjectAndThePrerequisiteBeforeTheHubHears() throws {
        // Given basics needed by sentiment, and the hub still locking "reviews" behind both
        let basics = try Self.course("basics", title: "LabelDesk basics", settings: ["qualifies: reviews"])
        let sentiment = try Self.course("sentiment", title: "Sentiment labeling", settings: ["prerequisites: basics", "qualifies: reviews"])
        let locks = [QueuePause(username: "ana", projectID: "reviews", courses: ["basics", "sentiment"])]
        let before = Coursework(username: "ana", role: .labeler, courses: [basics, sentiment], standings: [], local: [], hubLocks: locks)
        XCTAssertEqual(before.state(of: try XCTUnwrap(before.entry("sentiment")), now: Self.monday), .locked(behind: ["basics"]))
        XCTAssertEqual(before.coursesNeeded(for: "reviews"), ["basics", "sentiment"])
        // When she passes basics here, offline
        let after = Coursework(
            username: "ana", role: .labeler, courses: [basics, sentiment], standings: [],
            local: [.init(courseID: "basics", username: "ana", record: Self.record(0, passed: true), status: .unsent)], hubLocks: locks)
        // Then sentiment opens and only it still locks the project
        XCTAssertEqual(after.state(of: try XCTUnwrap(after.entry("sentiment")), now: Self.monday), .open)
        XCTAssertEqual(after.coursesNeeded(for: "reviews"), ["sentiment"])
        XCTAssertEqual(after.title(of: "sentiment"), "Sentiment labeling")
        XCTAssertEqual(after.title(of: "unknown"), "unknown")
    }

    func testARemedialRetestCountsOnlyAttemptsSinceItWasAssignedAndAssignedCoursesComeFirst() throws {
        // Given sentiment passed long ago, then a remediation assigned, and a trainers' course
        // for another audience assigned with a due date
        let sentiment = try Self.course("sentiment", title: "Sentiment labeling", settings: ["attempts: 1"])
        let leads = try Self.course("leads", title: "Leading a shift", settings: ["audience: lead"])
        let hidden = try Self.course("hidden", title: "A trainers' course", settings: ["audience: trainer"])
        let remediation = CourseAssignment(
            reason: .remediation(projectID: "reviews", trigger: "negative", lesson: "lessons/02.md"), assignedAt: Self.monday.addingTimeInterval(3600))
        let assigned = CourseAssignment(reason: .assigned(by: "tess", cohort: nil), assignedAt: Self.monday, dueAt: Self.monday.addingTimeInterval(86_400))
        let work = Coursework(
            username: "ana", role: .labeler, courses: [sentiment, leads, hidden],
            standings: [
                CourseStanding(username: "ana", courseID: "sentiment", assignment: remediation, attempts: [Self.record(0, passed: true)]),
                CourseStanding(username: "ana", courseID: "leads", assignment: assigned),
            ], local: [])
        XCTAssertEqual(work.entries.map(\.id), ["leads", "sentiment"])
        let entry = try XCTUnwrap(work.entry("sentiment"))
        // The retest is open although the course was passed, and the qualification stays
        XCTAssertEqual(work.state(of: entry, now: Self.monday.addingTimeInterval(7200)), .open)
        XCTAssertTrue(work.passed.contains("sentiment"))
        // The assigned course is overdue once its date has passed
        let leadsEntry = try XCTUnwrap(work.entry("leads"))
        XCTAssertFalse(work.isOverdue(leadsEntry, now: Self.monday.addingTimeInterval(3600)))
        XCTAssertTrue(work.isOverdue(leadsEntry, now: Self.monday.addingTimeInterval(90_000)))
    }

    func testOutOfAttemptsAndAwaitingATrainerRefuseAStart() throws {
        let sentiment = try Self.course("sentiment", title: "Sentiment labeling", settings: ["attempts: 1"])
        let spent = Coursework(
            username: "ana", role: .labeler, courses: [sentiment],
            standings: [CourseStanding(username: "ana", courseID: "sentiment", attempts: [Self.record(0, passed: false)])], local: [])
        XCTAssertEqual(spent.state(of: try XCTUnwrap(spent.entry("sentiment")), now: Self.monday.addingTimeInterval(86_400)), .outOfAttempts)
        XCTAssertFalse(spent.mayStartAttempt("sentiment", now: Self.monday.addingTimeInterval(86_400)))
        let marking = Coursework(
            username: "ana", role: .labeler, courses: [sentiment], standings: [],
            local: [.init(courseID: "sentiment", username: "ana", record: Self.record(0, passed: false, awaiting: true), status: .unsent)])
        XCTAssertEqual(marking.state(of: try XCTUnwrap(marking.entry("sentiment")), now: Self.monday), .awaitingTrainer)
        XCTAssertFalse(marking.mayStartAttempt("unknown", now: Self.monday))
    }
}
