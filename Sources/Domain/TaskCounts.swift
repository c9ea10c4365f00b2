/// How many of a project's tasks are in each state at the hub.
public struct TaskCounts: Equatable, Sendable {
    /// Waiting to be leased.
    public var open: Int
    /// Held by a station until its lease expires.
    public var leased: Int
    /// Labeled: a canonical judgement exists.
    public var done: Int
    /// Skipped by a labeler and set aside for a lead.
    public var skipped: Int

    public init(open: Int = 0, leased: Int = 0, done: Int = 0, skipped: Int = 0) {
        self.open = open
        self.leased = leased
        self.done = done
        self.skipped = skipped
    }

    public var total: Int { open + leased + done + skipped }
}
