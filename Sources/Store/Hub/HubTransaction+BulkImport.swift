import Domain
import Foundation
import GRDB
import GRDBSQLite

/// The steps of an import of many rows at once (a file of a hundred thousand tasks and
/// the work done on them elsewhere), where SQLite's own work is most of the cost.
extension HubTransaction {
    /// A batch at least this large rebuilds the indexes it would otherwise grow.
    static let bulkRowCount = 10_000

    /// The task indexes a bulk insert drops and makes again. Only `open_task_to_lease`:
    /// the primary key enforces uniqueness, and `task_lease_expiry` holds leased tasks
    /// only, which an insert never adds.
    static let tasksBulkRebuiltIndexes = ["open_task_to_lease"]

    /// Runs `body` with the named indexes dropped, then makes them again from the
    /// definitions the schema holds, inside the caller's transaction.
    ///
    /// A B-tree built once from sorted keys costs far less than one grown a row at a
    /// time: keeping `open_task_to_lease` was about 40% of inserting 100,000 tasks. The
    /// definitions are read from `sqlite_master`, so the migrations stay their one
    /// source. The indexes are made again when `body` throws too: a caller that catches
    /// the error and commits must still find the schema it had.
    func withIndexesRebuilt<T>(_ names: [String], _ body: () throws -> T) throws -> T {
        var definitions: [String] = []
        for name in names {
            guard let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name]) else { continue }
            definitions.append(sql)
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        let result: Result<T, Error>
        do { result = .success(try body()) } catch { result = .failure(error) }
        for sql in definitions { try db.execute(sql: sql) }
        return try result.get()
    }

    /// Runs `body` with the task table's CHECK on `state` not evaluated, for statements
    /// that bind a state only from `HubTask.State`, whose cases are the CHECK's list.
    ///
    /// SQLite evaluates `state IN ('open', 'leased', 'done', 'skipped')` by building a
    /// small table of the list each time a statement runs: for an insert run once per
    /// row that was ~40% of inserting 100,000 tasks. The pragma applies to statements
    /// prepared while it is on (so prepare them inside `body`); turning it off expires
    /// them, so nothing prepared meanwhile runs without the checks afterwards, also when
    /// `body` throws.
    func withCheckConstraintsTrusted<T>(_ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
        let result: Result<T, Error>
        do { result = .success(try body()) } catch { result = .failure(error) }
        try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        return try result.get()
    }

    /// The judgement indexes a bulk insert drops and makes again: all but the primary
    /// key's. The unique one is checked when it is made, so two canonical judgements of
    /// one task still fail the insert, and its transaction.
    static let judgementsBulkRebuiltIndexes = ["judgement_by_task", "judgement_one_canonical_per_task", "judgement_flagged"]

    /// Stores judgements of tasks this transaction inserted: `insertJudgement` for a
    /// whole import, bound through SQLite's C interface.
    ///
    /// At most one judgement per task may be canonical, as for `insertJudgement`.
    /// Building GRDB's argument arrays (seventeen values a row) cost more than SQLite's
    /// insert. As for tasks, a batch at least as large as the table rebuilds the indexes
    /// rather than growing them, and the CHECKs on `canonical` and `outcome` (bound only
    /// from a `Bool` and an `AnnotationOutcome.Status` other than `rejected`) are trusted.
    public func insertJudgements(_ judgements: [Judgement]) throws {
        try insertJudgements(PreparedJudgements(judgements))
    }

    /// `insertJudgements` of judgements whose row texts were made beforehand.
    public func insertJudgements(_ prepared: PreparedJudgements) throws {
        let judgements = prepared.judgements
        precondition(!judgements.contains { $0.firstOutcome == .rejected }, "a rejected annotation is never stored as a judgement")
        let held = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM judgement") ?? 0
        let rebuilt = judgements.count >= Self.bulkRowCount && Int64(judgements.count) >= held ? Self.judgementsBulkRebuiltIndexes : []
        try withIndexesRebuilt(rebuilt) { try withCheckConstraintsTrusted { try insertJudgementRows(prepared) } }
    }

    private func insertJudgementRows(_ prepared: PreparedJudgements) throws {
        let (judgements, rows) = (prepared.judgements, prepared.texts)
        let statement = try db.makeStatement(sql: """
            INSERT INTO judgement (id, project_id, task_id, labels, skip_reason, username, station_id, lease_epoch,
                                   created_at, seconds_on_task, content, canonical, outcome, received_at,
                                   answer, flag, prediction_accepted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let handle = statement.sqliteStatement
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
    }

    /// Where `insertJudgements` binds its texts, in the order `PreparedJudgements.texts` lists them.
    private static let judgementTextIndices: [Int32] = [1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 14, 15, 16]
}

/// Judgements with the texts of their rows (id, answer JSON, dates) already made, for
/// `insertJudgements`.
///
/// Pure, so an import makes them on its other core while its tasks go in; the insert,
/// which must stay on the connection's thread, then only binds them. Binding through a
/// closure per text, each holding a copy of the judgement, had cost five times what
/// SQLite spent inserting.
public struct PreparedJudgements: Sendable {
    let judgements: [Judgement]
    let texts: [[String?]]

    /// The texts are made on every core: the caller makes these beside the tasks' insert,
    /// and this was the longer of the two.
    public init(_ judgements: [Judgement]) {
        self.judgements = judgements
        texts = PieceWork.map(count: judgements.count) { Self.texts(judgements[$0]) }
    }

    public var count: Int { judgements.count }

    /// A judgement's texts, in the order `insertJudgementRows` binds them (nil is NULL).
    static func texts(_ judgement: Judgement) -> [String?] {
        let annotation = judgement.annotation
        return [annotation.storedID, annotation.projectID, annotation.taskID, annotation.storedLabels, annotation.skipReason,
                annotation.username, annotation.stationID, annotation.createdAt.databaseText, judgement.content,
                judgement.firstOutcome.rawValue, judgement.receivedAt.databaseText, annotation.storedAnswer, annotation.flag]
    }
}
