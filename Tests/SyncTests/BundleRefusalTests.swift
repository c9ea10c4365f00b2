import TestSupport
import Crypto
import Domain
import Foundation
import Hub
import Store
@testable import Sync
import Testing

/// Each damaged or misdirected bundle is refused with its reason, before anything is
/// applied or stored: both databases keep every row they had, and only the receiver's
/// audit log gains a `bundle.refused` entry.
@Suite("Bundles refused")
struct BundleRefusalTests {
    let site: BundleSite
    let station: BundleStation
    /// A station bundle with three annotations, the second of its stream.
    let work: Data
    let hubBefore: [String]
    let stationBefore: [String]

    init() throws {
        site = try BundleSite(taskCount: 8)
        station = try site.enrol("station-1")
        _ = try site.importAtHub(station.exportBundle())
        _ = try station.importBundle(site.exportFromHub(for: station))
        try station.label(3)
        work = try station.exportBundle()
        hubBefore = try site.hubDatabase.contentDump()
        stationBefore = try station.database.contentDump()
    }

    /// Imports `bundle` at the hub and checks it was refused for `reason`, changing nothing.
    private func expectRefusedAtHub(_ bundle: Data, _ reason: BundleRefusal, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let refusalsBefore = try site.auditKinds().filter { $0 == "bundle.refused" }.count
        let result = try site.importAtHub(bundle)
        #expect(result == .refused(reason), sourceLocation: sourceLocation)
        #expect(try site.hubDatabase.contentDump() == hubBefore, "the hub's data changed", sourceLocation: sourceLocation)
        #expect(try station.database.contentDump() == stationBefore, "the station's data changed", sourceLocation: sourceLocation)
        #expect(try site.auditKinds().filter { $0 == "bundle.refused" }.count == refusalsBefore + 1, sourceLocation: sourceLocation)
    }

    @Test func aTruncatedBundleIsRefusedAsCutShort() throws {
        for length in [0, 5, 61] {
            try expectRefusedAtHub(work.prefix(length), .truncated(actualBytes: length, declaredBytes: nil))
        }
        for length in [62, 200, work.count - 97, work.count - 1] {
            try expectRefusedAtHub(work.prefix(length), .truncated(actualBytes: length, declaredBytes: work.count))
        }
        #expect(BundleRefusal.truncated(actualBytes: 200, declaredBytes: 1400).description == """
            the bundle is cut short: the file has 200 bytes but declares 1400; it was not copied completely. \
            Nothing was applied; copy it again from the sender's media, or ask the sender for a new bundle (it will carry everything)
            """)
        // And the whole bundle still applies afterwards: nothing was used up
        #expect(try site.importAtHub(work).appliedBundle?.accepted == 3)
    }

    @Test func aSignedBundleOfTheWrongKindIsRefusedForWhatItCarries() throws {
        // Given the station's own bundle, re-signed by the station with its kind changed to a reply
        let read = try BundleReader.read(work)
        var header = read.header
        header.kind = .reply
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: station.identity.privateKey)
        let relabeled = try BundleWriter.sealed(body: BundleWriter.body(header: header.encoded(), payload: read.payload), signingKey: key)

        // Then the hub refuses it for what it carries, and the genuine one still applies
        try expectRefusedAtHub(
            relabeled, .corrupted(.inconsistent("a bundle for the hub must carry a sync request, and this one carries a reply")))
        #expect(try site.importAtHub(work).appliedBundle?.accepted == 3)
    }

    @Test func aFlippedBitIsRefusedAsDamageToThePartItHit() throws {
        let headerLength = Int(UInt32(bigEndianBytes: [UInt8](work)[10..<14]))
        let payloadStart = 62 + headerLength
        let signatureStart = work.count - 96
        let cases: [(offset: Int, damage: BundleDamage)] = [
            (3, .notABundle), (9, .start), (16, .start), (40, .start), (58, .start),
            (62, .header), (payloadStart - 2, .header),
            (payloadStart, .payload), (payloadStart + 100, .payload), (signatureStart - 1, .payload),
            (signatureStart, .signature), (signatureStart + 63, .signature), (work.count - 1, .signature),
        ]
        for (offset, damage) in cases {
            var flipped = work
            flipped[offset] ^= 0b0000_0100
            try expectRefusedAtHub(flipped, .corrupted(damage))
        }
        #expect(try site.importAtHub(work).appliedBundle?.accepted == 3)
    }

    @Test func aBundleReSignedWithAnotherKeyIsRefusedAsBadlySigned() throws {
        // Given the same bytes signed by a key that is not station-1's, every digest made good
        let body = work.dropLast(96)
        let forged = try BundleWriter.sealed(body: Data(body), signingKey: Curve25519.Signing.PrivateKey())

        try expectRefusedAtHub(forged, .badSignature(sender: "station-1", sequence: 2))
        #expect(BundleRefusal.badSignature(sender: "station-1", sequence: 2).description.hasPrefix(
            "bundle 2 from station-1 is intact, but its signature does not verify with the key this side knows for station-1"))
    }

    @Test func aBundleFromAStationThisHubNeverEnrolledIsRefused() throws {
        // Given a station of another hub, and one registered here that never enrolled
        let elsewhere = try BundleSite(taskCount: 1)
        let stranger = try elsewhere.enrol("station-9")
        _ = try site.hubDatabase.addStation(id: "station-9", actor: "admin", now: monday)
        let registeredOnly = try site.hubDatabase.contentDump()

        // When its bundle is imported here, it is refused and nothing changes
        let result = try site.importAtHub(stranger.exportBundle())
        #expect(result == .refused(.senderNotEnrolled("station-9")))
        #expect(try site.hubDatabase.contentDump() == registeredOnly)
    }

    @Test func aBundleFromARevokedStationIsRefused() throws {
        try site.hubDatabase.revokeStation(id: "station-1", actor: "admin", now: monday)
        let revoked = try site.hubDatabase.contentDump()

        let result = try site.importAtHub(work)

        #expect(result == .refused(.revokedSender("station-1")))
        #expect(result.description.hasPrefix("station station-1 has been revoked at this hub, so its bundles are refused."))
        #expect(try site.hubDatabase.contentDump() == revoked)
    }

    @Test func aBundleForAnotherStationIsRefusedThere() throws {
        // Given the hub's answer to station-1, and station-2 enrolled at the same hub
        _ = try site.importAtHub(work)
        let answer = try site.exportFromHub(for: station)
        let other = try site.enrol("station-2")
        let otherBefore = try other.database.contentDump()

        // When station-2 imports it, or a station bundle meant for the hub
        let misdelivered = try other.importBundle(answer)
        let stationBundleAtStation = try other.importBundle(work)

        // Then both are refused, naming where they belong, and station-2 is unchanged
        #expect(misdelivered == .refused(.wrongReceiver(sender: "hub", sequence: 2, intendedFor: "station-1", here: "station-2")))
        #expect(misdelivered.description == "bundle 2 from hub is for station-1, not for station-2. Nothing was applied; import it at station-1")
        #expect(stationBundleAtStation == .refused(.wrongReceiver(sender: "station-1", sequence: 2, intendedFor: "hub", here: "station-2")))
        #expect(try other.database.contentDump() == otherBefore)
        #expect(try other.auditKinds() == ["bundle.refused", "bundle.refused"])
    }

    @Test func aDamagedHubBundleIsRefusedAtTheStation() throws {
        // Given the hub's answer, bit-flipped in its payload, and re-signed by another key
        _ = try site.importAtHub(work)
        let answer = try site.exportFromHub(for: station)
        var flipped = answer
        flipped[answer.count - 200] ^= 1
        let forged = try BundleWriter.sealed(body: Data(answer.dropLast(96)), signingKey: Curve25519.Signing.PrivateKey())
        let before = try station.database.contentDump()

        // When the station imports them
        let results = try [station.importBundle(flipped), station.importBundle(forged), station.importBundle(answer.prefix(100))]

        // Then each is refused for its reason, and the station is unchanged until the good one arrives
        #expect(results == [
            .refused(.corrupted(.payload)), .refused(.badSignature(sender: "hub", sequence: 2)),
            .refused(.truncated(actualBytes: 100, declaredBytes: answer.count)),
        ])
        #expect(try station.database.contentDump() == before)
        #expect(try station.importBundle(answer).appliedBundle?.accepted == 3)
        #expect(try station.database.outboxCount() == 0)
    }

    @Test func aStreamRestartedFromAnOldCopyIsRefusedAsForked() throws {
        // Given the hub has applied station-1's bundles 1 and 2
        _ = try site.importAtHub(work)

        // And a copy of station-1 set up again from its enrolment writes its own bundles 1, 2 and 3
        let copy = try site.restored(station, as: "station-1-copy")
        _ = try copy.exportBundle()
        _ = try copy.exportBundle()
        let third = try copy.exportBundle()
        let hubNow = try site.hubDatabase.contentDump()

        // When the hub gets the copy's bundle 3, which chains to a bundle 2 it never saw
        let result = try site.importAtHub(third)

        // Then it is refused as a forked stream
        #expect(result == .refused(.forkedStream(sender: "station-1", sequence: 3, lastApplied: 2)))
        #expect(try site.hubDatabase.contentDump() == hubNow)
    }
}
