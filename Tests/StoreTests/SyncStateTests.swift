import TestSupport
import Domain
import Foundation
import Store
import Testing

@Suite("Applying a hub reply on the station")
struct SyncStateTests {
    let directory: TemporaryDirectory
    let station: StationDatabase

    init() throws {
        directory = try TemporaryDirectory()
        station = try makeStation(in: directory)
    }

    @Test func replyClearsAnsweredWorkListsRejectionsAndSavesTheCursor() throws {
        // Given three annotations in the outbox
        try station.cacheLeases([lease("t1"), lease("t2"), lease("t3")])
        let accepted = annotation(for: lease("t1"))
        let refused = annotation(for: lease("t2"))
        let unanswered = annotation(for: lease("t3"))
        for work in [accepted, refused, unanswered] { try station.submit(work, now: monday) }

        // When the hub answers two of them and leases a new task
        let reply = SyncReply(
            outcomes: [
                AnnotationOutcome(annotationID: accepted.id, status: .accepted),
                AnnotationOutcome(annotationID: refused.id, status: .rejected, reason: "task \"t2\" is not in project \"sentiment\" at the hub"),
            ],
            leases: [lease("t9", priority: 3)], projects: [sentimentProject()], waitingAtHub: ["sentiment": 12], cursor: 7)
        try station.applySyncReply(reply, now: monday + 60)

        // Then only the unanswered one is pending, the rejection is listed, and the rest is saved
        let status = try station.syncStatus()
        #expect(status.cursor == 7)
        #expect(status.lastSyncAt == monday + 60)
        #expect(status.pending == 1)
        #expect(status.rejected == [RejectedAnnotation(
            annotationID: refused.id, taskID: "t2", reason: "task \"t2\" is not in project \"sentiment\" at the hub", at: monday + 60)])
        #expect(try station.outboxBatch(sentBefore: monday, limit: 10) == [unanswered])
        #expect(try station.nextTask(projectID: "sentiment")?.task.id == "t9")
        #expect(try station.queueSummaries(username: "ana", now: monday, calendar: utcCalendar).first?.waiting == 13)
    }

    /// Replies to one sync's pipelined requests may come back in either order.
    @Test func aReplyOlderThanWhatWasPulledRollsNothingBack() throws {
        // Given a station that has pulled up to change 9, where the project has a new title
        var renamed = sentimentProject()
        renamed.title = "Sentiment, second edition"
        try station.applySyncReply(
            SyncReply(outcomes: [], leases: [], projects: [renamed], waitingAtHub: ["sentiment": 4], cursor: 9), now: monday)

        // When a reply made earlier, at change 5, arrives late with the old title and a new lease
        try station.applySyncReply(
            SyncReply(outcomes: [], leases: [lease("t5")], projects: [sentimentProject()], waitingAtHub: ["sentiment": 30], cursor: 5),
            now: monday + 1)

        // Then its lease is kept, but the project, the count and the cursor stay as pulled
        #expect(try station.project(id: "sentiment")?.title == "Sentiment, second edition")
        #expect(try station.syncStatus().cursor == 9)
        #expect(try station.nextTask(projectID: "sentiment")?.task.id == "t5")
        #expect(try station.queueSummaries(username: "ana", now: monday, calendar: utcCalendar).first?.waiting == 5)
    }

    @Test func joiningAnotherHubForgetsWhatTheOldHubRefused() throws {
        // Given work the old hub refused
        try station.cacheLeases([lease("t1")])
        let refused = annotation(for: lease("t1"))
        try station.submit(refused, now: monday)
        try station.applySyncReply(
            SyncReply(outcomes: [AnnotationOutcome(annotationID: refused.id, status: .rejected, reason: "no")], leases: [], projects: [],
                      waitingAtHub: [:], cursor: 1),
            now: monday)
        #expect(try station.syncStatus().rejected.count == 1)

        // When the station joins another hub
        try station.joinHub(
            StationIdentity(stationID: "bay-2", privateKey: Data(repeating: 1, count: 32), hubURL: "http://hub.example:8080",
                            hubPublicKey: Data(repeating: 2, count: 32), enrolledAt: monday),
            now: monday)

        // Then the new hub's status starts with no refusals
        #expect(try station.syncStatus().rejected.isEmpty)
    }

    @Test func expiredQueuedTasksAreDroppedButUnsentWorkIsKept() throws {
        // Given a queued task whose lease ends at 10:00 and a done one, unsent, whose lease also ends then
        try station.cacheLeases([lease("queued", expiresAt: monday + 3600), lease("worked", expiresAt: monday + 3600)])
        try station.submit(annotation(for: lease("worked")), now: monday)

        // When a sync lands after 10:00
        try station.applySyncReply(
            SyncReply(outcomes: [], leases: [], projects: [], waitingAtHub: [:], cursor: 0), now: monday + 3601)

        // Then the expired queued task is gone (the hub hands it out again) and the work remains
        #expect(try station.queuedTaskCount() == 0)
        #expect(try station.outboxCount() == 1)
    }

    @Test func failuresAreRememberedUntilTheNextSuccess() throws {
        try station.recordSyncFailure("the hub did not answer", now: monday)
        #expect(try station.syncStatus().lastError == "the hub did not answer")
        #expect(try station.syncStatus().lastErrorAt == monday)

        try station.applySyncReply(SyncReply(outcomes: [], leases: [], projects: [], waitingAtHub: [:], cursor: 3), now: monday + 1)
        #expect(try station.syncStatus().lastError == nil)
        #expect(try station.syncStatus().cursor == 3)
    }
}
