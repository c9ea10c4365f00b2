import Domain

/// Why a bundle cannot be written (or read at all) here, in words a person can act on.
///
/// Refusing a bundle that arrived is `BundleRefusal`; these are about this side.
public enum BundleError: Error, Equatable, Sendable, CustomStringConvertible {
    case stationNotEnrolled
    case unreadableKey(whose: String)
    case unknownStation(String)
    /// Registered at the hub, but its enrolment has not been applied.
    case stationNotEnrolledAtHub(String)
    case stationRevoked(String)
    /// The hub has not applied any bundle from the station, so it has no reply for it.
    case nothingWritten(station: String)
    case noSuchBundle(station: String, sequence: Int64, latest: Int64)
    /// A stored hub bundle no longer rebuilds to the bytes it was signed as.
    case cannotRebuild(station: String, sequence: Int64)
    /// A file the bundle must carry no longer matches its name in the hub's media store.
    case mediaDamagedAtHub(reference: MediaReference)

    public var description: String {
        switch self {
        case .stationNotEnrolled:
            "this station is not enrolled with a hub, so it has no key to sign bundles with and none to check the hub's; enrol it first (`labeldesk station join URL CODE`, or with no network to the hub `labeldesk station join --offer FILE --reply-out REPLY`)"
        case .unreadableKey(let whose):
            "\(whose) key stored here cannot be read; enrol the station again"
        case .unknownStation(let station):
            "the hub knows no station \"\(station)\"; `labeldesk station list` shows the stations"
        case .stationNotEnrolledAtHub(let station):
            "station \"\(station)\" is registered at the hub but not enrolled yet; apply its enrolment reply (`labeldesk station enrol REPLY`) or let it join over HTTP, then import a bundle from it"
        case .stationRevoked(let station):
            "station \(station) is revoked, so the hub writes no bundles for it"
        case .nothingWritten(let station):
            "the hub has no bundle for \(station) yet: it writes one each time it applies a bundle from \(station). Import a bundle from \(station) first"
        case let .noSuchBundle(station, sequence, latest):
            "the hub has written no bundle \(sequence) for \(station); its bundles for \(station) run from 1 to \(latest)"
        case let .cannotRebuild(station, sequence):
            "the hub's bundle \(sequence) for \(station) cannot be written again exactly: what is stored no longer matches what was signed. This is a fault in LabelDesk; keep the hub database for diagnosis"
        case .mediaDamagedAtHub(let reference):
            "the hub's media file \(reference.sha256) no longer matches its SHA-256, so no bundle carrying it is written; add the chip to the media store again (`labeldesk imagery add`)"
        }
    }
}
