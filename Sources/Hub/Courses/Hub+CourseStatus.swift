import Curriculum
import Domain
import Foundation
import Store

/// The live view of one course for its trainer: who has it, where each stands, and
/// which attempts wait for a trainer's marks.
public struct CourseStatusReport: Equatable, Sendable {
    public var courseID: String
    public var title: String
    public var version: String
    public var passMark: Double
    /// nil: unlimited.
    public var attemptsAllowed: Int?
    /// Everyone assigned the course or who has attempted it, by username.
    public var people: [Person]
    /// Attempts with items a trainer has still to mark, oldest first.
    public var awaitingTrainer: [AwaitingAttempt]

    public struct Person: Equatable, Sendable {
        public var username: String
        /// Their latest assignment; nil when they took the course unasked (to qualify).
        public var assignment: CourseAssignment?
        public var state: CourseState
        /// Whether they have made an attempt that counts now.
        public var hasStarted: Bool
        public var isOverdue: Bool
        /// Attempts that count now (see `CourseProgress.countedAttempts`).
        public var attemptsUsed: Int
        /// The best share of marks among them, 0...1.
        public var bestShare: Double?
        public var lastAttemptAt: Date?
    }

    public struct AwaitingAttempt: Equatable, Sendable {
        public var attemptID: UUID
        public var username: String
        public var finishedAt: Date
        /// The items without a trainer's mark yet (`q3`, `p:<task id>`).
        public var items: [String]
    }
}

extension Hub {
    /// The course's live status as of `now`.
    public func courseStatus(courseID: String, now: Date) throws -> CourseStatusReport {
        try database.read { try Self.courseStatus(courseID: courseID, now: now, in: $0) }
    }

    /// `courseStatus` inside the caller's transaction (the training report's).
    static func courseStatus(courseID: String, now: Date, in transaction: HubTransaction) throws -> CourseStatusReport {
        guard let published = try transaction.currentCourse(id: courseID) else { throw try Self.noSuchCourse(courseID, in: transaction) }
        var courses = CourseLookup(transaction: transaction)
        guard let current = try courses.course(id: courseID, version: published.version) else {
            throw HubError.refused("course \(courseID) as published cannot be read at the hub; publish it again")
        }
        let manifest = current.manifest
        let assignments = try transaction.assignments(courseID: courseID)
        let attempts = try transaction.attempts(courseID: courseID)
        let latest = Dictionary(assignments.map { ($0.username, $0.assignment) }, uniquingKeysWith: { _, later in later })
        let attemptsByPerson = Dictionary(grouping: attempts, by: \.attempt.username)
        let usernames = Set(latest.keys).union(attemptsByPerson.keys).sorted()
        var people: [CourseStatusReport.Person] = []
        for username in usernames {
            let counted = (attemptsByPerson[username] ?? []).filter(\.counted).map(\.record)
            let assignment = latest[username]
            let state = CourseProgress.state(
                of: manifest, attempts: counted, assignment: assignment, passedCourses: try transaction.passedCourses(username: username), now: now)
            let counting = CourseProgress.countedAttempts(counted, assignment: assignment)
            people.append(CourseStatusReport.Person(
                username: username, assignment: assignment, state: state, hasStarted: !counting.isEmpty,
                isOverdue: CourseProgress.isOverdue(assignment, state: state, now: now),
                attemptsUsed: counting.count, bestShare: counting.map(\.share).max(), lastAttemptAt: counting.last?.finishedAt))
        }
        var awaiting: [CourseStatusReport.AwaitingAttempt] = []
        for stored in attempts where stored.awaitingTrainer {
            guard let course = try courses.course(id: courseID, version: stored.attempt.courseVersion) else { continue }
            let marks = Dictionary(try transaction.trainerMarks(attemptID: stored.attempt.id).map { ($0.item, $0.mark) }, uniquingKeysWith: { _, last in last })
            let grade = CourseGrading.grade(stored.attempt.responses, in: course, trainerMarks: marks)
            awaiting.append(CourseStatusReport.AwaitingAttempt(
                attemptID: stored.attempt.id, username: stored.attempt.username, finishedAt: stored.attempt.finishedAt,
                items: grade.items.filter { $0.value == .awaitingTrainer }.map(\.key).sorted()))
        }
        return CourseStatusReport(
            courseID: courseID, title: published.title, version: published.version, passMark: manifest.passMark,
            attemptsAllowed: manifest.attemptsAllowed, people: people, awaitingTrainer: awaiting)
    }
}
