import Domain
import Foundation
import Store

/// A project's gold record per person: what `labeldesk report quality` prints.
public struct QualityReport: Equatable, Sendable {
    public var project: Project
    public var policy: GoldPolicy
    /// Everyone who answered gold, by username.
    public var people: [PersonQuality]
}

extension Hub {
    /// Every person's gold record on a project, scored now against the keys (one engine
    /// for every kind: `GoldScoring`).
    public func qualityReport(projectID: String, username: String? = nil) throws -> QualityReport {
        try database.read { transaction in
            guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            return QualityReport(
                project: project, policy: try transaction.goldPolicy(projectID: projectID),
                people: try Self.quality(of: project, username: username, in: transaction))
        }
    }

    /// Scores each gold answer of the project (of one person when named) against its key.
    static func quality(of project: Project, username: String? = nil, in transaction: HubTransaction) throws -> [PersonQuality] {
        var keys: [String: Answer] = [:]
        for item in try transaction.goldItems(projectID: project.id, includingRetired: true) { keys[item.task.id] = item.key }
        var people: [String: PersonQuality] = [:]
        for answer in try transaction.goldAnswers(projectID: project.id, username: username) {
            let annotation = answer.annotation
            guard let key = keys[annotation.taskID] else { continue }
            let outcome = annotation.isSkip ? nil : GoldScoring.score(annotation.answer, against: key, in: project)
            people[annotation.username, default: PersonQuality(username: annotation.username)].add(outcome, seconds: annotation.secondsOnTask)
        }
        return people.values.sorted { $0.username < $1.username }
    }
}
