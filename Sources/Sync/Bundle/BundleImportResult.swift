/// What importing a bundle did.
public enum BundleImportResult: Equatable, Sendable, CustomStringConvertible {
    case applied(AppliedBundle)
    /// A replay: this bundle, or a later one carrying all of it, was applied before.
    /// Not an error; nothing changed.
    case alreadyApplied(sender: String, sequence: Int64, lastApplied: Int64)
    /// Nothing changed but the audit log; the refusal says why and what to do.
    case refused(BundleRefusal)

    public var description: String {
        switch self {
        case .applied(let applied):
            applied.description
        case let .alreadyApplied(sender, sequence, lastApplied):
            sequence == lastApplied
                ? "bundle \(sequence) from \(sender) was already applied; nothing to do"
                : "bundle \(sequence) from \(sender) was already applied (bundle \(lastApplied), applied here, carried all of it); nothing to do"
        case .refused(let refusal):
            refusal.description
        }
    }
}

/// A bundle applied: whose, which, and what it did.
public struct AppliedBundle: Equatable, Sendable, CustomStringConvertible {
    public var sender: String
    public var sequence: Int64
    /// At the hub: the bundle's annotations, by outcome. At a station: the outcomes it
    /// brought for this station's work.
    public var accepted: Int
    public var superseded: Int
    public var rejected: Int
    /// Tasks leased: at the hub, to the sending station (they travel in the hub's next
    /// bundle); at a station, received into its queue.
    public var leased: Int
    /// At a station: imagery files the bundle carried, each checked against its SHA-256.
    public var mediaFiles: Int

    public init(
        sender: String, sequence: Int64, accepted: Int = 0, superseded: Int = 0, rejected: Int = 0, leased: Int = 0,
        mediaFiles: Int = 0
    ) {
        self.sender = sender
        self.sequence = sequence
        self.accepted = accepted
        self.superseded = superseded
        self.rejected = rejected
        self.leased = leased
        self.mediaFiles = mediaFiles
    }

    public var description: String {
        let media = mediaFiles == 0 ? "" : ", with \(mediaFiles) imagery files verified"
        return "applied bundle \(sequence) from \(sender): \(accepted) annotations accepted, \(superseded) superseded, \(rejected) rejected; \(leased) tasks leased\(media)"
    }
}
