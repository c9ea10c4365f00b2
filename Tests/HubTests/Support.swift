import Domain
import TestSupport
import Foundation
import Hub
import Store

func sentimentProject(leaseSeconds: Int = 600) -> Project {
    Project(
        id: "sentiment", title: "Sentiment", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")],
        leaseSeconds: leaseSeconds)
}

func task(_ id: String, priority: Int = 0, meta: String? = nil, project: String = "sentiment") -> LabelTask {
    LabelTask(id: id, projectID: project, text: "text of \(id)", marking: .unclassified, priority: priority, meta: meta)
}

/// A hub in a fresh folder with the sentiment project created and `labelers` (ana and
/// bea unless told otherwise) on its roster.
func makeHub(in directory: TemporaryDirectory, leaseSeconds: Int = 600, labelers: [String] = ["ana", "bea"]) throws -> Hub {
    let hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")))
    try hub.createProject(sentimentProject(leaseSeconds: leaseSeconds), actor: "admin", now: monday)
    for username in labelers {
        try hub.setUser(username: username, role: .labeler, actor: "admin", now: monday)
    }
    return hub
}

/// The work a station would send for a lease it holds.
func work(
    on lease: LeasedTask, labels: [String] = ["positive"], skipReason: String? = nil, station: String = "station-1",
    username: String = "ana", at createdAt: Date = monday, id: UUID = UUID()
) -> Annotation {
    Annotation(
        id: id, taskID: lease.task.id, projectID: lease.task.projectID, labels: skipReason == nil ? labels : [],
        skipReason: skipReason, username: username, stationID: station, leaseEpoch: lease.epoch, createdAt: createdAt,
        secondsOnTask: 3)
}

func request(from station: String = "station-1", _ annotations: [Annotation] = [], wanted: Int = 0, cursor: Int64 = 0) -> SyncRequest {
    SyncRequest(stationID: station, annotations: annotations, cursor: cursor, wantedLeases: wanted)
}
