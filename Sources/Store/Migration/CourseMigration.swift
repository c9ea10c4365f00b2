import GRDB

/// Courses at the hub (issue 10): what is published, who has what to take, what they
/// sent back, and what they read.
///
/// `course` keeps every version ever published (an attempt made offline on an older
/// version is graded on that version's files), one of them `current`, each with the
/// change number that published it so stations pull new versions by cursor like
/// projects. `manifest` is the `course.conf` text, so the rules read a course's settings
/// without decoding its package. `cohort` and `cohort_member` are named groups;
/// `course_assignment` is one row per person (a cohort's assignment gives each member
/// theirs, naming the cohort), for a trainer's reason (`assigned`) or remediation's
/// (with project, trigger and lesson), `cleared_at` set once a counted attempt after it
/// passed. `course_attempt` keeps each attempt as the station sent it (`attempt`, the
/// `CourseAttempt` JSON), keyed by its id so a resend gets the first answer, with the
/// hub's grade and whether it counts toward the course (`counted`, and why not);
/// `course_trainer_mark` a trainer's mark for an essay or free-text item;
/// `lesson_reading` each lesson opened, keyed by its id.
enum CourseMigration {
    static let hubName = "hub-v10-courses"

    static func migrateHub(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE course (
                id TEXT NOT NULL,
                version TEXT NOT NULL,
                title TEXT NOT NULL,
                manifest TEXT NOT NULL,
                package TEXT NOT NULL,
                published_by TEXT NOT NULL,
                published_at DATETIME NOT NULL,
                change_seq INTEGER NOT NULL REFERENCES change (seq),
                current INTEGER NOT NULL CHECK (current IN (0, 1)),
                PRIMARY KEY (id, version)
            );
            CREATE UNIQUE INDEX course_one_current ON course (id) WHERE current = 1;
            CREATE INDEX course_by_change ON course (change_seq) WHERE current = 1;

            CREATE TABLE cohort (
                name TEXT PRIMARY KEY NOT NULL,
                created_by TEXT NOT NULL,
                created_at DATETIME NOT NULL
            );
            CREATE TABLE cohort_member (
                cohort TEXT NOT NULL REFERENCES cohort (name),
                username TEXT NOT NULL,
                added_by TEXT NOT NULL,
                added_at DATETIME NOT NULL,
                PRIMARY KEY (cohort, username)
            );
            CREATE INDEX cohort_member_by_person ON cohort_member (username);

            CREATE TABLE course_assignment (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                course_id TEXT NOT NULL,
                username TEXT NOT NULL,
                reason TEXT NOT NULL CHECK (reason IN ('assigned', 'remediation')),
                assigned_by TEXT,
                cohort TEXT,
                project_id TEXT,
                trigger TEXT,
                lesson TEXT,
                assigned_at DATETIME NOT NULL,
                due_at DATETIME,
                cleared_at DATETIME,
                CHECK (reason = 'assigned' OR (project_id IS NOT NULL AND trigger IS NOT NULL AND lesson IS NOT NULL))
            );
            CREATE INDEX course_assignment_by_person ON course_assignment (username, course_id);
            CREATE INDEX course_assignment_by_course ON course_assignment (course_id);

            CREATE TABLE course_attempt (
                id TEXT PRIMARY KEY NOT NULL,
                course_id TEXT NOT NULL,
                course_version TEXT NOT NULL,
                username TEXT NOT NULL,
                station_id TEXT NOT NULL,
                started_at DATETIME NOT NULL,
                finished_at DATETIME NOT NULL,
                attempt TEXT NOT NULL,
                marks DOUBLE NOT NULL,
                out_of DOUBLE NOT NULL,
                passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
                awaiting_trainer INTEGER NOT NULL CHECK (awaiting_trainer IN (0, 1)),
                counted INTEGER NOT NULL CHECK (counted IN (0, 1)),
                not_counted_reason TEXT,
                received_at DATETIME NOT NULL,
                FOREIGN KEY (course_id, course_version) REFERENCES course (id, version)
            );
            CREATE INDEX course_attempt_by_person ON course_attempt (username, course_id, finished_at);
            CREATE INDEX course_attempt_by_course ON course_attempt (course_id, finished_at);

            CREATE TABLE course_trainer_mark (
                attempt_id TEXT NOT NULL REFERENCES course_attempt (id),
                item TEXT NOT NULL,
                mark DOUBLE NOT NULL CHECK (mark >= 0 AND mark <= 1),
                marked_by TEXT NOT NULL,
                marked_at DATETIME NOT NULL,
                PRIMARY KEY (attempt_id, item)
            );

            CREATE TABLE lesson_reading (
                id TEXT PRIMARY KEY NOT NULL,
                username TEXT NOT NULL,
                station_id TEXT NOT NULL,
                course_id TEXT NOT NULL,
                lesson TEXT NOT NULL,
                variant INTEGER NOT NULL CHECK (variant IN (0, 1)),
                read_at DATETIME NOT NULL,
                received_at DATETIME NOT NULL
            );
            CREATE INDEX lesson_reading_by_person ON lesson_reading (username, read_at);
            CREATE INDEX lesson_reading_by_lesson ON lesson_reading (course_id, lesson);
            """)
    }
}
