import Domain
import Foundation
import GRDB

extension HubTransaction {
    /// Gives a person a course: a trainer's assignment (to them or through a cohort) or
    /// remediation's. Returns the row as stored.
    @discardableResult
    public func insertAssignment(courseID: String, username: String, _ assignment: CourseAssignment) throws -> PersonCourseAssignment {
        var arguments: StatementArguments = [courseID, username]
        switch assignment.reason {
        case .assigned(let by, let cohort):
            arguments += ["assigned", by, cohort, nil, nil, nil]
        case .remediation(let projectID, let trigger, let lesson):
            arguments += ["remediation", nil, nil, projectID, trigger, lesson]
        }
        arguments += [assignment.assignedAt, assignment.dueAt]
        try db.execute(sql: """
            INSERT INTO course_assignment (course_id, username, reason, assigned_by, cohort, project_id, trigger, lesson, assigned_at, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: arguments)
        return PersonCourseAssignment(id: db.lastInsertedRowID, courseID: courseID, username: username, assignment: assignment)
    }

    /// A person's assignments, of one course or all, oldest first.
    public func assignments(username: String, courseID: String? = nil) throws -> [PersonCourseAssignment] {
        let course = courseID == nil ? "" : "AND course_id = ?"
        return try Row.fetchAll(
            db, sql: "SELECT * FROM course_assignment WHERE username = ? \(course) ORDER BY id",
            arguments: StatementArguments([username] + (courseID.map { [$0] } ?? []))
        ).map(Self.assignment)
    }

    /// Everyone's assignments of a course, oldest first.
    public func assignments(courseID: String) throws -> [PersonCourseAssignment] {
        try Row.fetchAll(db, sql: "SELECT * FROM course_assignment WHERE course_id = ? ORDER BY id", arguments: [courseID]).map(Self.assignment)
    }

    /// The courses a cohort was given (by a trainer, through the cohort), each with the
    /// latest due date it was given with: what a member who joins later is given too.
    public func cohortCourses(_ cohort: String) throws -> [(courseID: String, assignedBy: String, dueAt: Date?)] {
        try Row.fetchAll(db, sql: """
            SELECT course_id, assigned_by, due_at FROM course_assignment
            WHERE id IN (SELECT MAX(id) FROM course_assignment WHERE cohort = ? GROUP BY course_id)
            ORDER BY course_id
            """, arguments: [cohort]).map { row in
                let courseID: String = row["course_id"], assignedBy: String? = row["assigned_by"], dueAt: Date? = row["due_at"]
                return (courseID, assignedBy ?? "", dueAt)
            }
    }

    /// Marks a person's assignments of a course made at or before `passedAt` as done.
    /// Returns how many were cleared.
    @discardableResult
    public func clearAssignments(username: String, courseID: String, passedAt: Date, at now: Date) throws -> Int {
        try db.execute(sql: """
            UPDATE course_assignment SET cleared_at = ?
            WHERE username = ? AND course_id = ? AND cleared_at IS NULL AND assigned_at <= ?
            """, arguments: [now, username, courseID, passedAt])
        return db.changesCount
    }

    static func assignment(_ row: Row) throws -> PersonCourseAssignment {
        let reason: CourseAssignment.Reason
        switch row["reason"] as String {
        case "assigned":
            reason = .assigned(by: (row["assigned_by"] as String?) ?? "", cohort: row["cohort"])
        case "remediation":
            reason = .remediation(projectID: row["project_id"], trigger: row["trigger"], lesson: row["lesson"])
        case let other:
            throw StoreError.unreadableRow(table: "course_assignment", problem: "assignment \(row["id"] as Int64) has an unknown reason \"\(other)\"")
        }
        return PersonCourseAssignment(
            id: row["id"], courseID: row["course_id"], username: row["username"],
            assignment: CourseAssignment(reason: reason, assignedAt: row["assigned_at"], dueAt: row["due_at"]), clearedAt: row["cleared_at"])
    }
}
