import Foundation

/// What a person may do in LabelDesk.
public enum Role: String, Codable, CaseIterable, Sendable {
    case labeler, trainer, lead, admin
}

/// A local account. The password is kept only as an scrypt hash, in `Store`.
public struct Account: Equatable, Sendable {
    public var username: String
    public var displayName: String
    public var role: Role
    public var lockedAt: Date?
    public var lastLogonAt: Date?

    public init(username: String, displayName: String, role: Role, lockedAt: Date? = nil, lastLogonAt: Date? = nil) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.lockedAt = lockedAt
        self.lastLogonAt = lastLogonAt
    }

    public var isLocked: Bool { lockedAt != nil }

    /// A username is lower-case letters, digits, '.', '-' and '_', 1 to 32 of them.
    public static func usernameProblem(_ name: String) -> String? {
        if name.isEmpty || name.count > 32 { return "a username must be 1 to 32 characters long" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        if !name.allSatisfy({ allowed.contains($0) }) {
            return "username \"\(name)\" may hold only lower-case letters, digits, '.', '-' and '_'"
        }
        return nil
    }
}

/// When failed logons lock an account.
///
/// Three failures within fifteen minutes lock it until an admin unlocks it.
public struct LogonPolicy: Equatable, Sendable {
    public var maximumFailures: Int
    public var window: TimeInterval

    public init(maximumFailures: Int = 3, window: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.window = window
    }

    /// Whether these failure times, the latest included, should lock the account now.
    public func shouldLock(failures: [Date], now: Date) -> Bool {
        failures.filter { now.timeIntervalSince($0) < window && $0 <= now }.count >= maximumFailures
    }
}
