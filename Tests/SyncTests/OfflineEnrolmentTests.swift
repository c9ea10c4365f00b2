import TestSupport
import Crypto
import Domain
import Foundation
import Hub
@_spi(Testing) import Store
@testable import Sync
import Testing

/// A hub and one station that never reach each other: enrolment by an offer file and a
/// reply file, then sync by bundles, all on real database files and real files between.
final class OfflineEnrolmentSite {
    let site: BundleSite
    let station: StationDatabase

    init(taskCount: Int = 10) throws {
        site = try BundleSite(taskCount: taskCount)
        station = try StationDatabase(path: site.directory.path("bay-3.sqlite"), passwordHasher: .cheapForTests)
    }

    var clock: TestClock { site.clock }
    var hubDatabase: HubDatabase { site.hubDatabase }

    /// `station add NAME --offer FILE` at the hub: the offer file's path.
    func writeOffer(for stationID: String = "bay-3", hubURL: String? = nil, named name: String = "offer.json") throws -> URL {
        let offer = try OfflineEnrolment.offer(stationID: stationID, hubURL: hubURL, database: hubDatabase, actor: "admin", now: clock.now)
        let file = site.directory.url.appendingPathComponent(name)
        try offer.fileData().write(to: file)
        return file
    }

    /// `station join --offer FILE --reply-out REPLY` at the station: the reply file's path.
    func join(with offerFile: URL, into database: StationDatabase? = nil, replyNamed name: String = "reply.json") throws -> URL {
        let offer = try EnrolmentOffer.read(Data(contentsOf: offerFile))
        let joined = try OfflineEnrolment.join(offer, station: database ?? station, now: clock.now)
        let file = site.directory.url.appendingPathComponent(name)
        try joined.reply.fileData().write(to: file)
        return file
    }

    /// `station enrol REPLY` at the hub.
    func enrol(_ replyFile: URL) throws -> OfflineEnrolmentOutcome {
        try OfflineEnrolment.enrol(EnrolmentOfferReply.read(Data(contentsOf: replyFile)), database: hubDatabase, now: clock.now)
    }

    func bundleStation() throws -> BundleStation {
        BundleStation(identity: try #require(try station.identity()), database: station, clock: clock)
    }

    /// Whether the hub still holds `code` unused, issued to `stationID`.
    func codeIsUnused(_ code: String, by stationID: String = "bay-3") throws -> Bool {
        try hubDatabase.stationHoldingEnrolmentCode(code) == stationID
    }
}

/// A copy of an enrolment file's JSON with some fields changed, as a hand or a bad copy might.
func edited(_ data: Data, _ change: (inout [String: Any]) -> Void) throws -> Data {
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    change(&object)
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

@Suite("Enrolling a station by files, for a site with no network to the hub")
struct OfflineEnrolmentTests {
    // MARK: The whole trip

    @Test func anOfferAndItsReplyEnrolAStationThatThenTradesBundlesWithTheHub() throws {
        // Given a hub with 10 tasks that writes an offer for bay-3, with no hub address
        let offline = try OfflineEnrolmentSite()
        let offerFile = try offline.writeOffer()

        // When the station joins with the offer, and its reply is carried back and enrolled an hour later
        let replyFile = try offline.join(with: offerFile)
        offline.clock.advance(by: 3600)
        let outcome = try offline.enrol(replyFile)

        // Then the hub has enrolled bay-3 with the key the station made, and the station
        // holds the hub's key, no hub address, and its private key, which was never written out
        #expect(outcome == .enrolled(stationID: "bay-3"))
        #expect(outcome.description == "Enrolled station bay-3.")
        let identity = try #require(try offline.station.identity())
        #expect(identity.stationID == "bay-3")
        #expect(identity.hubURL == nil)
        #expect(identity.hubPublicKey == (try HubEnrolment.hubPublicKey(database: offline.hubDatabase, now: monday)))
        #expect(try offline.hubDatabase.station(id: "bay-3")?.publicKey == (try StationKeyPair(privateKey: identity.privateKey)).publicKey)
        let replyText = try String(contentsOf: replyFile, encoding: .utf8)
        #expect(!replyText.contains(identity.privateKey.base64EncodedString()))

        // When the station's first bundle goes to the hub and the hub's answer comes back
        let station = try offline.bundleStation()
        let opening = try offline.site.importAtHub(station.exportBundle())
        let leases = try station.importBundle(offline.site.exportFromHub(for: station))

        // Then the hub took it and the station has tasks to label
        #expect(opening.appliedBundle?.sequence == 1)
        #expect(leases.appliedBundle?.leased == 5)

        // When a labeler does 3 tasks and the work makes the same trip
        let work = try station.label(3)
        let delivery = try offline.site.importAtHub(station.exportBundle())
        let answer = try station.importBundle(offline.site.exportFromHub(for: station))

        // Then the hub accepted the 3 annotations, once each, and the station's outbox is empty
        #expect(delivery.description == "applied bundle 2 from bay-3: 3 annotations accepted, 0 superseded, 0 rejected; 3 tasks leased")
        #expect(try offline.site.storedAnnotationIDs().sorted { $0.uuidString < $1.uuidString } == work.map(\.id).sorted { $0.uuidString < $1.uuidString })
        #expect(answer.appliedBundle?.accepted == 3)
        #expect(try offline.station.outboxCount() == 0)
        #expect(try offline.site.hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 2, leased: 5, done: 3))
    }

    @Test func aBundleWrittenBeforeTheReplyIsEnrolledIsRefusedThenAppliedOnceItIs() throws {
        // Given a station that joined and wrote its first bundle at once, to go with its reply
        let offline = try OfflineEnrolmentSite()
        let replyFile = try offline.join(with: offline.writeOffer())
        let bundle = try offline.bundleStation().exportBundle()

        // When the admin imports the bundle before enrolling the reply
        let early = try offline.site.importAtHub(bundle)

        // Then it is refused, saying the station is not enrolled yet, and after enrolling the same file is applied
        #expect(early == .refused(.senderNotEnrolled("bay-3")))
        #expect(BundleRefusal.senderNotEnrolled("bay-3").description.contains("labeldesk station enrol REPLY"))
        #expect(try offline.enrol(replyFile) == .enrolled(stationID: "bay-3"))
        #expect(try offline.site.importAtHub(bundle).appliedBundle?.sequence == 1)
    }

    // MARK: The files

    @Test func theOfferSaysWhichStationWhichHubAndUntilWhenTheReplyOnlyThePublicKey() throws {
        // Given an offer for a station that may reach the hub over HTTP some day
        let offline = try OfflineEnrolmentSite()
        let offerFile = try offline.writeOffer(hubURL: "http://hub.example:8080")

        // When it is read back, and the station joins with it
        let offer = try EnrolmentOffer.read(Data(contentsOf: offerFile))
        let replyFile = try offline.join(with: offerFile)
        let reply = try EnrolmentOfferReply.read(Data(contentsOf: replyFile))

        // Then the offer holds the kind, the format, the station, a code the hub holds for it,
        // the hub's key, the code's expiry and the address
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: offerFile)) as? [String: Any])
        #expect(fields.keys.sorted() == ["code", "codeExpiresAt", "format", "hubPublicKey", "hubURL", "kind", "stationID"])
        #expect(fields["kind"] as? String == "labeldesk.enrolment-offer")
        #expect(fields["format"] as? Int == 1)
        #expect(fields["codeExpiresAt"] as? String == "2025-03-04T09:00:00Z")
        #expect(offer.stationID == "bay-3")
        #expect(try offline.codeIsUnused(offer.code))
        #expect(offer.hubPublicKeyData == (try HubEnrolment.hubPublicKey(database: offline.hubDatabase, now: monday)))
        #expect(offer.hubURL == "http://hub.example:8080")
        #expect(try offline.station.identity()?.hubURL == "http://hub.example:8080")

        // And the reply is the enrolment request (code and public key) and the station's id
        let replyFields = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: replyFile)) as? [String: Any])
        #expect(replyFields.keys.sorted() == ["code", "format", "kind", "publicKey", "stationID"])
        #expect(replyFields["kind"] as? String == "labeldesk.enrolment-reply")
        #expect(reply.request == EnrolmentRequest(
            code: offer.code, publicKey: try StationKeyPair(privateKey: #require(try offline.station.identity()).privateKey).publicKey.base64EncodedString()))
        #expect(reply.stationID == "bay-3")
    }

    @Test func anOfferWithoutAHubAddressLeavesTheFieldOut() throws {
        let offline = try OfflineEnrolmentSite()
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: offline.writeOffer())) as? [String: Any])
        #expect(fields["hubURL"] == nil)
    }

    @Test func aBadHubAddressRegistersNothing() throws {
        let offline = try OfflineEnrolmentSite()
        #expect(throws: HTTPTransportError.badHubURL("hub.example")) {
            try OfflineEnrolment.offer(stationID: "bay-3", hubURL: "hub.example", database: offline.hubDatabase, actor: "admin", now: monday)
        }
        #expect(try offline.hubDatabase.station(id: "bay-3") == nil)
    }

    // MARK: Refusals at the station

    @Test func aFileThatIsNotAnOfferIsRefusedForWhatItIs() throws {
        // Given a good offer, and files that are something else or were damaged
        let offline = try OfflineEnrolmentSite()
        let offer = try Data(contentsOf: offline.writeOffer())
        let reply = try EnrolmentOfferReply(
            stationID: "bay-3", request: EnrolmentRequest(code: "ABCD-EFGH-JKMN", publicKey: StationKeyPair().publicKey.base64EncodedString())
        ).fileData()

        // Then each is refused with what it is
        #expect(throws: OfflineEnrolmentError.wrongKind(found: .reply, expected: .offer)) { try EnrolmentOffer.read(reply) }
        #expect(throws: OfflineEnrolmentError.bundleFile) { try EnrolmentOffer.read(offline.someBundleFile()) }
        #expect(throws: OfflineEnrolmentError.notAnEnrolmentFile(expected: .offer)) { try EnrolmentOffer.read(Data("bay-3 ABCD-EFGH-JKMN".utf8)) }
        #expect(throws: OfflineEnrolmentError.notAnEnrolmentFile(expected: .offer)) { try EnrolmentOffer.read(Data(offer.prefix(40))) }
        #expect(throws: OfflineEnrolmentError.notAnEnrolmentFile(expected: .offer)) {
            try EnrolmentOffer.read(edited(offer) { $0["kind"] = nil })
        }
        #expect(throws: OfflineEnrolmentError.wrongKind(found: nil, expected: .offer)) {
            try EnrolmentOffer.read(edited(offer) { $0["kind"] = "labeldesk.settings" })
        }
        #expect(throws: OfflineEnrolmentError.unsupportedFormat(2, kind: .offer)) {
            try EnrolmentOffer.read(edited(offer) { $0["format"] = 2 })
        }
        #expect(throws: OfflineEnrolmentError.unreadableField("\"code\" is missing", kind: .offer)) {
            try EnrolmentOffer.read(edited(offer) { $0["code"] = nil })
        }
        #expect(throws: OfflineEnrolmentError.badKey(in: .offer)) {
            try EnrolmentOffer.read(edited(offer) { $0["hubPublicKey"] = "bm90IGEga2V5" })
        }
        #expect(throws: OfflineEnrolmentError.badHubURL("hub.example")) {
            try EnrolmentOffer.read(edited(offer) { $0["hubURL"] = "hub.example" })
        }

        // And the sentences say what the file is and where it belongs
        #expect(OfflineEnrolmentError.wrongKind(found: .reply, expected: .offer).description
            == "it is an enrolment reply, not an enrolment offer: a reply goes back to the hub (`labeldesk station enrol FILE --db HUB.sqlite`)")
        #expect(OfflineEnrolmentError.notAnEnrolmentFile(expected: .offer).description
            == "it is not an enrolment offer (it is not JSON, or has no \"kind\"); check you picked the right file, the hub writes it with `labeldesk station add NAME --offer FILE`")
    }

    @Test func joiningRefusesWhileWorkIsUnsentAndSavesNothing() throws {
        // Given a station holding an annotation its old hub has not answered yet, and an offer
        let offline = try OfflineEnrolmentSite()
        let offer = try EnrolmentOffer.read(Data(contentsOf: offline.writeOffer()))
        let lease = LeasedTask(task: LabelTask(id: "t1", projectID: "p", text: "x", marking: .unclassified), epoch: 1, expiresAt: monday + 3600)
        try offline.station.saveProjects([Project(id: "p", title: "P", labels: [LabelChoice(name: "yes")])])
        try offline.station.cacheLeases([lease])
        try offline.station.submit(
            Annotation(id: UUID(), taskID: "t1", projectID: "p", labels: ["yes"], username: "ana", stationID: "station-1",
                       leaseEpoch: 1, createdAt: monday, secondsOnTask: 1),
            now: monday)
        let before = try offline.station.contentDump()

        // When it joins with the offer
        #expect(throws: StationJoinError.unsentWork(count: 1)) {
            try OfflineEnrolment.join(offer, station: offline.station, now: monday)
        }

        // Then nothing changed at the station, and the code is still unused at the hub
        #expect(try offline.station.identity() == nil)
        #expect(try offline.station.contentDump() == before)
        #expect(try offline.codeIsUnused(offer.code))
    }

    @Test func joiningRefusesAnOfferWhoseCodeHasExpired() throws {
        // Given an offer written on Monday at 09:00, good for 24 hours
        let offline = try OfflineEnrolmentSite()
        let offer = try EnrolmentOffer.read(Data(contentsOf: offline.writeOffer()))
        let before = try offline.station.contentDump()

        // When the station joins with it on Tuesday at 09:00
        let error = #expect(throws: OfflineEnrolmentError.self) {
            try OfflineEnrolment.join(offer, station: offline.station, now: monday + 24 * 3600)
        }

        // Then it is refused, saying when it expired and what to do, and nothing is saved
        #expect(error == .offerExpired(stationID: "bay-3", at: monday + 24 * 3600))
        #expect(error?.description == """
            the offer's code for station "bay-3" expired at 2025-03-04T09:00:00Z; ask the hub's admin for a new offer \
            (`labeldesk station add bay-3 --offer FILE`), or set this machine's clock right if it is wrong
            """)
        #expect(try offline.station.identity() == nil)
        #expect(try offline.station.contentDump() == before)
    }

    // MARK: Refusals at the hub

    @Test func aFileThatIsNotAReplyIsRefusedAtTheHub() throws {
        let offline = try OfflineEnrolmentSite()
        let offerFile = try offline.writeOffer()
        let reply = try Data(contentsOf: offline.join(with: offerFile))

        #expect(throws: OfflineEnrolmentError.wrongKind(found: .offer, expected: .reply)) { try EnrolmentOfferReply.read(Data(contentsOf: offerFile)) }
        #expect(throws: OfflineEnrolmentError.notAnEnrolmentFile(expected: .reply)) { try EnrolmentOfferReply.read(Data()) }
        #expect(throws: OfflineEnrolmentError.badKey(in: .reply)) {
            try EnrolmentOfferReply.read(edited(reply) { $0["publicKey"] = "bm90IGEga2V5" })
        }
        #expect(throws: OfflineEnrolmentError.unreadableField("\"stationID\" must be a string", kind: .reply)) {
            try EnrolmentOfferReply.read(edited(reply) { $0["stationID"] = 3 })
        }
    }

    @Test func aReplyWithABadKeyIsRefusedAndUsesNothingUp() throws {
        // Given a reply whose key is not a key, as a hand-made file might hold
        let offline = try OfflineEnrolmentSite()
        let offer = try EnrolmentOffer.read(Data(contentsOf: offline.writeOffer()))
        let before = try offline.hubDatabase.contentDump()
        let reply = EnrolmentOfferReply(stationID: "bay-3", request: EnrolmentRequest(code: offer.code, publicKey: "bm90IGEga2V5"))

        // Then enrolling it is refused and the code is still good
        #expect(throws: OfflineEnrolmentError.badKey(in: .reply)) { try OfflineEnrolment.enrol(reply, database: offline.hubDatabase, now: monday) }
        #expect(try offline.hubDatabase.contentDump() == before)
        #expect(try offline.codeIsUnused(offer.code))
    }

    @Test func aReplyAppliedTwiceIsNotAnErrorButAReplyWithAnotherKeyIsRefused() throws {
        // Given a station enrolled from its reply, that then joined again with the same offer
        let offline = try OfflineEnrolmentSite()
        let offerFile = try offline.writeOffer()
        let first = try offline.join(with: offerFile, replyNamed: "first.json")
        #expect(try offline.enrol(first) == .enrolled(stationID: "bay-3"))
        let second = try offline.join(with: offerFile, replyNamed: "second.json")
        let enrolled = try offline.hubDatabase.contentDump()

        // When the admin applies the first reply again, then the second
        let again = try offline.enrol(first)
        let error = #expect(throws: OfflineEnrolmentError.self) { try offline.enrol(second) }

        // Then the first is already in place, the second is refused (its code is used up), and nothing changed
        #expect(again == .alreadyEnrolled(stationID: "bay-3"))
        #expect(again.description == "Station bay-3 is already enrolled with this reply's key; nothing changed.")
        #expect(error == .enrolledWithAnotherKey("bay-3"))
        #expect(try offline.hubDatabase.contentDump() == enrolled)
    }

    @Test func aReplyToAnOfferReplacedByALaterOneIsRefusedAndTheLaterOneStillWorks() throws {
        // Given a station that joined with an offer the admin has since replaced with a new one
        let offline = try OfflineEnrolmentSite()
        let oldReply = try offline.join(with: offline.writeOffer(named: "old.json"), replyNamed: "old-reply.json")
        let newOffer = try offline.writeOffer(named: "new.json")
        let before = try offline.hubDatabase.contentDump()

        // When the old reply is enrolled
        let error = #expect(throws: OfflineEnrolmentError.self) { try offline.enrol(oldReply) }

        // Then it is refused, nothing changed, and the new offer's code still enrols the station
        #expect(error == .codeNotValid(stationID: "bay-3"))
        #expect(try offline.hubDatabase.contentDump() == before)
        #expect(try offline.hubDatabase.station(id: "bay-3")?.isEnrolled == false)
        #expect(try offline.enrol(offline.join(with: newOffer, replyNamed: "new-reply.json")) == .enrolled(stationID: "bay-3"))
    }

    @Test func aReplyWhoseCodeHasExpiredIsRefusedAndUsesNothingUp() throws {
        // Given a reply that reaches the hub 25 hours after the offer was written
        let offline = try OfflineEnrolmentSite()
        let offerFile = try offline.writeOffer()
        let replyFile = try offline.join(with: offerFile)
        offline.clock.advance(by: 25 * 3600)
        let before = try offline.hubDatabase.contentDump()

        // When it is enrolled
        let error = #expect(throws: OfflineEnrolmentError.self) { try offline.enrol(replyFile) }

        // Then it is refused, saying to issue a new offer, and the station is not enrolled
        #expect(error == .codeExpired(stationID: "bay-3"))
        #expect(error?.description.contains("`labeldesk station add bay-3 --offer FILE`") == true)
        #expect(try offline.hubDatabase.contentDump() == before)
        #expect(try offline.codeIsUnused(EnrolmentOffer.read(Data(contentsOf: offerFile)).code))
    }

    @Test func aReplyNamingAnotherStationOrCarriedToAnotherHubEnrolsNobody() throws {
        // Given offers for bay-3 and bay-4, and bay-3's reply
        let offline = try OfflineEnrolmentSite()
        let replyFile = try offline.join(with: offline.writeOffer())
        _ = try offline.writeOffer(for: "bay-4", named: "bay-4.json")
        let reply = try EnrolmentOfferReply.read(Data(contentsOf: replyFile))
        let before = try offline.hubDatabase.contentDump()

        // When a copy that names bay-4 is enrolled, and the real one at another hub
        var mixedUp = reply
        mixedUp.stationID = "bay-4"
        let mixedUpError = #expect(throws: OfflineEnrolmentError.self) {
            try OfflineEnrolment.enrol(mixedUp, database: offline.hubDatabase, now: monday)
        }
        let otherHub = try HubDatabase(path: offline.site.directory.path("other-hub.sqlite"))
        let otherHubError = #expect(throws: OfflineEnrolmentError.self) {
            try OfflineEnrolment.enrol(reply, database: otherHub, now: monday)
        }

        // Then both are refused, nobody is enrolled, and bay-3's reply still enrols it where it belongs
        #expect(mixedUpError == .codeOfAnotherStation(reply: "bay-4", holder: "bay-3"))
        #expect(otherHubError == .unknownStation("bay-3"))
        #expect(try offline.hubDatabase.contentDump() == before)
        #expect(try offline.enrol(replyFile) == .enrolled(stationID: "bay-3"))
    }

    @Test func aRevokedStationsReplyIsRefused() throws {
        let offline = try OfflineEnrolmentSite()
        let replyFile = try offline.join(with: offline.writeOffer())
        try offline.hubDatabase.revokeStation(id: "bay-3", actor: "admin", now: monday)
        let before = try offline.hubDatabase.contentDump()

        #expect(throws: OfflineEnrolmentError.stationRevoked("bay-3")) { try offline.enrol(replyFile) }
        #expect(try offline.hubDatabase.contentDump() == before)
    }
}

extension OfflineEnrolmentSite {
    /// A real bundle file's bytes, from a station enrolled the usual way.
    func someBundleFile() throws -> Data {
        try site.enrol("station-9").exportBundle()
    }
}
