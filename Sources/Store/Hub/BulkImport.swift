import Domain
import Foundation
import GRDB
import GRDBSQLite

/// One import of many tasks (and the work done on them elsewhere) into a project, fed a
/// piece at a time inside the caller's transaction: `HubTransaction.bulkImport`.
///
/// Tasks go in after every task the hub holds, in the order given; a piece's
/// judgements are of tasks already inserted (this piece or one before). The statements
/// are prepared once and bound through SQLite's C interface; an import at least as
/// large as what the table holds drops the indexes it would otherwise grow (decided at
/// its first piece from the size the caller expects) and makes them again at the end.
///
/// The CHECKs on `state`, `canonical` and `outcome` are trusted meanwhile
/// (`ignore_check_constraints`): they are bound only from `HubTask.State`, a `Bool` and
/// an `AnnotationOutcome.Status` other than `rejected`. SQLite evaluates `state IN
/// ('open', 'leased', 'done', 'skipped')` by building a small table of the list each
/// time a statement runs: for an insert run once per row that was ~40% of inserting
/// 100,000 tasks. The pragma applies to statements prepared while it is on; turning it
/// off expires them, so nothing prepared meanwhile runs without the checks afterwards.
public final class BulkImport {
    private let transaction: HubTransaction
    private var db: Database { transaction.db }
    let projectID: String
    private let importedAt: Date?
    private var seq: Int64
    private let firstSeq: Int64
    private var droppedIndexes: [String] = []
    private var taskStatement: Statement?
    private var judgementStatement: Statement?
    private var judgementsHeld: Int64?
    public private(set) var taskCount = 0
    public private(set) var judgementCount = 0

    init(transaction: HubTransaction, projectID: String, importedAt: Date?) throws {
        self.transaction = transaction
        self.projectID = projectID
        self.importedAt = importedAt
        guard try HubProjectRecord.fetchOne(transaction.db, key: projectID) != nil else {
            throw StoreError.noSuchProject(projectID: projectID)
        }
        seq = try Int64.fetchOne(transaction.db, sql: "SELECT COALESCE(MAX(seq), 0) FROM task") ?? 0
        firstSeq = seq + 1
        try transaction.db.execute(sql: "PRAGMA ignore_check_constraints = ON")
    }

    /// Inserts a piece of tasks: open, or each in the state `states` gives (work done
    /// elsewhere, whose judgements follow). `bodies` are each task's `storedBody`, made
    /// beforehand off this thread (nil makes them here). `expectedTotal` is how many
    /// tasks the whole import is likely to hold, for the first piece's choice of indexes.
    ///
    /// Throws `StoreError.duplicateTask` naming the first id the project already has.
    public func insertTasks(_ tasks: [LabelTask], states: [HubTask.State]? = nil, bodies: [String?]? = nil, expectedTotal: Int) throws {
        precondition(states == nil || states?.count == tasks.count, "insertTasks takes one state per task")
        precondition(bodies == nil || bodies?.count == tasks.count, "insertTasks takes one body per task")
        let statement = try taskStatement ?? {
            // `seq` counts the tasks the hub holds: an import at least that large rebuilds
            // the open-task index once rather than growing it a row at a time.
            if expectedTotal >= HubTransaction.bulkRowCount, Int64(expectedTotal) >= seq {
                droppedIndexes += try transaction.dropIndexes(HubTransaction.tasksBulkRebuiltIndexes)
            }
            let made = try db.makeStatement(sql: """
                INSERT INTO task (project_id, id, text, marking, priority, meta, body, state, epoch, seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                """)
            taskStatement = made
            return made
        }()
        let bodies = bodies ?? PieceWork.map(count: tasks.count) { tasks[$0].storedBody }
        // Bound straight through SQLite's C interface, each text from the string's own
        // bytes for the one step that reads it. Building GRDB's argument arrays cost
        // three times what SQLite spent inserting.
        let handle = statement.sqliteStatement
        for (index, task) in tasks.enumerated() {
            seq += 1
            let state = states?[index] ?? .open
            let code = RawBinding.bindText(projectID, to: handle, at: 1) { RawBinding.bindText(task.id, to: handle, at: 2) {
                RawBinding.bindText(task.text, to: handle, at: 3) { RawBinding.bindText(task.marking.rawValue, to: handle, at: 4) {
                    RawBinding.bindText(task.meta, to: handle, at: 6) { RawBinding.bindText(bodies[index], to: handle, at: 7) {
                        RawBinding.bindText(state.rawValue, to: handle, at: 8) {
                            sqlite3_bind_int64(handle, 5, Int64(task.priority))
                            sqlite3_bind_int64(handle, 9, seq)
                            return RawBinding.stepAndReset(handle)
                        }
                    } }
                } }
            } }
            guard code == SQLITE_DONE else {
                if code == ResultCode.SQLITE_CONSTRAINT_PRIMARYKEY.rawValue { throw StoreError.duplicateTask(projectID: projectID, taskID: task.id) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            if task.image != nil { try transaction.linkMedia(of: task, projectID: projectID) }
        }
        taskCount += tasks.count
    }

    /// Inserts a piece of judgements, their row texts made beforehand. At most one
    /// judgement per task may be canonical (checked when the index is made, at the end,
    /// when it was dropped). `expectedTotal` as for `insertTasks`.
    public func insertJudgements(_ prepared: PreparedJudgements, expectedTotal: Int) throws {
        let judgements = prepared.judgements
        guard !judgements.isEmpty else { return }
        precondition(!judgements.contains { $0.firstOutcome == .rejected }, "a rejected annotation is never stored as a judgement")
        let statement = try judgementStatement ?? {
            let held = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM judgement") ?? 0
            if expectedTotal >= HubTransaction.bulkRowCount, Int64(expectedTotal) >= held {
                droppedIndexes += try transaction.dropIndexes(HubTransaction.judgementsBulkRebuiltIndexes)
            }
            let made = try db.makeStatement(sql: """
                INSERT INTO judgement (id, project_id, task_id, labels, skip_reason, username, station_id, lease_epoch,
                                       created_at, seconds_on_task, content, canonical, outcome, received_at,
                                       answer, flag, prediction_accepted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            judgementStatement = made
            return made
        }()
        let handle = statement.sqliteStatement
        let rows = prepared.texts
        for index in judgements.indices {
            for (position, text) in rows[index].enumerated() {
                RawBinding.bindCopy(text, to: handle, at: Self.judgementTextIndices[position])
            }
            sqlite3_bind_int64(handle, 8, Int64(judgements[index].annotation.leaseEpoch))
            sqlite3_bind_double(handle, 10, judgements[index].annotation.secondsOnTask)
            sqlite3_bind_int64(handle, 12, judgements[index].isCanonical ? 1 : 0)
            if let accepted = judgements[index].annotation.predictionAccepted {
                sqlite3_bind_int64(handle, 17, accepted ? 1 : 0)
            } else {
                sqlite3_bind_null(handle, 17)
            }
            let code = RawBinding.stepAndReset(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        judgementCount += judgements.count
    }

    /// Where `insertJudgements` binds its texts, in the order `PreparedJudgements.texts` lists them.
    private static let judgementTextIndices: [Int32] = [1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 14, 15, 16]

    /// Makes the dropped indexes again and turns the CHECKs back on: always, also after
    /// a failure, so a caller that catches the error and commits finds the schema it had.
    func restore() throws {
        taskStatement = nil
        judgementStatement = nil
        try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        let definitions = droppedIndexes
        droppedIndexes = []
        for sql in definitions { try db.execute(sql: sql) }
    }

    /// After a whole import: its run of task numbers recorded (`task_batch`, from which
    /// the lead's console tells how long the oldest waiting task has waited), and no
    /// task may take a gold item's id, since a station keys tasks and gold items alike.
    func finish() throws {
        if let importedAt, seq >= firstSeq {
            try db.execute(
                sql: "INSERT INTO task_batch (project_id, first_seq, last_seq, imported_at) VALUES (?, ?, ?, ?)",
                arguments: [projectID, firstSeq, seq, importedAt])
        }
        if taskCount > 0, let clash = try transaction.idsInPoolAndTasks(projectID: projectID, limit: 1).first {
            throw StoreError.duplicateTask(projectID: projectID, taskID: clash)
        }
    }
}

extension HubTransaction {
    /// Runs `body` with a `BulkImport` into `projectID`, then records the batch
    /// (`importedAt`, when given) and checks it against the gold pool. The dropped
    /// indexes and the CHECKs come back also when `body` throws.
    public func bulkImport<T>(projectID: String, importedAt: Date?, _ body: (BulkImport) throws -> T) throws -> T {
        let bulk = try BulkImport(transaction: self, projectID: projectID, importedAt: importedAt)
        let result: Result<T, Error>
        do {
            let value = try body(bulk)
            try bulk.finish()
            result = .success(value)
        } catch { result = .failure(error) }
        try bulk.restore()
        return try result.get()
    }

    /// Drops the named indexes, returning their definitions as `sqlite_master` holds
    /// them (the migrations stay their one source) for making them again.
    func dropIndexes(_ names: [String]) throws -> [String] {
        var definitions: [String] = []
        for name in names {
            guard let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name]) else { continue }
            definitions.append(sql)
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        return definitions
    }
}
