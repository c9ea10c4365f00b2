import GRDB

/// The hub's roster of people and their roles (issue 3).
///
/// Accounts with passwords live on the stations, where people log on without a network;
/// the hub keeps only who may do what, so it can refuse work from someone it does not
/// know or whose role may not label, whatever a station claims.
enum HubUserMigration {
    static let name = "hub-v3-users"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hub_user (
                username TEXT PRIMARY KEY NOT NULL,
                role TEXT NOT NULL,
                added_at DATETIME NOT NULL,
                changed_at DATETIME NOT NULL
            );
            """)
    }
}
