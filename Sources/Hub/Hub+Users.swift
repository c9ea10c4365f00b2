import Domain
import Foundation
import Store

extension Hub {
    /// Puts a person on the hub's roster with a role, or changes their role.
    ///
    /// `exchange` takes work only from people on the roster whose role may label.
    @discardableResult
    public func setUser(username: String, role: Role, actor: String, now: Date) throws -> HubUserChange {
        try database.setUser(username: username, role: role, actor: actor, now: now)
    }

    public func users() throws -> [HubUser] {
        try database.users()
    }
}
