import TestSupport
import Domain
import Foundation
import Hub
import Store
import Testing

@Suite("The hub's side of sync")
struct ExchangeTests {
    let directory: TemporaryDirectory
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        hub = try makeHub(in: directory, leaseSeconds: 600)
        try hub.importTasks(
            projectID: "sentiment", tasks: [task("low"), task("high", priority: 9), task("mid", priority: 5), task("low2")],
            actor: "admin", now: monday)
    }

    @Test func leasesGoByPriorityThenImportOrderWithEpochAndExpiry() throws {
        let reply = try hub.exchange(request(wanted: 3), now: monday)

        #expect(reply.leases.map(\.task.id) == ["high", "mid", "low"])
        #expect(reply.leases.allSatisfy { $0.epoch == 1 && $0.expiresAt == monday + 600 })
        #expect(reply.waitingAtHub == ["sentiment": 1])
        #expect(reply.projects == [sentimentProject(leaseSeconds: 600)])
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 1, leased: 3))
    }

    @Test func equalPrioritiesLeaseInImportOrder() throws {
        let reply = try hub.exchange(request(wanted: 10), now: monday)
        #expect(reply.leases.map(\.task.id) == ["high", "mid", "low", "low2"])
        #expect(reply.waitingAtHub == ["sentiment": 0])
    }

    @Test func theCursorOnlyBringsProjectsChangedSinceIt() throws {
        let first = try hub.exchange(request(), now: monday)
        let second = try hub.exchange(request(cursor: first.cursor), now: monday)
        #expect(first.projects.count == 1)
        #expect(second.projects.isEmpty)
        #expect(second.cursor == first.cursor)

        try hub.createProject(
            Project(id: "ner", title: "Entities", labels: [LabelChoice(name: "person")]), actor: "admin", now: monday)
        let third = try hub.exchange(request(cursor: second.cursor), now: monday)
        #expect(third.projects.map(\.id) == ["ner"])
        #expect(third.cursor > second.cursor)
    }

    @Test func theSameBatchTwiceChangesNothingMore() throws {
        // Given leased tasks and a batch of work on them
        let leases = try hub.exchange(request(wanted: 2), now: monday).leases
        let batch = [work(on: leases[0]), work(on: leases[1], skipReason: "Needs a specialist")]

        // When the batch arrives twice
        let first = try hub.exchange(request(batch), now: monday + 60)
        let countsAfterFirst = try hub.taskCounts(projectID: "sentiment")
        let exportAfterFirst = try hub.exportRows(projectID: "sentiment")
        let second = try hub.exchange(request(batch), now: monday + 120)

        // Then the answers and the state are the same both times
        #expect(first.outcomes.map(\.status) == [.accepted, .accepted])
        #expect(second.outcomes == first.outcomes)
        #expect(try hub.taskCounts(projectID: "sentiment") == countsAfterFirst)
        #expect(countsAfterFirst == TaskCounts(open: 2, leased: 0, done: 1, skipped: 1))
        #expect(try hub.exportRows(projectID: "sentiment") == exportAfterFirst)
    }

    @Test func theSameIDWithDifferentContentIsRejected() throws {
        let lease = try #require(try hub.exchange(request(wanted: 1), now: monday).leases.first)
        let original = work(on: lease, labels: ["positive"])
        _ = try hub.exchange(request([original]), now: monday + 60)

        var changed = original
        changed.labels = ["negative"]
        let reply = try hub.exchange(request([changed]), now: monday + 120)

        #expect(reply.outcomes == [AnnotationOutcome(
            annotationID: original.id, status: .rejected,
            reason: "annotation \(original.id.uuidString) was already received with different content; this is a client fault")])
        #expect(try hub.exportRows(projectID: "sentiment").map(\.labels) == [["positive"]])
    }

    @Test func workOnAnUnknownTaskOrWithUnknownLabelsIsRejected() throws {
        let ghost = LeasedTask(task: task("ghost"), epoch: 1, expiresAt: monday + 600)
        let lease = try #require(try hub.exchange(request(wanted: 1), now: monday).leases.first)
        let reply = try hub.exchange(request([work(on: ghost), work(on: lease, labels: ["neutral"])]), now: monday)
        #expect(reply.outcomes.map(\.status) == [.rejected, .rejected])
        #expect(reply.outcomes.map(\.reason) == [
            "task \"ghost\" is not in project \"sentiment\" at the hub",
            "label \"neutral\" is not one of project \"sentiment\"'s labels",
        ])
    }

    @Test func anExpiredLeaseIsLeasedAgainWithTheNextEpoch() throws {
        // Given station 1 holds the top task until 09:10
        let held = try #require(try hub.exchange(request(from: "station-1", wanted: 1), now: monday).leases.first)
        #expect(held.task.id == "high")

        // When station 2 asks after the lease ran out
        let releases = try hub.exchange(request(from: "station-2", wanted: 1), now: monday + 601).leases

        // Then it gets the same task under epoch 2
        #expect(releases.map(\.task.id) == ["high"])
        #expect(releases.first?.epoch == 2)
        #expect(releases.first?.expiresAt == monday + 601 + 600)
    }

    @Test func aLeaseStillRunningIsNotHandedOut() throws {
        _ = try hub.exchange(request(from: "station-1", wanted: 1), now: monday)
        let other = try hub.exchange(request(from: "station-2", wanted: 1), now: monday + 599).leases
        #expect(other.map(\.task.id) == ["mid"])
    }

    @Test func lateWorkIsKeptButTheCurrentLeaseHolderIsCanonical() throws {
        // Given station 1's lease expired and station 2 holds the task under epoch 2
        let old = try #require(try hub.exchange(request(from: "station-1", wanted: 1), now: monday).leases.first)
        let current = try #require(try hub.exchange(request(from: "station-2", wanted: 1), now: monday + 601).leases.first)

        // When station 2 sends its work first and station 1's late work follows
        let currentWork = work(on: current, labels: ["negative"], station: "station-2", username: "bea")
        let lateWork = work(on: old, labels: ["positive"], station: "station-1")
        let currentReply = try hub.exchange(request(from: "station-2", [currentWork]), now: monday + 700)
        let lateReply = try hub.exchange(request(from: "station-1", [lateWork]), now: monday + 710)

        // Then the current work is canonical and the late work is kept as superseded
        #expect(currentReply.outcomes.map(\.status) == [.accepted])
        #expect(lateReply.outcomes.map(\.status) == [.superseded])
        #expect(try hub.exportRows(projectID: "sentiment").map(\.annotator) == ["bea"])

        // And a resend of the late work gets the same answer again
        let resent = try hub.exchange(request(from: "station-1", [lateWork]), now: monday + 720)
        #expect(resent.outcomes == lateReply.outcomes)
    }

    @Test func lateWorkArrivingFirstIsCanonicalUntilTheCurrentHolderAnswers() throws {
        // Given station 1's lease expired and station 2 holds the task under epoch 2
        let old = try #require(try hub.exchange(request(from: "station-1", wanted: 1), now: monday).leases.first)
        let current = try #require(try hub.exchange(request(from: "station-2", wanted: 1), now: monday + 601).leases.first)

        // When station 1's late work arrives first, it is the answer for now
        let late = try hub.exchange(request(from: "station-1", [work(on: old, station: "station-1")]), now: monday + 650)
        #expect(late.outcomes.map(\.status) == [.accepted])
        #expect(try hub.exportRows(projectID: "sentiment").map(\.annotator) == ["ana"])

        // And when station 2's current work arrives, it takes over
        let currentWork = work(on: current, labels: ["negative"], station: "station-2", username: "bea")
        let takeover = try hub.exchange(request(from: "station-2", [currentWork]), now: monday + 700)
        #expect(takeover.outcomes.map(\.status) == [.accepted])
        #expect(try hub.exportRows(projectID: "sentiment").map(\.annotator) == ["bea"])
        #expect(try hub.taskCounts(projectID: "sentiment").done == 1)
    }

    @Test func lateWorkWithNoOtherAnswerBecomesCanonical() throws {
        // Given a lease that expired with nobody else taking the task
        let old = try #require(try hub.exchange(request(wanted: 1), now: monday).leases.first)

        // When its work arrives after expiry
        let reply = try hub.exchange(request([work(on: old)]), now: monday + 900)

        // Then it is accepted as the answer
        #expect(reply.outcomes.map(\.status) == [.accepted])
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 3, done: 1))
    }

    @Test func aSkippedTaskIsSetAsideAndNotLeasedAgain() throws {
        let lease = try #require(try hub.exchange(request(wanted: 1), now: monday).leases.first)
        _ = try hub.exchange(request([work(on: lease, skipReason: "Offensive or distressing")]), now: monday + 30)

        let later = try hub.exchange(request(from: "station-2", wanted: 10), now: monday + 10_000).leases
        #expect(!later.map(\.task.id).contains(lease.task.id))
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(leased: 3, skipped: 1))
    }
}
