import Foundation
import GRDB

/// Every row of every table as text, sorted, to compare what two databases hold.
///
/// Tests use it to prove that a refused bundle changed nothing, and that applying the
/// same work twice, or in another order, leaves the hub in the same state. Lines are
/// sorted, not in row order, because the order rows were inserted in is not state.
enum DatabaseDump {
    static func lines(in db: Database, excludingTables excluded: Set<String>) throws -> [String] {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
            ORDER BY name
            """).filter { !excluded.contains($0) }
        var lines: [String] = []
        for table in tables {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
            lines += rows.map { row in
                table + " | " + row.map { column, value in "\(column)=\(value)" }.joined(separator: ", ")
            }.sorted()
        }
        return lines
    }
}

extension HubDatabase {
    /// Every row the hub holds, except in `excludingTables`, as sorted text lines.
    ///
    /// `station_seen` is left out too: when a station was last heard from is a log of
    /// contact, like the audit trail, not state the work decides.
    public func contentDump(excludingTables: Set<String> = ["audit_entry", "station_seen"]) throws -> [String] {
        try pool.read { db in try DatabaseDump.lines(in: db, excludingTables: excludingTables) }
    }
}

extension StationDatabase {
    /// Every row the station holds, except in `excludingTables`, as sorted text lines.
    public func contentDump(excludingTables: Set<String> = ["audit_entry"]) throws -> [String] {
        try pool.read { db in try DatabaseDump.lines(in: db, excludingTables: excludingTables) }
    }
}
