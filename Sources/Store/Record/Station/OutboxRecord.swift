import Foundation
import GRDB

/// A row of `outbox`: an annotation the hub has not yet answered for.
struct OutboxRecord: SnakeCaseRecord {
    static let databaseTableName = "outbox"

    var annotationId: String
    var queuedAt: Date
    /// Set once the row has been handed to a sync: the hub may have it, so undo no
    /// longer takes it back.
    var inFlight: Bool
}
