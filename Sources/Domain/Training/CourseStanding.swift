import Foundation

/// Where one person stands in one course, as the hub knows it: why they have it and the
/// attempts it has graded. The hub sends the whole list for a station's people with each
/// sync that asks for work (like `SyncReply.pauses`); the station adds the attempts it
/// has made since, so it can tell offline what is open, passed, waiting or locked.
public struct CourseStanding: Codable, Equatable, Sendable {
    public var username: String
    public var courseID: String
    /// Why they have it, when someone or something assigned it; nil when the course is
    /// only listed because a project they label needs it.
    public var assignment: CourseAssignment?
    /// Graded at the hub, oldest first.
    public var attempts: [AttemptRecord]

    public init(username: String, courseID: String, assignment: CourseAssignment? = nil, attempts: [AttemptRecord] = []) {
        self.username = username
        self.courseID = courseID
        self.assignment = assignment
        self.attempts = attempts
    }
}

/// A course given to a person: by a trainer or lead (with a due date), or by remediation.
public struct CourseAssignment: Codable, Equatable, Sendable {
    public enum Reason: Codable, Equatable, Sendable {
        /// A trainer or lead assigned it, to the person or their cohort.
        case assigned(by: String, cohort: String?)
        /// Gold accuracy on `trigger` (a label, or an error class's words) fell below the
        /// project's threshold: `lesson` is to be read again and the course retaken.
        case remediation(projectID: String, trigger: String, lesson: String)
    }

    public var reason: Reason
    public var assignedAt: Date
    public var dueAt: Date?

    public init(reason: Reason, assignedAt: Date, dueAt: Date? = nil) {
        self.reason = reason
        self.assignedAt = assignedAt
        self.dueAt = dueAt
    }
}

/// One graded attempt, as the hub keeps it.
public struct AttemptRecord: Codable, Equatable, Sendable {
    public var id: UUID
    public var finishedAt: Date
    /// Marks earned over marks available, 0...1 (essays and free text not yet marked left out).
    public var share: Double
    public var passed: Bool
    /// Some answers wait for a trainer's mark; `passed` may change when they are marked.
    public var awaitingTrainer: Bool

    public init(id: UUID, finishedAt: Date, share: Double, passed: Bool, awaitingTrainer: Bool = false) {
        self.id = id
        self.finishedAt = finishedAt
        self.share = share
        self.passed = passed
        self.awaitingTrainer = awaitingTrainer
    }
}
