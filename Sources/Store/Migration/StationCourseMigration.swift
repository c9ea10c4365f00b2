import GRDB

/// Courses on the station (issue 10): what the hub sent, where each person stands, and
/// the training work made here until the hub has it.
///
/// `course` keeps the latest package of each course (its files as JSON); `course_media`
/// the files of a package drawn with the imagery renderer (lesson pictures, practice
/// chips), installed in the media folder so they are read like task chips and kept
/// while the course is. `course_standing` is the hub's last word on each person's
/// courses, replaced whole like `pause`, which now also says which courses a project
/// needs (`courses`, comma-separated ids; empty for a pause quality made).
/// `course_attempt` and `lesson_reading` keep what a person did here (an attempt with the
/// grade the station gave it, and the hub's outcome once it came); `training_outbox`
/// names those the hub has not answered for yet, as `outbox` does annotations.
/// `review_card` is each person's spaced review of practice items they got wrong.
enum StationCourseMigration {
    static let stationName = "station-v7-courses"

    static func migrateStation(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE course (
                id TEXT PRIMARY KEY NOT NULL,
                version TEXT NOT NULL,
                package TEXT NOT NULL,
                received_at DATETIME NOT NULL
            );
            CREATE TABLE course_media (
                course_id TEXT NOT NULL REFERENCES course (id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL REFERENCES media (sha256),
                PRIMARY KEY (course_id, path)
            );
            CREATE INDEX course_media_by_media ON course_media (sha256);
            CREATE TABLE course_standing (
                username TEXT NOT NULL,
                course_id TEXT NOT NULL,
                standing TEXT NOT NULL,
                PRIMARY KEY (username, course_id)
            );
            ALTER TABLE pause ADD COLUMN courses TEXT NOT NULL DEFAULT '';
            CREATE TABLE course_attempt (
                id TEXT PRIMARY KEY NOT NULL,
                course_id TEXT NOT NULL,
                course_version TEXT NOT NULL,
                username TEXT NOT NULL,
                attempt TEXT NOT NULL,
                finished_at DATETIME NOT NULL,
                share REAL NOT NULL,
                passed INTEGER NOT NULL,
                awaiting_trainer INTEGER NOT NULL,
                outcome TEXT CHECK (outcome IN ('accepted', 'rejected')),
                reason TEXT
            );
            CREATE INDEX course_attempt_by_person ON course_attempt (username, course_id, finished_at);
            CREATE TABLE lesson_reading (
                id TEXT PRIMARY KEY NOT NULL,
                username TEXT NOT NULL,
                station_id TEXT NOT NULL,
                course_id TEXT NOT NULL,
                lesson TEXT NOT NULL,
                variant INTEGER NOT NULL,
                at DATETIME NOT NULL,
                outcome TEXT CHECK (outcome IN ('accepted', 'rejected')),
                reason TEXT
            );
            CREATE INDEX lesson_reading_by_person ON lesson_reading (username, course_id);
            CREATE TABLE training_outbox (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('attempt', 'reading')),
                queued_at DATETIME NOT NULL
            );
            CREATE INDEX training_outbox_by_time ON training_outbox (queued_at);
            CREATE TABLE review_card (
                username TEXT NOT NULL,
                course_id TEXT NOT NULL,
                item TEXT NOT NULL,
                state INTEGER NOT NULL,
                step INTEGER,
                stability REAL,
                difficulty REAL,
                due DATETIME NOT NULL,
                last_review DATETIME,
                PRIMARY KEY (username, course_id, item)
            );
            CREATE INDEX review_card_due ON review_card (username, due);
            """)
    }
}
