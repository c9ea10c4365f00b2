import Foundation

/// Where this station's sync stands, for the status line and `labeldesk status`.
public struct SyncStatus: Equatable, Sendable {
    /// The hub change number pulled up to.
    public var cursor: Int64
    public var lastSyncAt: Date?
    /// Annotations waiting in the outbox.
    public var pending: Int
    /// Annotations the hub refused, oldest first.
    public var rejected: [RejectedAnnotation]
    /// The last failure, if it came after the last successful sync.
    public var lastError: String?
    public var lastErrorAt: Date?

    public init(
        cursor: Int64, lastSyncAt: Date?, pending: Int, rejected: [RejectedAnnotation],
        lastError: String? = nil, lastErrorAt: Date? = nil
    ) {
        self.cursor = cursor
        self.lastSyncAt = lastSyncAt
        self.pending = pending
        self.rejected = rejected
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
    }
}

/// An annotation the hub refused, and its reason.
public struct RejectedAnnotation: Equatable, Sendable {
    public var annotationID: UUID
    /// The task the refused work was for, when the station still has the annotation.
    public var taskID: String?
    public var reason: String
    public var at: Date

    public init(annotationID: UUID, taskID: String? = nil, reason: String, at: Date) {
        self.annotationID = annotationID
        self.taskID = taskID
        self.reason = reason
        self.at = at
    }
}
