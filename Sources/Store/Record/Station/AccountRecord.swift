import Domain
import Foundation
import GRDB

/// A row of the station's `account` table.
struct AccountRecord: SnakeCaseRecord {
    static let databaseTableName = "account"

    var username: String
    var displayName: String
    var role: String
    var passwordHash: String
    var lockedAt: Date?
    var lastLogonAt: Date?
    var createdAt: Date

    func account() throws -> Account {
        guard let role = Role(rawValue: role) else {
            throw StoreError.unreadableRow(table: "account", problem: "user \(username) has unknown role \"\(self.role)\"")
        }
        return Account(username: username, displayName: displayName, role: role, lockedAt: lockedAt, lastLogonAt: lastLogonAt)
    }
}
