import Crypto
import Domain
import Foundation
import Hub
import Store

/// The hub's side of the bundle transport: applies stations' bundles and writes its own.
///
/// For sites the network does not reach. A station's bundle is a `SyncRequest`; the hub
/// applies it with `Hub.exchange`, as the other transports do, and keeps the reply as
/// the next bundle of its stream to that station. An admin exports that bundle and
/// carries it back; it holds every reply the station has not acknowledged, so a lost
/// one is covered by the next. Where no reply ever goes back (a one-way link), the
/// station's bundles still bring all its work, once each.
public struct HubBundles: Sendable {
    let database: HubDatabase
    let hub: Hub

    public init(database: HubDatabase) {
        self.database = database
        hub = Hub(database: database)
    }

    /// Verifies a station's bundle and, if it is the next to apply, applies it.
    ///
    /// Everything is checked before anything is written: the bytes, that it is for this
    /// hub, that the sender is an enrolled, unrevoked station and signed it, and where it
    /// stands in that station's stream. Then one transaction applies the request, records
    /// the bundle, takes the station's acknowledgement of the hub's bundles, and stores
    /// the reply as the hub's next bundle for it. A refusal changes nothing but the
    /// audit log; a replay changes nothing but the audit log either.
    public func importBundle(_ file: Data, actor: String, now: Date) throws -> BundleImportResult {
        do {
            let (bundle, request) = try verified(file)
            let header = bundle.header
            var lastApplied: Int64 = 0
            let applied = try database.write { transaction -> AppliedBundle? in
                let position = try transaction.bundlePosition(from: header.sender)
                guard try BundleStreamRule.decide(header, at: position) == .apply else {
                    lastApplied = position.lastSequence
                    return nil
                }
                return try apply(bundle, request: request, actor: actor, now: now, in: transaction)
            }
            guard let applied else {
                let result = BundleImportResult.alreadyApplied(sender: header.sender, sequence: header.sequence, lastApplied: lastApplied)
                try database.audit(AuditEvent(kind: .bundleImport, actor: actor, detail: result.description, at: now))
                return result
            }
            return .applied(applied)
        } catch let refusal as BundleRefusal {
            try database.audit(AuditEvent(kind: .bundleRefused, actor: actor, detail: refusal.description, at: now))
            return .refused(refusal)
        }
    }

    /// Writes the hub's latest bundle for a station, or bundle `sequence` again.
    ///
    /// The bundle was made when the hub applied the station's bundle; writing it is a
    /// matter of signing the same bytes, so a file lost on the way can be written again
    /// and is the same bundle. There is always a latest one once the station has sent a
    /// bundle, since every bundle applied gets an answer; re-sending one the station has
    /// applied is harmless (it says "already applied").
    public func exportBundle(for stationID: String, sequence: Int64? = nil, actor: String, now: Date) throws -> ExportedBundle {
        guard let station = try database.station(id: stationID) else { throw BundleError.unknownStation(stationID) }
        guard station.isEnrolled else { throw BundleError.stationNotEnrolledAtHub(stationID) }
        guard !station.isRevoked else { throw BundleError.stationRevoked(stationID) }
        guard let signingKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: database.hubPrivateKey(now: now)) else {
            throw BundleError.unreadableKey(whose: "the hub's private")
        }
        let (chosen, body, reply) = try database.read { transaction in
            guard let latest = try transaction.latestBundleSent(to: stationID) else {
                throw BundleError.nothingWritten(station: stationID)
            }
            var chosen = latest
            if let sequence, sequence != latest.sequence {
                guard let found = try transaction.bundleSent(to: stationID, sequence: sequence) else {
                    throw BundleError.noSuchBundle(station: stationID, sequence: sequence, latest: latest.sequence)
                }
                chosen = found
            }
            let (body, reply) = try Self.rebuild(chosen, in: transaction)
            return (chosen, body, reply)
        }
        let header = try BundleHeader.decoded(from: Data(chosen.header.utf8))
        let exported = ExportedBundle(
            bytes: try BundleWriter.sealed(body: body, signingKey: signingKey, media: try mediaMembers(header.media ?? [])),
            header: header, annotations: reply.outcomes.count, leases: reply.leases.count)
        try database.audit(AuditEvent(kind: .bundleExport, actor: actor, detail: "wrote " + exported.description, at: now))
        return exported
    }

    // MARK: Importing

    /// The bundle, read, from an enrolled station, signed by it, with its request.
    private func verified(_ file: Data) throws -> (ReadBundle, SyncRequest) {
        let bundle = try BundleReader.read(file)
        let header = bundle.header
        guard header.receiver == BundleFormat.hubID else {
            throw BundleRefusal.wrongReceiver(
                sender: header.sender, sequence: header.sequence, intendedFor: header.receiver, here: BundleFormat.hubID)
        }
        guard let station = try database.station(id: header.sender) else { throw BundleRefusal.unknownSender(header.sender) }
        guard let publicKey = station.publicKey else { throw BundleRefusal.senderNotEnrolled(header.sender) }
        guard !station.isRevoked else { throw BundleRefusal.revokedSender(header.sender) }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey), bundle.isSigned(by: key) else {
            throw BundleRefusal.badSignature(sender: header.sender, sequence: header.sequence)
        }
        let request = try bundle.message(SyncRequest.self, ofKind: .request, for: "the hub")
        guard request.stationID == header.sender else {
            throw BundleRefusal.corrupted(.inconsistent(
                "its request is from \(request.stationID), and the bundle is signed by \(header.sender)"))
        }
        return (bundle, request)
    }

    /// Applies a verified bundle and makes the hub's next bundle for the station.
    private func apply(
        _ bundle: ReadBundle, request: SyncRequest, actor: String, now: Date, in transaction: HubTransaction
    ) throws -> AppliedBundle {
        let header = bundle.header
        let stationID = header.sender
        try transaction.acknowledgeBundlesSent(to: stationID, through: header.acknowledges)
        let acknowledged = try transaction.acknowledgedBundleSequence(to: stationID)
        let latest = try transaction.latestBundleSent(to: stationID)
        let unacknowledged = try transaction.bundlesSent(to: stationID, after: acknowledged, through: latest?.sequence ?? 0)
        let repliesOnTheWay = try unacknowledged.map(Self.decodedReply)

        var request = request
        request.wantedLeases = max(
            0, request.wantedLeases - Self.leasesOnTheWay(in: repliesOnTheWay, projects: try transaction.projects(), now: now))
        let reply = try hub.exchange(request, now: now, in: transaction, transport: "bundle")
        try transaction.recordBundleApplied(from: stationID, sequence: header.sequence, hash: bundle.hash, now: now)

        // The reply is stored as JSON and merged from what was stored, exactly as
        // `rebuild` will merge it, so the bundle written later has this hash.
        let replyJSON = try SyncCoding.encode(reply)
        let merged = SyncReply.merging(repliesOnTheWay + [try SyncCoding.decoder().decode(SyncReply.self, from: replyJSON)])
        let payload = try SyncCoding.encode(merged)
        let sequence = (latest?.sequence ?? 0) + 1
        let media = Self.mediaNeeded(by: merged)
        let hubHeader = try BundleWriter.header(
            kind: .reply, sender: BundleFormat.hubID, receiver: stationID, sequence: sequence,
            previousHash: latest?.hash ?? BundleStreamPosition.genesisHash, buildsOn: acknowledged,
            acknowledges: header.sequence, createdAt: now, payload: payload, media: media
        ).encoded()
        try transaction.insertBundleSent(HubSentBundle(
            receiver: stationID, sequence: sequence,
            hash: BundleWriter.hash(ofBody: BundleWriter.body(
                header: hubHeader, payload: payload, mediaLength: media.reduce(0) { $0 + $1.byteCount })),
            header: String(decoding: hubHeader, as: UTF8.self), reply: String(decoding: replyJSON, as: UTF8.self),
            acknowledged: false, createdAt: now))

        var applied = AppliedBundle(sender: stationID, sequence: header.sequence, leased: reply.leases.count)
        for outcome in reply.outcomes {
            switch outcome.status {
            case .accepted: applied.accepted += 1
            case .superseded: applied.superseded += 1
            case .rejected: applied.rejected += 1
            }
        }
        try transaction.appendAudit(AuditEvent(kind: .bundleImport, actor: actor, detail: applied.description, at: now))
        return applied
    }

    /// How many tasks per project are already leased to the station in bundles it has
    /// not acknowledged and still unexpired: the fewest over the projects.
    ///
    /// The station asks for what its emptiest queue lacks, not knowing what is on the
    /// way; without this, a station that writes a bundle a day but gets few replies
    /// (or none, on a one-way link) would be leased a new batch every time.
    static func leasesOnTheWay(in replies: [SyncReply], projects: [Project], now: Date) -> Int {
        var tasksByProject: [String: Set<String>] = [:]
        for lease in replies.flatMap(\.leases) where lease.expiresAt > now {
            tasksByProject[lease.task.projectID, default: []].insert(lease.task.id)
        }
        return projects.map { tasksByProject[$0.id]?.count ?? 0 }.min() ?? 0
    }

    // MARK: Writing

    /// The signed bytes of a stored bundle, and the reply they carry.
    ///
    /// - Throws: `BundleError.cannotRebuild` if they no longer hash to what was stored.
    static func rebuild(_ stored: HubSentBundle, in transaction: HubTransaction) throws -> (body: Data, reply: SyncReply) {
        let headerBytes = Data(stored.header.utf8)
        let header = try BundleHeader.decoded(from: headerBytes)
        let replies = try transaction.bundlesSent(to: stored.receiver, after: header.buildsOn, through: stored.sequence)
            .map(decodedReply)
        let merged = SyncReply.merging(replies)
        let body = BundleWriter.body(header: headerBytes, payload: try SyncCoding.encode(merged), mediaLength: header.mediaLength)
        guard BundleWriter.hash(ofBody: body) == stored.hash else {
            throw BundleError.cannotRebuild(station: stored.receiver, sequence: stored.sequence)
        }
        return (body, merged)
    }

    /// The files the leases of a reply draw on, each once, in the order of their SHA-256.
    ///
    /// A bundle carries the media of every lease it carries: a station past the air
    /// gap has no other way to get them.
    static func mediaNeeded(by reply: SyncReply) -> [MediaReference] {
        Array(Set(reply.leases.flatMap(\.task.mediaNeeded))).sorted { $0.sha256 < $1.sha256 }
    }

    /// The bytes of each listed file from the hub's media store, each checked against
    /// its name: a damaged file in the store is refused here, not at the station.
    private func mediaMembers(_ media: [MediaReference]) throws -> [Data] {
        try media.map { reference in
            let bytes = try database.mediaFolder.read(reference.sha256, from: 0, length: reference.byteCount)
            let found = MediaReference(sha256: MediaHash.sha256(bytes), byteCount: bytes.count)
            guard found == reference else { throw BundleError.mediaDamagedAtHub(reference: reference) }
            return bytes
        }
    }

    private static func decodedReply(_ stored: HubSentBundle) throws -> SyncReply {
        try SyncCoding.decoder().decode(SyncReply.self, from: Data(stored.reply.utf8))
    }
}
