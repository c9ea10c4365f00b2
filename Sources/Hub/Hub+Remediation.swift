import Curriculum
import Domain
import Foundation
import Store

extension Hub {
    /// A counted gold answer's part of the person's record per remediation trigger, then
    /// remediation's check on that record.
    static func recordTriggers(
        of score: GoldScore, key: Answer, focus: PixelWindow?, answer annotation: Annotation, project: Project, policy: GoldPolicy,
        transaction: HubTransaction, now: Date
    ) throws {
        let contributions = TriggerRecord.contributions(of: score, key: key, kind: project.kind, focus: focus)
        try transaction.addToTriggerRecord(
            projectID: project.id, username: annotation.username, contributions: contributions.map { ($0.trigger.words, $0.credit) }, sign: 1,
            answeredAt: annotation.createdAt)
        try remediate(username: annotation.username, projectID: project.id, policy: policy, transaction: transaction, now: now)
    }

    /// Assigns a remedial course for each trigger on which the person's gold record calls
    /// for it (`TriggerRecord.callsForRemediation`) and that has no open remediation on
    /// the project yet: once per open remediation, not again at every answer. Returns
    /// what it assigned.
    ///
    /// The course is the first published course that maps the trigger to a lesson and is
    /// meant for the person's role: among those that qualify for the project first, then
    /// any, each by id. A trigger no course maps is left for the lead (`report errors`
    /// shows it as a weak spot).
    @discardableResult
    static func remediate(username: String, projectID: String, policy: GoldPolicy, transaction: HubTransaction, now: Date) throws -> [PersonCourseAssignment] {
        guard let threshold = policy.remediationBelow else { return [] }
        let due = try transaction.triggerRecords(projectID: projectID, username: username).compactMap { row -> TriggerRecord? in
            guard let trigger = TriggerRecord.Trigger(words: row.trigger) else { return nil }
            let record = TriggerRecord(trigger: trigger, items: row.items, credit: row.credit)
            return record.callsForRemediation(under: policy) ? record : nil
        }
        guard !due.isEmpty else { return [] }
        let open = Set(try transaction.assignments(username: username).compactMap { row -> String? in
            guard !row.isCleared, case .remediation(projectID, let trigger, _) = row.assignment.reason else { return nil }
            return trigger
        })
        let needed = due.filter { !open.contains($0.trigger.words) }
        guard !needed.isEmpty else { return [] }
        let role = try transaction.user(username: username)?.role
        var courses = CourseLookup(transaction: transaction)
        var assigned: [PersonCourseAssignment] = []
        for record in needed {
            guard let (course, lesson) = try remedialCourse(for: record.trigger, projectID: projectID, role: role, courses: &courses, transaction: transaction)
            else { continue }
            let interval = record.interval
            let figures = String(
                format: "%@ on %d items (95%% interval %.0f-%.0f%%), below the remediation threshold of %.0f%%",
                percentText(record.accuracy ?? 0), record.items, interval.lower * 100, interval.upper * 100, threshold * 100)
            assigned.append(try assignRemediation(
                courseID: course.id, username: username, projectID: projectID, trigger: record.trigger.words, lesson: lesson.file, now: now,
                because: figures, in: transaction))
        }
        return assigned
    }

    /// The course and lesson that remediate `trigger` for someone in `role`, if a published course maps one.
    static func remedialCourse(
        for trigger: TriggerRecord.Trigger, projectID: String, role: Role?, courses: inout CourseLookup, transaction: HubTransaction
    ) throws -> (Course, CourseLesson)? {
        let mapping = try courses.manifests().filter { manifest in
            manifest.remediation.contains { $0.trigger == trigger } && (role.map(manifest.audience.contains) ?? true)
        }
        let ordered = mapping.filter { $0.qualifies.contains(projectID) }.sorted { $0.id < $1.id }
            + mapping.filter { !$0.qualifies.contains(projectID) }.sorted { $0.id < $1.id }
        for manifest in ordered {
            guard let version = try transaction.currentCourseVersion(id: manifest.id),
                  let course = try courses.course(id: manifest.id, version: version),
                  let lesson = course.remedialLesson(for: trigger) else { continue }
            return (course, lesson)
        }
        return nil
    }

    /// After a counted pass of a course: clears the person's assignments of it made
    /// before the attempt finished, and for each remediation among them starts its
    /// trigger's record afresh (it must fall again on new answers to be assigned again);
    /// a person paused by gold quality on a remediated project gets a fresh start there
    /// (`HubTransaction.resetQuality`: only gold answered from the pass on counts, with
    /// onboarding again). Each step audited.
    static func clearAssignments(afterPassing attempt: CourseAttempt, transaction: HubTransaction, now: Date) throws {
        let passedAt = min(attempt.finishedAt, now)
        let clearing = try transaction.assignments(username: attempt.username, courseID: attempt.courseID)
            .filter { !$0.isCleared && $0.assignment.assignedAt <= attempt.finishedAt }
        try transaction.clearAssignments(username: attempt.username, courseID: attempt.courseID, passedAt: attempt.finishedAt, at: now)
        var projects: [String] = []
        for row in clearing {
            guard case .remediation(let projectID, let trigger, let lesson) = row.assignment.reason else { continue }
            try transaction.restartTriggerRecord(projectID: projectID, username: attempt.username, trigger: trigger, at: passedAt)
            try transaction.appendAudit(AuditEvent(
                kind: .remediationClear, actor: "system",
                detail: "\(attempt.username) passed the retest of \(attempt.courseID) (attempt \(attempt.id.uuidString)): remediation on \(trigger) in \(projectID) (lesson \(lesson)) cleared",
                at: now))
            if !projects.contains(projectID) { projects.append(projectID) }
        }
        for projectID in projects {
            let policy = try transaction.goldPolicy(projectID: projectID)
            guard let record = try transaction.goldTallies(projectID: projectID, username: attempt.username).first,
                  record.standing(under: policy) == .paused else { continue }
            let reason = "passed the remedial retest of \(attempt.courseID) (attempt \(attempt.id.uuidString)); was "
                + (record.reason(under: policy) ?? "paused")
            try transaction.resetQuality(projectID: projectID, username: attempt.username, at: passedAt, reason: reason, courseID: attempt.courseID)
            try transaction.appendAudit(AuditEvent(
                kind: .qualityReset, actor: "system",
                detail: "fresh start for \(attempt.username) on \(projectID)'s gold from \(timeText(passedAt)), with onboarding again; \(reason)",
                at: now))
        }
    }

    /// A share as a whole percentage, `83%`.
    static func percentText(_ share: Double) -> String { String(Int((share * 100).rounded())) + "%" }

    /// The fresh starts given on a project's gold (of one person when named), oldest first.
    public func qualityResets(projectID: String? = nil, username: String? = nil, courseID: String? = nil) throws -> [QualityReset] {
        try database.read { try $0.qualityResets(projectID: projectID, username: username, courseID: courseID) }
    }

    /// A person's record per remediation trigger on a project, as remediation reads it.
    public func triggerRecords(projectID: String, username: String) throws -> [TriggerRecord] {
        try database.read { transaction in
            try transaction.triggerRecords(projectID: projectID, username: username).compactMap { row in
                TriggerRecord.Trigger(words: row.trigger).map { TriggerRecord(trigger: $0, items: row.items, credit: row.credit) }
            }
        }
    }
}
