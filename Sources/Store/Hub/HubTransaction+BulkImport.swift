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
        guard let projectID = judgements.first?.annotation.projectID else { return }
        let prepared = PreparedJudgements(judgements)
        try bulkImport(projectID: projectID, importedAt: nil) { try $0.insertJudgements(prepared, expectedTotal: prepared.count) }
    }
}

/// Tasks with their rows made ready (`PreparedRows`), for `BulkImport.insertTasks`.
///
/// Pure, so an import makes them with the piece of the file they came from, on the
/// thread that read it, while the pieces before go in; the insert, which must stay on
/// the connection's thread, then only binds them.
public struct PreparedTasks: Sendable {
    /// The row's values before `seq`, which the insert numbers: project, id, text,
    /// marking, priority, meta, body, state.
    static let width: Int32 = 8
    let rows: PreparedRows
    /// The tasks that name imagery, by place, whose media the insert links.
    let imaged: [(index: Int, task: LabelTask)]

    /// Each task open, or in the state `states` gives. Made on every core unless not
    /// `onEveryCore`, as for `PreparedJudgements`.
    public init(_ tasks: [LabelTask], projectID: String, states: [HubTask.State]? = nil, onEveryCore: Bool = true) {
        precondition(states == nil || states?.count == tasks.count, "PreparedTasks takes one state per task")
        let pieces = PieceWork.ranges(count: tasks.count, onEveryCore: onEveryCore) { range in
            var rows = PreparedRows(width: Int(Self.width), rows: range.count, bytes: tasks[range].reduce(0) { $0 + $1.text.utf8.count + 40 })
            var imaged: [(index: Int, task: LabelTask)] = []
            // Each value read in place: a copy of each task was a tenth of this.
            for index in range {
                rows.append(projectID)
                rows.append(tasks[index].id)
                rows.append(tasks[index].text)
                rows.append(tasks[index].marking.rawValue)
                rows.append(Int64(tasks[index].priority))
                rows.append(tasks[index].meta)
                rows.append(tasks[index].storedBody)
                rows.append((states?[index] ?? .open).rawValue)
                if tasks[index].image != nil { imaged.append((index, tasks[index])) }
            }
            return (rows, imaged)
        }
        rows = PreparedRows(joining: pieces.map(\.0))
        imaged = pieces.flatMap(\.1)
    }

    public var count: Int { rows.count }
}

/// Judgements with their rows made ready (`PreparedRows`: id, answer JSON, dates), for
/// `BulkImport.insertJudgements`, made off the connection's thread as `PreparedTasks` are.
public struct PreparedJudgements: Sendable {
    /// The columns, in the order each row holds its values.
    static let columns = ["id", "project_id", "task_id", "labels", "skip_reason", "username", "station_id", "lease_epoch",
                          "created_at", "seconds_on_task", "content", "canonical", "outcome", "received_at",
                          "answer", "flag", "prediction_accepted"]
    let rows: PreparedRows

    /// The rows are made on every core, or on this thread only when `onEveryCore` is
    /// false (a piece of an import, made beside the others).
    public init(_ judgements: [Judgement], onEveryCore: Bool = true) {
        precondition(!judgements.contains { $0.firstOutcome == .rejected }, "a rejected annotation is never stored as a judgement")
        rows = PreparedRows(joining: PieceWork.ranges(count: judgements.count, onEveryCore: onEveryCore) { Self.rows(judgements[$0]) })
    }

    public var count: Int { rows.count }

    static func rows(_ judgements: ArraySlice<Judgement>) -> PreparedRows {
        var rows = PreparedRows(width: columns.count, rows: judgements.count, bytes: judgements.count * 200)
        // Most judgements of an import share their times (the import's own, where the
        // file gave none): each distinct one is written once.
        var lastDate: (date: Date, text: String)?
        func text(of date: Date) -> String {
            if let lastDate, lastDate.date == date { return lastDate.text }
            let text = date.databaseText
            lastDate = (date, text)
            return text
        }
        for judgement in judgements {
            let annotation = judgement.annotation
            rows.append(annotation.storedID)
            rows.append(annotation.projectID)
            rows.append(annotation.taskID)
            rows.append(annotation.storedLabels)
            rows.append(annotation.skipReason)
            rows.append(annotation.username)
            rows.append(annotation.stationID)
            rows.append(Int64(annotation.leaseEpoch))
            rows.append(text(of: annotation.createdAt))
            rows.append(real: annotation.secondsOnTask)
            rows.append(judgement.content)
            rows.append(Int64(judgement.isCanonical ? 1 : 0))
            rows.append(judgement.firstOutcome.rawValue)
            rows.append(text(of: judgement.receivedAt))
            rows.append(annotation.storedAnswer)
            rows.append(annotation.flag)
            rows.append(annotation.predictionAccepted.map { Int64($0 ? 1 : 0) })
        }
        return rows
    }
}
