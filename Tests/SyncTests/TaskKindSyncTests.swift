import TestSupport
import Domain
import Foundation
import Hub
import Store
import Sync
import Testing

/// Every kind's tasks and answers travel from the hub to the station and back unchanged:
/// responses, predictions, answers, flags and prediction acceptance.
@Suite("Task kinds through sync")
struct TaskKindSyncTests {
    let entities = Project(
        id: "ner", title: "Entities", kind: .spans, labels: [LabelChoice(name: "person"), LabelChoice(name: "location")])
    let compare = Project(
        id: "cmp", title: "Compare", kind: .comparison, dimensions: [RatingDimension(name: "helpfulness")],
        rationale: RationaleRule(required: true, minimumLength: 5))
    let write = Project(id: "ft", title: "Write", kind: .freeText, minimumAnswerLength: 3)

    func setUp() throws -> (TemporaryDirectory, Hub, StationDatabase, StationSyncer, TestClock) {
        let directory = try TemporaryDirectory()
        let clock = TestClock(monday)
        let hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")))
        for project in [entities, compare, write] { try hub.createProject(project, actor: "admin", now: monday) }
        try hub.setUser(username: "ana", role: .labeler, actor: "admin", now: monday)
        try hub.importTasks(projectID: "ner", tasks: [
            LabelTask(id: "n1", projectID: "ner", text: "Ana met 👨‍👩‍👧 in Paris", marking: .unclassified,
                      predictions: [Prediction(model: "ner v3", score: 0.8, answer: .spans([EntitySpan(start: 0, end: 3, label: "person")]))]),
        ], actor: "admin", now: monday)
        try hub.importTasks(projectID: "cmp", tasks: [
            LabelTask(id: "c1", projectID: "cmp", text: "Say hi", marking: .unclassified, responses: ["Hi!", "Go away."]),
        ], actor: "admin", now: monday)
        try hub.importTasks(projectID: "ft", tasks: [
            LabelTask(id: "f1", projectID: "ft", text: "Write a greeting", marking: .unclassified,
                      predictions: [Prediction(model: "draft v1", answer: .text("Hello"))]),
        ], actor: "admin", now: monday)
        let station = try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)
        let syncer = StationSyncer(
            database: station, transport: InProcessTransport(hub: hub, clock: { clock.now }), stationID: "station-1",
            undoWindow: 0, leaseTarget: 10)
        return (directory, hub, station, syncer, clock)
    }

    @Test func everyKindsTasksReachTheStationAndItsAnswersTheHub() async throws {
        // Given a hub with a task of each kind, synced to a station
        let (directory, hub, station, syncer, clock) = try setUp()
        _ = directory
        _ = try await syncer.sync(now: clock.now, flushAll: false)
        let spansTask = try #require(try station.nextTask(projectID: "ner"))
        let comparisonTask = try #require(try station.nextTask(projectID: "cmp"))
        let freeTextTask = try #require(try station.nextTask(projectID: "ft"))
        // Then the station has their predictions and responses as the hub has them
        #expect(spansTask.task.predictions.first?.model == "ner v3")
        #expect(comparisonTask.task.responses == ["Hi!", "Go away."])
        #expect(try station.project(id: "cmp") == compare)

        // When a labeler answers each, flagging one and accepting one prediction
        func annotation(_ task: LeasedTask, _ answer: Answer, flag: String? = nil, accepted: Bool? = nil) -> Annotation {
            Annotation(
                id: UUID.timeOrdered(at: clock.now), taskID: task.task.id, projectID: task.task.projectID, answer: answer,
                username: "ana", stationID: "station-1", leaseEpoch: task.epoch, createdAt: clock.now, secondsOnTask: 3,
                flag: flag, predictionAccepted: accepted)
        }
        let spans = annotation(spansTask, .spans([EntitySpan(start: 0, end: 3, label: "person"), EntitySpan(start: 17, end: 22, label: "location")]), accepted: false)
        let comparison = annotation(comparisonTask, .comparison(ComparisonAnswer(
            preference: .a, ratingsA: ["helpfulness": 6], ratingsB: ["helpfulness": 1], rationale: "A greets", shownSwapped: true)),
            flag: "B is rude")
        let freeText = annotation(freeTextTask, .text("Hello"), accepted: true)
        for item in [spans, comparison, freeText] { try station.submit(item, now: clock.now) }
        clock.advance(by: 1)
        let summary = try await syncer.sync(now: clock.now, flushAll: true)

        // Then the hub accepts all three and keeps them as sent
        #expect(summary.accepted == 3)
        #expect(try hub.exportRows(projectID: "ner").count == 1)
        let flags = try hub.flags(projectID: nil)
        #expect(flags.map(\.note) == ["B is rude"])
        #expect(flags.first?.taskID == "c1")
        let report = try hub.predictionReport(projectID: "ft")
        #expect(report.overall == .init(key: "all", accepted: 1, shown: 1))
        #expect(try hub.predictionReport(projectID: "ner").byModel == [.init(key: "ner v3", accepted: 0, shown: 1)])
    }

    @Test func theHubRefusesAnAnswerThatDoesNotFitItsKind() async throws {
        let (directory, _, station, syncer, clock) = try setUp()
        _ = directory
        _ = try await syncer.sync(now: clock.now, flushAll: false)
        let task = try #require(try station.nextTask(projectID: "ner"))
        // A span past the end of the text (the text has 22 Unicode scalars)
        try station.submit(Annotation(
            id: UUID(), taskID: task.task.id, projectID: "ner", answer: .spans([EntitySpan(start: 18, end: 30, label: "person")]),
            username: "ana", stationID: "station-1", leaseEpoch: task.epoch, createdAt: clock.now, secondsOnTask: 1), now: clock.now)
        let summary = try await syncer.sync(now: clock.now, flushAll: true)
        #expect(summary.rejected == 1)
        #expect(try station.syncStatus().rejected.first?.reason == "span 18-30 runs past the end of the text (22 characters)")
    }
}
