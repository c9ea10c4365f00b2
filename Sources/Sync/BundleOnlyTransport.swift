import Domain

/// The transport of a station that syncs only by bundle files: it reaches no hub.
///
/// A station enrolled by an offer without a hub address has no hub to send a request
/// to. Falling back to the in-process hub of its workspace would hand its work to the
/// wrong hub, whose answer (a refusal) would take the work out of the outbox before a
/// bundle carried it to the real one. So every exchange fails instead, and the work
/// waits for `labeldesk bundle export`.
public struct BundleOnlyTransport: SyncTransport {
    public let stationID: String

    public init(stationID: String) {
        self.stationID = stationID
    }

    public func exchange(_ request: SyncRequest) async throws -> SyncReply {
        throw BundleOnlyTransportError.noHubAddress(stationID: stationID)
    }
}

/// Why a bundle-only station does not sync over a network.
public enum BundleOnlyTransportError: Error, Equatable, Sendable, CustomStringConvertible {
    case noHubAddress(stationID: String)

    public var description: String {
        switch self {
        case .noHubAddress(let id):
            "station \(id) syncs only by bundle files (its enrolment offer had no hub address); carry its work with `labeldesk bundle export --out FILE` and bring the hub's answer back with `labeldesk bundle import FILE`"
        }
    }
}
