import Domain
import Foundation

/// A course attempt as the hub keeps it: what the station sent, the hub's grade, and
/// whether it counts toward the course.
public struct StoredAttempt: Equatable, Sendable {
    public var attempt: CourseAttempt
    /// Marks earned and available (items awaiting a trainer left out of both).
    public var marks: Double
    public var outOf: Double
    public var passed: Bool
    public var awaitingTrainer: Bool
    /// False for an attempt over the course's attempts, inside its retry wait, or
    /// otherwise not open when it was started: kept, but not part of the record.
    public var counted: Bool
    /// Why it does not count, in a sentence; nil when it counts.
    public var notCountedReason: String?
    public var receivedAt: Date

    public init(
        attempt: CourseAttempt, marks: Double, outOf: Double, passed: Bool, awaitingTrainer: Bool, counted: Bool, notCountedReason: String?,
        receivedAt: Date
    ) {
        self.attempt = attempt
        self.marks = marks
        self.outOf = outOf
        self.passed = passed
        self.awaitingTrainer = awaitingTrainer
        self.counted = counted
        self.notCountedReason = notCountedReason
        self.receivedAt = receivedAt
    }

    /// Marks over marks available, 0...1.
    public var share: Double { outOf > 0 ? marks / outOf : 0 }

    /// What the course rules and the station's standings are given.
    public var record: AttemptRecord {
        AttemptRecord(id: attempt.id, finishedAt: attempt.finishedAt, share: share, passed: passed, awaitingTrainer: awaitingTrainer)
    }
}

/// A lesson reading as the hub keeps it.
public struct StoredLessonReading: Equatable, Sendable {
    public var reading: LessonReading
    public var receivedAt: Date

    public init(reading: LessonReading, receivedAt: Date) {
        self.reading = reading
        self.receivedAt = receivedAt
    }
}

/// A trainer's mark for one item of an attempt (an essay, a free-text practice task).
public struct TrainerMark: Equatable, Sendable {
    public var attemptID: UUID
    /// The item's key (`q3`, `p:<task id>`).
    public var item: String
    /// 0...1.
    public var mark: Double
    public var markedBy: String
    public var markedAt: Date

    public init(attemptID: UUID, item: String, mark: Double, markedBy: String, markedAt: Date) {
        self.attemptID = attemptID
        self.item = item
        self.mark = mark
        self.markedBy = markedBy
        self.markedAt = markedAt
    }
}
