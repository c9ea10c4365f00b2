import TestSupport
import Domain
import Foundation
import Store
@testable import Sync
import Testing

@Suite("Merging the hub's replies into one bundle")
struct ReplyMergeTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    func lease(_ id: String, epoch: Int, priority: Int = 0) -> LeasedTask {
        LeasedTask(task: LabelTask(id: id, projectID: "sentiment", text: "text of \(id)", marking: .unclassified, priority: priority),
                   epoch: epoch, expiresAt: monday + 3600)
    }

    /// A station with four annotations waiting for the hub's answer.
    func stationWithWork(_ name: String, work: [Annotation]) throws -> StationDatabase {
        let station = try StationDatabase(path: directory.path(name), passwordHasher: .cheapForTests)
        try station.cacheLeases(work.map { lease($0.taskID, epoch: 1) })
        for annotation in work { try station.submit(annotation, now: monday) }
        return station
    }

    @Test func oneMergedReplyLeavesAStationAsTheRepliesInOrderDo() throws {
        // Given four annotations and two replies that answer them, lease overlapping tasks and move the cursor
        let work = (1...4).map { number in
            Annotation(id: UUID(), taskID: "w\(number)", projectID: "sentiment", labels: ["positive"], username: "ana",
                       stationID: "station-1", leaseEpoch: 1, createdAt: monday, secondsOnTask: 1)
        }
        let first = SyncReply(
            outcomes: [AnnotationOutcome(annotationID: work[0].id, status: .accepted),
                       AnnotationOutcome(annotationID: work[1].id, status: .superseded)],
            leases: [lease("a", epoch: 1), lease("b", epoch: 1)], projects: [sentiment],
            waitingAtHub: ["sentiment": 9], cursor: 4)
        var renamed = sentiment
        renamed.title = "Sentiment, round two"
        let second = SyncReply(
            outcomes: [AnnotationOutcome(annotationID: work[1].id, status: .superseded),
                       AnnotationOutcome(annotationID: work[2].id, status: .rejected, reason: "label \"meh\" is not one of project \"sentiment\"'s labels")],
            leases: [lease("b", epoch: 2, priority: 1), lease("c", epoch: 1)], projects: [renamed],
            waitingAtHub: ["sentiment": 6], cursor: 9)
        let inOrder = try stationWithWork("in-order.sqlite", work: work)
        let merged = try stationWithWork("merged.sqlite", work: work)

        // When one station applies them in order, the other their merge, twice
        try inOrder.applySyncReply(first, now: monday + 60)
        try inOrder.applySyncReply(second, now: monday + 60)
        let reply = SyncReply.merging([first, second])
        try merged.applySyncReply(reply, now: monday + 60)
        let once = try merged.contentDump()
        try merged.applySyncReply(reply, now: monday + 60)

        // Then the two stations hold the same rows (tasks queued in the same order), and the
        // second application changed nothing
        #expect(try merged.contentDump() == once)
        #expect(QueueState(once) == QueueState(try inOrder.contentDump()))
        #expect(reply.leases.map { "\($0.task.id)@\($0.epoch)" } == ["a@1", "b@2", "c@1"])
        #expect(reply.cursor == 9)
        #expect(try merged.outboxCount() == 1)
        #expect(try merged.project(id: "sentiment")?.title == "Sentiment, round two")
    }

    @Test func nothingMergedIsAnEmptyReply() {
        #expect(SyncReply.merging([]) == SyncReply(outcomes: [], leases: [], projects: [], waitingAtHub: [:], cursor: 0))
    }
}

/// A station's rows with the task queue's order in place of its raw `seq` numbers.
///
/// Caching leases numbers every lease it is given, even one that only refreshes a task
/// already queued, so replies applied one by one skip numbers a merged reply does not.
/// What the labeler sees, the order of the queue, must be the same.
struct QueueState: Equatable {
    var rows: [String]
    var queueOrder: [String]

    init(_ dump: [String]) {
        let sequenced = dump.filter { $0.hasPrefix("task |") }.map { line -> (id: String, seq: Int) in
            let fields = line.components(separatedBy: ", ")
            let id = fields.first { $0.hasPrefix("id=") } ?? ""
            let seq = fields.first { $0.hasPrefix("seq=") }.flatMap { Int($0.dropFirst(4)) } ?? 0
            return (id, seq)
        }
        queueOrder = sequenced.sorted { $0.seq < $1.seq }.map(\.id)
        rows = dump.map { $0.replacing(/, seq=\d+/, with: "") }
    }
}
