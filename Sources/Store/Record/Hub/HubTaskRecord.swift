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

    /// Read by column name rather than through `Decodable`: leasing reads a hundred
    /// thousand rows at once, and the Codable path is several times slower.
    init(row: Row) throws {
        projectId = row["project_id"]
        id = row["id"]
        text = row["text"]
        marking = row["marking"]
        priority = row["priority"]
        meta = row["meta"]
        body = row["body"]
        state = row["state"]
        station = row["station"]
        epoch = row["epoch"]
        leaseExpiresAt = row["lease_expires_at"]
        seq = row["seq"]
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
