import Domain
import Foundation
import Store

extension Hub {
    /// Does what a shift lead asked, after checking the lead's role at the hub, and
    /// returns the sentence of what was done; a refusal is a `HubError` with its sentence.
    ///
    /// One transaction with its audit entry. A pause or move is a hold the next sync of
    /// the person's station answers with (`QueuePause.lead`), and records a change so
    /// even an idle sync hears of it; a priority is the project's record, which stations
    /// pull; a gold rate or overlap is the hub's own policy. Assigning a course goes
    /// through `assignCourse`, with its own checks.
    public func perform(_ action: LeadAction, actor: String, now: Date) throws -> String {
        if case let .assignCourse(courseID, username, dueAt) = action {
            try database.read { transaction in try Self.lead(actor, in: transaction) }
            _ = try assignCourse(courseID, to: .person(username), dueAt: dueAt, actor: actor, now: now)
            let due = dueAt.map { ", due " + ShiftFloorFigures.when($0) } ?? ""
            return "Assigned \(courseID) to \(username)\(due)."
        }
        return try HubError.translating {
            try database.write { transaction in
                try Self.lead(actor, in: transaction)
                let sentence = try Self.apply(action, actor: actor, now: now, in: transaction)
                try transaction.appendAudit(AuditEvent(kind: .leadAction, actor: actor, detail: sentence, at: now))
                return sentence
            }
        }
    }

    /// The actor, when the roster lets them lead.
    static func lead(_ actor: String, in transaction: HubTransaction) throws {
        _ = try person(actor, allowedBy: \.mayLead, roles: Role.leadingRoles, to: "act on the floor", in: transaction)
    }

    private static func apply(_ action: LeadAction, actor: String, now: Date, in transaction: HubTransaction) throws -> String {
        func labeler(_ username: String) throws {
            guard let user = try transaction.user(username: username) else {
                throw HubError.refused("\"\(username)\" is not on the hub's roster; see labeldesk user list for who is")
            }
            guard user.role.mayLabel else {
                throw HubError.refused("\(username) is a \(user.role.rawValue) and labels nothing, so there is no queue to pause or move")
            }
        }
        func project(_ projectID: String) throws -> Project {
            guard let found = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            return found
        }
        func share(_ value: Double, most: Double, of what: String) throws {
            guard value.isFinite, value >= 0, value <= most else {
                throw HubError.refused("\(what) is a share from 0% to \(LeadAction.percent(most)), not \(LeadAction.percent(value))")
            }
        }
        switch action {
        case let .pause(username, note):
            try labeler(username)
            try transaction.setLeadHold(LeadHold(by: actor, note: note), username: username, at: now)
            try transaction.recordHoldChange(username: username, now: now)
            return "Paused \(username) on every project" + (note.isEmpty ? "" : " (\"\(note)\")") + "; their station stops serving work at its next sync."
        case .resume(let username):
            guard try transaction.clearLeadHold(username: username) else {
                throw HubError.refused("\(username) is neither paused nor moved by a lead, so there is nothing to resume")
            }
            try transaction.recordHoldChange(username: username, now: now)
            return "Resumed \(username); their queues open again at their station's next sync."
        case let .move(username, projectID):
            try labeler(username)
            _ = try project(projectID)
            try transaction.setLeadHold(LeadHold(by: actor, note: "", movedTo: projectID), username: username, at: now)
            try transaction.recordHoldChange(username: username, now: now)
            return "Moved \(username) to \(projectID); every other queue is closed to them until resumed."
        case let .setGoldRate(projectID, rate):
            _ = try project(projectID)
            try share(rate, most: 0.5, of: "a gold rate")
            var policy = try transaction.goldPolicy(projectID: projectID)
            let before = policy.rate
            policy.rate = rate
            try transaction.setGoldPolicy(policy, projectID: projectID)
            return "Set \(projectID)'s gold rate to \(LeadAction.percent(rate)) (was \(LeadAction.percent(before)))."
        case let .setOverlap(projectID, overlap):
            _ = try project(projectID)
            try share(overlap, most: 1, of: "an overlap")
            var policy = try transaction.goldPolicy(projectID: projectID)
            let before = policy.overlap
            policy.overlap = overlap
            try transaction.setGoldPolicy(policy, projectID: projectID)
            return "Set \(projectID)'s overlap to \(LeadAction.percent(overlap)) (was \(LeadAction.percent(before)))."
        case let .setPriority(projectID, priority):
            var changed = try project(projectID)
            guard (-99...99).contains(priority) else { throw HubError.refused("a priority is a whole number from -99 to 99, not \(priority)") }
            let before = changed.priority
            changed.priority = priority
            try transaction.updateProject(changed, now: now)
            return "Set \(projectID)'s priority to \(priority) (was \(before)); stations offer it in that order from their next sync."
        case let .answerFlag(annotationID, answer):
            let words = answer.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !words.isEmpty else { throw HubError.refused("an answer to a flag needs some words for the person who raised it") }
            guard let flagged = try transaction.answerFlag(annotationID, answer: words, by: actor, at: now) else {
                throw HubError.refused("no flag \(annotationID.uuidString) is at the hub; see labeldesk flags list")
            }
            return "Answered the flag on \(flagged.projectID) task \(flagged.taskID): \"\(words)\"."
        case .assignCourse:
            fatalError("assignCourse is performed through assignCourse before a transaction opens")
        }
    }
}

extension Hub {
    /// A lead station's request: the action if one is asked (see `perform`), then the
    /// floor, both only for someone the roster lets lead.
    public func lead(_ request: LeadRequest, now: Date) throws -> LeadReply {
        try database.read { transaction in try Self.lead(request.lead, in: transaction) }
        let sentence = try request.action.map { try perform($0, actor: request.lead, now: now) }
        return LeadReply(sentence: sentence, floor: try shiftFloor(since: request.since, site: request.site, now: now))
    }
}
