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
    /// indexes are made again when `body` throws too: a caller that catches the error
    /// and commits must still find the schema it had.
    func withIndexesRebuilt<T>(_ names: [String], _ body: () throws -> T) throws -> T {
        let definitions = try dropIndexes(names)
        let result: Result<T, Error>
        do { result = .success(try body()) } catch { result = .failure(error) }
        for sql in definitions { try db.execute(sql: sql) }
        return try result.get()
    }

    /// The judgement indexes a bulk insert drops and makes again: all but the primary
    /// key's. The unique one is checked when it is made, so two canonical judgements of
    /// one task still fail the insert, and its transaction.
    static let judgementsBulkRebuiltIndexes = ["judgement_by_task", "judgement_one_canonical_per_task", "judgement_flagged"]

    /// Stores judgements of tasks this transaction inserted: `insertJudgement` for a
    /// whole import, through a `BulkImport` (see there: C bindings, indexes rebuilt for
    /// a batch at least as large as the table, CHECKs trusted). At most one judgement
    /// per task may be canonical, as for `insertJudgement`.
    public func insertJudgements(_ judgements: [Judgement]) throws {
        try insertJudgements(PreparedJudgements(judgements))
    }

    /// `insertJudgements` of judgements whose row texts were made beforehand.
    public func insertJudgements(_ prepared: PreparedJudgements) throws {
        guard let projectID = prepared.judgements.first?.annotation.projectID else { return }
        try bulkImport(projectID: projectID, importedAt: nil) { try $0.insertJudgements(prepared, expectedTotal: prepared.count) }
    }
}

/// Judgements with the texts of their rows (id, answer JSON, dates) already made, for
/// `insertJudgements`.
///
/// Pure, so an import makes them with the piece of the file they came from, on the
/// thread that read it, while the pieces before go in; the insert, which must stay on
/// the connection's thread, then only binds them. Binding through a closure per text,
/// each holding a copy of the judgement, had cost five times what SQLite spent
/// inserting.
public struct PreparedJudgements: Sendable {
    let judgements: [Judgement]
    let texts: [[String?]]

    /// The texts are made on every core, or on this thread only when `onEveryCore` is
    /// false (a piece of an import, made beside the others).
    public init(_ judgements: [Judgement], onEveryCore: Bool = true) {
        self.judgements = judgements
        texts = PieceWork.map(count: judgements.count, onEveryCore: onEveryCore) { Self.texts(judgements[$0]) }
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
