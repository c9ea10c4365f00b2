import Foundation

/// One item of work: a piece of text to label.
///
/// Named `LabelTask` so it never shadows Swift's `Task`. A gold item is an ordinary
/// `LabelTask`: nothing here may tell the two apart.
public struct LabelTask: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var projectID: String
    public var text: String
    public var marking: Marking
    /// Higher goes first.
    public var priority: Int
    /// Free-form JSON object carried with the task, as text.
    public var meta: String?

    public init(id: String, projectID: String, text: String, marking: Marking, priority: Int = 0, meta: String? = nil) {
        self.id = id
        self.projectID = projectID
        self.text = text
        self.marking = marking
        self.priority = priority
        self.meta = meta
    }
}

/// A task handed to a station until `expiresAt`.
///
/// The epoch rises every time the hub leases the task again, so late work can be told
/// from current work.
public struct LeasedTask: Codable, Equatable, Sendable {
    public var task: LabelTask
    public var epoch: Int
    public var expiresAt: Date

    public init(task: LabelTask, epoch: Int, expiresAt: Date) {
        self.task = task
        self.epoch = epoch
        self.expiresAt = expiresAt
    }
}
