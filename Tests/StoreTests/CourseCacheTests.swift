import Curriculum
import Domain
import Foundation
import GRDB
import Store
import Testing
import TestSupport

/// The station's course cache: packages, standings and course locks from the hub's
/// replies, and the training outbox of attempts and lesson readings until the hub answers.
@Suite("Courses on the station")
struct CourseCacheTests {
    let directory: TemporaryDirectory
    let station: StationDatabase
    static let picture = try! Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ImageryTests/Vectors/rgb_sample.png"))

    init() throws {
        directory = try TemporaryDirectory()
        station = try makeStation(in: directory)
    }

    static func package(_ id: String, lesson: String = "# Basics\n", picture: Data? = nil) -> CoursePackage {
        var files = ["course.conf": Data("title: \(id)\nlesson: lessons/01.md\n".utf8), "lessons/01.md": Data(lesson.utf8)]
        if let picture { files["lessons/keys.png"] = picture }
        return CoursePackage(id: id, files: files)
    }

    static func reply(cursor: Int64, courses: [CoursePackage] = [], standings: [CourseStanding]? = nil, pauses: [QueuePause]? = nil, outcomes: [AnnotationOutcome] = []) -> SyncReply {
        SyncReply(outcomes: [], leases: [], projects: [sentimentProject()], waitingAtHub: [:], cursor: cursor, pauses: pauses, trainingOutcomes: outcomes, courses: courses, standings: standings)
    }

    static func attempt(_ courseID: String = "basics", at minutes: Double = 0, username: String = "ana") -> CourseAttempt {
        CourseAttempt(
            id: UUID(), courseID: courseID, courseVersion: "v1", username: username, stationID: "station-1", startedAt: monday,
            finishedAt: monday.addingTimeInterval(minutes * 60), responses: ["q0": .question(.truth(true))])
    }

    @Test func theLatestPackageOfEachCourseIsKeptWithItsPicturesInTheMediaFolder() throws {
        // Given a reply bringing a course whose lesson shows a picture
        let first = Self.package("basics", picture: Self.picture)
        try station.applySyncReply(Self.reply(cursor: 3, courses: [first]), now: monday)
        // Then the package is cached and its picture is a present media file
        #expect(try station.courseVersions() == ["basics": first.version])
        #expect(try station.coursePackage(id: "basics") == first)
        let media = try #require(try station.courseMedia(courseID: "basics", path: "lessons/keys.png"))
        let file = try #require(try station.presentMediaFile(sha256: media.sha256))
        #expect(try Data(contentsOf: file) == Self.picture)
        #expect(try station.courseMedia(courseID: "basics", path: "lessons/01.md") == nil)

        // When a later reply brings a new version without the picture
        let second = Self.package("basics", lesson: "# Basics, again\n")
        try station.applySyncReply(Self.reply(cursor: 4, courses: [second]), now: monday)
        // Then it replaces the first, and the picture's file goes
        #expect(try station.coursePackage(id: "basics") == second)
        #expect(try station.courseMedia(courseID: "basics", path: "lessons/keys.png") == nil)
        #expect(!FileManager.default.fileExists(atPath: file.path))

        // And a reply older than what was pulled does not roll it back
        try station.applySyncReply(Self.reply(cursor: 2, courses: [first]), now: monday)
        #expect(try station.coursePackage(id: "basics") == second)
    }

    @Test func standingsAndCourseLocksReplaceTheLastListAndQualityPausesStayApart() throws {
        let record = AttemptRecord(id: UUID(), finishedAt: monday, share: 0.5, passed: false)
        let standings = [CourseStanding(username: "ana", courseID: "basics", attempts: [record])]
        let pauses = [QueuePause(username: "ana", projectID: "sentiment", courses: ["basics", "sentiment-course"])]
        try station.applySyncReply(Self.reply(cursor: 1, standings: standings, pauses: pauses), now: monday)
        #expect(try station.courseStandings(username: "ana") == standings)
        #expect(try station.courseStandings(username: "bo") == [])
        #expect(try station.pauses(username: "ana") == pauses)
        // The queue is shut and says which courses open it, but it is not a quality pause
        let summary = try #require(try station.queueSummaries(username: "ana", now: monday, calendar: utcCalendar).first)
        #expect(!summary.isPaused)
        #expect(summary.coursesNeeded == ["basics", "sentiment-course"])
        try station.cacheLeases([lease("t1")])
        #expect(try station.nextTask(projectID: "sentiment", for: "ana") == nil)

        // A reply without standings or pauses keeps them; the next with them replaces them
        try station.applySyncReply(Self.reply(cursor: 2), now: monday)
        #expect(try station.courseStandings(username: "ana") == standings)
        try station.applySyncReply(Self.reply(cursor: 3, standings: [], pauses: [QueuePause(username: "ana", projectID: "sentiment")]), now: monday)
        #expect(try station.courseStandings(username: "ana") == [])
        let paused = try #require(try station.queueSummaries(username: "ana", now: monday, calendar: utcCalendar).first)
        #expect(paused.isPaused && paused.coursesNeeded == [])
    }

    @Test func anAttemptIsSavedWithItsGradeAndOutboxRowAndLeavesTheOutboxOnlyOnADefiniteAnswer() throws {
        // Given two attempts and a lesson reading made here
        let first = Self.attempt(at: 1), second = Self.attempt(at: 2)
        let firstRecord = AttemptRecord(id: first.id, finishedAt: first.finishedAt, share: 0.5, passed: false)
        let secondRecord = AttemptRecord(id: second.id, finishedAt: second.finishedAt, share: 1, passed: true)
        let card = SpacedReview().afterAnswer(nil, right: false, at: monday)
        try station.recordAttempt(first, record: firstRecord, reviews: [ReviewChange(courseID: "basics", item: "p:t1", card: card)], now: monday)
        try station.recordAttempt(second, record: secondRecord, reviews: [], now: monday)
        let reading = LessonReading(id: UUID(), username: "ana", stationID: "station-1", courseID: "basics", lesson: "lessons/01.md", variant: true, at: monday)
        try station.recordLessonReading(reading)

        // Then all three wait in the outbox, the attempts count here, and the audit has them
        let outbox = try station.trainingOutbox(limit: 10)
        #expect(outbox.attempts == [first, second])
        #expect(outbox.readings == [reading])
        #expect(try station.syncStatus().pending == 3)
        #expect(try station.localAttempts(username: "ana").map(\.status) == [.unsent, .unsent])
        #expect(try station.localAttempts(username: "ana").map(\.record.passed) == [false, true])
        #expect(try station.lessonsRead(username: "ana") == ["basics": ["lessons/01.md"]])
        #expect(try station.reviewItems(username: "ana").map(\.item) == ["p:t1"])
        #expect(try station.recentAuditEntries(limit: 2).map(\.detail) == ["basics: 50% (not passed)", "basics: 100% (passed)"])

        // When the hub takes the first and the reading and refuses the second
        try station.applySyncReply(Self.reply(cursor: 1, outcomes: [
            AnnotationOutcome(annotationID: first.id, status: .accepted),
            AnnotationOutcome(annotationID: second.id, status: .rejected, reason: "the course \"basics\" changed; take it again"),
            AnnotationOutcome(annotationID: reading.id, status: .accepted),
        ]), now: monday)
        // Then the outbox is empty, the refusal is kept with its reason, the accepted one still counts
        #expect(try station.trainingOutbox(limit: 10).isEmpty)
        #expect(try station.localAttempts(username: "ana").map(\.status) == [.accepted, .refused(reason: "the course \"basics\" changed; take it again")])

        // And once the hub's standings list the accepted one, the station forgets its own copy
        try station.applySyncReply(Self.reply(cursor: 2, standings: [CourseStanding(username: "ana", courseID: "basics", attempts: [firstRecord])]), now: monday)
        #expect(try station.localAttempts(username: "ana").map(\.record.id) == [second.id])
    }

    @Test func anAttemptIsNeverPartlySaved() throws {
        // Given an attempt already recorded
        let attempt = Self.attempt()
        let record = AttemptRecord(id: attempt.id, finishedAt: attempt.finishedAt, share: 1, passed: true)
        try station.recordAttempt(attempt, record: record, reviews: [], now: monday)
        // When the same id is recorded again (its insert fails inside the transaction)
        #expect(throws: (any Error).self) {
            try station.recordAttempt(attempt, record: record, reviews: [ReviewChange(courseID: "basics", item: "p:t2", card: SpacedReview.Card(due: monday))], now: monday)
        }
        // Then nothing of the second write is there
        #expect(try station.reviewItems(username: "ana") == [])
        #expect(try station.trainingOutboxCount() == 1)
    }

    @Test func theDatabaseFileIsInWALAndCommitsAttemptsDurably() throws {
        let queue = try DatabaseQueue(path: directory.path("station.sqlite"))
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        let tables = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        for table in ["course", "course_attempt", "course_media", "course_standing", "lesson_reading", "review_card", "training_outbox"] {
            #expect(tables.contains(table))
        }
    }

    @Test func reviewCardsAreSavedChangedAndRemoved() throws {
        let scheduler = SpacedReview()
        let card = try #require(scheduler.afterAnswer(nil, right: false, at: monday))
        try station.saveReviews([ReviewChange(courseID: "basics", item: "p:t1", card: card), ReviewChange(courseID: "basics", item: "p:t2", card: card)], username: "ana")
        let next = try #require(scheduler.afterAnswer(card, right: true, at: card.due))
        try station.saveReviews([ReviewChange(courseID: "basics", item: "p:t1", card: next), ReviewChange(courseID: "basics", item: "p:t2", card: nil)], username: "ana")
        let items = try station.reviewItems(username: "ana")
        #expect(items.map(\.item) == ["p:t1"])
        #expect(items.first?.card.state == next.state && items.first?.card.step == next.step)
        #expect(abs((items.first?.card.due.timeIntervalSince(next.due) ?? 1)) < 0.001)
        #expect(try station.reviewItems(username: "bo") == [])
    }
}
