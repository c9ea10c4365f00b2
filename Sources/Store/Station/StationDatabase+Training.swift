import Curriculum
import Domain
import Foundation
import GRDB

/// What the training outbox holds: attempts and lesson readings the hub has not answered for.
public struct TrainingOutbox: Equatable, Sendable {
    public var attempts: [CourseAttempt]
    public var readings: [LessonReading]

    public init(attempts: [CourseAttempt] = [], readings: [LessonReading] = []) {
        self.attempts = attempts
        self.readings = readings
    }

    public var isEmpty: Bool { attempts.isEmpty && readings.isEmpty }
}

/// A practice item in a person's spaced review, and when it is due.
public struct ReviewItem: Equatable, Sendable {
    public var courseID: String
    /// `AssessmentItem.key`: `p:<task id>`.
    public var item: String
    public var card: SpacedReview.Card

    public init(courseID: String, item: String, card: SpacedReview.Card) {
        self.courseID = courseID
        self.item = item
        self.card = card
    }
}

/// A change to one review card: the card after an answer, or nil when the item leaves the review.
public struct ReviewChange: Equatable, Sendable {
    public var courseID: String
    public var item: String
    public var card: SpacedReview.Card?

    public init(courseID: String, item: String, card: SpacedReview.Card?) {
        self.courseID = courseID
        self.item = item
        self.card = card
    }
}

extension StationDatabase {
    /// Saves a finished attempt before the screen shows its mark.
    ///
    /// One transaction: the attempt as it will be sent, the grade the station gave it,
    /// its row in the training outbox, the audit entry, and the review cards its
    /// practice answers changed. Either all of it is on disk, or none of it is.
    public func recordAttempt(_ attempt: CourseAttempt, record: AttemptRecord, reviews: [ReviewChange], now: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(attempt), as: UTF8.self)
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO course_attempt (id, course_id, course_version, username, attempt, finished_at, share, passed, awaiting_trainer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    attempt.id.uuidString, attempt.courseID, attempt.courseVersion, attempt.username, json, attempt.finishedAt,
                    record.share, record.passed, record.awaitingTrainer,
                ])
            try db.execute(
                sql: "INSERT INTO training_outbox (id, kind, queued_at) VALUES (?, 'attempt', ?)", arguments: [attempt.id.uuidString, now])
            let outcome = record.awaitingTrainer ? "waits for a trainer" : record.passed ? "passed" : "not passed"
            try AuditLog.append(
                AuditEvent(kind: .courseAttempt, actor: attempt.username, detail: "\(attempt.courseID): \(Int((record.share * 100).rounded()))% (\(outcome))", at: now),
                in: db)
            try Self.apply(reviews, username: attempt.username, in: db)
        }
    }

    /// Records that a person opened a lesson, with its row in the training outbox.
    public func recordLessonReading(_ reading: LessonReading) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO lesson_reading (id, username, station_id, course_id, lesson, variant, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [reading.id.uuidString, reading.username, reading.stationID, reading.courseID, reading.lesson, reading.variant, reading.at])
            try db.execute(
                sql: "INSERT INTO training_outbox (id, kind, queued_at) VALUES (?, 'reading', ?)", arguments: [reading.id.uuidString, reading.at])
        }
    }

    /// The oldest attempts and readings the hub has not answered for, `limit` of each at most.
    ///
    /// Unlike annotations they have no undo window: a finished attempt cannot be taken
    /// back, so the next sync sends it. They stay until the hub's answer comes.
    public func trainingOutbox(limit: Int) throws -> TrainingOutbox {
        try pool.read { db in
            let attempts = try String.fetchAll(db, sql: """
                SELECT course_attempt.attempt FROM training_outbox JOIN course_attempt ON course_attempt.id = training_outbox.id
                WHERE training_outbox.kind = 'attempt' ORDER BY training_outbox.queued_at, training_outbox.rowid LIMIT ?
                """, arguments: [limit]).map { try Self.decode(CourseAttempt.self, $0, table: "course_attempt", row: "an attempt in the outbox") }
            let readings = try Row.fetchAll(db, sql: """
                SELECT lesson_reading.id, username, station_id, course_id, lesson, variant, at
                FROM training_outbox JOIN lesson_reading ON lesson_reading.id = training_outbox.id
                WHERE training_outbox.kind = 'reading' ORDER BY training_outbox.queued_at, training_outbox.rowid LIMIT ?
                """, arguments: [limit]).compactMap { row -> LessonReading? in
                guard let id = UUID(uuidString: row[0]) else { return nil }
                return LessonReading(id: id, username: row[1], stationID: row[2], courseID: row[3], lesson: row[4], variant: row[5], at: row[6])
            }
            return TrainingOutbox(attempts: attempts, readings: readings)
        }
    }

    /// Attempts and readings the hub has not answered for.
    public func trainingOutboxCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_outbox") ?? 0 }
    }

    /// The hub's answers for attempts and readings: each leaves the outbox; a refused one
    /// keeps its reason, to show the person.
    static func applyTrainingOutcomes(_ outcomes: [AnnotationOutcome], in db: Database) throws {
        for outcome in outcomes {
            let id = outcome.annotationID.uuidString
            let status = outcome.status == .rejected ? "rejected" : "accepted"
            let reason = outcome.status == .rejected ? outcome.reason ?? "no reason given" : nil
            try db.execute(sql: "DELETE FROM training_outbox WHERE id = ?", arguments: [id])
            try db.execute(sql: "UPDATE course_attempt SET outcome = ?, reason = ? WHERE id = ?", arguments: [status, reason, id])
            try db.execute(sql: "UPDATE lesson_reading SET outcome = ?, reason = ? WHERE id = ?", arguments: [status, reason, id])
        }
    }

    /// A person's attempts made here that still matter: those not yet answered, those the
    /// hub took but has not listed in standings yet, and those it refused.
    public func localAttempts(username: String) throws -> [Coursework.LocalAttempt] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, course_id, finished_at, share, passed, awaiting_trainer, outcome, reason FROM course_attempt
                WHERE username = ? ORDER BY finished_at, id
                """, arguments: [username]).compactMap { row -> Coursework.LocalAttempt? in
                guard let id = UUID(uuidString: row[0]) else { return nil }
                let outcome: String? = row[6]
                let status: Coursework.LocalAttempt.Status = switch outcome {
                case "accepted": .accepted
                case "rejected": .refused(reason: row[7] ?? "no reason given")
                default: .unsent
                }
                return Coursework.LocalAttempt(
                    courseID: row[1], username: username,
                    record: AttemptRecord(id: id, finishedAt: row[2], share: row[3], passed: row[4], awaitingTrainer: row[5]), status: status)
            }
        }
    }

    /// The lessons a person has opened here, by course.
    public func lessonsRead(username: String) throws -> [String: Set<String>] {
        try pool.read { db in
            var read: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT course_id, lesson FROM lesson_reading WHERE username = ?", arguments: [username]) {
                read[row[0], default: []].insert(row[1])
            }
            return read
        }
    }

    /// A person's review cards, the soonest due first.
    public func reviewItems(username: String) throws -> [ReviewItem] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT course_id, item, state, step, stability, difficulty, due, last_review FROM review_card
                WHERE username = ? ORDER BY due, course_id, item
                """, arguments: [username]).compactMap { row -> ReviewItem? in
                guard let state = SpacedReview.State(rawValue: row[2]) else { return nil }
                var card = SpacedReview.Card(due: row[6])
                card.state = state
                card.step = row[3]
                card.stability = row[4]
                card.difficulty = row[5]
                card.lastReview = row[7]
                return ReviewItem(courseID: row[0], item: row[1], card: card)
            }
        }
    }

    /// Saves what a review answer did to cards.
    public func saveReviews(_ changes: [ReviewChange], username: String) throws {
        try pool.write { db in try Self.apply(changes, username: username, in: db) }
    }

    static func apply(_ changes: [ReviewChange], username: String, in db: Database) throws {
        for change in changes {
            guard let card = change.card else {
                try db.execute(
                    sql: "DELETE FROM review_card WHERE username = ? AND course_id = ? AND item = ?", arguments: [username, change.courseID, change.item])
                continue
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO review_card (username, course_id, item, state, step, stability, difficulty, due, last_review)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [username, change.courseID, change.item, card.state.rawValue, card.step, card.stability, card.difficulty, card.due, card.lastReview])
        }
    }
}
