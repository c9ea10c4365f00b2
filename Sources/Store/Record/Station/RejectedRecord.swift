import Foundation
import GRDB

/// A row of `rejected`: an annotation the hub refused, and why.
struct RejectedRecord: SnakeCaseRecord {
    static let databaseTableName = "rejected"

    var annotationId: String
    var reason: String
    var at: Date
}
