import Domain
import Foundation

/// Where a person is in a course, for the home screen and for the rules.
public enum CourseState: Equatable, Sendable {
    case passed(at: Date)
    /// An attempt may be started now.
    case open
    /// Failed; the course's retry wait runs until then.
    case waiting(until: Date)
    /// Every attempt allowed is used and none passed: a trainer must assign it again.
    case outOfAttempts
    /// The last attempt waits for a trainer's marks.
    case awaitingTrainer
    /// Prerequisites not yet passed, by course id.
    case locked(behind: [String])

    public var isPassed: Bool {
        if case .passed = self { return true }
        return false
    }
}

/// The course rules, in one place, for the station (offline) and the hub alike:
/// prerequisites, attempts allowed, the wait before a retry, retests after remediation,
/// and which projects stay locked until which courses are passed.
public enum CourseProgress {
    /// The attempts that count toward the course now: all of them; for a remedial
    /// assignment those since it was made (a retest starts afresh); and for a trainer's
    /// assignment of a course not yet passed, those since it was made too, so assigning
    /// it again is how a person who used every attempt gets more.
    public static func countedAttempts(_ attempts: [AttemptRecord], assignment: CourseAssignment?) -> [AttemptRecord] {
        let sorted = attempts.sorted { ($0.finishedAt, $0.id.uuidString) < ($1.finishedAt, $1.id.uuidString) }
        guard let assignment else { return sorted }
        switch assignment.reason {
        case .remediation:
            return sorted.filter { $0.finishedAt >= assignment.assignedAt }
        case .assigned:
            guard !sorted.contains(where: \.passed) else { return sorted }
            return sorted.filter { $0.finishedAt >= assignment.assignedAt }
        }
    }

    /// The person's state in `course`.
    ///
    /// - Parameters:
    ///   - attempts: every graded attempt of theirs at the course (the hub's and the
    ///     station's own not yet acknowledged).
    ///   - passedCourses: the courses they have passed, for prerequisites.
    public static func state(
        of course: CourseManifest, attempts: [AttemptRecord], assignment: CourseAssignment?, passedCourses: Set<String>, now: Date
    ) -> CourseState {
        let counted = countedAttempts(attempts, assignment: assignment)
        if let pass = counted.first(where: \.passed) { return .passed(at: pass.finishedAt) }
        let missing = course.prerequisites.filter { !passedCourses.contains($0) }
        guard missing.isEmpty else { return .locked(behind: missing) }
        guard let last = counted.last else { return .open }
        if last.awaitingTrainer { return .awaitingTrainer }
        if let allowed = course.attemptsAllowed, counted.count >= allowed { return .outOfAttempts }
        let retry = last.finishedAt.addingTimeInterval(TimeInterval(course.retryWaitSeconds))
        return retry > now ? .waiting(until: retry) : .open
    }

    /// Whether an assignment is past its due date and not passed.
    public static func isOverdue(_ assignment: CourseAssignment?, state: CourseState, now: Date) -> Bool {
        guard let due = assignment?.dueAt else { return false }
        return !state.isPassed && due < now
    }

    /// The courses a project's queue needs passed (those whose manifest names it under
    /// `qualifies`) that the person has not: empty when the queue is open to them.
    public static func coursesNeeded(for projectID: String, courses: [CourseManifest], passedCourses: Set<String>) -> [String] {
        courses.filter { $0.qualifies.contains(projectID) && !passedCourses.contains($0.id) }.map(\.id).sorted()
    }

    /// A person's passed courses, from their attempts per course (any attempt passed,
    /// ever: a qualification is not lost by a later remedial retest).
    public static func passedCourses(_ attemptsByCourse: [String: [AttemptRecord]]) -> Set<String> {
        Set(attemptsByCourse.filter { $0.value.contains(where: \.passed) }.keys)
    }

    /// The record an attempt makes once graded.
    public static func record(of attempt: CourseAttempt, grade: AttemptGrade, passMark: Double) -> AttemptRecord {
        AttemptRecord(id: attempt.id, finishedAt: attempt.finishedAt, share: grade.share, passed: grade.passes(passMark), awaitingTrainer: grade.awaitingTrainer)
    }
}
