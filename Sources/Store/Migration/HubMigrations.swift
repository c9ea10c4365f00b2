import GRDB

/// The hub database's schema, one named step at a time.
///
/// A migration that has shipped is never edited: change the schema with a new one.
enum HubMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("hub-v1") { db in
            try db.execute(sql: """
                CREATE TABLE change (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    at DATETIME NOT NULL
                );

                CREATE TABLE project (
                    id TEXT PRIMARY KEY NOT NULL,
                    json TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    created_change INTEGER NOT NULL REFERENCES change (seq),
                    changed_change INTEGER NOT NULL REFERENCES change (seq)
                );

                CREATE TABLE task (
                    project_id TEXT NOT NULL REFERENCES project (id),
                    id TEXT NOT NULL,
                    text TEXT NOT NULL,
                    marking TEXT NOT NULL,
                    priority INTEGER NOT NULL,
                    meta TEXT,
                    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'leased', 'done', 'skipped')),
                    station TEXT,
                    epoch INTEGER NOT NULL DEFAULT 0,
                    lease_expires_at DATETIME,
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (project_id, id)
                );
                CREATE INDEX task_to_lease ON task (project_id, state, priority DESC, seq);
                CREATE INDEX task_lease_expiry ON task (lease_expires_at) WHERE state = 'leased';

                CREATE TABLE judgement (
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
                    content TEXT NOT NULL,
                    canonical INTEGER NOT NULL CHECK (canonical IN (0, 1)),
                    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'superseded')),
                    received_at DATETIME NOT NULL,
                    FOREIGN KEY (project_id, task_id) REFERENCES task (project_id, id)
                );
                CREATE INDEX judgement_by_task ON judgement (project_id, task_id);
                CREATE UNIQUE INDEX judgement_one_canonical_per_task ON judgement (project_id, task_id) WHERE canonical = 1;
                """)
            try AuditMigration.createAuditTable(db)
        }
        migrator.registerMigration("hub-v2-stations-and-bundles") { db in
            try db.execute(sql: """
                -- A station the hub knows: created by `station add` with a one-time
                -- enrolment code (only its SHA-256 is kept), given its public key at
                -- enrolment, refused everything once revoked.
                CREATE TABLE station (
                    id TEXT PRIMARY KEY NOT NULL,
                    enrolment_code_hash TEXT,
                    code_expires_at DATETIME,
                    public_key TEXT,
                    enrolled_at DATETIME,
                    revoked_at DATETIME,
                    created_at DATETIME NOT NULL
                );

                -- Nonces of authenticated requests seen recently, so a replayed request
                -- is refused; rows older than the clock window may be pruned.
                CREATE TABLE request_nonce (
                    station_id TEXT NOT NULL REFERENCES station (id),
                    nonce TEXT NOT NULL,
                    seen_at DATETIME NOT NULL,
                    PRIMARY KEY (station_id, nonce)
                );
                CREATE INDEX request_nonce_by_age ON request_nonce (seen_at);

                -- The hub's own Ed25519 key pair, made once, for signing its bundles.
                CREATE TABLE hub_identity (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    private_key TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );

                -- Per sender: the last bundle applied, so replays are ignored and gaps refused.
                CREATE TABLE bundle_received (
                    sender TEXT PRIMARY KEY NOT NULL,
                    last_sequence INTEGER NOT NULL,
                    last_hash TEXT NOT NULL,
                    received_at DATETIME NOT NULL
                );

                -- Per receiving station: bundles the hub has written, kept until the station
                -- acknowledges them, so each new bundle carries everything not yet acknowledged.
                CREATE TABLE bundle_sent (
                    receiver TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1)),
                    created_at DATETIME NOT NULL,
                    PRIMARY KEY (receiver, sequence)
                );
                """)
        }
        migrator.registerMigration(HubUserMigration.name, migrate: HubUserMigration.migrate)
        migrator.registerMigration(BundleStreamMigration.hubName, migrate: BundleStreamMigration.migrateHub)
        migrator.registerMigration("hub-v5-open-task-index") { db in
            // Only open tasks are ever looked up by priority (to lease them, to count
            // them). Keeping leased and done tasks out of that index means a task that
            // is labeled or leased no longer moves inside it: one index write fewer for
            // every annotation the hub accepts.
            try db.execute(sql: """
                DROP INDEX task_to_lease;
                CREATE INDEX open_task_to_lease ON task (project_id, priority DESC, seq) WHERE state = 'open';
                """)
        }
        migrator.registerMigration(TaskKindMigration.hubName, migrate: TaskKindMigration.migrateHub)
        migrator.registerMigration(MediaMigration.hubName, migrate: MediaMigration.migrateHub)
        migrator.registerMigration(GoldMigration.hubName, migrate: GoldMigration.migrateHub)
        migrator.registerMigration(GoldMigration.candidatesHubName, migrate: GoldMigration.migrateCandidates)
        migrator.registerMigration(CourseMigration.hubName, migrate: CourseMigration.migrateHub)
        migrator.registerMigration(RemediationMigration.hubName, migrate: RemediationMigration.migrateHub)
        migrator.registerMigration(ShiftMigration.hubName, migrate: ShiftMigration.migrateHub)
        return migrator
    }
}
