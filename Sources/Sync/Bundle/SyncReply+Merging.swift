import Domain
import Foundation

extension SyncReply {
    /// One reply that leaves a station as applying `replies` in order would.
    ///
    /// A hub bundle carries every reply its station has not acknowledged, so that a lost
    /// bundle is covered by the next; the station applies them as one. The merge keeps,
    /// per annotation, the latest outcome; per task, the lease with the highest epoch (the
    /// station ignores older epochs anyway); per project, the latest description; the
    /// latest waiting counts; per attempt and lesson reading, the latest outcome; per course, the latest
    /// package; the latest pauses and course standings a reply gave; and the highest cursor. Applying the result twice changes
    /// nothing the first time did not, which is what makes a re-sent bundle harmless.
    static func merging(_ replies: [SyncReply]) -> SyncReply {
        var outcomes = OrderedMerge<UUID, AnnotationOutcome>()
        var leases = OrderedMerge<TaskKey, LeasedTask>()
        var projects = OrderedMerge<String, Project>()
        var trainingOutcomes = OrderedMerge<UUID, AnnotationOutcome>()
        var courses = OrderedMerge<String, CoursePackage>()
        for reply in replies {
            for outcome in reply.trainingOutcomes { trainingOutcomes.set(outcome, for: outcome.annotationID) }
            for course in reply.courses { courses.set(course, for: course.id) }
            for outcome in reply.outcomes { outcomes.set(outcome, for: outcome.annotationID) }
            for lease in reply.leases {
                let key = TaskKey(projectID: lease.task.projectID, taskID: lease.task.id)
                if let held = leases[key], held.epoch > lease.epoch { continue }
                leases.set(lease, for: key)
            }
            for project in reply.projects { projects.set(project, for: project.id) }
        }
        return SyncReply(
            outcomes: outcomes.values, leases: leases.values, projects: projects.values,
            waitingAtHub: replies.last?.waitingAtHub ?? [:], cursor: replies.map(\.cursor).max() ?? 0,
            pauses: replies.last(where: { $0.pauses != nil })?.pauses, trainingOutcomes: trainingOutcomes.values, courses: courses.values,
            standings: replies.last(where: { $0.standings != nil })?.standings)
    }
}

private struct TaskKey: Hashable {
    var projectID: String
    var taskID: String
}

/// Values by key in the order each key first appeared, the latest value winning.
///
/// First appearance keeps the order the station would have queued tasks in had it
/// applied the replies one by one.
private struct OrderedMerge<Key: Hashable, Value> {
    private var order: [Key] = []
    private var byKey: [Key: Value] = [:]

    subscript(key: Key) -> Value? { byKey[key] }

    mutating func set(_ value: Value, for key: Key) {
        if byKey.updateValue(value, forKey: key) == nil { order.append(key) }
    }

    var values: [Value] { order.compactMap { byKey[$0] } }
}
