@_spi(Testing) import Store
import TestSupport
import Domain
import Foundation
import Testing

@Suite("Tasks, submissions and undo on the station")
struct WorkTests {
    let directory: TemporaryDirectory
    let station: StationDatabase

    init() throws {
        directory = try TemporaryDirectory()
        station = try makeStation(in: directory)
        try station.saveProjects([sentimentProject()])
    }

    @Test func nextTaskIsHighestPriorityThenArrivalOrder() throws {
        // Given tasks arriving in two batches with mixed priorities, and one of another project
        try station.cacheLeases([lease("a", priority: 0), lease("b", priority: 5), lease("other", project: "ner", priority: 9)])
        try station.cacheLeases([lease("c", priority: 5), lease("d", priority: 0)])

        // When the labeler works through the queue
        var order: [String] = []
        while let next = try station.nextTask(projectID: "sentiment") {
            order.append(next.task.id)
            try station.submit(annotation(for: next), now: monday)
        }

        // Then priority 5 came first in arrival order, then priority 0 in arrival order
        #expect(order == ["b", "c", "a", "d"])
        #expect(try station.nextTask(projectID: "ner")?.task.id == "other")
    }

    @Test func nextTaskIsAnIndexLookup() throws {
        let plan = try RawSQLite.queryPlan(
            path: directory.path("station.sqlite"),
            "SELECT * FROM task WHERE state = 'queued' AND project_id = 'sentiment' ORDER BY priority DESC, seq LIMIT 1")
        #expect(plan.contains { $0.contains("USING INDEX task_next") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
    }

    @Test func submitWritesAnnotationOutboxTaskAndAuditTogether() throws {
        // Given one cached task
        try station.cacheLeases([lease("t1")])
        let task = try #require(try station.nextTask(projectID: "sentiment"))

        // When the labeler submits it
        let work = annotation(for: task, labels: ["negative"])
        try station.submit(work, now: monday + 5)

        // Then the work is queued to send, the task is done, and the audit says so
        #expect(try station.outboxBatch(sentBefore: monday + 5, limit: 10) == [work])
        #expect(try station.nextTask(projectID: "sentiment") == nil)
        let entry = try #require(try station.recentAuditEntries(limit: 1).last)
        #expect(entry.kind == "submit")
        #expect(entry.actor == "ana")
        #expect(entry.detail == "sentiment/t1: negative")
    }

    @Test func aFailedSubmitLeavesNothingBehind() throws {
        // Given a task already submitted once
        try station.cacheLeases([lease("t1"), lease("t2")])
        let first = annotation(for: lease("t1"))
        try station.submit(first, now: monday)
        let auditBefore = try station.recentAuditEntries(limit: 100).count

        // When a second submit reuses the same annotation id (its insert fails after the
        // task update and the audit entry were written in the same transaction)
        var clash = annotation(for: lease("t2"))
        clash.id = first.id
        #expect(throws: (any Error).self) { try station.submit(clash, now: monday + 1) }

        // Then the whole transaction rolled back: t2 still queued, no audit entry, one outbox row
        #expect(try station.nextTask(projectID: "sentiment")?.task.id == "t2")
        #expect(try station.recentAuditEntries(limit: 100).count == auditBefore)
        #expect(try station.outboxCount() == 1)
        #expect(try station.verifyAudit() == .intact(entries: auditBefore))
    }

    @Test func skipIsAuditedWithItsReason() throws {
        try station.cacheLeases([lease("t1")])
        try station.submit(annotation(for: lease("t1"), skipReason: "Unclear or ambiguous"), now: monday)
        let entry = try #require(try station.recentAuditEntries(limit: 1).last)
        #expect(entry.kind == "skip")
        #expect(entry.detail == "sentiment/t1 skipped: Unclear or ambiguous")
    }

    @Test func undoBringsBackTheLatestUnsentSubmission() throws {
        // Given two submissions
        try station.cacheLeases([lease("t1"), lease("t2")])
        try station.submit(annotation(for: lease("t1")), now: monday)
        try station.submit(annotation(for: lease("t2")), now: monday + 3)

        // When the labeler undoes
        let undone = try station.undoLastSubmission(username: "ana", projectID: "sentiment", now: monday + 4)

        // Then the latest comes back to the queue and its work is gone
        #expect(undone == lease("t2"))
        #expect(try station.nextTask(projectID: "sentiment")?.task.id == "t2")
        #expect(try station.outboxCount() == 1)
        #expect(try station.recentAuditEntries(limit: 1).last?.kind == "undo")
    }

    @Test func undoOnlyTakesTheLabelersOwnWork() throws {
        try station.cacheLeases([lease("t1")])
        try station.submit(annotation(for: lease("t1"), username: "bea"), now: monday)
        #expect(try station.undoLastSubmission(username: "ana", projectID: "sentiment", now: monday) == nil)
        #expect(try station.outboxCount() == 1)
    }

    @Test func undoStopsOnceASyncHasTheWork() throws {
        // Given a submission handed to a sync
        try station.cacheLeases([lease("t1")])
        let work = annotation(for: lease("t1"))
        try station.submit(work, now: monday)
        _ = try station.outboxBatch(sentBefore: monday + 30, limit: 10)

        // Then it can no longer be undone, even before the hub answers
        #expect(try station.undoLastSubmission(username: "ana", projectID: "sentiment", now: monday + 31) == nil)

        // And after the hub answers, the outbox is empty and undo still has nothing
        try station.applySyncReply(
            SyncReply(outcomes: [AnnotationOutcome(annotationID: work.id, status: .accepted)], leases: [], projects: [],
                      waitingAtHub: [:], cursor: 1),
            now: monday + 32)
        #expect(try station.outboxCount() == 0)
        #expect(try station.undoLastSubmission(username: "ana", projectID: "sentiment", now: monday + 33) == nil)
    }

    @Test func outboxBatchTakesOnlyRowsOldEnoughOldestFirst() throws {
        try station.cacheLeases([lease("t1"), lease("t2"), lease("t3")])
        let first = annotation(for: lease("t1"))
        let second = annotation(for: lease("t2"))
        try station.submit(first, now: monday)
        try station.submit(second, now: monday + 10)
        try station.submit(annotation(for: lease("t3")), now: monday + 20)

        #expect(try station.outboxBatch(sentBefore: monday + 10, limit: 10) == [first, second])
        #expect(try station.outboxBatch(sentBefore: monday + 30, limit: 1) == [first])
        #expect(try station.outboxCount() == 3)
    }

    @Test func cachingLeasesNeverOverwritesUnsentWork() throws {
        // Given a task done here, its work not yet sent
        try station.cacheLeases([lease("t1", text: "old text")])
        try station.submit(annotation(for: lease("t1")), now: monday)

        // When a newer lease of the same task arrives
        try station.cacheLeases([lease("t1", text: "new text", epoch: 2)])

        // Then the task stays done with the text the labeler saw
        #expect(try station.nextTask(projectID: "sentiment") == nil)
        let rows = try RawSQLite.rows(path: directory.path("station.sqlite"), "SELECT text, state, epoch FROM task")
        #expect(rows == [["old text", "done", "1"]])
    }

    @Test func cachingLeasesRenewsAQueuedTask() throws {
        try station.cacheLeases([lease("t1", epoch: 1)])
        try station.cacheLeases([lease("t1", epoch: 2, expiresAt: monday + 7200)])
        #expect(try station.nextTask(projectID: "sentiment") == lease("t1", epoch: 2, expiresAt: monday + 7200))
        #expect(try station.queuedTaskCount() == 1)

        // A stale lease does not roll it back
        try station.cacheLeases([lease("t1", epoch: 1)])
        #expect(try station.nextTask(projectID: "sentiment")?.epoch == 2)
    }

    @Test func queueSummariesCountWhatWaitsAndWhatThisPersonDidToday() throws {
        // Given three queued tasks, five more at the hub, and work by two people over two days
        try station.applySyncReply(
            SyncReply(outcomes: [], leases: [lease("t1"), lease("t2"), lease("t3"), lease("t4"), lease("t5")],
                      projects: [sentimentProject()], waitingAtHub: ["sentiment": 5], cursor: 1),
            now: monday)
        try station.submit(annotation(for: lease("t1"), at: monday - 86_400), now: monday - 86_400)
        try station.submit(annotation(for: lease("t2"), at: monday + 60), now: monday + 60)
        try station.submit(annotation(for: lease("t3"), skipReason: "Needs a specialist", at: monday + 120), now: monday + 120)
        try station.submit(annotation(for: lease("t4"), username: "bea", at: monday + 180), now: monday + 180)

        // When Ana looks at her queues
        let summaries = try station.queueSummaries(username: "ana", now: monday + 600, calendar: utcCalendar)

        // Then one task is queued here plus five at the hub, and she did two today (a skip included)
        #expect(summaries == [QueueSummary(project: sentimentProject(), waiting: 6, doneToday: 2)])
    }

    @Test func workSurvivesReopeningTheFile() throws {
        try station.cacheLeases([lease("t1")])
        let work = annotation(for: lease("t1"))
        try station.submit(work, now: monday)

        let reopened = try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)
        #expect(try reopened.outboxBatch(sentBefore: monday, limit: 10) == [work])
        #expect(try reopened.project(id: "sentiment") == sentimentProject())
    }
}
