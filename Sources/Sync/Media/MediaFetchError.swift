import Domain

/// Why a media file did not arrive, in words for the log and the sync summary.
public enum MediaFetchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// This transport reaches no hub that could serve media (a bundle-only station).
    case notCarried
    /// The hub answered something other than the bytes asked for.
    case unexpectedReply(String)

    public var description: String {
        switch self {
        case .notCarried:
            "this station reaches no hub over a network, so its imagery comes in the hub's bundles (`labeldesk bundle import FILE`)"
        case .unexpectedReply(let problem):
            "the hub's answer to a media request cannot be used: \(problem)"
        }
    }
}
