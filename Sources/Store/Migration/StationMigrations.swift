import GRDB

/// The station database's schema, one named step at a time.
///
/// A migration that has shipped is never edited: change the schema with a new one.
/// Tables and columns are named with strings here, never through record types, so a
/// later rename in Swift cannot change what an old migration does.
enum StationMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("station-v1") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    username TEXT PRIMARY KEY NOT NULL,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    locked_at DATETIME,
                    last_logon_at DATETIME,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE logon_failure (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    username TEXT NOT NULL,
                    at DATETIME NOT NULL
                );
                CREATE INDEX logon_failure_by_user ON logon_failure (username, at);

                CREATE TABLE project (
                    id TEXT PRIMARY KEY NOT NULL,
                    json TEXT NOT NULL,
                    waiting_at_hub INTEGER NOT NULL DEFAULT 0
                );

                CREATE TABLE task (
                    project_id TEXT NOT NULL,
                    id TEXT NOT NULL,
                    text TEXT NOT NULL,
                    marking TEXT NOT NULL,
                    priority INTEGER NOT NULL,
                    meta TEXT,
                    epoch INTEGER NOT NULL,
                    expires_at DATETIME NOT NULL,
                    seq INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('queued', 'done')),
                    PRIMARY KEY (project_id, id)
                );
                CREATE INDEX task_next ON task (state, project_id, priority DESC, seq);

                CREATE TABLE annotation (
                    id TEXT PRIMARY KEY NOT NULL,
                    project_id TEXT NOT NULL,
                    task_id TEXT NOT NULL,
                    labels TEXT NOT NULL,
                    skip_reason TEXT,
                    username TEXT NOT NULL,
                    station_id TEXT NOT NULL,
                    lease_epoch INTEGER NOT NULL,
                    created_at DATETIME NOT NULL,
                    seconds_on_task REAL NOT NULL,
                    outcome TEXT
                );
                CREATE INDEX annotation_by_task ON annotation (project_id, task_id);
                CREATE INDEX annotation_by_user ON annotation (username, project_id, created_at);

                CREATE TABLE outbox (
                    annotation_id TEXT PRIMARY KEY NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,
                    queued_at DATETIME NOT NULL,
                    in_flight INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX outbox_by_time ON outbox (queued_at);

                CREATE TABLE rejected (
                    annotation_id TEXT PRIMARY KEY NOT NULL,
                    reason TEXT NOT NULL,
                    at DATETIME NOT NULL
                );

                CREATE TABLE sync_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    cursor INTEGER NOT NULL,
                    last_sync_at DATETIME,
                    last_error TEXT,
                    last_error_at DATETIME
                );
                INSERT INTO sync_state (id, cursor) VALUES (1, 0);
                """)
            try AuditMigration.createAuditTable(db)
        }
        migrator.registerMigration("station-v2-identity-and-bundles") { db in
            try db.execute(sql: """
                -- Who this station is to its hub: its Ed25519 key pair, made at enrolment,
                -- the hub's address and the hub's public key (to check hub bundles).
                -- No row: the station runs standalone with an in-process hub.
                CREATE TABLE identity (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    station_id TEXT NOT NULL,
                    private_key TEXT NOT NULL,
                    hub_url TEXT,
                    hub_public_key TEXT NOT NULL,
                    enrolled_at DATETIME NOT NULL
                );

                -- The last hub bundle applied, so replays are ignored and gaps refused.
                CREATE TABLE bundle_received (
                    sender TEXT PRIMARY KEY NOT NULL,
                    last_sequence INTEGER NOT NULL,
                    last_hash TEXT NOT NULL,
                    received_at DATETIME NOT NULL
                );

                -- The station's own bundle stream: the next number and the last hash to chain to.
                CREATE TABLE bundle_sent (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    last_sequence INTEGER NOT NULL,
                    last_hash TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration(BundleStreamMigration.stationName, migrate: BundleStreamMigration.migrateStation)
        migrator.registerMigration(TaskKindMigration.stationName, migrate: TaskKindMigration.migrateStation)
        migrator.registerMigration(MediaMigration.stationName, migrate: MediaMigration.migrateStation)
        // Leases name the one person they are for (issue 9: gold is mixed per person);
        // rows cached before this have none and go to whoever logs on. `pause` is the
        // hub's last word on who may not label which project.
        migrator.registerMigration("station-v6-assignee") { db in
            try db.execute(sql: """
                ALTER TABLE task ADD COLUMN assignee TEXT;
                CREATE TABLE pause (
                    username TEXT NOT NULL,
                    project_id TEXT NOT NULL,
                    PRIMARY KEY (username, project_id)
                );
                """)
        }
        migrator.registerMigration(StationCourseMigration.stationName, migrate: StationCourseMigration.migrateStation)
        migrator.registerMigration(ShiftMigration.stationName, migrate: ShiftMigration.migrateStation)
        return migrator
    }
}
