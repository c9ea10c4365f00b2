import Foundation

/// A labeler's judgement of one task: the labels chosen, or the reason it was skipped.
///
/// The station makes the id, so the hub can apply each annotation at most once however
/// often it is sent.
public struct Annotation: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var taskID: String
    public var projectID: String
    /// Chosen label names, in the project's order. Empty when skipped.
    public var labels: [String]
    /// Why the labeler skipped the task; nil when labeled.
    public var skipReason: String?
    public var username: String
    public var stationID: String
    /// The lease epoch the station held when the work was done.
    public var leaseEpoch: Int
    public var createdAt: Date
    public var secondsOnTask: Double

    public init(
        id: UUID, taskID: String, projectID: String, labels: [String], skipReason: String? = nil,
        username: String, stationID: String, leaseEpoch: Int, createdAt: Date, secondsOnTask: Double
    ) {
        self.id = id
        self.taskID = taskID
        self.projectID = projectID
        self.labels = labels
        self.skipReason = skipReason
        self.username = username
        self.stationID = stationID
        self.leaseEpoch = leaseEpoch
        self.createdAt = createdAt
        self.secondsOnTask = secondsOnTask
    }

    public var isSkip: Bool { skipReason != nil }
}
