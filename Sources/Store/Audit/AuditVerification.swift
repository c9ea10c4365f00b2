/// What checking the audit chain found.
public enum AuditVerification: Equatable, Sendable {
    /// Every entry is present, in order, and unchanged.
    case intact(entries: Int)
    /// The first entry that does not fit the chain, and why.
    case broken(at: Int, reason: String)
}
