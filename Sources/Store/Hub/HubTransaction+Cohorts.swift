import Domain
import Foundation
import GRDB

extension HubTransaction {
    /// Makes an empty cohort; false, writing nothing, when the name is taken.
    @discardableResult
    public func insertCohort(name: String, by actor: String, at now: Date) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO cohort (name, created_by, created_at) VALUES (?, ?, ?)", arguments: [name, actor, now])
        return db.changesCount == 1
    }

    /// Adds people to a cohort; returns those who were not in it already, in the order given.
    public func addCohortMembers(_ usernames: [String], cohort: String, by actor: String, at now: Date) throws -> [String] {
        var added: [String] = []
        for username in usernames {
            try db.execute(
                sql: "INSERT OR IGNORE INTO cohort_member (cohort, username, added_by, added_at) VALUES (?, ?, ?, ?)",
                arguments: [cohort, username, actor, now])
            if db.changesCount == 1 { added.append(username) }
        }
        return added
    }

    public func cohort(name: String) throws -> Cohort? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cohort WHERE name = ?", arguments: [name]) else { return nil }
        return Cohort(name: name, members: try cohortMembers(name), createdBy: row["created_by"], createdAt: row["created_at"])
    }

    /// Every cohort with its members, by name.
    public func cohorts() throws -> [Cohort] {
        try Row.fetchAll(db, sql: "SELECT * FROM cohort ORDER BY name").map { row in
            let name: String = row["name"]
            return Cohort(name: name, members: try cohortMembers(name), createdBy: row["created_by"], createdAt: row["created_at"])
        }
    }

    /// The cohorts a person is in, by name.
    public func cohorts(of username: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT cohort FROM cohort_member WHERE username = ? ORDER BY cohort", arguments: [username])
    }

    private func cohortMembers(_ name: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT username FROM cohort_member WHERE cohort = ? ORDER BY username", arguments: [name])
    }
}
