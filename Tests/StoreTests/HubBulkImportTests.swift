import Domain
@testable import Store
import TestSupport
import Foundation
import GRDB
import Testing

/// The bulk steps of an import: the open-task index rebuilt around a large insert, tasks
/// inserted in their final state, judgements bound through SQLite's C interface.
@Suite struct HubBulkImportTests {
    func makeHub(in folder: TemporaryDirectory) throws -> HubDatabase {
        let hub = try HubDatabase(path: folder.path("hub.sqlite"))
        try hub.write { try $0.insertProject(sentimentProject(), now: monday) }
        return hub
    }

    func tasks(_ count: Int, from first: Int = 1) -> [LabelTask] {
        (first..<(first + count)).map { index in
            LabelTask(id: "t\(index)", projectID: "sentiment", text: "text \(index)", marking: .unclassified, priority: index % 3)
        }
    }

    func openIndexDefinition(_ hub: HubDatabase) throws -> String? {
        try hub.pool.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'open_task_to_lease'") }
    }

    @Test func aBatchAsLargeAsTheTableRebuildsTheOpenTaskIndexAsItWas() throws {
        // Given a hub whose open-task index is the migration's
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        let before = try openIndexDefinition(hub)
        #expect(before != nil)

        // When a batch past the bulk size goes in
        try hub.write { try $0.insertTasks(tasks(HubTransaction.bulkRowCount + 5), projectID: "sentiment") }

        // Then the index is there with the same definition, holds every open task, and leasing uses it
        #expect(try openIndexDefinition(hub) == before)
        let integrity = try hub.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        let indexed = try hub.pool.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM task INDEXED BY open_task_to_lease WHERE project_id = 'sentiment' AND state = 'open'")
        }
        #expect(indexed == HubTransaction.bulkRowCount + 5)
        let leased = try hub.write { try $0.leaseOpenTasks(projectID: "sentiment", limit: 3, to: "station-1", until: monday.addingTimeInterval(600)) }
        #expect(leased.map(\.task.id) == ["t2", "t5", "t8"])
        // and the state CHECK the insert trusted holds again for every later statement
        #expect(throws: DatabaseError.self) {
            try hub.write { try $0.db.execute(sql: "UPDATE task SET state = 'lost' WHERE id = 't1'") }
        }
    }

    @Test func aBulkBatchThatFailsLeavesTheIndexAndNoTask() throws {
        // Given a hub holding task t7
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        try hub.write { try $0.insertTasks(tasks(1, from: 7), projectID: "sentiment") }
        let before = try openIndexDefinition(hub)

        // When a bulk batch names t7 again
        #expect(throws: StoreError.duplicateTask(projectID: "sentiment", taskID: "t7")) {
            try hub.write { try $0.insertTasks(self.tasks(HubTransaction.bulkRowCount), projectID: "sentiment") }
        }

        // Then nothing of it stays and the index is as it was
        #expect(try hub.read { try $0.taskCounts(projectID: "sentiment") } == TaskCounts(open: 1))
        #expect(try openIndexDefinition(hub) == before)
    }

    @Test func anIDGivenTwiceInOneBatchNamesBothPlaces() throws {
        // Given a hub holding t1, and a batch whose 3rd task takes the id of its 7th
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        try hub.write { try $0.insertTasks(tasks(1), projectID: "sentiment") }
        var batch = tasks(10, from: 2)
        batch[6].id = batch[2].id

        // When it is inserted
        // Then the primary key refuses the second, and the error says where both are in the batch
        #expect(throws: StoreError.taskIDUsedTwice(projectID: "sentiment", taskID: "t4", first: 2, second: 6)) {
            try hub.write { try $0.insertTasks(batch, projectID: "sentiment") }
        }
        #expect(try hub.read { try $0.taskCounts(projectID: "sentiment") } == TaskCounts(open: 1))
    }

    @Test func preparedRowsBindEveryKindOfValueAsGiven() throws {
        // Given rows made in two pieces and joined: texts (one empty, one with emoji), NULLs, integers and reals
        var rows = PreparedRows(width: 4)
        rows.append("first")
        rows.append(nil as String?)
        rows.append(Int64(7))
        rows.append(real: 1.5)
        var more = PreparedRows(width: 4)
        more.append("")
        more.append("東京 👩‍👩‍👧")
        more.append(nil as Int64?)
        more.append(real: -2)
        rows.append(contentsOf: more)
        #expect(rows.count == 2 && rows.text(row: 1, column: 1) == "東京 👩‍👩‍👧" && rows.text(row: 0, column: 1) == nil)

        // When they are bound to an insert and stepped
        let queue = try DatabaseQueue()
        let stored = try queue.write { db -> [String] in
            try db.execute(sql: "CREATE TABLE t (a, b, c, d)")
            let statement = try db.makeStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?)")
            let failed = rows.forEachRow(0..<rows.count, boundTo: statement.sqliteStatement) { _ in RawBinding.stepAndReset(statement.sqliteStatement) }
            #expect(failed == nil)
            return try String.fetchAll(db, sql: "SELECT quote(a) || '|' || quote(b) || '|' || quote(c) || '|' || quote(d) FROM t ORDER BY rowid")
        }

        // Then each value went in as it was, of its own type
        #expect(stored == ["'first'|NULL|7|1.5", "''|'東京 👩‍👩‍👧'|NULL|-2.0"])
    }

    @Test func aFailureInsideTheRebuildStillMakesTheIndexAgain() throws {
        // Given a hub, and a step that fails while the index is dropped
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        let before = try openIndexDefinition(hub)
        struct Refused: Error {}

        // When the caller catches the failure and commits
        try hub.write { transaction in
            do {
                try transaction.withIndexesRebuilt(HubTransaction.tasksBulkRebuiltIndexes) { throw Refused() }
            } catch is Refused {}
        }

        // Then the committed schema still has the index
        #expect(try openIndexDefinition(hub) == before)
    }

    @Test func everyStateTheBulkInsertBindsPassesTheStateCheck() throws {
        // Given a task, and the CHECK the bulk insert trusts
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        try hub.write { try $0.insertTasks(tasks(1), projectID: "sentiment") }

        // When each state HubTask.State has is written with the CHECK on
        // Then SQLite takes it: the enum and the CHECK list agree
        for state in HubTask.State.allCases {
            try hub.write { try $0.db.execute(sql: "UPDATE task SET state = ? WHERE id = 't1'", arguments: [state.rawValue]) }
        }
    }

    @Test func tasksGoInInTheStateGivenAndOnlyOpenOnesAreIndexed() throws {
        // Given a hub
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)

        // When three tasks go in done, skipped and open
        try hub.write { try $0.insertTasks(tasks(3), projectID: "sentiment", states: [.done, .skipped, .open]) }

        // Then each has its state, and only the open one is leased
        #expect(try hub.read { try $0.taskCounts(projectID: "sentiment") } == TaskCounts(open: 1, done: 1, skipped: 1))
        let leased = try hub.write { try $0.leaseOpenTasks(projectID: "sentiment", limit: 10, to: "station-1", until: monday.addingTimeInterval(600)) }
        #expect(leased.map(\.task.id) == ["t3"])
    }

    @Test func judgementsInsertedInBulkReadBackAsOneAtATime() throws {
        // Given two tasks, and the same kinds of judgement for each
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        try hub.write { try $0.insertTasks(tasks(2), projectID: "sentiment") }
        func judgements(on taskID: String) -> [Judgement] {
            let labeled = Annotation(
                id: UUID(), taskID: taskID, projectID: "sentiment", answer: .labels(["positive"]), skipReason: nil, username: "ana",
                stationID: "import", leaseEpoch: 0, createdAt: monday.addingTimeInterval(1.5), secondsOnTask: 4.5,
                flag: "unsure", predictionAccepted: true)
            let skipped = Annotation(
                id: UUID(), taskID: taskID, projectID: "sentiment", answer: .labels([]), skipReason: "unclear", username: "bo",
                stationID: "import", leaseEpoch: 0, createdAt: monday, secondsOnTask: 0, flag: nil, predictionAccepted: false)
            let spans = Annotation(
                id: UUID(), taskID: taskID, projectID: "sentiment", answer: .spans([EntitySpan(start: 0, end: 4, label: "positive")]),
                skipReason: nil, username: "cy", stationID: "import", leaseEpoch: 0, createdAt: monday, secondsOnTask: 2)
            return [
                Judgement(annotation: labeled, content: labeled.canonicalContent, isCanonical: true, firstOutcome: .accepted, receivedAt: monday),
                Judgement(annotation: skipped, content: skipped.canonicalContent, isCanonical: false, firstOutcome: .superseded, receivedAt: monday),
                Judgement(annotation: spans, content: spans.canonicalContent, isCanonical: false, firstOutcome: .superseded, receivedAt: monday),
            ]
        }
        let oneByOne = judgements(on: "t1"), inBulk = judgements(on: "t2")

        // When one set goes in one at a time and the other in bulk
        try hub.write { transaction in
            for judgement in oneByOne { try transaction.insertJudgement(judgement) }
            try transaction.insertJudgements(inBulk)
        }

        // Then both read back as they were given
        #expect(try hub.read { try $0.judgements(projectID: "sentiment", taskID: "t1") } == oneByOne)
        #expect(try hub.read { try $0.judgements(projectID: "sentiment", taskID: "t2") } == inBulk)
    }

    @Test func tasksWithJudgementsAgreesWithReadingEachTask() throws {
        // Given more tasks than one core decodes, some with several judgements, one
        // whose canonical judgement came after another, and one with a prediction
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        var given = tasks(PieceWork.parallelThreshold + 300)
        given[4].predictions = [Prediction(model: "m", score: 0.5, answer: .labels(["negative"]))]
        try hub.write { transaction in
            try transaction.insertTasks(given, projectID: "sentiment")
            for (index, task) in given.enumerated() where index % 3 != 0 {
                for (order, username) in ["ana", "bo"].prefix(index % 3).enumerated() {
                    let annotation = Annotation(
                        id: UUID(), taskID: task.id, projectID: "sentiment", answer: .labels(["positive"]), skipReason: nil,
                        username: username, stationID: "station-1", leaseEpoch: 1, createdAt: monday, secondsOnTask: 1)
                    // For every fifth task the later judgement is the canonical one.
                    let canonical = index % 5 == 0 ? order == (index % 3) - 1 : order == 0
                    try transaction.insertJudgement(Judgement(
                        annotation: annotation, content: annotation.canonicalContent, isCanonical: canonical,
                        firstOutcome: canonical ? .accepted : .superseded, receivedAt: monday))
                }
            }
        }

        // When all tasks are read with their judgements, and only the answered ones
        let all = try hub.read { try $0.tasksWithJudgements(projectID: "sentiment", answeredOnly: false) }
        let answered = try hub.read { try $0.tasksWithJudgements(projectID: "sentiment", answeredOnly: true) }

        // Then each task comes in import order with its judgements, canonical first, then in arrival order
        #expect(all.map(\.task.task) == given)
        for (task, judgements) in all {
            let arrived = try hub.read { try $0.judgements(projectID: "sentiment", taskID: task.task.id) }
            #expect(judgements == arrived.filter(\.isCanonical) + arrived.filter { !$0.isCanonical })
        }
        #expect(answered.map(\.task.task.id) == all.filter { $0.judgements.first?.isCanonical == true }.map(\.task.task.id))
        #expect(answered.count == given.indices.filter { $0 % 3 != 0 }.count)
        // and the export's read of the same gives the same tasks with the same work
        for answeredOnly in [false, true] {
            let work = try hub.read { try $0.tasksWithWork(projectID: "sentiment", answeredOnly: answeredOnly) { task, work in (task, work) } }
            let judged = answeredOnly ? answered : all
            #expect(work.map(\.0) == judged.map(\.task))
            #expect(work.map(\.1) == judged.map { $0.judgements.map(ExportedWork.init) })
        }
    }

    func judgementIndexDefinitions(_ hub: HubDatabase) throws -> [String] {
        try hub.pool.read {
            try String.fetchAll($0, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'judgement' AND sql IS NOT NULL ORDER BY name")
        }
    }

    func canonicalJudgements(on tasks: [LabelTask]) -> [Judgement] {
        tasks.map { task in
            let annotation = Annotation(
                id: UUID(), taskID: task.id, projectID: "sentiment", answer: .labels(["positive"]), skipReason: nil, username: "ana",
                stationID: "import", leaseEpoch: 0, createdAt: monday, secondsOnTask: 1)
            return Judgement(annotation: annotation, content: annotation.canonicalContent, isCanonical: true, firstOutcome: .accepted, receivedAt: monday)
        }
    }

    @Test func aBulkBatchOfJudgementsRebuildsTheirIndexesAsTheyWere() throws {
        // Given a hub with a bulk batch of tasks, and its judgement indexes as the migrations made them
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        let given = tasks(HubTransaction.bulkRowCount + 5)
        let before = try judgementIndexDefinitions(hub)
        #expect(before.count == HubTransaction.judgementsBulkRebuiltIndexes.count)

        // When a canonical judgement of each goes in, in bulk
        try hub.write { transaction in
            try transaction.insertTasks(given, projectID: "sentiment", states: given.map { _ in .done })
            try transaction.insertJudgements(canonicalJudgements(on: given))
        }

        // Then the indexes are there as they were, hold every judgement, and the CHECKs hold again
        #expect(try judgementIndexDefinitions(hub) == before)
        #expect(try hub.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        let indexed = try hub.pool.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM judgement INDEXED BY judgement_by_task WHERE project_id = 'sentiment' AND task_id > ''")
        }
        #expect(indexed == given.count)
        #expect(throws: DatabaseError.self) {
            try hub.write { try $0.db.execute(sql: "UPDATE judgement SET outcome = 'lost' WHERE task_id = 't1'") }
        }
    }

    @Test func twoCanonicalJudgementsOfOneTaskInABulkBatchLeaveNothing() throws {
        // Given a bulk batch of tasks, and judgements naming t1 as canonical twice
        let folder = try TemporaryDirectory()
        let hub = try makeHub(in: folder)
        let given = tasks(HubTransaction.bulkRowCount)
        var judgements = canonicalJudgements(on: given)
        judgements.append(canonicalJudgements(on: [given[0]])[0])

        // When they go in, in one transaction
        #expect(throws: DatabaseError.self) {
            try hub.write { transaction in
                try transaction.insertTasks(given, projectID: "sentiment", states: given.map { _ in .done })
                try transaction.insertJudgements(judgements)
            }
        }

        // Then nothing of it stays, and the indexes are as they were
        #expect(try hub.read { try $0.taskCounts(projectID: "sentiment") } == TaskCounts())
        #expect(try judgementIndexDefinitions(hub).count == HubTransaction.judgementsBulkRebuiltIndexes.count)
    }
}
