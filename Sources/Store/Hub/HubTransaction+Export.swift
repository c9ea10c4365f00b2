import Domain
import Foundation
import GRDB

extension HubTransaction {
    /// A project's tasks in import order, each with its work (canonical first, then in
    /// arrival order), made into what the caller wants by `transform`: what an export
    /// writes. `answeredOnly` leaves out tasks without a canonical judgement.
    ///
    /// `tasksWithJudgements` with only the columns a file carries, rows read through
    /// SQLite's C interface in no order and put in order here (SQLite's sorter, copying
    /// every row into a temporary B-tree, cost more than reading them), judgements
    /// decoded on the other core while this one reads the tasks, and `transform` run on
    /// every core (so it must be pure).
    public func tasksWithWork<Value>(
        projectID: String, answeredOnly: Bool, _ transform: (HubTask, [ExportedWork]) throws -> Value
    ) throws -> [Value] {
        var rows: [WorkRow] = []
        try RawRow.forEach(in: db, sql: """
            SELECT task_id, canonical, rowid, labels, skip_reason, username, created_at, seconds_on_task, answer, flag,
                   prediction_accepted
            FROM judgement WHERE project_id = ?
            """, argument: projectID) { row in
            rows.append(WorkRow(
                taskID: row.requiredText(0), isCanonical: row.int(1) != 0, rowID: row.int64(2), labels: row.requiredText(3),
                skipReason: row.text(4), username: row.requiredText(5), createdAt: try row.requiredDate(6, table: "judgement"),
                secondsOnTask: row.double(7), answer: row.text(8), flag: row.text(9), predictionAccepted: row.optionalBool(10)))
        }
        let read = rows
        let grouping = PieceWork.inBackground {
            Result { () throws -> [String: [ExportedWork]] in
                var workByTask: [String: [ExportedWork]] = [:]
                workByTask.reserveCapacity(read.count)
                for row in read.sorted(by: { ($0.isCanonical ? 0 : 1, $0.rowID) < ($1.isCanonical ? 0 : 1, $1.rowID) }) {
                    workByTask[row.taskID, default: []].append(try row.work())
                }
                return workByTask
            }
        }
        var taskRecords: [HubTaskRecord] = []
        try RawRow.forEach(in: db, sql: "SELECT \(HubTaskRecord.selection()) FROM task WHERE project_id = ?", argument: projectID) { row in
            taskRecords.append(HubTaskRecord(raw: row))
        }
        taskRecords.sort { $0.seq < $1.seq }
        let workByTask = try grouping().get()
        let kept = answeredOnly ? taskRecords.filter { workByTask[$0.id]?.first?.isCanonical == true } : taskRecords
        return try PieceWork.map(count: kept.count) { index in
            try transform(try kept[index].hubTask(), workByTask[kept[index].id] ?? [])
        }
    }

    /// The columns of a judgement an export reads, before its answer and dates are decoded.
    private struct WorkRow: Sendable {
        var taskID: String
        var isCanonical: Bool
        var rowID: Int64
        var labels: String
        var skipReason: String?
        var username: String
        var createdAt: Date
        var secondsOnTask: Double
        var answer: String?
        var flag: String?
        var predictionAccepted: Bool?

        func work() throws -> ExportedWork {
            ExportedWork(
                answer: try AnnotationRecord.answer(stored: answer, labels: labels, id: "of task \(taskID)"), skipReason: skipReason,
                username: username, createdAt: createdAt, secondsOnTask: secondsOnTask, flag: flag,
                predictionAccepted: predictionAccepted, isCanonical: isCanonical)
        }
    }
}
