import TestSupport
import Domain
import Foundation
import Hub
import Store
import Sync
import Testing

@Suite("Syncing a station with a hub over HTTP", .timeLimit(.minutes(1)))
struct SyncOverHTTPTests {
    @Test func aStationLeasesLabelsAndSyncsItsWork() async throws {
        try await withRunningHub(taskCount: 6) { hub in
            // Given an enrolled station that wants 3 tasks cached
            let station = try await hub.joinStation("bay-1", leaseTarget: 3)

            // When it first syncs, it learns the project and leases 3 tasks
            let first = try await station.sync()
            #expect(first == SyncSummary(leased: 3))
            #expect(try station.database.project(id: "sentiment") == sentiment(leaseSeconds: 3600))
            #expect(try hub.hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 3, leased: 3))

            // And when it labels two tasks and syncs again
            let labeled = [try #require(try station.labelNext("positive")), try #require(try station.labelNext("negative"))]
            let second = try await station.sync()

            // Then both are accepted, the outbox is empty, the cache is topped up, and the hub has the answers
            #expect(second == SyncSummary(sent: 2, accepted: 2, leased: 2))
            #expect(try station.database.outboxCount() == 0)
            let rows = try hub.hub.exportRows(projectID: "sentiment")
            #expect(rows.map(\.id) == labeled.map(\.taskID))
            #expect(rows.map(\.labels) == [["positive"], ["negative"]])
            #expect(rows.map(\.station) == ["bay-1", "bay-1"])
            #expect(rows.map(\.annotatedAt) == labeled.map(\.createdAt))
        }
    }

    @Test func anExpiredLeaseGoesToAnotherStationAndTheLateWorkIsKeptAsSuperseded() async throws {
        try await withRunningHub(taskCount: 1, leaseSeconds: 60) { hub in
            // Given station 1 holds the only task under a 60-second lease
            let first = try await hub.joinStation("bay-1", leaseTarget: 1)
            #expect(try await first.sync().leased == 1)
            let late = try #require(try first.labelNext("positive"))

            // When the lease runs out by the hub's clock and station 2 asks for work
            hub.clock.advance(by: 61)
            let second = try await hub.joinStation("bay-2", leaseTarget: 1)
            #expect(try await second.sync().leased == 1)
            let lease = try #require(try second.database.nextTask(projectID: "sentiment"))

            // Then station 2 holds the same task under the next epoch
            #expect(lease.task.id == late.taskID)
            #expect(lease.epoch == 2)

            // And when station 2 answers first and station 1's late work follows
            let current = try #require(try second.labelNext("negative"))
            #expect(try await second.sync().accepted == 1)
            let lateSummary = try await first.sync()

            // Then the late work is kept, as superseded, and the current work is the answer
            #expect(lateSummary.superseded == 1)
            #expect(try first.database.outboxCount() == 0)
            #expect(try hub.hub.exportRows(projectID: "sentiment").map(\.station) == ["bay-2"])
            #expect(try hub.hub.exportRows(projectID: "sentiment").map(\.labels) == [current.labels])
        }
    }

    @Test func theSameAnnotationWithOtherContentIsRefusedAsAClientFault() async throws {
        try await withRunningHub { hub in
            // Given an annotation the hub accepted
            let station = try await hub.joinStation("bay-1", leaseTarget: 1)
            _ = try await station.sync()
            let original = try #require(try station.labelNext("positive"))
            #expect(try await station.sync().accepted == 1)

            // When the same id arrives with different labels, and then unchanged
            var changed = original
            changed.labels = ["negative"]
            let reply = try await station.transport.exchange(
                SyncRequest(stationID: "bay-1", annotations: [changed, original], cursor: 0, wantedLeases: 0))

            // Then the changed one is rejected with the reason, the resend keeps its answer, and the hub's answer stands
            #expect(reply.outcomes == [
                AnnotationOutcome(
                    annotationID: original.id, status: .rejected,
                    reason: "annotation \(original.id.uuidString) was already received with different content; this is a client fault"),
                AnnotationOutcome(annotationID: original.id, status: .accepted),
            ])
            #expect(try hub.hub.exportRows(projectID: "sentiment").map(\.labels) == [["positive"]])
        }
    }

    @Test func workByAUserWhoseRoleMayNotLabelIsRejectedAndTheStationSaysWhy() async throws {
        try await withRunningHub { hub in
            // Given a trainer at the hub who labels a task on a station
            try hub.hub.setUser(username: "tess", role: .trainer, actor: "admin", now: monday)
            let station = try await hub.joinStation("bay-1", leaseTarget: 1)
            _ = try await station.sync()
            let work = try #require(try station.labelNext(by: "tess"))

            // When the station syncs
            let summary = try await station.sync()

            // Then the hub refuses the work, the station lists the reason, and the task stays open for someone else
            #expect(summary.rejected == 1)
            let rejected = try station.database.syncStatus().rejected
            #expect(rejected.map(\.annotationID) == [work.id])
            #expect(rejected.first?.reason == "user \"tess\" has the role trainer at the hub, and only labelers and leads may label")
            #expect(try hub.hub.exportRows(projectID: "sentiment").isEmpty)
        }
    }

    @Test func aRequestSpeakingForAnotherStationIsForbidden() async throws {
        try await withRunningHub { hub in
            // Given two enrolled stations
            let first = try await hub.joinStation("bay-1")
            _ = try await hub.joinStation("bay-2")

            // When station 1 signs a request that says it is station 2
            let error = await #expect(throws: HTTPTransportError.self) {
                try await first.transport.exchange(SyncRequest(stationID: "bay-2", annotations: [], cursor: 0, wantedLeases: 5))
            }

            // Then the hub refuses with 403 and leases nothing
            #expect(error == .forbidden(
                "the request speaks for station \"bay-2\" but is signed by station \"bay-1\"; a station may only sync as itself"))
            #expect(try hub.hub.taskCounts(projectID: "sentiment").leased == 0)
        }
    }

    @Test func aHubThatIsNotThereIsUnreachableNotRefused() async throws {
        // Given a station enrolled at a hub that has since stopped
        let hub = try await RunningHub.start()
        let station = try await hub.joinStation("bay-1")
        await hub.stop()

        // When the station syncs
        let error = await #expect(throws: HTTPTransportError.self) { try await station.sync() }

        // Then it is told the hub did not answer, and the failure is on record for the status line
        guard case .unreachable(let address, _) = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(address == hub.url)
        #expect(error?.isRefusalOfStation == false)
        #expect(try station.database.syncStatus().lastError?.hasPrefix("the hub at \(hub.url) did not answer") == true)
    }
}
