import Domain
import TestSupport
import Foundation
import Store

func minutes(_ count: Double) -> TimeInterval { count * 60 }

var utcCalendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
}

func sentimentProject() -> Project {
    Project(id: "sentiment", title: "Sentiment", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")])
}

func lease(_ id: String, project: String = "sentiment", priority: Int = 0, text: String? = nil, epoch: Int = 1, expiresAt: Date = monday.addingTimeInterval(3600)) -> LeasedTask {
    LeasedTask(
        task: LabelTask(id: id, projectID: project, text: text ?? "text of \(id)", marking: .unclassified, priority: priority),
        epoch: epoch, expiresAt: expiresAt)
}

func annotation(
    for leased: LeasedTask, labels: [String] = ["positive"], skipReason: String? = nil, username: String = "ana",
    at createdAt: Date = monday, id: UUID = UUID()
) -> Annotation {
    Annotation(
        id: id, taskID: leased.task.id, projectID: leased.task.projectID, labels: skipReason == nil ? labels : [],
        skipReason: skipReason, username: username, stationID: "station-1", leaseEpoch: leased.epoch,
        createdAt: createdAt, secondsOnTask: 4.5)
}

/// A station database in a fresh folder, with cheap password hashing.
func makeStation(in directory: TemporaryDirectory) throws -> StationDatabase {
    try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)
}
