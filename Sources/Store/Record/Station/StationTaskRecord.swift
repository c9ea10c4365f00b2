import Domain
import Foundation
import GRDB

/// A row of the station's `task` table: a leased task, queued or done.
struct StationTaskRecord: SnakeCaseRecord {
    static let databaseTableName = "task"

    enum State: String, Codable {
        case queued, done
    }

    var projectId: String
    var id: String
    var text: String
    var marking: String
    var priority: Int
    var meta: String?
    /// `LabelTask.storedBody`: responses and predictions, when the task has any.
    var body: String?
    var epoch: Int
    var expiresAt: Date
    var seq: Int64
    var state: State
    /// The one person it may be served to; nil: anyone at the station.
    var assignee: String?

    /// Read by column name rather than through `Decodable`, which is several times slower.
    init(row: Row) throws {
        projectId = row["project_id"]
        id = row["id"]
        text = row["text"]
        marking = row["marking"]
        priority = row["priority"]
        meta = row["meta"]
        body = row["body"]
        epoch = row["epoch"]
        expiresAt = row["expires_at"]
        seq = row["seq"]
        assignee = row["assignee"]
        let stateText: String = row["state"]
        guard let state = State(rawValue: stateText) else {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id) has unknown state \"\(stateText)\"")
        }
        self.state = state
    }

    func leasedTask() throws -> LeasedTask {
        guard let marking = Marking(rawValue: marking) else {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id) has unknown marking \"\(self.marking)\"")
        }
        var task = LabelTask(id: id, projectID: projectId, text: text, marking: marking, priority: priority, meta: meta)
        do { try task.restoreBody(body) } catch {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id): \(error.description)")
        }
        return LeasedTask(task: task, epoch: epoch, expiresAt: expiresAt, assignee: assignee)
    }
}
