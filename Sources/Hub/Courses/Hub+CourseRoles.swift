import Domain
import Foundation
import Store

extension Hub {
    /// The roster entry of the person asking, when their role allows what they ask;
    /// otherwise a sentence saying who may.
    ///
    /// - Parameter what: the end of "only trainers and admins ...", like "publish courses".
    static func person(
        _ username: String, allowedBy permits: (Role) -> Bool, roles: [Role], to what: String, in transaction: HubTransaction
    ) throws -> HubUser {
        guard let user = try transaction.user(username: username) else {
            throw HubError.refused(
                "\"\(username)\" is not on the hub's roster; an admin adds them with labeldesk user add \(username) --role \(roles.first?.rawValue ?? "trainer")")
        }
        guard permits(user.role) else {
            throw HubError.refused("\(username) is a \(user.role.rawValue) at the hub; only \(Self.plural(roles)) \(what)")
        }
        return user
    }

    /// "trainers and admins", "trainers, leads and admins".
    static func plural(_ roles: [Role]) -> String {
        let words = roles.map { $0.rawValue + "s" }
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }
}
