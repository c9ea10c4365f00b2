import GRDB

/// The gold pool (issue 9): tasks with an answer key, in the hub's database only.
///
/// A gold item carries what a task carries (text, marking, priority, meta, body), so a
/// station that is handed one sees an ordinary task, and its key (`answer`, the
/// `Answer` JSON), with where it came from and when it was retired. Its id shares the
/// project's namespace with the tasks' (import refuses a clash either way), since a
/// station keys both alike. `gold_media` keeps a geo item's chip known to the store.
///
/// `gold_lease` is each item handed to a person (once per person, ever), `gold_answer`
/// what came back (the annotation as the station sent it, keyed by its id so a resend
/// is answered as the first was; its `score` as it arrived, nil for a skip or for free
/// text until a reviewer's `verdict`), `gold_person` how many leases and gold leases each
/// person has been handed on a project (onboarding counts them) and their running gold
/// record (scored, credit, correct, awaiting review, skipped, seconds; with
/// `gold_person_error` their errors by class), kept up as each answer arrives so quality
/// is read, never recomputed, at every sync; and `gold_policy` a
/// project's `GoldPolicy` when it is not the default. No table a station has holds any
/// of this.
enum GoldMigration {
    static let hubName = "hub-v8-gold"

    static func migrateHub(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE gold_item (
                project_id TEXT NOT NULL REFERENCES project (id),
                id TEXT NOT NULL,
                text TEXT NOT NULL,
                marking TEXT NOT NULL,
                priority INTEGER NOT NULL,
                meta TEXT,
                body TEXT,
                answer TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('import', 'work')),
                added_by TEXT NOT NULL,
                added_at DATETIME NOT NULL,
                retired_at DATETIME,
                seq INTEGER NOT NULL,
                PRIMARY KEY (project_id, id)
            );
            CREATE TABLE gold_media (
                project_id TEXT NOT NULL,
                gold_id TEXT NOT NULL,
                sha256 TEXT NOT NULL REFERENCES media (sha256),
                PRIMARY KEY (project_id, gold_id, sha256),
                FOREIGN KEY (project_id, gold_id) REFERENCES gold_item (project_id, id)
            );
            CREATE TABLE gold_lease (
                project_id TEXT NOT NULL,
                gold_id TEXT NOT NULL,
                username TEXT NOT NULL,
                station TEXT NOT NULL,
                epoch INTEGER NOT NULL,
                expires_at DATETIME NOT NULL,
                leased_at DATETIME NOT NULL,
                PRIMARY KEY (project_id, gold_id, username),
                FOREIGN KEY (project_id, gold_id) REFERENCES gold_item (project_id, id)
            );
            CREATE INDEX gold_lease_by_item ON gold_lease (project_id, gold_id, station);
            CREATE TABLE gold_answer (
                id TEXT PRIMARY KEY NOT NULL,
                project_id TEXT NOT NULL,
                gold_id TEXT NOT NULL,
                username TEXT NOT NULL,
                station TEXT NOT NULL,
                content TEXT NOT NULL,
                answer TEXT,
                skip_reason TEXT,
                created_at DATETIME NOT NULL,
                seconds_on_task DOUBLE NOT NULL,
                received_at DATETIME NOT NULL,
                score DOUBLE,
                verdict DOUBLE,
                reviewed_by TEXT,
                reviewed_at DATETIME,
                FOREIGN KEY (project_id, gold_id) REFERENCES gold_item (project_id, id)
            );
            CREATE INDEX gold_answer_by_person ON gold_answer (project_id, username);
            CREATE TABLE gold_person (
                project_id TEXT NOT NULL REFERENCES project (id),
                username TEXT NOT NULL,
                handed INTEGER NOT NULL DEFAULT 0,
                gold_handed INTEGER NOT NULL DEFAULT 0,
                scored INTEGER NOT NULL DEFAULT 0,
                credit DOUBLE NOT NULL DEFAULT 0,
                correct INTEGER NOT NULL DEFAULT 0,
                awaiting INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0,
                seconds DOUBLE NOT NULL DEFAULT 0,
                PRIMARY KEY (project_id, username)
            );
            CREATE TABLE gold_person_error (
                project_id TEXT NOT NULL,
                username TEXT NOT NULL,
                error_class TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (project_id, username, error_class)
            );
            CREATE TABLE gold_policy (
                project_id TEXT PRIMARY KEY NOT NULL REFERENCES project (id),
                policy TEXT NOT NULL
            );
            """)
    }

    static let candidatesHubName = "hub-v9-gold-candidates"

    /// Tasks a reviewer turned down as gold candidates, so they are not offered again.
    static func migrateCandidates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE gold_candidate_rejected (
                project_id TEXT NOT NULL,
                task_id TEXT NOT NULL,
                rejected_by TEXT NOT NULL,
                rejected_at DATETIME NOT NULL,
                PRIMARY KEY (project_id, task_id),
                FOREIGN KEY (project_id, task_id) REFERENCES task (project_id, id)
            );
            """)
    }
}
