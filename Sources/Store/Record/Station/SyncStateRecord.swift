import Foundation
import GRDB

/// The single row of `sync_state`: where the pull left off and how the last sync went.
struct SyncStateRecord: SnakeCaseRecord {
    static let databaseTableName = "sync_state"

    var id: Int
    var cursor: Int64
    var lastSyncAt: Date?
    var lastError: String?
    var lastErrorAt: Date?
}
