import GRDB

/// Two columns the bundle streams need, added after `hub-v2` and `station-v2` shipped.
///
/// - Hub `bundle_sent.header`: the exact header text of each bundle the hub wrote. A hub
///   bundle can be written again (a lost file, a station restored from backup) and must
///   then be the same bundle, byte for byte before its signature, or the station's chain
///   of hashes would break; its time cannot be rebuilt exactly from a DATETIME column.
/// - Station `bundle_sent.acknowledged_by_hub`: the last of this station's bundles the
///   hub said it applied. The station's next bundle carries everything after it, and
///   says so, so the hub can apply it even when a bundle in between was lost.
enum BundleStreamMigration {
    static let hubName = "hub-v4-bundle-headers"
    static let stationName = "station-v3-bundle-acknowledgement"

    static func migrateHub(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE bundle_sent ADD COLUMN header TEXT NOT NULL DEFAULT ''")
    }

    static func migrateStation(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE bundle_sent ADD COLUMN acknowledged_by_hub INTEGER NOT NULL DEFAULT 0")
    }
}
