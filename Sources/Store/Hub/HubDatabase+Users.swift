import Domain
import Foundation
import GRDB

/// A person as the hub knows them: a username and a role, no password.
public struct HubUser: Equatable, Sendable {
    public var username: String
    public var role: Role
    public var addedAt: Date

    public init(username: String, role: Role, addedAt: Date) {
        self.username = username
        self.role = role
        self.addedAt = addedAt
    }
}

/// What `setUser` did, so the command line can say it.
public enum HubUserChange: Equatable, Sendable {
    case added
    /// The role as it was stored before.
    case roleChanged(from: String)
    case unchanged
}

extension HubDatabase {
    /// Adds a person to the hub's roster, or changes their role.
    ///
    /// Changing a role is how an admin withdraws the right to label: the hub refuses
    /// work by a user whose role may not label from the next sync on.
    @discardableResult
    public func setUser(username: String, role: Role, actor: String, now: Date) throws -> HubUserChange {
        if let problem = Account.usernameProblem(username) { throw StoreError.invalidUsername(problem: problem) }
        return try pool.write { db in
            let stored = try String.fetchOne(db, sql: "SELECT role FROM hub_user WHERE username = ?", arguments: [username])
            let change: HubUserChange
            if let stored {
                guard stored != role.rawValue else { return .unchanged }
                try db.execute(
                    sql: "UPDATE hub_user SET role = ?, changed_at = ? WHERE username = ?",
                    arguments: [role.rawValue, now, username])
                change = .roleChanged(from: stored)
            } else {
                try db.execute(
                    sql: "INSERT INTO hub_user (username, role, added_at, changed_at) VALUES (?, ?, ?, ?)",
                    arguments: [username, role.rawValue, now, now])
                change = .added
            }
            let detail = change == .added ? "hub user \(username) added as \(role.rawValue)" : "hub user \(username) is now \(role.rawValue)"
            try AuditLog.append(AuditEvent(kind: .userAdd, actor: actor, detail: detail, at: now), in: db)
            return change
        }
    }

    /// Every person on the hub's roster, by username.
    public func users() throws -> [HubUser] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM hub_user ORDER BY username").map(Self.hubUser)
        }
    }

    static func hubUser(_ row: Row) throws -> HubUser {
        let username: String = row["username"]
        guard let role = Role(rawValue: row["role"]) else {
            throw StoreError.unreadableRow(table: "hub_user", problem: "user \(username) has an unknown role \"\(row["role"] as String)\"")
        }
        return HubUser(username: username, role: role, addedAt: row["added_at"])
    }
}

extension HubTransaction {
    /// The roster entry for `username`, or nil when the hub does not know them.
    public func user(username: String) throws -> HubUser? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM hub_user WHERE username = ?"), arguments: [username])
            .map(HubDatabase.hubUser)
    }
}

extension HubTransaction {
    /// Every person on the roster, by username, inside this transaction.
    public func users() throws -> [HubUser] {
        try Row.fetchAll(db, sql: "SELECT * FROM hub_user ORDER BY username").map(HubDatabase.hubUser)
    }
}
