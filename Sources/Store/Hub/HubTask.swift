import Domain
import Foundation

/// A task as the hub holds it: the task, where it is in its life, and its lease.
public struct HubTask: Equatable, Sendable {
    public enum State: String, Sendable, CaseIterable {
        /// Waiting to be leased.
        case open
        /// Held by `station` until `leaseExpiresAt`.
        case leased
        /// Has a canonical labeled judgement.
        case done
        /// Its canonical judgement is a skip: set aside for a lead, not leased again.
        case skipped
    }

    public var task: LabelTask
    public var state: State
    /// The station that holds, or last held, the lease.
    public var station: String?
    /// Raised every time the task is leased.
    public var epoch: Int
    public var leaseExpiresAt: Date?
    /// Import order, the tie-breaker after priority.
    public var seq: Int64

    public init(task: LabelTask, state: State, station: String?, epoch: Int, leaseExpiresAt: Date?, seq: Int64) {
        self.task = task
        self.state = state
        self.station = station
        self.epoch = epoch
        self.leaseExpiresAt = leaseExpiresAt
        self.seq = seq
    }
}
