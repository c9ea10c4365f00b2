import Curriculum
import Domain
import Foundation
import Store

extension Hub {
    /// A trainer's mark (0...1) for an item of an attempt that waits for one (an essay,
    /// a free-text practice task), audited; the attempt is graded again with every mark
    /// it has, and a counted pass clears the person's assignments of the course.
    /// Trainers and admins only.
    @discardableResult
    public func markAttempt(_ attemptID: UUID, item: String, mark: Double, actor: String, now: Date) throws -> StoredAttempt {
        guard mark.isFinite, (0...1).contains(mark) else {
            throw HubError.refused("a mark is from 0 (nothing) to 1 (full marks), or a percentage like 75%; \(mark) is not")
        }
        return try database.write { transaction in
            _ = try Self.person(actor, allowedBy: \.mayTeach, roles: Role.teachingRoles, to: "mark attempts", in: transaction)
            guard var stored = try transaction.attempt(id: attemptID) else {
                throw HubError.refused("the hub has no attempt \(attemptID.uuidString); labeldesk course status COURSE lists those awaiting a trainer")
            }
            let attempt = stored.attempt
            var courses = CourseLookup(transaction: transaction)
            guard let course = try courses.course(id: attempt.courseID, version: attempt.courseVersion) else {
                throw HubError.refused("course \(attempt.courseID) version \(attempt.courseVersion) cannot be read at the hub; the attempt cannot be marked")
            }
            let unmarked = CourseGrading.grade(attempt.responses, in: course)
            guard let itemMark = unmarked.items[item] else {
                let keys = course.assessment.map(\.key).joined(separator: ", ")
                throw HubError.refused("\(attempt.courseID) has no item \"\(item)\"; its items are \(keys)")
            }
            guard itemMark == .awaitingTrainer else {
                throw HubError.refused(
                    "item \(item) of attempt \(attemptID.uuidString) is marked automatically; only essays and free-text practice tasks take a trainer's mark")
            }
            try transaction.setTrainerMark(TrainerMark(attemptID: attemptID, item: item, mark: mark, markedBy: actor, markedAt: now))
            let marks = Dictionary(try transaction.trainerMarks(attemptID: attemptID).map { ($0.item, $0.mark) }, uniquingKeysWith: { _, last in last })
            let grade = CourseGrading.grade(attempt.responses, in: course, trainerMarks: marks)
            stored.marks = grade.marks
            stored.outOf = grade.outOf
            stored.passed = grade.passes(course.manifest.passMark)
            stored.awaitingTrainer = grade.awaitingTrainer
            try transaction.regradeAttempt(id: attemptID, marks: grade.marks, outOf: grade.outOf, passed: stored.passed, awaitingTrainer: stored.awaitingTrainer)
            if stored.counted, stored.passed {
                try Self.clearAssignments(afterPassing: attempt, transaction: transaction, now: now)
            }
            let percent = String(format: "%.0f%%", mark * 100)
            let result = grade.awaitingTrainer ? "more items await marks" : (stored.passed ? "passed" : "not passed")
            try transaction.appendAudit(AuditEvent(
                kind: .courseMark, actor: actor,
                detail: "marked item \(item) of \(attempt.username)'s attempt \(attemptID.uuidString) at \(attempt.courseID) \(percent): \(result)", at: now))
            return stored
        }
    }

    /// An attempt's trainer marks so far.
    public func trainerMarks(attemptID: UUID) throws -> [TrainerMark] {
        try database.read { try $0.trainerMarks(attemptID: attemptID) }
    }
}
