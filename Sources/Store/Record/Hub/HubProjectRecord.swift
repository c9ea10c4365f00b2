import Domain
import Foundation
import GRDB

/// A row of the hub's `project` table.
struct HubProjectRecord: SnakeCaseRecord {
    static let databaseTableName = "project"

    var id: String
    var json: String
    var createdAt: Date
    /// The change that created the project.
    var createdChange: Int64
    /// The latest change to the project; stations pull projects changed after their cursor.
    var changedChange: Int64

    func project() throws -> Project {
        do {
            return try JSONDecoder().decode(Project.self, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableRow(table: "project", problem: "project \(id): \(error)")
        }
    }
}
