import Foundation
import GRDB

/// Plain SQL on a database file, through a connection of its own.
///
/// For tests that must reach past the app's API, as an intruder with the file would:
/// tampering with the audit log, reading query plans, proving what is (not) stored.
/// Not for app code, hence the SPI: `@_spi(Testing) import Store`.
@_spi(Testing)
public enum RawSQLite {
    /// Runs statements that return nothing (UPDATE, DELETE, DROP TRIGGER...).
    public static func execute(path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// Runs a query and returns every row, each column as text (NULL as nil).
    public static func rows(path: String, _ sql: String) throws -> [[String?]] {
        let queue = try DatabaseQueue(path: path)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                Array(row.databaseValues.map { value -> String? in
                    switch value.storage {
                    case .null: nil
                    case .int64(let number): String(number)
                    case .double(let number): String(number)
                    case .string(let text): text
                    case .blob(let data): data.base64EncodedString()
                    }
                })
            }
        }
        try queue.close()
        return rows
    }

    /// SQLite's plan for a query, one line per step (`EXPLAIN QUERY PLAN`).
    public static func queryPlan(path: String, _ sql: String) throws -> [String] {
        try rows(path: path, "EXPLAIN QUERY PLAN " + sql).compactMap { $0.last ?? nil }
    }
}
