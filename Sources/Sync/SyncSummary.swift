import Domain

/// What one sync did, for the status line and the log.
public struct SyncSummary: Equatable, Sendable {
    /// Annotations sent to the hub.
    public var sent: Int
    public var accepted: Int
    public var superseded: Int
    public var rejected: Int
    /// New tasks leased to this station.
    public var leased: Int
    /// Imagery files fetched and verified.
    public var mediaFetched: Int
    /// A sentence for each imagery file that did not arrive or failed its check.
    public var mediaProblems: [String]

    public init(
        sent: Int = 0, accepted: Int = 0, superseded: Int = 0, rejected: Int = 0, leased: Int = 0, mediaFetched: Int = 0,
        mediaProblems: [String] = []
    ) {
        self.sent = sent
        self.accepted = accepted
        self.superseded = superseded
        self.rejected = rejected
        self.leased = leased
        self.mediaFetched = mediaFetched
        self.mediaProblems = mediaProblems
    }

    /// Adds one reply to a batch of `sent` annotations.
    mutating func count(_ reply: SyncReply, sent batchSize: Int) {
        sent += batchSize
        leased += reply.leases.count
        for outcome in reply.outcomes {
            switch outcome.status {
            case .accepted: accepted += 1
            case .superseded: superseded += 1
            case .rejected: rejected += 1
            }
        }
    }
}
