import GRDB

/// Remediation and fresh starts on gold (issue 10), beside the gold tables.
///
/// `gold_person_trigger` is a person's running record per remediation trigger (a label,
/// entity type or class in the keys, or an error class, in the words a `course.conf`
/// uses: `label negative`, `error missed`): items and credit, kept up as gold answers
/// arrive like `gold_person`, and counted from `since` (nil: from the start) once a
/// remediation on it was cleared. `gold_person.counts_from` is a quality reset: gold
/// answers made before it are kept but count no more in the person's record (nil: all
/// count). `quality_reset` is each reset with why (and the course whose retest earned it), and
/// the record it set aside. A hub
/// that had gold answers before this migration counts triggers from now on.
enum RemediationMigration {
    static let hubName = "hub-v11-remediation"

    static func migrateHub(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE gold_person ADD COLUMN counts_from DATETIME;
            CREATE TABLE gold_person_trigger (
                project_id TEXT NOT NULL,
                username TEXT NOT NULL,
                trigger TEXT NOT NULL,
                items INTEGER NOT NULL DEFAULT 0,
                credit DOUBLE NOT NULL DEFAULT 0,
                since DATETIME,
                PRIMARY KEY (project_id, username, trigger)
            );
            CREATE TABLE quality_reset (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                project_id TEXT NOT NULL,
                username TEXT NOT NULL,
                at DATETIME NOT NULL,
                reason TEXT NOT NULL,
                course_id TEXT,
                scored INTEGER NOT NULL,
                credit DOUBLE NOT NULL
            );
            CREATE INDEX quality_reset_by_person ON quality_reset (project_id, username);
            """)
    }
}
