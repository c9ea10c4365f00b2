import Domain
import Foundation
import GRDB

extension HubTransaction {
    // MARK: Attempts

    /// Stores an attempt with the hub's grade. Its id must be new (see `attempt(id:)`).
    public func insertAttempt(_ stored: StoredAttempt) throws {
        let attempt = stored.attempt
        try db.execute(sql: """
            INSERT INTO course_attempt (id, course_id, course_version, username, station_id, started_at, finished_at, attempt,
                                        marks, out_of, passed, awaiting_trainer, counted, not_counted_reason, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                attempt.id.uuidString, attempt.courseID, attempt.courseVersion, attempt.username, attempt.stationID, attempt.startedAt,
                attempt.finishedAt, try Self.attemptJSON(attempt), stored.marks, stored.outOf, stored.passed, stored.awaitingTrainer,
                stored.counted, stored.notCountedReason, stored.receivedAt,
            ])
    }

    /// An attempt the hub has, by its id.
    public func attempt(id: UUID) throws -> StoredAttempt? {
        try Row.fetchOne(db, sql: "SELECT * FROM course_attempt WHERE id = ?", arguments: [id.uuidString]).map(Self.storedAttempt)
    }

    /// A person's attempts, at one course or all, in the order they were finished.
    public func attempts(username: String, courseID: String? = nil) throws -> [StoredAttempt] {
        let course = courseID == nil ? "" : "AND course_id = ?"
        return try Row.fetchAll(
            db, sql: "SELECT * FROM course_attempt WHERE username = ? \(course) ORDER BY finished_at, id",
            arguments: StatementArguments([username] + (courseID.map { [$0] } ?? []))
        ).map(Self.storedAttempt)
    }

    /// Everyone's attempts at a course, in the order they were finished.
    public func attempts(courseID: String) throws -> [StoredAttempt] {
        try Row.fetchAll(db, sql: "SELECT * FROM course_attempt WHERE course_id = ? ORDER BY finished_at, id", arguments: [courseID])
            .map(Self.storedAttempt)
    }

    /// The courses a person has passed with a counted attempt, ever.
    public func passedCourses(username: String) throws -> Set<String> {
        Set(try String.fetchAll(
            db.cachedStatement(sql: "SELECT DISTINCT course_id FROM course_attempt WHERE username = ? AND counted = 1 AND passed = 1"),
            arguments: [username]))
    }

    /// Sets an attempt's grade again (after a trainer's marks).
    public func regradeAttempt(id: UUID, marks: Double, outOf: Double, passed: Bool, awaitingTrainer: Bool) throws {
        try db.execute(
            sql: "UPDATE course_attempt SET marks = ?, out_of = ?, passed = ?, awaiting_trainer = ? WHERE id = ?",
            arguments: [marks, outOf, passed, awaitingTrainer, id.uuidString])
    }

    static func attemptJSON(_ attempt: CourseAttempt) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(attempt), as: UTF8.self)
    }

    static func storedAttempt(_ row: Row) throws -> StoredAttempt {
        let json: String = row["attempt"]
        let attempt: CourseAttempt
        do {
            attempt = try JSONDecoder().decode(CourseAttempt.self, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableRow(table: "course_attempt", problem: "attempt \(row["id"] as String) is not a course attempt: \(error)")
        }
        return StoredAttempt(
            attempt: attempt, marks: row["marks"], outOf: row["out_of"], passed: row["passed"], awaitingTrainer: row["awaiting_trainer"],
            counted: row["counted"], notCountedReason: row["not_counted_reason"], receivedAt: row["received_at"])
    }

    // MARK: Trainer marks

    /// Sets a trainer's mark (0...1) for one item of an attempt, replacing one given before.
    public func setTrainerMark(_ mark: TrainerMark) throws {
        try db.execute(sql: """
            INSERT INTO course_trainer_mark (attempt_id, item, mark, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (attempt_id, item) DO UPDATE SET mark = excluded.mark, marked_by = excluded.marked_by, marked_at = excluded.marked_at
            """, arguments: [mark.attemptID.uuidString, mark.item, mark.mark, mark.markedBy, mark.markedAt])
    }

    /// An attempt's trainer marks, by item.
    public func trainerMarks(attemptID: UUID) throws -> [TrainerMark] {
        try Row.fetchAll(db, sql: "SELECT * FROM course_trainer_mark WHERE attempt_id = ? ORDER BY item", arguments: [attemptID.uuidString]).map { row in
            TrainerMark(attemptID: attemptID, item: row["item"], mark: row["mark"], markedBy: row["marked_by"], markedAt: row["marked_at"])
        }
    }

    // MARK: Lesson readings

    /// Stores a lesson reading; false, writing nothing, when its id is already stored.
    @discardableResult
    public func insertLessonReading(_ reading: LessonReading, receivedAt: Date) throws -> Bool {
        try db.execute(sql: """
            INSERT OR IGNORE INTO lesson_reading (id, username, station_id, course_id, lesson, variant, read_at, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                reading.id.uuidString, reading.username, reading.stationID, reading.courseID, reading.lesson, reading.variant, reading.at, receivedAt,
            ])
        return db.changesCount == 1
    }

    public func lessonReading(id: UUID) throws -> StoredLessonReading? {
        try Row.fetchOne(db, sql: "SELECT * FROM lesson_reading WHERE id = ?", arguments: [id.uuidString]).map(Self.storedReading)
    }

    /// A person's lesson readings, oldest first.
    public func lessonReadings(username: String) throws -> [StoredLessonReading] {
        try Row.fetchAll(db, sql: "SELECT * FROM lesson_reading WHERE username = ? ORDER BY read_at, id", arguments: [username]).map(Self.storedReading)
    }

    /// Everyone's readings of a course's lessons (of one lesson, when given), oldest first.
    public func lessonReadings(courseID: String, lesson: String? = nil) throws -> [StoredLessonReading] {
        let filter = lesson == nil ? "" : "AND lesson = ?"
        return try Row.fetchAll(
            db, sql: "SELECT * FROM lesson_reading WHERE course_id = ? \(filter) ORDER BY read_at, id",
            arguments: StatementArguments([courseID] + (lesson.map { [$0] } ?? []))
        ).map(Self.storedReading)
    }

    static func storedReading(_ row: Row) throws -> StoredLessonReading {
        let id: String = row["id"]
        guard let uuid = UUID(uuidString: id) else {
            throw StoreError.unreadableRow(table: "lesson_reading", problem: "\"\(id)\" is not a reading's id")
        }
        return StoredLessonReading(
            reading: LessonReading(
                id: uuid, username: row["username"], stationID: row["station_id"], courseID: row["course_id"], lesson: row["lesson"],
                variant: row["variant"], at: row["read_at"]),
            receivedAt: row["received_at"])
    }
}
