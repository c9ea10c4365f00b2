import Domain
import Foundation
import Store

/// An ordinary task whose consensus is near certain: offered to a reviewer as gold.
public struct GoldCandidate: Equatable, Sendable {
    public var task: LabelTask
    /// The consensus label (a class, or a comparison's `a`, `b` or `tie`).
    public var label: String
    /// Dawid-Skene's posterior for it, anchored by the pool's keys.
    public var confidence: Double
    /// The votes behind it, per label, most first.
    public var votes: [Vote]

    public struct Vote: Equatable, Sendable {
        public var label: String
        public var count: Int
    }

    public var voteCount: Int { votes.reduce(0) { $0 + $1.count } }
}

/// What a reviewer makes of a gold candidate.
public enum GoldCandidateDecision: Equatable, Sendable {
    /// Into the pool with the consensus as its key.
    case accept
    /// Into the pool with this label (a class, or `a`, `b`, `tie`) as its key instead.
    case correct(String)
    /// Not gold; not offered again.
    case reject
}

extension Hub {
    /// A project's gold candidates, surest first: done tasks whose Dawid-Skene consensus
    /// has at least the policy's `candidateVotes` votes and `candidateConfidence`, not in
    /// the pool already, not turned down before, and not a task a published course
    /// practises (its key is training material on the stations).
    public func goldCandidates(projectID: String) throws -> [GoldCandidate] {
        let report = try consensusReport(projectID: projectID, method: .dawidSkene)
        return try database.read { transaction in
            let policy = try transaction.goldPolicy(projectID: projectID)
            let done = try transaction.taskIDs(projectID: projectID, state: .done)
            let pooled = Set(try transaction.goldItems(projectID: projectID, includingRetired: true).map(\.task.id))
            let rejected = try transaction.rejectedGoldCandidates(projectID: projectID)
            let practised = try Self.practiceContents(in: transaction)
            let byTask = Self.answersByTask(try transaction.judgements(projectID: projectID))
            var candidates: [GoldCandidate] = []
            for row in report.rows {
                guard let label = row.label, let confidence = row.confidence, row.votes >= policy.candidateVotes,
                      confidence >= policy.candidateConfidence, done.contains(row.taskID), !pooled.contains(row.taskID),
                      !rejected.contains(row.taskID), let task = try transaction.hubTask(projectID: projectID, id: row.taskID),
                      practised[Self.answeredContent(of: task.task)] == nil
                else { continue }
                var counts: [String: Int] = [:]
                for answer in (byTask[row.taskID] ?? [:]).values {
                    if let given = Self.nominal(answer) { counts[given, default: 0] += 1 }
                }
                var shown = task.task
                shown.layout = nil
                candidates.append(GoldCandidate(
                    task: shown, label: label, confidence: confidence,
                    votes: counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { GoldCandidate.Vote(label: $0.key, count: $0.value) }))
            }
            return candidates.sorted { ($0.confidence, $1.task.id) > ($1.confidence, $0.task.id) }
        }
    }

    /// A reviewer's decision on a gold candidate, checked against their role at the hub
    /// and audited: accepted or corrected, the task joins the pool under its own id (so
    /// it is handed out as a re-lease of the task would be, and never to anyone who
    /// labelled it); rejected, it is not offered again.
    public func decideGoldCandidate(
        projectID: String, taskID: String, decision: GoldCandidateDecision, reviewer: String, now: Date
    ) throws {
        guard let project = try project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
        let candidates = try goldCandidates(projectID: projectID)
        try database.write { transaction in
            guard let user = try transaction.user(username: reviewer) else {
                throw HubError.refused("\"\(reviewer)\" is not on the hub's roster; an admin adds them with labeldesk user add \(reviewer) --role lead")
            }
            guard user.role.mayReviewGold else {
                let allowed = Role.goldReviewingRoles.map { $0.rawValue + "s" }.joined(separator: ", ")
                throw HubError.refused("\(reviewer) is a \(user.role.rawValue) at the hub; only \(allowed) decide what joins a gold pool")
            }
            guard let candidate = candidates.first(where: { $0.task.id == taskID }) else {
                throw HubError.refused("task \"\(taskID)\" is not a gold candidate of \(projectID) (see labeldesk gold candidates --project \(projectID)); nothing changed")
            }
            let key: String
            switch decision {
            case .reject:
                try transaction.rejectGoldCandidate(projectID: projectID, taskID: taskID, by: reviewer, at: now)
                try transaction.appendAudit(AuditEvent(
                    kind: .goldCandidate, actor: reviewer, detail: "turned down \(taskID) of \(projectID) as gold (consensus \(candidate.label))", at: now))
                return
            case .accept: key = candidate.label
            case .correct(let label): key = label
            }
            guard let classes = Self.consensusLabels(of: project), classes.contains(key) else {
                let known = Self.consensusLabels(of: project)?.joined(separator: ", ") ?? ""
                throw HubError.refused("\"\(key)\" is not one of \(projectID)'s labels (\(known)); nothing changed")
            }
            let answer = Self.answer(consensus: key, in: project)
            try transaction.insertGoldItems(
                [GoldItem(task: candidate.task, key: answer, source: .fromWork, addedBy: reviewer, addedAt: now)], projectID: projectID)
            let how = key == candidate.label ? "as its consensus \(key)" : "corrected from its consensus \(candidate.label) to \(key)"
            try transaction.appendAudit(AuditEvent(
                kind: .goldCandidate, actor: reviewer, detail: "added \(taskID) of \(projectID) to the gold pool from the work, \(how)", at: now))
        }
    }
}
