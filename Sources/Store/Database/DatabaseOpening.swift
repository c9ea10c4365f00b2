import Foundation
import CSQLite
import GRDB

/// How both databases open their file.
///
/// WAL lets the screen read while a sync writes; `synchronous=FULL` makes a committed
/// submission survive a power cut, which WAL's default (`NORMAL`) does not promise.
enum DatabaseOpening {
    /// SQLite's memory statistics off, once, before the first connection opens: with them,
    /// every allocation of every connection takes one process-wide mutex, so the lead's
    /// refresh reading slowed a station's sync writing beside it.
    private static let processSetting: Void = { _ = labeldesk_sqlite_without_memory_statistics() }()

    static func pool(path: String, migrator: DatabaseMigrator) throws -> DatabasePool {
        _ = processSetting
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // 64 MB of page cache (allocated only as used): a 100,000-task import then
            // writes each page to the WAL once instead of spilling and rewriting it.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets `synchronous = NORMAL` while it switches the pool to WAL, after
        // `prepareDatabase` has run, so FULL must be set again on the one connection that
        // commits. Without it a power cut can lose submissions the screen called saved.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try migrator.migrate(pool)
        return pool
    }
}
