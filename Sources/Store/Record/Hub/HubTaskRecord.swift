import Domain
import Foundation
import GRDB

/// A row of the hub's `task` table.
struct HubTaskRecord: SnakeCaseRecord {
    static let databaseTableName = "task"

    var projectId: String
    var id: String
    var text: String
    var marking: String
    var priority: Int
    var meta: String?
    /// `LabelTask.storedBody`: responses and predictions, when the task has any.
    var body: String?
    var state: String
    var station: String?
    var epoch: Int
    var leaseExpiresAt: Date?
    var seq: Int64

    /// The columns a record is read from, in the order `init(row:)` reads them: every
    /// query that makes records selects exactly these, through `selection(of:)`.
    static let columns = [
        "project_id", "id", "text", "marking", "priority", "meta", "body", "state", "station", "epoch", "lease_expires_at", "seq",
    ]

    /// `columns` for a SELECT or RETURNING list, each prefixed with `table.` when given.
    static func selection(of table: String? = nil) -> String {
        guard let table else { return columns.joined(separator: ", ") }
        return columns.map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// Read by position from a row that starts with `columns`: leasing and export read a
    /// hundred thousand rows at once, and looking each column up by name cost more than
    /// the rest of the decoding.
    init(row: Row) throws {
        projectId = row[0]
        id = row[1]
        text = row[2]
        marking = row[3]
        priority = row[4]
        meta = row[5]
        body = row[6]
        state = row[7]
        station = row[8]
        epoch = row[9]
        leaseExpiresAt = row[10]
        seq = row[11]
    }

    /// Read by position through SQLite's C interface from a row that starts with `columns`.
    init(raw row: RawRow) {
        projectId = row.requiredText(0)
        id = row.requiredText(1)
        text = row.requiredText(2)
        marking = row.requiredText(3)
        priority = row.int(4)
        meta = row.text(5)
        body = row.text(6)
        state = row.requiredText(7)
        station = row.text(8)
        epoch = row.int(9)
        leaseExpiresAt = row.date(10)
        seq = row.int64(11)
    }

    func hubTask() throws -> HubTask {
        guard let marking = Marking(rawValue: marking) else {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id) has unknown marking \"\(self.marking)\"")
        }
        guard let state = HubTask.State(rawValue: state) else {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id) has unknown state \"\(self.state)\"")
        }
        var task = LabelTask(id: id, projectID: projectId, text: text, marking: marking, priority: priority, meta: meta)
        do { try task.restoreBody(body) } catch {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id): \(error.description)")
        }
        return HubTask(
            task: task,
            state: state, station: station, epoch: epoch, leaseExpiresAt: leaseExpiresAt, seq: seq)
    }
}
