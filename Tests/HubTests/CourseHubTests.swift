import Curriculum
import Domain
import Foundation
import Hub
import Store
import Testing
import TestSupport

/// Courses at the hub: publishing, cohorts and assignments, attempts and readings from
/// stations, qualification, standings and a trainer's marks, over real course folders
/// and a real hub database.
@Suite("Courses at the hub")
struct CourseHubTests {
    let directory: TemporaryDirectory
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        hub = try makeHub(in: directory)
        try hub.setUser(username: "tom", role: .trainer, actor: "admin", now: monday)
        try hub.setUser(username: "lee", role: .lead, actor: "admin", now: monday)
        try hub.importTasks(projectID: "sentiment", tasks: (1...10).map { task("t\($0)") }, actor: "admin", now: monday)
    }

    /// Publishes these course folders as tom; returns the current version of each.
    @discardableResult
    func publish(_ files: [String: String]..., name: String = "Training") throws -> [String: String] {
        let root = try CourseFixtures.folder(files.reduce(into: [:]) { $0.merge($1) { _, new in new } }, in: directory, name: name)
        try hub.publishCourses(from: root, actor: "tom", now: monday)
        return Dictionary(uniqueKeysWithValues: try hub.publishedCourses().map { ($0.id, $0.version) })
    }

    func sync(
        _ attempts: [CourseAttempt] = [], readings: [LessonReading] = [], people: [String] = ["ana"], wanted: Int = 5, cursor: Int64 = 0,
        at now: Date = monday, station: String = "station-1"
    ) throws -> SyncReply {
        try hub.exchange(
            SyncRequest(
                stationID: station, annotations: [], cursor: cursor, wantedLeases: wanted, people: people, attempts: attempts, lessonReadings: readings),
            now: now)
    }

    // MARK: Publishing

    @Test func publishingStoresNewCoursesOnceAndStationsPullEachNewVersion() throws {
        // Given the basics course in a folder
        let root = try CourseFixtures.folder(CourseFixtures.basics, in: directory)

        // When tom publishes it, then publishes the same folder again
        let first = try hub.publishCourses(from: root, actor: "tom", now: monday)
        let firstVersion = try #require(try hub.course(id: "basics")?.version)
        let cursor = try sync(people: [], wanted: 0).cursor
        let audited = try hub.verifyAudit()
        let again = try hub.publishCourses(from: root, actor: "tom", now: monday)

        // Then the first stores it and a station pulls its package; the second writes nothing
        #expect(first == CoursePublication(published: ["basics"], unchanged: []))
        #expect(again == CoursePublication(published: [], unchanged: ["basics"]))
        #expect(try hub.verifyAudit() == audited)
        #expect(try sync(people: [], wanted: 0).courses.map(\.id) == ["basics"])
        #expect(try sync(people: [], wanted: 0, cursor: cursor).courses.isEmpty)

        // And a changed lesson is a new version, pulled by a station past the first
        try Data("# Keys\n\nPress **Enter**, then wait.\n".utf8).write(to: root.appendingPathComponent("basics/lessons/01.md"))
        #expect(try hub.publishCourses(from: root, actor: "tom", now: monday).published == ["basics"])
        let changed = try sync(people: [], wanted: 0, cursor: cursor)
        #expect(changed.courses.map(\.id) == ["basics"])
        #expect(changed.courses.first?.version == (try hub.course(id: "basics")?.version))
        #expect(changed.courses.first?.version != firstVersion)
        // And the old version stays, for attempts made on it
        #expect(try hub.course(id: "basics", version: firstVersion) != nil)
    }

    @Test func aBrokenCourseStopsTheWholePublishWithEveryProblemByFileAndLine() throws {
        // Given a good course beside one whose manifest has an unknown setting on line 2 and one whose quiz is broken on line 3
        var files = CourseFixtures.basics
        files["broken/course.conf"] = "title: Broken\ncolour: blue\nquiz: quiz.gift\n"
        files["quizzy/course.conf"] = "title: Quizzy\nquiz: quiz.gift\n"
        files["quizzy/quiz.gift"] = "::A:: Fine? {T}\n\n::B:: Broken {=yes ~no\n"
        let root = try CourseFixtures.folder(files, in: directory)

        // When tom publishes the folder
        let error = #expect(throws: HubError.self) { try hub.publishCourses(from: root, actor: "tom", now: monday) }

        // Then nothing is published, and the refusal names each problem by file and line
        guard case .coursesRefused(let problems)? = error else { Issue.record("refused as \(String(describing: error))"); return }
        #expect(problems.contains { $0.hasPrefix("broken/course.conf:2: \"colour\" is not a course setting") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("quizzy/quiz.gift:3: ") }, "\(problems)")
        #expect(error?.description.hasPrefix("nothing was published") == true)
        #expect(try hub.publishedCourses().isEmpty)
    }

    @Test func onlyTrainersAndAdminsPublishAndOnlyTrainersLeadsAndAdminsAssign() throws {
        let root = try CourseFixtures.folder(CourseFixtures.basics, in: directory)
        #expect(throws: HubError.refused("ana is a labeler at the hub; only trainers and admins publish courses")) {
            try hub.publishCourses(from: root, actor: "ana", now: monday)
        }
        #expect(throws: HubError.refused("lee is a lead at the hub; only trainers and admins publish courses")) {
            try hub.publishCourses(from: root, actor: "lee", now: monday)
        }
        #expect(throws: HubError.self) { try hub.publishCourses(from: root, actor: "nobody", now: monday) }
        try publish(CourseFixtures.basics)
        #expect(throws: HubError.refused("ana is a labeler at the hub; only trainers, leads and admins assign courses")) {
            try hub.assignCourse("basics", to: .person("bea"), dueAt: nil, actor: "ana", now: monday)
        }
        #expect(throws: HubError.refused("bea is a labeler at the hub; only trainers, leads and admins make cohorts")) {
            try hub.createCohort(name: "intake", actor: "bea", now: monday)
        }
        // A lead may assign
        #expect(try hub.assignCourse("basics", to: .person("bea"), dueAt: nil, actor: "lee", now: monday) == ["bea"])
        // And unknown people, courses, cohorts and past dates are named
        #expect(throws: HubError.self) { try hub.assignCourse("basics", to: .person("zed"), dueAt: nil, actor: "tom", now: monday) }
        let noCourse = #expect(throws: HubError.self) { try hub.assignCourse("cooking", to: .person("ana"), dueAt: nil, actor: "tom", now: monday) }
        #expect(noCourse?.description == "there is no published course \"cooking\"; the published courses are basics")
        let noCohort = #expect(throws: HubError.self) { try hub.assignCourse("basics", to: .cohort("night"), dueAt: nil, actor: "tom", now: monday) }
        #expect(noCohort?.description.hasPrefix("there is no cohort \"night\"") == true)
        #expect(throws: HubError.self) { try hub.assignCourse("basics", to: .person("ana"), dueAt: monday.addingTimeInterval(-1), actor: "tom", now: monday) }
    }

    // MARK: Cohorts and assignments

    @Test func aCohortsCourseGoesToEveryMemberAndToThoseWhoJoinLater() throws {
        // Given a cohort of ana and bea, and the safety course
        try publish(CourseFixtures.safety)
        try hub.createCohort(name: "intake", actor: "tom", now: monday)
        let first = try hub.addToCohort(name: "intake", usernames: ["ana", "bea", "ana"], actor: "tom", now: monday)
        #expect(first.added == ["ana", "bea"])

        // When tom assigns the course to the cohort, due in a week, and cy joins after
        let due = monday.addingTimeInterval(7 * 86_400)
        #expect(try hub.assignCourse("safety", to: .cohort("intake"), dueAt: due, actor: "tom", now: monday) == ["ana", "bea"])
        try hub.setUser(username: "cy", role: .labeler, actor: "admin", now: monday)
        let later = try hub.addToCohort(name: "intake", usernames: ["cy", "ana"], actor: "tom", now: monday.addingTimeInterval(60))

        // Then each of the three has it, through the cohort, due when the cohort's is
        #expect(later == CohortAddition(added: ["cy"], alreadyIn: ["ana"], coursesGiven: ["safety"]))
        for person in ["ana", "bea", "cy"] {
            let assignment = try #require(try hub.assignments(username: person).first)
            #expect(assignment.courseID == "safety")
            #expect(assignment.assignment.reason == .assigned(by: "tom", cohort: "intake"))
            #expect(assignment.assignment.dueAt == due)
        }
        #expect(try hub.cohorts().map(\.members) == [["ana", "bea", "cy"]])
        // And unknown people are refused with nobody added
        #expect(throws: HubError.self) { try hub.addToCohort(name: "intake", usernames: ["dee"], actor: "tom", now: monday) }
        #expect(throws: HubError.self) { try hub.createCohort(name: "intake", actor: "tom", now: monday) }
        #expect(throws: HubError.self) { try hub.createCohort(name: "two words", actor: "tom", now: monday) }
        // And the status shows them, overdue after the date
        let status = try hub.courseStatus(courseID: "safety", now: due.addingTimeInterval(1))
        #expect(status.people.map(\.username) == ["ana", "bea", "cy"])
        #expect(status.people.allSatisfy { $0.isOverdue && !$0.hasStarted && $0.state == .open })
    }

    // MARK: Attempts from stations

    @Test func anAttemptIsGradedAtTheHubOnceAndAResendGetsTheFirstAnswer() throws {
        // Given basics published
        let version = try #require(try publish(CourseFixtures.basics)["basics"])
        let attempt = CourseFixtures.attempt("basics", version: version, at: monday, responses: CourseFixtures.right)

        // When a station sends ana's attempt twice, then the same id with other answers
        let first = try sync([attempt])
        let again = try sync([attempt])
        var altered = attempt
        altered.responses = CourseFixtures.wrong
        let clash = try sync([altered])

        // Then it is graded as passed, kept once, and acknowledged the same both times
        #expect(first.trainingOutcomes == [AnnotationOutcome(annotationID: attempt.id, status: .accepted)])
        #expect(again.trainingOutcomes == first.trainingOutcomes)
        #expect(clash.trainingOutcomes.first?.status == .rejected)
        #expect(clash.trainingOutcomes.first?.reason?.contains("already received with different content") == true)
        let stored = try hub.attempts(username: "ana")
        #expect(stored.count == 1)
        #expect(stored.first?.passed == true && stored.first?.counted == true && stored.first?.share == 1)
    }

    @Test func anAttemptOnAVersionTheHubNeverPublishedIsRejectedWithASentence() throws {
        try publish(CourseFixtures.basics)
        let attempt = CourseFixtures.attempt("basics", version: "0123456789abcdef", at: monday, responses: CourseFixtures.right)
        let unknownCourse = CourseFixtures.attempt("cooking", version: "0123456789abcdef", at: monday, responses: [:])
        let reply = try sync([attempt, unknownCourse])
        #expect(reply.trainingOutcomes.map(\.status) == [.rejected, .rejected])
        #expect(reply.trainingOutcomes[0].reason?.hasPrefix("course \"basics\" has no version 0123456789abcdef at the hub") == true)
        #expect(reply.trainingOutcomes[1].reason?.hasPrefix("course \"cooking\" is not published at the hub") == true)
        #expect(try hub.attempts(username: "ana").isEmpty)
        // And an attempt sent by another station, or by someone not on the roster, is refused
        var elsewhere = CourseFixtures.attempt("basics", version: try #require(try hub.course(id: "basics")?.version), at: monday, responses: [:])
        elsewhere.stationID = "station-2"
        var stranger = elsewhere
        stranger.id = UUID()
        stranger.stationID = "station-1"
        stranger.username = "zed"
        #expect(try sync([elsewhere, stranger]).trainingOutcomes.map(\.status) == [.rejected, .rejected])
    }

    @Test func anAttemptInsideTheRetryWaitOrOverTheAttemptsAllowedIsKeptButDoesNotCount() throws {
        // Given basics: two attempts, ten minutes' wait
        let version = try #require(try publish(CourseFixtures.basics)["basics"])
        func attempt(at minutes: Double, _ responses: [String: AttemptResponse] = CourseFixtures.wrong) -> CourseAttempt {
            CourseFixtures.attempt("basics", version: version, at: monday.addingTimeInterval(minutes * 60), minutes: 1, responses: responses)
        }
        // When ana fails at 0, tries again at 5 (inside the wait), fails at 20, then passes at 40 (out of attempts)
        let early = attempt(at: 5), over = attempt(at: 40, CourseFixtures.right)
        let reply = try sync([attempt(at: 0), early, attempt(at: 20), over])

        // Then the first and third count; the second and fourth are kept, not counted, and say why
        #expect(reply.trainingOutcomes.map(\.status) == [.accepted, .superseded, .accepted, .superseded])
        #expect(reply.trainingOutcomes[1].reason?.contains("inside the retry wait that ran until 2025-03-03 09:11:00 UTC") == true, "\(reply.trainingOutcomes[1])")
        #expect(reply.trainingOutcomes[3].reason?.hasPrefix("all 2 attempts basics allows were used before this one") == true, "\(reply.trainingOutcomes[3])")
        let stored = try hub.attempts(username: "ana", courseID: "basics")
        #expect(stored.map(\.counted) == [true, false, true, false])
        #expect(try hub.courseState(username: "ana", courseID: "basics", now: monday.addingTimeInterval(3600)) == .outOfAttempts)
        // And a resend of the one over the limit is answered as before
        #expect(try sync([over]).trainingOutcomes == [reply.trainingOutcomes[3]])

        // When tom assigns the course again, ana has two fresh attempts
        try hub.assignCourse("basics", to: .person("ana"), dueAt: nil, actor: "tom", now: monday.addingTimeInterval(3600))
        #expect(try sync([attempt(at: 61, CourseFixtures.right)]).trainingOutcomes.map(\.status) == [.accepted])
        #expect(try hub.courseState(username: "ana", courseID: "basics", now: monday.addingTimeInterval(4000)) == .passed(at: monday.addingTimeInterval(62 * 60)))
        #expect(try hub.assignments(username: "ana", courseID: "basics").allSatisfy(\.isCleared))
    }

    // MARK: Qualification and standings

    @Test func aProjectStaysLockedUntilItsCourseIsPassedAndThenOpens() throws {
        // Given basics qualifying for sentiment, and a second project no course names
        let version = try #require(try publish(CourseFixtures.basics)["basics"])
        try hub.createProject(
            Project(id: "topics", title: "Topics", labels: [LabelChoice(name: "sport"), LabelChoice(name: "news")]), actor: "admin", now: monday)
        try hub.importTasks(projectID: "topics", tasks: (1...4).map { task("x\($0)", project: "topics") }, actor: "admin", now: monday)

        // When ana's station asks for work before she has passed
        let locked = try sync(wanted: 3)

        // Then she is leased nothing of sentiment, and told which course opens it; topics is open as ever
        #expect(locked.leases.allSatisfy { $0.task.projectID == "topics" })
        #expect(locked.leases.count == 3)
        #expect(locked.pauses == [QueuePause(username: "ana", projectID: "sentiment", courses: ["basics"])])
        // And a station naming nobody gets none of sentiment either (whoever logs on may not be qualified)
        #expect(try sync(people: [], wanted: 3).leases.allSatisfy { $0.task.projectID == "topics" })

        // When she fails, the lock stays; when she passes, it lifts in the same sync
        #expect(try sync([CourseFixtures.attempt("basics", version: version, at: monday, responses: CourseFixtures.wrong)], wanted: 3).pauses?.isEmpty == false)
        let passing = CourseFixtures.attempt("basics", version: version, at: monday.addingTimeInterval(900), responses: CourseFixtures.right)
        let open = try sync([passing], wanted: 3, at: monday.addingTimeInterval(1200))
        #expect(open.pauses == [])
        #expect(open.leases.filter { $0.task.projectID == "sentiment" }.count == 3)
        #expect(open.leases.allSatisfy { $0.assignee == "ana" })
        // And bea, who has not passed, is still locked
        #expect(try sync(people: ["bea"], wanted: 1).pauses == [QueuePause(username: "bea", projectID: "sentiment", courses: ["basics"])])
        #expect(try hub.coursesNeeded(projectID: "sentiment", username: "ana") == [])
        #expect(try hub.coursesNeeded(projectID: "sentiment", username: "bea") == ["basics"])
    }

    @Test func standingsHoldAssignedCoursesTheCoursesProjectsNeedAndTheirPrerequisites() throws {
        // Given basics (sentiment needs it), writing (needs basics) and safety (no project needs it)
        let versions = try publish(CourseFixtures.basics, CourseFixtures.writing, CourseFixtures.safety)
        let due = monday.addingTimeInterval(86_400)
        try hub.assignCourse("writing", to: .person("ana"), dueAt: due, actor: "tom", now: monday)
        let passed = CourseFixtures.attempt("basics", version: try #require(versions["basics"]), at: monday, responses: CourseFixtures.right)

        // When ana's station syncs with her pass, and an idle request for her
        let reply = try sync([passed], people: ["ana", "bea", "zed"])
        let behind = try sync(people: ["ana"], wanted: 0)
        let idle = try sync(people: ["ana"], wanted: 0, cursor: behind.cursor)

        // Then ana has basics (with her attempt) and writing (with its assignment); bea only basics; zed, not on the roster, none
        let ana = try #require(reply.standings).filter { $0.username == "ana" }
        #expect(ana.map(\.courseID) == ["basics", "writing"])
        #expect(ana[0].assignment == nil)
        #expect(ana[0].attempts.map(\.id) == [passed.id])
        #expect(ana[0].attempts.first?.passed == true)
        #expect(ana[1].assignment == CourseAssignment(reason: .assigned(by: "tom", cohort: nil), assignedAt: monday, dueAt: due))
        #expect(ana[1].attempts.isEmpty)
        #expect(reply.standings?.filter { $0.username == "bea" }.map(\.courseID) == ["basics"])
        #expect(reply.standings?.contains { $0.username == "zed" } == false)
        // And safety, assigned to bea, joins hers; an idle sync from a station that has seen
        // every change carries no standings (one behind the hub's changes does: a lead's
        // hold must reach it)
        #expect(behind.standings != nil)
        try hub.assignCourse("safety", to: .person("bea"), dueAt: nil, actor: "tom", now: monday)
        #expect(try sync(people: ["bea"]).standings?.map(\.courseID) == ["basics", "safety"])
        #expect(idle.standings == nil)
        #expect(idle.pauses == nil)
    }

    // MARK: Readings and marks

    @Test func lessonReadingsAreKeptOnceAndAcknowledged() throws {
        try publish(CourseFixtures.basics)
        let reading = LessonReading(id: UUID(), username: "ana", stationID: "station-1", courseID: "basics", lesson: "lessons/01.md", variant: true, at: monday)
        let stray = LessonReading(id: UUID(), username: "ana", stationID: "station-1", courseID: "cooking", lesson: "a.md", variant: false, at: monday)
        let first = try sync(readings: [reading, stray], wanted: 0)
        let again = try sync(readings: [reading], wanted: 0)
        #expect(first.trainingOutcomes.map(\.status) == [.accepted, .rejected])
        #expect(again.trainingOutcomes == [AnnotationOutcome(annotationID: reading.id, status: .accepted)])
        #expect(try hub.lessonReadings(courseID: "basics").map(\.reading) == [reading])
        #expect(try hub.lessonReadings(username: "ana").count == 1)
    }

    @Test func anEssayWaitsForATrainerWhoseMarkRegradesTheAttemptAndClearsTheAssignment() throws {
        // Given the writing course assigned to ana, who has passed basics, and her essay
        let versions = try publish(CourseFixtures.basics, CourseFixtures.writing)
        try hub.assignCourse("writing", to: .person("ana"), dueAt: nil, actor: "tom", now: monday)
        let basics = CourseFixtures.attempt("basics", version: try #require(versions["basics"]), at: monday, responses: CourseFixtures.right)
        let essay = CourseFixtures.attempt(
            "writing", version: try #require(versions["writing"]), at: monday.addingTimeInterval(600), responses: ["q0": .question(.text("So a reviewer can check it."))])
        _ = try sync([basics, essay])

        // Then it waits for a trainer, and the status lists it
        let waiting = try hub.courseStatus(courseID: "writing", now: monday.addingTimeInterval(900))
        #expect(waiting.awaitingTrainer.map(\.attemptID) == [essay.id])
        #expect(waiting.awaitingTrainer.first?.items == ["q0"])
        #expect(waiting.people.first?.state == .awaitingTrainer)

        // And only a trainer may mark it, only the essay, from 0 to 1
        #expect(throws: HubError.refused("lee is a lead at the hub; only trainers and admins mark attempts")) {
            try hub.markAttempt(essay.id, item: "q0", mark: 1, actor: "lee", now: monday)
        }
        #expect(throws: HubError.self) { try hub.markAttempt(basics.id, item: "q0", mark: 1, actor: "tom", now: monday) }
        #expect(throws: HubError.self) { try hub.markAttempt(essay.id, item: "q7", mark: 1, actor: "tom", now: monday) }
        #expect(throws: HubError.self) { try hub.markAttempt(essay.id, item: "q0", mark: 1.5, actor: "tom", now: monday) }

        // When tom marks it 75%
        let marked = try hub.markAttempt(essay.id, item: "q0", mark: 0.75, actor: "tom", now: monday.addingTimeInterval(1000))

        // Then it passes, the assignment is cleared, nothing waits, and ana's standing says so
        #expect(marked.passed && !marked.awaitingTrainer && marked.share == 0.75)
        #expect(try hub.assignments(username: "ana", courseID: "writing").allSatisfy(\.isCleared))
        let after = try hub.courseStatus(courseID: "writing", now: monday.addingTimeInterval(1100))
        #expect(after.awaitingTrainer.isEmpty)
        #expect(after.people.first?.state == .passed(at: essay.finishedAt))
        #expect(after.people.first?.bestShare == 0.75)
        #expect(try hub.courseStandings(username: "ana").first { $0.courseID == "writing" }?.attempts.first?.passed == true)
    }

    @Test func aFreeTextPracticeTaskIsGradedFromItsPackageAndWaitsForATrainersMark() throws {
        // Given a practice course published from its files, and ana's answer to its free-text task
        let version = try #require(try publish(CourseFixtures.practice)["practice"])
        #expect(try hub.course(id: "practice")?.practice?.items.map(\.task.id) == ["p1"])
        let attempt = CourseFixtures.attempt("practice", version: version, at: monday, responses: ["p:p1": .practice(.text("Guessing spoils the data."))])

        // When it arrives, it waits for a trainer; marked 50%, it fails the 75% pass mark; marked again 100%, it passes
        #expect(try sync([attempt]).trainingOutcomes.map(\.status) == [.accepted])
        #expect(try hub.attempt(id: attempt.id)?.awaitingTrainer == true)
        #expect(try hub.courseStatus(courseID: "practice", now: monday).awaitingTrainer.first?.items == ["p:p1"])
        let half = try hub.markAttempt(attempt.id, item: "p:p1", mark: 0.5, actor: "tom", now: monday)
        #expect(!half.passed && !half.awaitingTrainer && half.share == 0.5)
        let full = try hub.markAttempt(attempt.id, item: "p:p1", mark: 1, actor: "tom", now: monday)
        #expect(full.passed)
        #expect(try hub.trainerMarks(attemptID: attempt.id).map(\.mark) == [1])
        #expect(try hub.attempt(id: attempt.id)?.passed == true)
    }
}
