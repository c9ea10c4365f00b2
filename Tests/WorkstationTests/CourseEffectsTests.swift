import Curriculum
import Domain
import Foundation
import Hub
import Logging
import Screens
import Store
import Sync
import TerminalCore
import Testing
@testable import Workstation

/// The effect runner on a real station database: a course package from a reply is read
/// with the hub's reader, its attempt is graded and saved with its outbox row and review
/// cards, and its lesson's picture is read through Imagery.
@Suite(.serialized) struct CourseEffectsTests {
    static let picture = try! Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ImageryTests/Vectors/rgb_sample.png"))

    /// A course folder's files as a trainer writes them.
    static let files: [String: Data] = [
        "course.conf": Data("""
            title: Sentiment labeling
            pass mark: 100%
            attempts: 2
            retry wait: 30s
            qualifies: reviews
            lesson: lessons/01.md
            quiz: quiz.gift
            feedback: after each question
            practice: practice/project.json practice/tasks.jsonl
            """.utf8),
        "lessons/01.md": Data("# Sentiment\n\n![the keys](keys.png)\n".utf8),
        "lessons/keys.png": picture,
        "quiz.gift": Data("::Flags::A flag goes to the lead. {T}\n".utf8),
        "practice/project.json": Data(#"{"id": "sentiment-practice", "title": "Sentiment practice", "kind": "classification", "labels": ["positive", "negative"]}"#.utf8),
        "practice/tasks.jsonl": Data((#"{"id": "p1", "text": "a gorgeous , witty , seductive movie .", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "key"}], "meta": {"explanation": "Three words of praise."}}"# + "\n").utf8),
    ]

    struct Setup {
        let folder: URL
        let station: StationDatabase
        let inbox = ActionInbox()
        let runner: EffectRunner
        let course: Course
        let clock: @Sendable () -> Date

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-courses-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            station = try StationDatabase(path: folder.appendingPathComponent("station.sqlite").path, passwordHasher: .cheapForTests)
            try station.addAccount(Account(username: "ana", displayName: "Ana", role: .labeler), password: "pw", now: Date(timeIntervalSince1970: 1_795_000_000))
            let read = CourseFolder.read(id: "sentiment", files: { CourseEffectsTests.files[$0] }, practice: Hub.practiceReader)
            course = try #require(read.course, "\(read.problems)")
            try station.applySyncReply(
                SyncReply(outcomes: [], leases: [], projects: [], waitingAtHub: [:], cursor: 1, courses: [course.package]), now: Date(timeIntervalSince1970: 1_795_000_000))
            let start = Date(timeIntervalSince1970: 1_795_000_100)
            clock = { start }
            let syncer = StationSyncer(database: station, transport: BundleOnlyTransport(stationID: "station-1"), stationID: "station-1", undoWindow: 20)
            runner = EffectRunner(
                station: station, syncer: syncer, settings: WorkspaceSettings(), link: .bundles, inbox: inbox, logger: Logger(label: "test"),
                clock: clock)
        }

        /// Runs an effect and returns what it answered once the queue it ran on is idle.
        func run(_ effect: AppEffect, waitingFor count: Int = 1) -> [AppAction] {
            runner.run(effect)
            runner.waitForStoreWork()
            var actions: [AppAction] = []
            let deadline = Date().addingTimeInterval(20)
            while actions.count < count, Date() < deadline {
                actions += inbox.drain()
                if actions.count < count { usleep(5_000) }
            }
            return actions
        }
    }

    @Test func theCachedCourseIsReadAndItsLocksReachTheQueues() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        try setup.station.saveProjects([Project(id: "reviews", title: "Film reviews", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")])])
        let actions = setup.run(.loadQueues(username: "ana"), waitingFor: 2)
        guard case .coursesLoaded(let work)? = actions.first else { Issue.record("no courses: \(actions)"); return }
        #expect(work.entries.map(\.id) == ["sentiment"])
        #expect(work.entries.first?.course == setup.course)
        guard case .queuesLoaded(let queues)? = actions.last else { Issue.record("no queues: \(actions)"); return }
        #expect(queues.first?.lockedBehind == ["sentiment"])
    }

    @Test func anAttemptIsGradedSavedAndItsWrongPracticeGoesIntoTheReview() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        // Given an attempt with the question right and the practice wrong
        let submission = AttemptSubmission(
            course: setup.course, username: "ana", startedAt: setup.clock().addingTimeInterval(-60),
            responses: ["q0": .question(.truth(true)), "p:p1": .practice(.labels(["negative"]))])
        // When the runner records it
        let actions = setup.run(.recordAttempt(submission), waitingFor: 3)
        // Then it answers with the mark and the wait, then the courses with it counted
        guard case .attemptRecorded(let result)? = actions.first else { Issue.record("no result: \(actions)"); return }
        #expect(result.grade.marks == 1 && result.grade.outOf == 2)
        #expect(!result.record.passed)
        #expect(result.state == .waiting(until: setup.clock().addingTimeInterval(30)))
        guard case .coursesLoaded(let work)? = actions.dropFirst().first else { Issue.record("no courses: \(actions)"); return }
        #expect(work.entry("sentiment")?.unsent == [result.record.id])
        // And the database holds it in the training outbox, with the practice item due for review
        let outbox = try setup.station.trainingOutbox(limit: 10)
        #expect(outbox.attempts.map(\.id) == [result.record.id])
        #expect(outbox.attempts.first?.courseVersion == setup.course.version)
        #expect(outbox.attempts.first?.responses == submission.responses)
        let review = try setup.station.reviewItems(username: "ana")
        #expect(review.map(\.item) == ["p:p1"])
        #expect(review.first?.card.due == setup.clock().addingTimeInterval(60))

        // When the item is answered right in review, its card moves to the next step
        _ = setup.run(.recordReview(username: "ana", courseID: "sentiment", item: "p:p1", right: true), waitingFor: 0)
        #expect(try setup.station.reviewItems(username: "ana").first?.card.step == 1)
    }

    @Test func aLessonReadingIsRecordedAndItsPictureIsReadThroughImagery() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        _ = setup.run(.recordLessonReading(username: "ana", courseID: "sentiment", lesson: "lessons/01.md", variant: false), waitingFor: 1)
        #expect(try setup.station.trainingOutbox(limit: 10).readings.map(\.lesson) == ["lessons/01.md"])
        #expect(try setup.station.lessonsRead(username: "ana") == ["sentiment": ["lessons/01.md"]])
        // The picture, fitted to 40 x 10 cells (80 x 40 pixels), its aspect kept
        let actions = setup.run(.loadLessonPicture(courseID: "sentiment", path: "lessons/keys.png", source: "keys.png", cells: Size(width: 40, height: 10)))
        guard case let .lessonPictureLoaded(source, image)? = actions.first else { Issue.record("no picture: \(actions)"); return }
        #expect(source == "keys.png")
        #expect(image.width <= 80 && image.height <= 40)
        #expect(image.width == 80 || image.height == 40)
        #expect(image.rgba.contains { $0 != 0 })
    }
}
