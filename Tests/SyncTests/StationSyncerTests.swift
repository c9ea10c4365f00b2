import TestSupport
import Domain
import Foundation
import Hub
import Store
import Sync
import Testing

@Suite("Station and hub syncing in-process")
struct StationSyncerTests {
    @Test func aRoundTripHonoursTheUndoWindow() async throws {
        // Given a hub with 8 tasks and a station that wants 5 cached
        let setup = try StandaloneSetup(taskCount: 8, undoWindow: 20, leaseTarget: 5)

        // When the station first syncs, it learns the project and leases 5 tasks
        let first = try await setup.syncer.sync(now: setup.clock.now, flushAll: false)
        #expect(first == SyncSummary(leased: 5))
        #expect(try setup.station.project(id: "sentiment") == sentiment)
        #expect(try setup.station.queueSummaries(username: "ana", now: setup.clock.now, calendar: .current).first?.waiting == 8)

        // And a labeler labels two tasks, the second ten seconds after the first
        let older = try #require(try setup.labelNext("positive"))
        setup.clock.advance(by: 10)
        try setup.labelNext("negative")

        // Then a sync within the undo window sends nothing (it only tops the cache up)
        setup.clock.advance(by: 5)
        let early = try await setup.syncer.sync(now: setup.clock.now, flushAll: false)
        #expect(early == SyncSummary(sent: 0, leased: 2))
        #expect(try setup.station.outboxCount() == 2)

        // And once the first is older than the window, only it is sent and accepted
        setup.clock.advance(by: 10)
        let due = try await setup.syncer.sync(now: setup.clock.now, flushAll: false)
        #expect(due == SyncSummary(sent: 1, accepted: 1, leased: 0))
        #expect(try setup.station.outboxCount() == 1)
        #expect(try setup.hub.exportRows(projectID: "sentiment").map(\.id) == [older.taskID])

        // And the newer one can still be undone, while the sent one cannot
        let undone = try setup.station.undoLastSubmission(username: "ana", projectID: "sentiment", now: setup.clock.now)
        #expect(undone?.task.id == "t2")
        #expect(try setup.station.undoLastSubmission(username: "ana", projectID: "sentiment", now: setup.clock.now) == nil)
        #expect(try setup.station.syncStatus().pending == 0)
    }

    @Test func flushAllSendsEverythingAtOnce() async throws {
        let setup = try StandaloneSetup(taskCount: 3, undoWindow: 20, leaseTarget: 3)
        _ = try await setup.syncer.sync(now: setup.clock.now, flushAll: false)
        try setup.labelNext()
        try setup.labelNext()

        let summary = try await setup.syncer.sync(now: setup.clock.now, flushAll: true)

        #expect(summary == SyncSummary(sent: 2, accepted: 2, leased: 0))
        #expect(try setup.station.outboxCount() == 0)
        #expect(try setup.hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 0, leased: 1, done: 2))
    }

    @Test func aFullOutboxGoesInSeveralBatches() async throws {
        let directory = try TemporaryDirectory()
        let hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")))
        try hub.createProject(sentiment, actor: "admin", now: monday)
        try hub.setUser(username: "ana", role: .labeler, actor: "admin", now: monday)
        try hub.importTasks(
            projectID: "sentiment",
            tasks: (1...7).map { LabelTask(id: "t\($0)", projectID: "sentiment", text: "x", marking: .unclassified) },
            actor: "admin", now: monday)
        let station = try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)
        let syncer = StationSyncer(
            database: station, transport: InProcessTransport(hub: hub, clock: { monday }), stationID: "station-1",
            undoWindow: 0, leaseTarget: 7, batchLimit: 3)
        _ = try await syncer.sync(now: monday, flushAll: false)
        while let next = try station.nextTask(projectID: "sentiment") {
            try station.submit(
                Annotation(id: UUID(), taskID: next.task.id, projectID: "sentiment", labels: ["positive"], username: "ana",
                           stationID: "station-1", leaseEpoch: next.epoch, createdAt: monday, secondsOnTask: 1),
                now: monday)
        }

        let summary = try await syncer.sync(now: monday, flushAll: true)

        #expect(summary.sent == 7)
        #expect(summary.accepted == 7)
        #expect(try station.outboxCount() == 0)
    }

    /// A sync sends its next batch before the last is answered, so a second request
    /// built then would see the queue still short and ask for the same leases again.
    @Test func aSyncOfSeveralBatchesAsksForLeasesOnce() async throws {
        // Given a hub with 30 tasks and a station that labeled the 7 it had cached
        let setup = try StandaloneSetup(taskCount: 30, undoWindow: 0, leaseTarget: 7)
        let syncer = StationSyncer(
            database: setup.station, transport: InProcessTransport(hub: setup.hub, clock: { monday }), stationID: "station-1",
            undoWindow: 0, leaseTarget: 7, batchLimit: 2)
        _ = try await syncer.sync(now: monday, flushAll: false)
        while try setup.labelNext() != nil {}

        // When one sync sends the 7 in four batches
        let summary = try await syncer.sync(now: monday, flushAll: true)

        // Then all are accepted and the queue is topped up to 7, not to 7 per request
        #expect(summary == SyncSummary(sent: 7, accepted: 7, leased: 7))
        #expect(try setup.station.outboxCount() == 0)
        #expect(try setup.station.queuedTaskCountsByProject() == ["sentiment": 7])
        #expect(try setup.hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 16, leased: 7, done: 7))
    }

    @Test func theHubsRefusalReachesTheStationsStatus() async throws {
        // Given work on a task the hub never had
        let setup = try StandaloneSetup(taskCount: 1, undoWindow: 0, leaseTarget: 1)
        _ = try await setup.syncer.sync(now: setup.clock.now, flushAll: false)
        try setup.station.cacheLeases([LeasedTask(
            task: LabelTask(id: "ghost", projectID: "sentiment", text: "?", marking: .unclassified, priority: 9),
            epoch: 1, expiresAt: monday + 3600)])
        let ghostWork = try #require(try setup.labelNext())

        // When it syncs
        let summary = try await setup.syncer.sync(now: setup.clock.now, flushAll: true)

        // Then it is rejected, out of the outbox, and listed with the hub's reason
        #expect(summary.rejected == 1)
        #expect(try setup.station.syncStatus().pending == 0)
        #expect(try setup.station.syncStatus().rejected.map(\.annotationID) == [ghostWork.id])
        #expect(try setup.station.syncStatus().rejected.first?.reason == "task \"ghost\" is not in project \"sentiment\" at the hub")
    }

    @Test func aTransportFailureIsRecordedAndTheWorkKept() async throws {
        // Given work in the outbox and a hub that cannot be reached
        let directory = try TemporaryDirectory()
        let station = try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)
        let lease = LeasedTask(
            task: LabelTask(id: "t1", projectID: "sentiment", text: "x", marking: .unclassified), epoch: 1,
            expiresAt: monday + 3600)
        try station.cacheLeases([lease])
        try station.submit(
            Annotation(id: UUID(), taskID: "t1", projectID: "sentiment", labels: ["positive"], username: "ana",
                       stationID: "station-1", leaseEpoch: 1, createdAt: monday, secondsOnTask: 1),
            now: monday)
        let syncer = StationSyncer(
            database: station, transport: UnreachableHub(), stationID: "station-1", undoWindow: 0)

        // When a sync is tried
        await #expect(throws: UnreachableHub.Failure.self) { try await syncer.sync(now: monday + 60, flushAll: true) }

        // Then the failure is on record and the work is still waiting to be sent
        let status = try station.syncStatus()
        #expect(status.lastError == "the hub at 10.0.0.9 did not answer")
        #expect(status.lastErrorAt == monday + 60)
        #expect(status.pending == 1)
    }
}

/// A transport whose network is down: the one outside boundary these tests stand in for.
struct UnreachableHub: SyncTransport {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the hub at 10.0.0.9 did not answer" }
    }

    func exchange(_ request: SyncRequest) async throws -> SyncReply { throw Failure() }
}
