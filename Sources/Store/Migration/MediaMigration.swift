import GRDB

/// The media store (issue 8): imagery files named by SHA-256, in both databases.
///
/// Hub: `media` lists the files its store holds (the files themselves are in the
/// folder beside the database, `MediaFolder`); `task_media` says which tasks use which
/// file, so an import can refuse a task naming a file the hub lacks and a station can
/// be refused a file none of its leases names.
///
/// Station: `media` is each file its leases need and where it stands (`missing`,
/// `partial` while a fetch is under way, `present` once every byte matched the hash;
/// `path` is its place in the station's media folder once present); `task_media` links
/// each cached task to the files it needs, and goes with the task.
enum MediaMigration {
    static let hubName = "hub-v7-media"
    static let stationName = "station-v5-media"

    static func migrateHub(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE media (
                sha256 TEXT PRIMARY KEY NOT NULL,
                byte_count INTEGER NOT NULL,
                created DATETIME NOT NULL
            );
            CREATE TABLE task_media (
                project_id TEXT NOT NULL,
                task_id TEXT NOT NULL,
                sha256 TEXT NOT NULL REFERENCES media (sha256),
                PRIMARY KEY (project_id, task_id, sha256),
                FOREIGN KEY (project_id, task_id) REFERENCES task (project_id, id)
            );
            CREATE INDEX task_media_by_media ON task_media (sha256);
            """)
    }

    static func migrateStation(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE media (
                sha256 TEXT PRIMARY KEY NOT NULL,
                byte_count INTEGER NOT NULL,
                state TEXT NOT NULL DEFAULT 'missing' CHECK (state IN ('missing', 'partial', 'present')),
                path TEXT,
                failures INTEGER NOT NULL DEFAULT 0,
                last_problem TEXT
            );
            CREATE TABLE task_media (
                project_id TEXT NOT NULL,
                task_id TEXT NOT NULL,
                sha256 TEXT NOT NULL REFERENCES media (sha256),
                PRIMARY KEY (project_id, task_id, sha256),
                FOREIGN KEY (project_id, task_id) REFERENCES task (project_id, id) ON DELETE CASCADE
            );
            CREATE INDEX task_media_by_media ON task_media (sha256);
            """)
    }
}
