import GRDB

/// Whether a transaction's commit must reach the disk before it returns.
///
/// Both databases commit with `synchronous = FULL`: a submission the screen called saved
/// survives a power cut. One fsync costs about a millisecond here and several at the
/// 99th percentile, which is most of an idle sync. Some transactions hold nothing that
/// is not made again by the next sync (the time of the last sync, an idle request's
/// nonce); they may skip the fsync. In WAL mode a power cut then loses at most those
/// last transactions and never corrupts the file, and the next durable commit syncs
/// everything written before it.
public enum Durability: Sendable {
    /// Fsynced before the commit returns: work, leases, cursors, anything not redone.
    case full
    /// Written to the WAL without an fsync: only what the next sync makes again.
    case redoable
}

extension DatabasePool {
    /// One write transaction, committed with the given durability.
    func write<T>(_ durability: Durability, _ body: (Database) throws -> T) throws -> T {
        guard durability == .redoable else { return try write(body) }
        return try writeWithoutTransaction { db in
            // SQLite refuses to change this inside a transaction, hence around it.
            try db.cachedStatement(sql: "PRAGMA synchronous = NORMAL").execute()
            let result: Result<T, Error>
            do {
                var value: T?
                try db.inTransaction {
                    value = try body(db)
                    return .commit
                }
                guard let value else { fatalError("a committed transaction returned no value") }
                result = .success(value)
            } catch {
                result = .failure(error)
            }
            // Restoring FULL must not fail silently: every later commit relies on it.
            try db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute()
            return try result.get()
        }
    }
}
