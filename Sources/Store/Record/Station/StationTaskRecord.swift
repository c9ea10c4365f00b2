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
    var epoch: Int
    var expiresAt: Date
    var seq: Int64
    var state: State

    func leasedTask() throws -> LeasedTask {
        guard let marking = Marking(rawValue: marking) else {
            throw StoreError.unreadableRow(table: "task", problem: "task \(id) has unknown marking \"\(self.marking)\"")
        }
        return LeasedTask(
            task: LabelTask(id: id, projectID: projectId, text: text, marking: marking, priority: priority, meta: meta),
            epoch: epoch, expiresAt: expiresAt)
    }
}
