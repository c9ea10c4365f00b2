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
    var state: String
    var station: String?
    var epoch: Int
    var leaseExpiresAt: Date?
    var seq: Int64

    func hubTask() throws -> HubTask {
        guard let marking = Marking(rawValue: marking) else {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id) has unknown marking \"\(self.marking)\"")
        }
        guard let state = HubTask.State(rawValue: state) else {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id) has unknown state \"\(self.state)\"")
        }
        return HubTask(
            task: LabelTask(id: id, projectID: projectId, text: text, marking: marking, priority: priority, meta: meta),
            state: state, station: station, epoch: epoch, leaseExpiresAt: leaseExpiresAt, seq: seq)
    }
}
