import Curriculum
import Domain
import Foundation
import Store

extension Hub {
    /// A course attempt a station sent, graded again here and kept, at most once by its id.
    ///
    /// Graded with `CourseGrading` on the stored package of the version it was taken on
    /// (rejected when the hub never published that version: it cannot be graded). The
    /// course rules (`CourseProgress`, on the hub's counted attempts, at the time it was
    /// started) decide whether it counts: one over the attempts allowed, inside the retry
    /// wait, started while the last waited for a trainer, or before the prerequisites
    /// were passed, is kept but does not count, and the outcome (`superseded`) says why.
    /// A counted pass clears the person's assignments of the course made before it.
    /// A resend gets the first answer; a resend with other content is a client fault.
    func apply(
        _ attempt: CourseAttempt, sentBy stationID: String, roster: inout RosterLookup, courses: inout CourseLookup,
        transaction: HubTransaction, now: Date
    ) throws -> AnnotationOutcome {
        func rejected(_ reason: String) -> AnnotationOutcome {
            AnnotationOutcome(annotationID: attempt.id, status: .rejected, reason: reason)
        }
        if let earlier = try transaction.attempt(id: attempt.id) {
            guard earlier.attempt == attempt else {
                return rejected("attempt \(attempt.id.uuidString) was already received with different content; this is a client fault")
            }
            return Self.outcome(of: earlier)
        }
        if let problem = try Self.senderProblem(
            what: "attempt \(attempt.id.uuidString)", stationID: attempt.stationID, username: attempt.username, sentBy: stationID, roster: &roster) {
            return rejected(problem)
        }
        guard let course = try courses.course(id: attempt.courseID, version: attempt.courseVersion) else {
            guard let current = try transaction.currentCourseVersion(id: attempt.courseID) else {
                return rejected("course \"\(attempt.courseID)\" is not published at the hub, so the attempt cannot be graded; a trainer publishes it with labeldesk course publish")
            }
            return rejected("course \"\(attempt.courseID)\" has no version \(attempt.courseVersion) at the hub (it gives version \(current)), so the attempt cannot be graded")
        }
        let grade = CourseGrading.grade(attempt.responses, in: course)
        let history = try transaction.attempts(username: attempt.username, courseID: attempt.courseID).filter(\.counted).map(\.record)
        let assignment = try transaction.assignments(username: attempt.username, courseID: attempt.courseID).last
        let state = CourseProgress.state(
            of: course.manifest, attempts: history, assignment: assignment?.assignment,
            passedCourses: try transaction.passedCourses(username: attempt.username), now: attempt.startedAt)
        let notCounted = Self.notCountedReason(state, course: course.manifest, at: attempt.startedAt)
        let stored = StoredAttempt(
            attempt: attempt, marks: grade.marks, outOf: grade.outOf, passed: grade.passes(course.manifest.passMark),
            awaitingTrainer: grade.awaitingTrainer, counted: notCounted == nil, notCountedReason: notCounted, receivedAt: now)
        try transaction.insertAttempt(stored)
        if stored.counted, stored.passed {
            try Self.clearAssignments(afterPassing: attempt, transaction: transaction, now: now)
        }
        return Self.outcome(of: stored)
    }

    /// How the hub answers an attempt it keeps: accepted when it counts, superseded with
    /// the reason when it does not.
    static func outcome(of stored: StoredAttempt) -> AnnotationOutcome {
        AnnotationOutcome(annotationID: stored.attempt.id, status: stored.counted ? .accepted : .superseded, reason: stored.notCountedReason)
    }

    /// Why an attempt started in `state` does not count, or nil when it does.
    static func notCountedReason(_ state: CourseState, course: CourseManifest, at started: Date) -> String? {
        let kept = "it is kept but does not count"
        switch state {
        case .open, .passed:
            return nil
        case .waiting(let until):
            return "the attempt at \(course.id) was started \(Self.timeText(started)), inside the retry wait that ran until \(Self.timeText(until)); \(kept)"
        case .outOfAttempts:
            let allowed = course.attemptsAllowed.map { "all \($0) attempts" } ?? "every attempt"
            return "\(allowed) \(course.id) allows were used before this one; \(kept). A trainer can assign the course again for more"
        case .awaitingTrainer:
            return "the last attempt at \(course.id) was still waiting for a trainer's marks when this one was started; \(kept)"
        case .locked(let behind):
            return "\(course.id) needs \(behind.joined(separator: ", ")) passed first; \(kept)"
        }
    }

    /// A lesson a person opened, kept at most once by its id.
    func apply(
        _ reading: LessonReading, sentBy stationID: String, roster: inout RosterLookup, transaction: HubTransaction, now: Date
    ) throws -> AnnotationOutcome {
        func rejected(_ reason: String) -> AnnotationOutcome {
            AnnotationOutcome(annotationID: reading.id, status: .rejected, reason: reason)
        }
        if let earlier = try transaction.lessonReading(id: reading.id) {
            guard earlier.reading == reading else {
                return rejected("lesson reading \(reading.id.uuidString) was already received with different content; this is a client fault")
            }
            return AnnotationOutcome(annotationID: reading.id, status: .accepted)
        }
        if let problem = try Self.senderProblem(
            what: "lesson reading \(reading.id.uuidString)", stationID: reading.stationID, username: reading.username, sentBy: stationID, roster: &roster) {
            return rejected(problem)
        }
        guard try transaction.currentCourseVersion(id: reading.courseID) != nil else {
            return rejected("course \"\(reading.courseID)\" is not published at the hub, so a reading of its lesson \(reading.lesson) is not kept")
        }
        try transaction.insertLessonReading(reading, receivedAt: now)
        return AnnotationOutcome(annotationID: reading.id, status: .accepted)
    }

    /// Why the hub will not take training from this sender: made at another station, or
    /// by someone not on the roster. Any role may take courses.
    static func senderProblem(
        what: String, stationID: String, username: String, sentBy sender: String, roster: inout RosterLookup
    ) throws -> String? {
        if stationID != sender {
            return "\(what) was made at station \"\(stationID)\" but sent by station \"\(sender)\"; a station may only send its own"
        }
        guard try roster.user(username) != nil else {
            return "user \"\(username)\" is not known at the hub; an admin adds them with `labeldesk user add \(username) --role labeler --db HUB.sqlite`"
        }
        return nil
    }

    /// A person's attempts as the hub keeps them, at one course or all, oldest first.
    public func attempts(username: String, courseID: String? = nil) throws -> [StoredAttempt] {
        try database.read { try $0.attempts(username: username, courseID: courseID) }
    }

    /// Everyone's attempts at a course, oldest first.
    public func attempts(courseID: String) throws -> [StoredAttempt] {
        try database.read { try $0.attempts(courseID: courseID) }
    }

    public func attempt(id: UUID) throws -> StoredAttempt? {
        try database.read { try $0.attempt(id: id) }
    }

    /// Everyone's readings of a course's lessons (one lesson's, when given), oldest first.
    public func lessonReadings(courseID: String, lesson: String? = nil) throws -> [StoredLessonReading] {
        try database.read { try $0.lessonReadings(courseID: courseID, lesson: lesson) }
    }

    /// A person's lesson readings, oldest first.
    public func lessonReadings(username: String) throws -> [StoredLessonReading] {
        try database.read { try $0.lessonReadings(username: username) }
    }

    /// A time as `2026-12-15 14:05:00 UTC`.
    static func timeText(_ date: Date) -> String { utcFormatter("yyyy-MM-dd HH:mm:ss 'UTC'").string(from: date) }
}
