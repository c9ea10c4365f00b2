import Domain
import Foundation
import Store

extension Hub {
    /// The hub's side of a sync: take the station's work, hand out leases, report changes.
    ///
    /// One transaction, in this order:
    /// 1. Apply each annotation at most once, keyed by its UUID. A resend with the same
    ///    content gets the outcome it got the first time; a resend with different
    ///    content is rejected as a client fault. Work for a task the hub does not know,
    ///    or with labels the project does not have, is rejected with the reason.
    /// 2. Decide which judgement is canonical (see `CanonicalRule`).
    /// 3. Expire leases that ran out before `now`: those tasks are open again.
    /// 4. Lease up to `request.wantedLeases` open tasks of each project to the station,
    ///    highest priority first, then import order; each lease raises the task's epoch
    ///    and lasts the project's `leaseSeconds`.
    /// 5. Answer with the outcomes, the leases, the projects changed since the station's
    ///    cursor, the open tasks left per project, and the new cursor.
    public func exchange(_ request: SyncRequest, now: Date) throws -> SyncReply {
        try database.write { transaction in
            var projectsByID: [String: Project] = [:]
            for project in try transaction.projects() { projectsByID[project.id] = project }

            let outcomes = try request.annotations.map { annotation in
                try apply(annotation, projects: projectsByID, transaction: transaction, now: now)
            }

            try transaction.expireLeases(now: now)
            var leases: [LeasedTask] = []
            for project in projectsByID.values.sorted(by: { $0.id < $1.id }) {
                leases += try transaction.leaseOpenTasks(
                    projectID: project.id, limit: request.wantedLeases, to: request.stationID,
                    until: now.addingTimeInterval(TimeInterval(project.leaseSeconds)))
            }
            return SyncReply(
                outcomes: outcomes, leases: leases,
                projects: try transaction.projectsChanged(since: request.cursor),
                waitingAtHub: try transaction.openTaskCounts(),
                cursor: try transaction.latestChange())
        }
    }

    private func apply(
        _ annotation: Annotation, projects: [String: Project], transaction: HubTransaction, now: Date
    ) throws -> AnnotationOutcome {
        func rejected(_ reason: String) -> AnnotationOutcome {
            AnnotationOutcome(annotationID: annotation.id, status: .rejected, reason: reason)
        }
        let content = annotation.canonicalContent
        if let earlier = try transaction.judgement(id: annotation.id) {
            guard earlier.content == content else {
                return rejected(
                    "annotation \(annotation.id.uuidString) was already received with different content; this is a client fault")
            }
            return AnnotationOutcome(annotationID: annotation.id, status: earlier.firstOutcome)
        }
        guard let project = projects[annotation.projectID] else {
            return rejected("project \"\(annotation.projectID)\" is not known at the hub")
        }
        guard let task = try transaction.task(projectID: annotation.projectID, id: annotation.taskID) else {
            return rejected("task \"\(annotation.taskID)\" is not in project \"\(annotation.projectID)\" at the hub")
        }
        if let problem = Self.labelProblem(of: annotation, in: project) { return rejected(problem) }

        let existing = try transaction.canonicalJudgement(projectID: annotation.projectID, taskID: annotation.taskID)
        let decision = CanonicalRule.decide(
            newcomer: annotation, task: task, existingCanonical: existing?.annotation, now: now)
        switch decision {
        case .canonical(let replacesExisting):
            if replacesExisting, let existing {
                try transaction.setCanonical(judgementID: existing.annotation.id, false)
            }
            try transaction.insertJudgement(Judgement(
                annotation: annotation, content: content, isCanonical: true, firstOutcome: .accepted, receivedAt: now))
            try transaction.setTaskState(
                projectID: annotation.projectID, taskID: annotation.taskID, to: annotation.isSkip ? .skipped : .done)
            return AnnotationOutcome(annotationID: annotation.id, status: .accepted)
        case .extra:
            try transaction.insertJudgement(Judgement(
                annotation: annotation, content: content, isCanonical: false, firstOutcome: .superseded, receivedAt: now))
            return AnnotationOutcome(annotationID: annotation.id, status: .superseded)
        }
    }

    /// Why the labels do not fit the project, if they do not.
    static func labelProblem(of annotation: Annotation, in project: Project) -> String? {
        if annotation.isSkip {
            return annotation.labels.isEmpty ? nil : "a skipped task cannot also have labels"
        }
        if annotation.labels.isEmpty { return "the annotation has no labels and is not a skip" }
        if !project.allowsMultipleLabels, annotation.labels.count > 1 {
            return "project \"\(project.id)\" takes one label per task; the annotation has \(annotation.labels.count)"
        }
        let known = Set(project.labels.map(\.name))
        if let unknown = annotation.labels.first(where: { !known.contains($0) }) {
            return "label \"\(unknown)\" is not one of project \"\(project.id)\"'s labels"
        }
        return nil
    }
}
