import Domain

/// A batch of the outbox handed to a sync, and where it ended.
public struct OutboxBatch: Sendable {
    public var annotations: [Annotation]
    /// After the batch's last row; where the next batch of the same sync starts.
    public var end: OutboxPosition?
}

/// A place in the outbox's order (queued time, then insertion order).
public struct OutboxPosition: Equatable, Sendable {
    let queuedAt: String
    let rowID: Int64
}
