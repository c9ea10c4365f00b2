import Domain
import Foundation
import Store

/// What adding people to a cohort did.
public struct CohortAddition: Equatable, Sendable {
    /// People now in the cohort who were not before.
    public var added: [String]
    /// People named who were in it already.
    public var alreadyIn: [String]
    /// The cohort's courses each newcomer was given, by id.
    public var coursesGiven: [String]

    public init(added: [String], alreadyIn: [String], coursesGiven: [String]) {
        self.added = added
        self.alreadyIn = alreadyIn
        self.coursesGiven = coursesGiven
    }
}

extension Hub {
    /// Makes an empty cohort, audited; trainers, leads and admins only.
    public func createCohort(name: String, actor: String, now: Date) throws {
        if let problem = Self.cohortNameProblem(name) { throw HubError.refused(problem) }
        try database.write { transaction in
            _ = try Self.person(actor, allowedBy: \.mayAssignCourses, roles: Role.assigningRoles, to: "make cohorts", in: transaction)
            guard try transaction.insertCohort(name: name, by: actor, at: now) else {
                throw HubError.refused("there is already a cohort \"\(name)\"; add people to it with labeldesk cohort add \(name) USER...")
            }
            try transaction.appendAudit(AuditEvent(kind: .cohortCreate, actor: actor, detail: "created cohort \(name)", at: now))
        }
    }

    /// Adds people on the hub's roster to a cohort, audited; each newcomer is given the
    /// courses assigned to the cohort before they joined, due when the cohort's are.
    /// Nothing changes when anyone named is unknown.
    @discardableResult
    public func addToCohort(name: String, usernames: [String], actor: String, now: Date) throws -> CohortAddition {
        guard !usernames.isEmpty else { throw HubError.refused("name at least one person to add to cohort \"\(name)\"") }
        return try database.write { transaction in
            _ = try Self.person(actor, allowedBy: \.mayAssignCourses, roles: Role.assigningRoles, to: "change cohorts", in: transaction)
            guard let cohort = try transaction.cohort(name: name) else { throw try Self.noSuchCohort(name, in: transaction) }
            let unknown = try usernames.filter { try transaction.user(username: $0) == nil }
            guard unknown.isEmpty else {
                throw HubError.refused(
                    "\(Self.quotedList(unknown)) \(unknown.count == 1 ? "is" : "are") not on the hub's roster (see labeldesk user list); nobody was added to \(name)")
            }
            var seen: Set<String> = []
            let named = usernames.filter { seen.insert($0).inserted }
            let added = try transaction.addCohortMembers(named, cohort: name, by: actor, at: now)
            let courses = try transaction.cohortCourses(name)
            for username in added {
                for course in courses {
                    try transaction.insertAssignment(
                        courseID: course.courseID, username: username,
                        CourseAssignment(reason: .assigned(by: course.assignedBy, cohort: name), assignedAt: now, dueAt: course.dueAt))
                }
            }
            if !added.isEmpty {
                try transaction.appendAudit(AuditEvent(
                    kind: .cohortAdd, actor: actor, detail: "added \(added.joined(separator: ", ")) to cohort \(name)", at: now))
            }
            return CohortAddition(
                added: added, alreadyIn: named.filter { cohort.members.contains($0) }, coursesGiven: added.isEmpty ? [] : courses.map(\.courseID))
        }
    }

    /// Every cohort and its members, by name.
    public func cohorts() throws -> [Cohort] {
        try database.read { try $0.cohorts() }
    }

    static func noSuchCohort(_ name: String, in transaction: HubTransaction) throws -> HubError {
        let known = try transaction.cohorts().map(\.name)
        let hint = known.isEmpty ? "there are none yet; make it with labeldesk cohort create \(name)" : "the cohorts are \(known.joined(separator: ", "))"
        return HubError.refused("there is no cohort \"\(name)\"; \(hint)")
    }

    /// What is wrong with a cohort's name, if anything.
    static func cohortNameProblem(_ name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !name.isEmpty, name.count <= 48, name.allSatisfy({ allowed.contains($0) }) else {
            return "a cohort's name is 1 to 48 letters, digits, '-', '_' or '.', like \"december-intake\"; \"\(name)\" is not"
        }
        return nil
    }

    /// `"ana"`, `"ana" and "bea"`, `"ana", "bea" and "cy"`.
    static func quotedList(_ items: [String]) -> String {
        let quoted = items.map { "\"\($0)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted[quoted.count - 1]
    }
}
