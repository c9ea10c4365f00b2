import Foundation

/// What the status bar says about sync: how the station reaches the hub, what waits to
/// be sent, and when it last synced.
public struct SyncIndicator: Equatable, Sendable {
    public enum Link: String, Sendable {
        /// The hub runs in this process on this machine.
        case standalone
        case online
        case offline
        /// The hub answered but refuses this station (revoked, unknown, bad signature):
        /// retrying will not help, an admin must.
        case refused = "refused by hub"
        /// The station syncs only by bundle files carried by hand (enrolled by an offer
        /// without a hub address): there is no link to be up or down.
        case bundles = "bundles only"
    }

    /// Work the hub refused, with its reason: it was not counted, and the labeler
    /// must be told rather than find out from a report.
    public struct Refusal: Equatable, Sendable {
        public var taskID: String
        public var reason: String

        public init(taskID: String, reason: String) {
            self.taskID = taskID
            self.reason = reason
        }
    }

    public var link: Link
    public var pending: Int
    public var lastSyncAt: Date?
    public var refusals: [Refusal]
    /// Why the hub refuses this station, in the hub's words, while `link` is `.refused`.
    public var stationRefusal: String?

    public init(
        link: Link = .standalone, pending: Int = 0, lastSyncAt: Date? = nil, refusals: [Refusal] = [], stationRefusal: String? = nil
    ) {
        self.link = link
        self.pending = pending
        self.lastSyncAt = lastSyncAt
        self.refusals = refusals
        self.stationRefusal = stationRefusal
    }

    public func text(in zone: TimeZone) -> String {
        let last = lastSyncAt.map { "synced " + TimeText.time($0, in: zone) } ?? "never synced"
        return "\(link.rawValue) · \(pending) to send · \(last)"
    }
}
