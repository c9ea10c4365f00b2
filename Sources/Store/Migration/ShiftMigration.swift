import GRDB

/// The shift lead's console (issue 11): what the hub keeps so one refresh reads a few
/// hundred rows, not the shift's judgements.
///
/// - `activity_hour`: per project, hour (Unix seconds / 3600, by when the work was made)
///   and person, the work accepted from stations: tasks done and skipped, flags raised,
///   active time on task (milliseconds), gold scored and its credit (millionths). Whole
///   numbers, so the sums are the same in whatever order the work arrives. Kept up as each annotation is
///   applied (and as a reviewer scores a gold answer), so a 300-person floor's shift is
///   some thousands of rows however many annotations the hub holds. Imported history
///   (`import`) is not floor activity and is not counted.
/// - `activity_seconds`: per project and hour, how many tasks took each whole second on
///   task (600 standing for 600 or more), from which a median is exact to the second.
/// - `station_seen`: each station's last sync: when, by which transport, how many
///   annotations it still held, and who was doing what there (`PersonPresence`, JSON).
/// - `station.site`: the site a station stands at (`station add --site`).
/// - `lead_hold`: a lead's pause (every project) or move (every project but one) of a person.
/// - `judgement.flag_answer...`: a lead's answer to a labeler's flag.
/// - `task_batch`: when each import's run of task numbers (`task.seq`) came in, so the
///   age of a project's oldest waiting task is one lookup. Tasks imported before this
///   migration have no batch and count from their project's creation.
enum ShiftMigration {
    static let hubName = "hub-v12-shift-floor"
    static let stationName = "station-v8-lead-holds"

    static func migrateHub(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE activity_hour (
                project_id TEXT NOT NULL,
                hour INTEGER NOT NULL,
                username TEXT NOT NULL,
                done INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0,
                flagged INTEGER NOT NULL DEFAULT 0,
                milliseconds INTEGER NOT NULL DEFAULT 0,
                gold_scored INTEGER NOT NULL DEFAULT 0,
                gold_micro_credit INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (project_id, hour, username)
            ) WITHOUT ROWID;
            CREATE INDEX activity_hour_by_hour ON activity_hour (hour);

            CREATE TABLE activity_seconds (
                project_id TEXT NOT NULL,
                hour INTEGER NOT NULL,
                second INTEGER NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (project_id, hour, second)
            ) WITHOUT ROWID;

            CREATE TABLE station_seen (
                station_id TEXT PRIMARY KEY NOT NULL,
                seen_at DATETIME NOT NULL,
                transport TEXT NOT NULL CHECK (transport IN ('live', 'bundle')),
                unsent INTEGER NOT NULL DEFAULT 0,
                presence TEXT NOT NULL DEFAULT '[]'
            );

            ALTER TABLE station ADD COLUMN site TEXT;

            CREATE TABLE lead_hold (
                username TEXT PRIMARY KEY NOT NULL,
                held_by TEXT NOT NULL,
                note TEXT NOT NULL,
                moved_to TEXT,
                held_at DATETIME NOT NULL
            );

            CREATE TABLE task_batch (
                project_id TEXT NOT NULL,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                imported_at DATETIME NOT NULL,
                PRIMARY KEY (project_id, first_seq)
            ) WITHOUT ROWID;

            ALTER TABLE judgement ADD COLUMN flag_answer TEXT;
            ALTER TABLE judgement ADD COLUMN flag_answered_by TEXT;
            ALTER TABLE judgement ADD COLUMN flag_answered_at DATETIME;
            """)
    }

    /// A station keeps a lead's hold beside the pause it makes, to say who and why.
    static func migrateStation(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE pause ADD COLUMN lead TEXT;
            """)
    }
}
