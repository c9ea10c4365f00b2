import Domain
import Foundation
import Hub
import Store
import Sync

/// The air-gapped station and the person carrying its bundles, who is careless on purpose.
///
/// The station lives in this process on its own database (enrolled with a key pair, no
/// hub address); the hub's side is `HubBundles` on the hub's database, written to while
/// the HTTP server works on the same file. Each bundle either arrives intact, or twice,
/// or after the next one, or never, or cut short, or with bits flipped; every file that
/// arrives is imported and its `BundleImportResult` is checked against what was done to it.
final class BundleCourier {
    enum Damage: String, CaseIterable {
        case duplicated, reordered, dropped, truncated, bitFlipped = "bit-flipped"
    }

    /// One file as it reaches the other side.
    struct Parcel {
        enum Kind: Equatable {
            /// The first copy of a bundle, in order and whole.
            case intact
            /// The second copy of a bundle that arrived whole.
            case duplicate
            /// A bundle held back, arriving after the next one.
            case late
            case truncated
            case bitFlipped
        }

        var bytes: Data
        var kind: Kind
    }

    /// One direction of travel: the held-back bundle, if any, and what arrived.
    struct Road {
        /// The first careless trips do each kind of damage once, so every kind is
        /// tried whatever the seed; the generator decides after that.
        var scheduledRolls = [5, 15, 25, 30, 40]
        var heldBack: Data?
        var damaged: [Damage: Int] = [:]
        var delivered = 0
    }

    let station: StationDatabase
    let stationID: String
    let username: String
    let projectID: String
    let quota: Int
    private let stationBundles: StationBundles
    private let hubBundles: HubBundles
    private var random: SeededRandom
    private(set) var toHub = Road()
    private(set) var toStation = Road()
    private var lastHubBundleCarried: Int64 = 0
    private(set) var made = 0
    /// Refusals by reason, for the report.
    private(set) var refusals: [String: Int] = [:]
    private(set) var ignored = 0
    private(set) var applied = 0
    /// Late bundles applied because nothing newer had overtaken them.
    private(set) var lateApplied = 0
    /// Files whose result does not fit what was done to them: must stay empty.
    private(set) var surprises: [String] = []

    init(station: StationDatabase, stationID: String, username: String, projectID: String, quota: Int, hubDatabase: HubDatabase, seed: UInt64) {
        self.station = station
        self.stationID = stationID
        self.username = username
        self.projectID = projectID
        self.quota = quota
        stationBundles = StationBundles(database: station, leaseTarget: 10)
        hubBundles = HubBundles(database: hubDatabase)
        random = SeededRandom(seed: seed)
    }

    var damagedCount: Int {
        toHub.damaged.values.reduce(0, +) + toStation.damaged.values.reduce(0, +)
    }

    func damaged(_ damage: Damage) -> Int {
        (toHub.damaged[damage] ?? 0) + (toStation.damaged[damage] ?? 0)
    }

    /// Labels a few tasks, carries the station's bundle to the hub and the hub's answer back.
    func round(careless: Bool) throws {
        let now = Date()
        var labeled = 0
        let burst = random.pick(1...6)
        while made < quota, labeled < burst, let next = try station.nextTask(projectID: projectID) {
            let labels = try station.project(id: projectID)?.labels.map(\.name) ?? []
            let annotation = Annotation(
                id: UUID(), taskID: next.task.id, projectID: projectID, labels: [labels[random.pick(0...(labels.count - 1))]],
                username: username, stationID: stationID, leaseEpoch: next.epoch, createdAt: now, secondsOnTask: 3)
            try station.submit(annotation, now: now)
            made += 1
            labeled += 1
        }
        let request = try stationBundles.exportBundle(actor: username, now: now).bytes
        for parcel in carry(request, on: &toHub, careless: careless) {
            check(parcel, try hubBundles.importBundle(parcel.bytes, actor: "admin", now: Date()), at: "hub")
        }

        // The hub writes a bundle for the station each time it applies one of the
        // station's; carry only new ones (an old one again would be a plain replay).
        guard let reply = try? hubBundles.exportBundle(for: stationID, actor: "admin", now: Date()),
              reply.header.sequence > lastHubBundleCarried
        else { return }
        lastHubBundleCarried = reply.header.sequence
        for parcel in carry(reply.bytes, on: &toStation, careless: careless) {
            check(parcel, try stationBundles.importBundle(parcel.bytes, actor: username, now: Date()), at: stationID)
        }
    }

    /// Whether everything made has been answered: the outbox is empty and the quota made.
    func isDrained() throws -> Bool {
        let unsent = try station.outboxCount()
        return made >= quota && unsent == 0
    }

    /// What reaches the other side when `bundle` is sent, in order of arrival.
    private func carry(_ bundle: Data, on road: inout Road, careless: Bool) -> [Parcel] {
        var arriving: [Parcel] = []
        let late = road.heldBack.map { Parcel(bytes: $0, kind: .late) }
        road.heldBack = nil
        // A bundle following a held-back one arrives whole, so the late one is plainly a replay.
        var roll = 99
        if careless, late == nil {
            roll = road.scheduledRolls.isEmpty ? random.pick(0...99) : road.scheduledRolls.removeFirst()
        }
        switch roll {
        case 0..<10:
            road.damaged[.duplicated, default: 0] += 1
            arriving = [Parcel(bytes: bundle, kind: .intact), Parcel(bytes: bundle, kind: .duplicate)]
        case 10..<20:
            road.damaged[.reordered, default: 0] += 1
            road.heldBack = bundle
        case 20..<28:
            road.damaged[.dropped, default: 0] += 1
        case 28..<37:
            road.damaged[.truncated, default: 0] += 1
            arriving = [Parcel(bytes: bundle.prefix(random.pick(0...(bundle.count - 1))), kind: .truncated)]
        case 37..<46:
            road.damaged[.bitFlipped, default: 0] += 1
            var flipped = bundle
            for _ in 0..<random.pick(1...3) {
                let index = flipped.startIndex + random.pick(0...(flipped.count - 1))
                flipped[index] ^= UInt8(1) << UInt8(random.pick(0...7))
            }
            arriving = [Parcel(bytes: flipped, kind: .bitFlipped)]
        default:
            arriving = [Parcel(bytes: bundle, kind: .intact)]
        }
        if let late { arriving.append(late) }
        road.delivered += arriving.count
        return arriving
    }

    /// Delivers a held-back bundle that nothing followed; for the end of the test.
    func deliverHeldBack() throws {
        if let bundle = toHub.heldBack {
            toHub.heldBack = nil
            toHub.delivered += 1
            check(Parcel(bytes: bundle, kind: .late), try hubBundles.importBundle(bundle, actor: "admin", now: Date()), at: "hub")
        }
        if let bundle = toStation.heldBack {
            toStation.heldBack = nil
            toStation.delivered += 1
            check(Parcel(bytes: bundle, kind: .late), try stationBundles.importBundle(bundle, actor: username, now: Date()), at: stationID)
        }
    }

    /// Tallies a result and notes any that does not fit what happened to the file.
    ///
    /// A whole first copy is applied; a second copy, or one overtaken by a newer bundle,
    /// is ignored as already applied; a cut or flipped one is refused for what it is. A
    /// late bundle whose successor was applied carries nothing new, so it is ignored;
    /// one delivered at the end with no successor may still be applied.
    private func check(_ parcel: Parcel, _ result: BundleImportResult, at place: String) {
        let fits: Bool
        switch result {
        case .applied:
            applied += 1
            if parcel.kind == .late { lateApplied += 1 }
            fits = parcel.kind == .intact || parcel.kind == .late
        case .alreadyApplied:
            ignored += 1
            fits = parcel.kind == .duplicate || parcel.kind == .late
        case .refused(let refusal):
            refusals[Self.reason(refusal), default: 0] += 1
            switch (parcel.kind, refusal) {
            case (.truncated, .truncated), (.bitFlipped, .corrupted): fits = true
            default: fits = false
            }
        }
        if !fits { surprises.append("\(parcel.kind) bundle at \(place): \(result)") }
    }

    static func reason(_ refusal: BundleRefusal) -> String {
        switch refusal {
        case .truncated: "truncated"
        case .corrupted(let damage):
            switch damage {
            case .notABundle: "corrupted (not a bundle)"
            case .start: "corrupted (start)"
            case .header: "corrupted (header)"
            case .payload: "corrupted (payload)"
            case .signature: "corrupted (signature block)"
            case .media: "corrupted (media)"
            case .extraBytes: "corrupted (extra bytes)"
            case .unreadableHeader: "corrupted (unreadable header)"
            case .unreadablePayload: "corrupted (unreadable payload)"
            case .inconsistent: "corrupted (inconsistent)"
            }
        case .unsupportedVersion: "unsupported version"
        case .wrongReceiver: "wrong receiver"
        case .unknownSender: "unknown sender"
        case .senderNotEnrolled: "sender not enrolled"
        case .notFromHub: "not from the hub"
        case .revokedSender: "revoked sender"
        case .badSignature: "bad signature"
        case .gap: "gap"
        case .forkedStream: "forked stream"
        }
    }
}
