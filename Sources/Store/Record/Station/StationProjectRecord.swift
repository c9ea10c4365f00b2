import Domain
import Foundation
import GRDB

/// A row of the station's `project` table: the project as the hub sent it, and how
/// many of its tasks wait at the hub.
struct StationProjectRecord: SnakeCaseRecord {
    static let databaseTableName = "project"

    var id: String
    var json: String
    var waitingAtHub: Int

    func project() throws -> Project {
        do {
            return try JSONDecoder().decode(Project.self, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableRow(table: "project", problem: "project \(id): \(error)")
        }
    }
}

extension Project {
    /// The project as sorted-keys JSON, the form both databases store.
    func storedJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
