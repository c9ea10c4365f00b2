import Curriculum
import Domain
import Foundation
import Store

/// Who a trainer gives a course to.
public enum CourseAssignee: Equatable, Sendable {
    case person(String)
    /// Every member now; members who join later are given it as they join.
    case cohort(String)
}

extension Hub {
    /// Assigns a published course, with an optional due date, audited; trainers, leads
    /// and admins only. Returns the people given it, by name.
    ///
    /// Assigning again a course someone has not passed starts their attempts afresh
    /// (see `CourseProgress.countedAttempts`): how a person out of attempts gets more.
    @discardableResult
    public func assignCourse(_ courseID: String, to assignee: CourseAssignee, dueAt: Date?, actor: String, now: Date) throws -> [String] {
        try database.write { transaction in
            _ = try Self.person(actor, allowedBy: \.mayAssignCourses, roles: Role.assigningRoles, to: "assign courses", in: transaction)
            guard try transaction.currentCourseVersion(id: courseID) != nil else { throw try Self.noSuchCourse(courseID, in: transaction) }
            if let dueAt, dueAt <= now {
                throw HubError.refused("the due date \(Self.dayText(dueAt)) is already past; give a date to come, like --due 2026-12-15 or --due 3d")
            }
            let people: [String]
            let cohort: String?
            switch assignee {
            case .person(let username):
                guard try transaction.user(username: username) != nil else {
                    throw HubError.refused("\"\(username)\" is not on the hub's roster (see labeldesk user list); an admin adds them with labeldesk user add \(username) --role labeler")
                }
                people = [username]
                cohort = nil
            case .cohort(let name):
                guard let found = try transaction.cohort(name: name) else { throw try Self.noSuchCohort(name, in: transaction) }
                guard !found.members.isEmpty else {
                    throw HubError.refused("cohort \"\(name)\" has nobody in it yet; add people with labeldesk cohort add \(name) USER...")
                }
                people = found.members
                cohort = name
            }
            for username in people {
                try transaction.insertAssignment(
                    courseID: courseID, username: username, CourseAssignment(reason: .assigned(by: actor, cohort: cohort), assignedAt: now, dueAt: dueAt))
            }
            let whom = cohort.map { "cohort \($0) (\(people.joined(separator: ", ")))" } ?? people.joined(separator: ", ")
            try transaction.appendAudit(AuditEvent(
                kind: .courseAssign, actor: actor, detail: "assigned course \(courseID) to \(whom)" + (dueAt.map { ", due \(Self.dayText($0))" } ?? ""), at: now))
            return people
        }
    }

    /// Gives a person a course to retake because their gold record on `trigger` fell
    /// below the project's threshold, with `lesson` to read again; audited as the system's.
    @discardableResult
    public func assignRemediation(
        courseID: String, username: String, projectID: String, trigger: String, lesson: String, dueAt: Date? = nil, now: Date
    ) throws -> PersonCourseAssignment {
        try database.write { transaction in
            try Self.assignRemediation(
                courseID: courseID, username: username, projectID: projectID, trigger: trigger, lesson: lesson, dueAt: dueAt, now: now, in: transaction)
        }
    }

    /// `assignRemediation` inside the caller's transaction (a sync that finds the record
    /// fell); `because` (the figures that called for it) goes into the audit entry.
    public static func assignRemediation(
        courseID: String, username: String, projectID: String, trigger: String, lesson: String, dueAt: Date? = nil, now: Date,
        because: String? = nil, in transaction: HubTransaction
    ) throws -> PersonCourseAssignment {
        guard try transaction.currentCourseVersion(id: courseID) != nil else { throw try noSuchCourse(courseID, in: transaction) }
        let row = try transaction.insertAssignment(
            courseID: courseID, username: username,
            CourseAssignment(reason: .remediation(projectID: projectID, trigger: trigger, lesson: lesson), assignedAt: now, dueAt: dueAt))
        try transaction.appendAudit(AuditEvent(
            kind: .courseAssign, actor: "system",
            detail: "assigned course \(courseID) to \(username) for remediation on \(trigger) in \(projectID) (lesson \(lesson))"
                + (because.map { ": \($0)" } ?? ""), at: now))
        return row
    }

    /// A person's assignments, of one course or all, oldest first.
    public func assignments(username: String, courseID: String? = nil) throws -> [PersonCourseAssignment] {
        try database.read { try $0.assignments(username: username, courseID: courseID) }
    }

    /// Everyone's assignments of a course, oldest first.
    public func assignments(courseID: String) throws -> [PersonCourseAssignment] {
        try database.read { try $0.assignments(courseID: courseID) }
    }

    static func noSuchCourse(_ courseID: String, in transaction: HubTransaction) throws -> HubError {
        let known = try transaction.currentCourseHeaders().map(\.id)
        let hint = known.isEmpty ? "none is published yet (labeldesk course publish)" : "the published courses are \(known.joined(separator: ", "))"
        return HubError.refused("there is no published course \"\(courseID)\"; \(hint)")
    }

    /// A date as a day, `2026-12-15`, in UTC.
    static func dayText(_ date: Date) -> String { utcFormatter("yyyy-MM-dd").string(from: date) }

    /// Dates in UTC, in a `DateFormatter` pattern: how course dates are read and written,
    /// here and on the command line.
    public static func utcFormatter(_ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter
    }
}
