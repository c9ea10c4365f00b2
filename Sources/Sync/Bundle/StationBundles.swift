import Crypto
import Domain
import Foundation
import Store

/// The station's side of the bundle transport: writes its work out, applies the hub's answers.
///
/// A station's bundle carries its whole outbox (and its training outbox: course attempts
/// and lesson readings), since outbox rows stay until the hub's
/// definite answer arrives: every bundle holds everything the hub has not answered, so
/// a lost one is covered by the next, and on a one-way link every annotation still
/// reaches the hub (which applies each once, by its UUID).
public struct StationBundles: Sendable {
    let database: StationDatabase
    let leaseTarget: Int

    /// - Parameter leaseTarget: how many queued tasks each project should have cached,
    ///   as for `StationSyncer`.
    public init(database: StationDatabase, leaseTarget: Int = 200) {
        self.database = database
        self.leaseTarget = leaseTarget
    }

    /// Writes this station's next bundle for the hub.
    ///
    /// Its outbox rows are marked in flight (the hub may have them from now on, so undo
    /// no longer takes them back) and stay until the hub answers. The bundle's number
    /// and hash are stored as the bundle is made; if the file is then lost, the next
    /// bundle carries the same work.
    public func exportBundle(actor: String, now: Date) throws -> ExportedBundle {
        let identity = try enrolment()
        guard let signingKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: identity.privateKey) else {
            throw BundleError.unreadableKey(whose: "this station's private")
        }
        let annotations = try database.outboxBatch(sentBefore: .distantFuture, limit: Int.max)
        let training = try database.trainingOutbox(limit: Int.max)
        let people = try database.peopleToLeaseFor(now: now)
        let request = SyncRequest(
            stationID: identity.stationID, annotations: annotations, cursor: try database.syncCursor(),
            wantedLeases: try database.leasesWanted(toFill: leaseTarget, people: people), people: people,
            attempts: training.attempts, lessonReadings: training.readings)
        let payload = try SyncCoding.encode(request)

        var exported: ExportedBundle?
        _ = try database.recordBundleSent(hubID: BundleFormat.hubID) { stream in
            let header = BundleWriter.header(
                kind: .request, sender: identity.stationID, receiver: BundleFormat.hubID,
                sequence: stream.lastSent.lastSequence + 1, previousHash: stream.lastSent.lastHash,
                buildsOn: min(stream.acknowledgedByHub, stream.lastSent.lastSequence),
                acknowledges: stream.appliedFromHub.lastSequence, createdAt: now, payload: payload)
            let body = BundleWriter.body(header: try header.encoded(), payload: payload)
            let bundle = ExportedBundle(
                bytes: try BundleWriter.sealed(body: body, signingKey: signingKey), header: header,
                annotations: annotations.count, leases: 0)
            exported = bundle
            return SealedBundle(
                sequence: header.sequence, hash: BundleWriter.hash(ofBody: body), bytes: bundle.bytes,
                audit: AuditEvent(kind: .bundleExport, actor: actor, detail: "wrote " + bundle.description, at: now))
        }
        guard let exported else { fatalError("recordBundleSent returned without calling seal") }
        return exported
    }

    /// Verifies a hub bundle with the hub's key and, if it is the next to apply, applies it.
    ///
    /// Everything is checked before anything is written; then one transaction applies
    /// the reply (outcomes, leases, projects, cursor) and records the bundle. Leases
    /// that ran out while the bundle travelled are left out: the hub has them back.
    public func importBundle(_ file: Data, actor: String, now: Date) throws -> BundleImportResult {
        let identity = try enrolment()
        do {
            let bundle = try BundleReader.read(file)
            let header = bundle.header
            guard header.receiver == identity.stationID else {
                throw BundleRefusal.wrongReceiver(
                    sender: header.sender, sequence: header.sequence, intendedFor: header.receiver, here: identity.stationID)
            }
            guard header.sender == BundleFormat.hubID else { throw BundleRefusal.notFromHub(sender: header.sender) }
            guard let hubKey = try? Curve25519.Signing.PublicKey(rawRepresentation: identity.hubPublicKey) else {
                throw BundleError.unreadableKey(whose: "the hub's public")
            }
            guard bundle.isSigned(by: hubKey) else {
                throw BundleRefusal.badSignature(sender: header.sender, sequence: header.sequence)
            }
            var reply = try bundle.message(SyncReply.self, ofKind: .reply, for: "a station")
            reply.leases.removeAll { $0.expiresAt <= now }
            // Every member matched its name in the reader; installing checks each again
            // as it is written, and the rows say present only in the transaction that
            // caches the leases naming them.
            for member in bundle.media {
                try database.mediaFolder.install(bytes: member.bytes, as: member.reference)
            }

            var applied = AppliedBundle(
                sender: header.sender, sequence: header.sequence, leased: reply.leases.count, mediaFiles: bundle.media.count)
            for outcome in reply.outcomes {
                switch outcome.status {
                case .accepted: applied.accepted += 1
                case .superseded: applied.superseded += 1
                case .rejected: applied.rejected += 1
                }
            }
            var lastApplied: Int64 = 0
            let didApply = try database.applyBundleReply(
                reply, from: header.sender, sequence: header.sequence, hash: bundle.hash,
                acknowledging: header.acknowledges, carriedMedia: bundle.media.map(\.reference),
                audit: AuditEvent(kind: .bundleImport, actor: actor, detail: applied.description, at: now), now: now
            ) { position in
                lastApplied = position.lastSequence
                return try BundleStreamRule.decide(header, at: position) == .apply
            }
            guard didApply else {
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

    private func enrolment() throws -> StationIdentity {
        guard let identity = try database.identity() else { throw BundleError.stationNotEnrolled }
        return identity
    }
}
