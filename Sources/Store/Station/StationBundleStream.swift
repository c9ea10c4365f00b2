import Domain
import Foundation

/// Where this station's two bundle streams stand: its own to the hub, and the hub's to it.
public struct StationBundleStream: Equatable, Sendable {
    /// The last bundle this station wrote; the next is numbered one higher and chains to it.
    public var lastSent: BundleStreamPosition
    /// The last of this station's bundles the hub said it applied. Everything after it is
    /// still in the outbox, so the next bundle can carry it all and say so.
    public var acknowledgedByHub: Int64
    /// The last hub bundle applied here; the next station bundle tells the hub.
    public var appliedFromHub: BundleStreamPosition

    public init(lastSent: BundleStreamPosition, acknowledgedByHub: Int64, appliedFromHub: BundleStreamPosition) {
        self.lastSent = lastSent
        self.acknowledgedByHub = acknowledgedByHub
        self.appliedFromHub = appliedFromHub
    }
}

/// A bundle made and signed, ready to be written to a file.
///
/// The store records its number and hash, with `audit`, in the same transaction that
/// reserved the number; what the bytes say is not its business.
public struct SealedBundle: Sendable {
    public var sequence: Int64
    public var hash: String
    public var bytes: Data
    public var audit: AuditEvent

    public init(sequence: Int64, hash: String, bytes: Data, audit: AuditEvent) {
        self.sequence = sequence
        self.hash = hash
        self.bytes = bytes
        self.audit = audit
    }
}
