import Foundation
import GRDB

/// A row of the hub's `change` table: one numbered change stations pull by cursor.
struct ChangeRecord: SnakeCaseRecord {
    static let databaseTableName = "change"

    var seq: Int64?
    var kind: String
    var subject: String
    var at: Date
}
