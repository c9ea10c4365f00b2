import Domain
import TestSupport
import Foundation
import Hub
import Store
import Sync

let sentiment = Project(
    id: "sentiment", title: "Sentiment", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")],
    leaseSeconds: 3600)

/// A hub and a station on real files, joined in-process.
struct StandaloneSetup {
    let directory: TemporaryDirectory
    let clock: TestClock
    let hub: Hub
    let station: StationDatabase
    let syncer: StationSyncer

    init(taskCount: Int, undoWindow: TimeInterval = 20, leaseTarget: Int = 200) throws {
        directory = try TemporaryDirectory()
        clock = TestClock(monday)
        hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")))
        try hub.createProject(sentiment, actor: "admin", now: monday)
        try hub.setUser(username: "ana", role: .labeler, actor: "admin", now: monday)
        let tasks = (1...max(1, taskCount)).prefix(taskCount).map {
            LabelTask(id: "t\($0)", projectID: "sentiment", text: "text \($0)", marking: .unclassified)
        }
        try hub.importTasks(projectID: "sentiment", tasks: tasks, actor: "admin", now: monday)
        station = try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)
        let clock = clock
        syncer = StationSyncer(
            database: station, transport: InProcessTransport(hub: hub, clock: { clock.now }), stationID: "station-1",
            undoWindow: undoWindow, leaseTarget: leaseTarget)
    }

    /// Labels the next queued task the way the task screen does.
    @discardableResult
    func labelNext(_ label: String = "positive", by username: String = "ana") throws -> Annotation? {
        guard let next = try station.nextTask(projectID: "sentiment", for: username) else { return nil }
        let annotation = Annotation(
            id: UUID(), taskID: next.task.id, projectID: "sentiment", labels: [label], username: username,
            stationID: "station-1", leaseEpoch: next.epoch, createdAt: clock.now, secondsOnTask: 2)
        try station.submit(annotation, now: clock.now)
        return annotation
    }
}
