import GRDB

/// Task kinds beyond classification (2026-12-01): what a task holds besides its text,
/// and what an annotation says besides labels, in both databases.
///
/// `body` is a task's responses and predictions as one JSON object (NULL when it has
/// none); `answer` is a non-classification answer as JSON (classification keeps its
/// `labels` column); `flag` is the labeler's note for the shift lead; and
/// `prediction_accepted` says whether a pre-filled model answer went in unchanged.
enum TaskKindMigration {
    static let stationName = "station-v4-task-kinds"
    static let hubName = "hub-v6-task-kinds"

    static func migrateStation(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE task ADD COLUMN body TEXT;
            ALTER TABLE annotation ADD COLUMN answer TEXT;
            ALTER TABLE annotation ADD COLUMN flag TEXT;
            ALTER TABLE annotation ADD COLUMN prediction_accepted INTEGER;
            """)
    }

    static func migrateHub(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE task ADD COLUMN body TEXT;
            ALTER TABLE judgement ADD COLUMN answer TEXT;
            ALTER TABLE judgement ADD COLUMN flag TEXT;
            ALTER TABLE judgement ADD COLUMN prediction_accepted INTEGER;
            CREATE INDEX judgement_flagged ON judgement (received_at) WHERE flag IS NOT NULL;
            """)
    }
}
