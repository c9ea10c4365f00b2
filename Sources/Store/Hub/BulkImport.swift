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

    /// Inserts a piece of tasks (their rows made beforehand, off this thread), the first
    /// `prefix` of them when given. `expectedTotal` is how many tasks the whole import is
    /// likely to hold, for the first piece's choice of indexes.
    ///
    /// The primary key is the one check that ids are new: an id the project already had
    /// throws `StoreError.duplicateTask`, one given twice in this import
    /// `StoreError.taskIDUsedTwice` with the places of both.
    public func insertTasks(_ prepared: PreparedTasks, prefix: Int? = nil, expectedTotal: Int) throws {
        let statement = try taskStatement ?? {
            // `seq` counts the tasks the hub holds: an import at least that large rebuilds
            // the open-task index once rather than growing it a row at a time.
            if expectedTotal >= HubTransaction.bulkRowCount, Int64(expectedTotal) >= seq {
                droppedIndexes += try transaction.dropIndexes(HubTransaction.tasksBulkRebuiltIndexes)
            }
            let made = try db.makeStatement(sql: """
                INSERT INTO task (project_id, id, text, marking, priority, meta, body, state, seq, epoch)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """)
            taskStatement = made
            return made
        }()
        let handle = statement.sqliteStatement
        let count = min(prefix ?? prepared.count, prepared.count)
        var next = seq
        let failed = prepared.rows.forEachRow(0..<count, boundTo: handle) { _ in
            next += 1
            sqlite3_bind_int64(handle, PreparedTasks.width + 1, next)
            return RawBinding.stepAndReset(handle)
        }
        if let (row, code) = failed {
            let taskID = prepared.rows.text(row: row, column: 1) ?? ""
            if code == ResultCode.SQLITE_CONSTRAINT_PRIMARYKEY.rawValue { throw try clash(taskID: taskID, at: taskCount + row) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        seq = next
        for (index, task) in prepared.imaged where index < count { try transaction.linkMedia(of: task, projectID: projectID) }
        taskCount += count
    }

    /// The error for an id the primary key refused at place `index` of this import: the
    /// task holding it came in this import (its `seq` says where) or was there before.
    private func clash(taskID: String, at index: Int) throws -> StoreError {
        let held = try Int64.fetchOne(db, sql: "SELECT seq FROM task WHERE project_id = ? AND id = ?", arguments: [projectID, taskID])
        guard let held, held >= firstSeq else { return .duplicateTask(projectID: projectID, taskID: taskID) }
        return .taskIDUsedTwice(projectID: projectID, taskID: taskID, first: Int(held - firstSeq), second: index)
    }

    /// Inserts a piece of judgements, their rows made beforehand. At most one judgement
    /// per task may be canonical (checked when the index is made, at the end, when it
    /// was dropped). `expectedTotal` as for `insertTasks`.
    public func insertJudgements(_ prepared: PreparedJudgements, expectedTotal: Int) throws {
        guard prepared.count > 0 else { return }
        let statement = try judgementStatement ?? {
            let held = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM judgement") ?? 0
            if expectedTotal >= HubTransaction.bulkRowCount, Int64(expectedTotal) >= held {
                droppedIndexes += try transaction.dropIndexes(HubTransaction.judgementsBulkRebuiltIndexes)
            }
            let made = try db.makeStatement(sql: """
                INSERT INTO judgement (\(PreparedJudgements.columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: PreparedJudgements.columns.count).joined(separator: ", ")))
                """)
            judgementStatement = made
            return made
        }()
        let handle = statement.sqliteStatement
        if let (_, code) = prepared.rows.forEachRow(0..<prepared.count, boundTo: handle, { _ in RawBinding.stepAndReset(handle) }) {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        judgementCount += prepared.count
    }

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
