import Foundation

/// A named group of people a trainer assigns courses to at once.
public struct Cohort: Equatable, Sendable {
    public var name: String
    /// Usernames, in name order.
    public var members: [String]
    public var createdBy: String
    public var createdAt: Date

    public init(name: String, members: [String], createdBy: String, createdAt: Date) {
        self.name = name
        self.members = members
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
