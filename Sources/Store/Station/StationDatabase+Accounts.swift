import Domain
import Foundation
import GRDB

extension StationDatabase {
    /// Adds a local account with an scrypt hash of `password`.
    public func addAccount(_ account: Account, password: String, now: Date, by actor: String = "system") throws {
        if let problem = Account.usernameProblem(account.username) { throw StoreError.invalidUsername(problem: problem) }
        guard !password.isEmpty else { throw StoreError.emptyPassword }
        let hash = try passwordHasher.hash(password)
        try pool.write { db in
            guard try AccountRecord.fetchOne(db, key: account.username) == nil else {
                throw StoreError.accountExists(username: account.username)
            }
            try AccountRecord(
                username: account.username, displayName: account.displayName, role: account.role.rawValue,
                passwordHash: hash, lockedAt: account.lockedAt, lastLogonAt: account.lastLogonAt, createdAt: now
            ).insert(db)
            try AuditLog.append(
                AuditEvent(kind: .userAdd, actor: actor, detail: "added \(account.username) as \(account.role.rawValue)", at: now),
                in: db)
        }
    }

    public func accounts() throws -> [Account] {
        try pool.read { db in
            try AccountRecord.order(Column("username")).fetchAll(db).map { try $0.account() }
        }
    }

    public func account(named username: String) throws -> Account? {
        try pool.read { db in try AccountRecord.fetchOne(db, key: username)?.account() }
    }

    /// Logs a person on, counting failures towards a lockout.
    ///
    /// The check, the failure record, the lock and their audit entries are one
    /// transaction, so two attempts at once cannot both slip under the limit.
    public func logOn(username: String, password: String, now: Date, policy: LogonPolicy = LogonPolicy()) throws -> LogonResult {
        try checkCredentials(username: username, password: password, now: now, policy: policy, successKind: .logonSuccess)
    }

    /// Checks the password of the person at the idle-locked screen, under the same
    /// lockout policy as a logon; the last logon time is left alone.
    public func checkPassword(username: String, password: String, now: Date, policy: LogonPolicy = LogonPolicy()) throws -> LogonResult {
        try checkCredentials(username: username, password: password, now: now, policy: policy, successKind: .idleUnlock)
    }

    /// Clears a lock and the failures that led to it.
    public func unlock(username: String, by actor: String, now: Date) throws {
        try pool.write { db in
            guard var record = try AccountRecord.fetchOne(db, key: username) else {
                throw StoreError.noSuchAccount(username: username)
            }
            record.lockedAt = nil
            try record.update(db)
            try LogonFailureRecord.filter(Column("username") == username).deleteAll(db)
            try AuditLog.append(AuditEvent(kind: .unlock, actor: actor, detail: "unlocked \(username)", at: now), in: db)
        }
    }

    private func checkCredentials(
        username: String, password: String, now: Date, policy: LogonPolicy, successKind: AuditKind
    ) throws -> LogonResult {
        // scrypt runs inside the write transaction on purpose: the decision and its
        // records must not interleave with another attempt. One person per station
        // makes the tens of milliseconds harmless.
        try pool.write { db in
            func audit(_ kind: AuditKind, _ detail: String) throws {
                try AuditLog.append(AuditEvent(kind: kind, actor: username, detail: detail, at: now), in: db)
            }
            guard var record = try AccountRecord.fetchOne(db, key: username) else {
                // Spend the same work as a real check so timing does not tell either.
                _ = try passwordHasher.hash(password)
                try audit(.logonFailure, "no such account")
                return .wrongPassword
            }
            if record.lockedAt != nil {
                try audit(.logonFailure, "account is locked")
                return .locked
            }
            guard let matches = try PasswordHasher.verify(password, against: record.passwordHash) else {
                throw StoreError.unreadablePasswordHash(username: username)
            }
            if matches {
                let previous = record.lastLogonAt
                if successKind == .logonSuccess { record.lastLogonAt = now }
                try record.update(db)
                try LogonFailureRecord.filter(Column("username") == username).deleteAll(db)
                try audit(successKind, successKind == .logonSuccess ? "logged on" : "unlocked the idle screen")
                return .success(try record.account(), previousLogonAt: previous)
            }
            // Earlier failures from the database, this one by its exact time: read back,
            // it is rounded to the millisecond and may land just after `now`, and must
            // count all the same.
            let earlier = try Date.fetchAll(
                db, sql: "SELECT at FROM logon_failure WHERE username = ? AND at > ?",
                arguments: [username, now.addingTimeInterval(-policy.window)])
            try LogonFailureRecord(id: nil, username: username, at: now).insert(db)
            let failures = earlier + [now]
            try audit(.logonFailure, "wrong password")
            if policy.shouldLock(failures: failures, now: now) {
                record.lockedAt = now
                try record.update(db)
                try audit(
                    .lockout,
                    "locked after \(failures.count) failed logons within \(Int(policy.window / 60)) minutes")
                return .justLocked
            }
            return .wrongPassword
        }
    }
}
