import TestSupport
import Domain
import Foundation
import Store
import Testing

@Suite("Bundle streams in the databases")
struct BundleStreamTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    func sealed(_ stream: StationBundleStream, hash: String) -> SealedBundle {
        SealedBundle(
            sequence: stream.lastSent.lastSequence + 1, hash: hash, bytes: Data(hash.utf8),
            audit: AuditEvent(kind: .bundleExport, actor: "ana", detail: "wrote \(hash)", at: monday))
    }

    @Test func aStationNumbersItsBundlesAndChainsThem() throws {
        let station = try makeStation(in: directory)
        var seen: [StationBundleStream] = []

        _ = try station.recordBundleSent(hubID: "hub") { stream in seen.append(stream); return sealed(stream, hash: "h1") }
        _ = try station.recordBundleSent(hubID: "hub") { stream in seen.append(stream); return sealed(stream, hash: "h2") }

        #expect(seen.map(\.lastSent) == [.start, BundleStreamPosition(lastSequence: 1, lastHash: "h1")])
        #expect(try station.bundleStream(hubID: "hub").lastSent == BundleStreamPosition(lastSequence: 2, lastHash: "h2"))
        #expect(try station.recentAuditEntries(limit: 5).map(\.detail) == ["wrote h1", "wrote h2"])
    }

    @Test func aFailedSealUsesUpNoNumber() throws {
        struct SigningFailed: Error {}
        let station = try makeStation(in: directory)

        #expect(throws: SigningFailed.self) { try station.recordBundleSent(hubID: "hub") { _ in throw SigningFailed() } }
        #expect(try station.bundleStream(hubID: "hub").lastSent == .start)
    }

    @Test func aHubReplyIsAppliedWithItsPlaceInTheStreamOrNotAtAll() throws {
        // Given a station with one annotation waiting
        let station = try makeStation(in: directory)
        try station.cacheLeases([lease("t1")])
        let work = annotation(for: lease("t1"))
        try station.submit(work, now: monday)
        let reply = SyncReply(
            outcomes: [AnnotationOutcome(annotationID: work.id, status: .accepted)], leases: [lease("t2")],
            projects: [sentimentProject()], waitingAtHub: [:], cursor: 3)
        let audit = AuditEvent(kind: .bundleImport, actor: "ana", detail: "applied bundle 1 from hub", at: monday)
        let before = try station.contentDump()

        // When the check refuses, or calls it a replay, nothing is written
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try station.applyBundleReply(reply, from: "hub", sequence: 1, hash: "h1", acknowledging: 4, audit: audit, now: monday) { _ in throw Refused() }
        }
        let replay = try station.applyBundleReply(reply, from: "hub", sequence: 1, hash: "h1", acknowledging: 4, audit: audit, now: monday) { _ in false }
        #expect(replay == false)
        #expect(try station.contentDump() == before)

        // When it accepts, the reply, the position and the hub's acknowledgement land together
        var positionSeen: BundleStreamPosition?
        let applied = try station.applyBundleReply(reply, from: "hub", sequence: 1, hash: "h1", acknowledging: 4, audit: audit, now: monday) { position in
            positionSeen = position
            return true
        }
        #expect(applied)
        #expect(positionSeen == .start)
        #expect(try station.outboxCount() == 0)
        #expect(try station.syncStatus().cursor == 3)
        #expect(try station.bundleStream(hubID: "hub") == StationBundleStream(
            lastSent: .start, acknowledgedByHub: 4, appliedFromHub: BundleStreamPosition(lastSequence: 1, lastHash: "h1")))

        // And an older acknowledgement never lowers it
        _ = try station.applyBundleReply(reply, from: "hub", sequence: 2, hash: "h2", acknowledging: 2, audit: audit, now: monday) { _ in true }
        #expect(try station.bundleStream(hubID: "hub").acknowledgedByHub == 4)
    }

    @Test func theHubKeepsItsBundlesUntilTheStationAcknowledgesThem() throws {
        let hub = try HubDatabase(path: directory.path("hub.sqlite"))
        try hub.write { transaction in
            for sequence in Int64(1)...4 {
                try transaction.insertBundleSent(HubSentBundle(
                    receiver: "station-1", sequence: sequence, hash: "h\(sequence)", header: "{}", reply: "{}",
                    acknowledged: false, createdAt: monday))
            }
            try transaction.acknowledgeBundlesSent(to: "station-1", through: 2)
            try transaction.recordBundleApplied(from: "station-1", sequence: 7, hash: "s7", now: monday)
        }

        let (acknowledged, acknowledgedElsewhere, waiting, latest, position, elsewhere) = try hub.read { transaction in
            (try transaction.acknowledgedBundleSequence(to: "station-1"),
             try transaction.acknowledgedBundleSequence(to: "station-2"),
             try transaction.bundlesSent(to: "station-1", after: 2, through: 4).map(\.sequence),
             try transaction.latestBundleSent(to: "station-1")?.hash,
             try transaction.bundlePosition(from: "station-1"),
             try transaction.bundlePosition(from: "station-2"))
        }
        #expect(acknowledged == 2)
        #expect(acknowledgedElsewhere == 0)
        #expect(waiting == [3, 4])
        #expect(latest == "h4")
        #expect(position == BundleStreamPosition(lastSequence: 7, lastHash: "s7"))
        #expect(elsewhere == .start)
    }
}
