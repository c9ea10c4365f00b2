import TestSupport
import Domain
import Foundation
import Store
@testable import Sync
import Testing

@Suite("Signing a station's requests and checking them at the hub")
struct RequestAuthenticationTests {
    let directory: TemporaryDirectory
    let database: HubDatabase
    let keys = StationKeyPair()
    let body = Data(#"{"cursor":0}"#.utf8)

    init() throws {
        directory = try TemporaryDirectory()
        database = try HubDatabase(path: directory.path("hub.sqlite"))
        let code = try database.addStation(id: "bay-1", actor: "admin", now: monday)
        _ = try database.enrolStation(code: code, publicKey: keys.publicKey, now: monday)
    }

    func signed(by stationID: String = "bay-1", keys: StationKeyPair? = nil, at time: Date = monday, nonce: String = RequestSignature.makeNonce()) throws -> [String: String] {
        try RequestSigner(stationID: stationID, privateKey: (keys ?? self.keys).privateKey)
            .headers(method: "POST", path: "/v1/sync", body: body, now: time, nonce: nonce)
    }

    func authenticate(_ headers: [String: String], method: String = "POST", path: String = "/v1/sync", body: Data? = nil, at now: Date = monday) throws -> String {
        try RequestVerifier(database: database).authenticate(
            method: method, path: path, header: { headers[$0] }, body: body ?? self.body, now: now)
    }

    @Test func theSignedTextIsMethodPathTimeNonceAndBodyHash() {
        let message = RequestSignature.message(method: "post", path: "/v1/sync", timestamp: "1740992400", nonce: "ab", body: Data("abc".utf8))
        #expect(String(decoding: message, as: UTF8.self)
            == "POST\n/v1/sync\n1740992400\nab\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func aProperlySignedRequestNamesItsStation() throws {
        let headers = try signed()
        #expect(headers[RequestSignature.timestampHeader] == "1740992400")
        #expect(headers[RequestSignature.nonceHeader]?.count == 32)
        #expect(try authenticate(headers, at: monday + 299) == "bay-1")
    }

    @Test func anyChangeToWhatWasSignedBreaksTheSignature() throws {
        let headers = try signed()
        var otherTime = headers
        otherTime[RequestSignature.timestampHeader] = "1740992401"
        var otherNonce = headers
        otherNonce[RequestSignature.nonceHeader] = String(repeating: "0", count: 32)

        #expect(throws: AuthenticationFailure.badSignature("bay-1")) { try authenticate(headers, method: "PUT") }
        #expect(throws: AuthenticationFailure.badSignature("bay-1")) { try authenticate(headers, path: "/v1/enrol") }
        #expect(throws: AuthenticationFailure.badSignature("bay-1")) { try authenticate(headers, body: Data(#"{"cursor":1}"#.utf8)) }
        #expect(throws: AuthenticationFailure.badSignature("bay-1")) { try authenticate(otherTime) }
        #expect(throws: AuthenticationFailure.badSignature("bay-1")) { try authenticate(otherNonce) }
        #expect(throws: AuthenticationFailure.badSignature("bay-1")) { try authenticate(signed(keys: StationKeyPair())) }
        // None of the refused attempts used the nonce up: the genuine request still passes.
        #expect(try authenticate(headers) == "bay-1")
    }

    @Test func aNonceWorksOnce() throws {
        let headers = try signed()
        #expect(try authenticate(headers) == "bay-1")
        #expect(throws: AuthenticationFailure.replayed("bay-1")) { try authenticate(headers, at: monday + 1) }
        // Still refused at the very end of the window in which its timestamp is accepted.
        #expect(throws: AuthenticationFailure.replayed("bay-1")) { try authenticate(headers, at: monday + 300) }
    }

    @Test func aRequestOutsideTheClockWindowIsRefused() throws {
        #expect(throws: AuthenticationFailure.clockSkew(seconds: -301, allowed: 300)) { try authenticate(signed(), at: monday + 301) }
        #expect(throws: AuthenticationFailure.clockSkew(seconds: 301, allowed: 300)) { try authenticate(signed(at: monday + 301)) }
        #expect(AuthenticationFailure.clockSkew(seconds: 301, allowed: 300).description
            == "the request's time is 301 s ahead of the hub's clock; set the station's and the hub's clocks right (at most 300 s apart)")
    }

    @Test func unknownUnenrolledAndRevokedStationsAreRefused() throws {
        _ = try database.addStation(id: "bay-2", actor: "admin", now: monday)
        #expect(throws: AuthenticationFailure.unknownStation("ghost")) { try authenticate(signed(by: "ghost")) }
        #expect(throws: AuthenticationFailure.notEnrolled("bay-2")) { try authenticate(signed(by: "bay-2")) }

        try database.revokeStation(id: "bay-1", actor: "admin", now: monday)
        #expect(throws: AuthenticationFailure.revoked("bay-1")) { try authenticate(signed()) }
    }

    @Test func missingOrUnreadableHeadersAreRefused() throws {
        let headers = try signed()
        for name in RequestSignature.headerNames {
            var without = headers
            without[name] = nil
            #expect(throws: AuthenticationFailure.missingHeader(name)) { try authenticate(without) }
        }
        var badTime = headers
        badTime[RequestSignature.timestampHeader] = "yesterday"
        #expect(throws: AuthenticationFailure.malformedHeader(RequestSignature.timestampHeader)) { try authenticate(badTime) }
        var badNonce = headers
        badNonce[RequestSignature.nonceHeader] = "short"
        #expect(throws: AuthenticationFailure.malformedHeader(RequestSignature.nonceHeader)) { try authenticate(badNonce) }
    }

    @Test func aKeyThatIsNotAKeyCannotSign() {
        #expect(throws: RequestSigningError.unreadableKey) { try RequestSigner(stationID: "bay-1", privateKey: Data([1, 2, 3])) }
    }

    @Test func aHubAddressMustBeHTTP() throws {
        #expect(try HTTPTransport.parseHubURL(" http://10.0.0.9:8080 ").absoluteString == "http://10.0.0.9:8080")
        #expect(throws: HTTPTransportError.badHubURL("ftp://hub")) { try HTTPTransport.parseHubURL("ftp://hub") }
        #expect(throws: HTTPTransportError.badHubURL("hub:8080")) { try HTTPTransport.parseHubURL("hub:8080") }
    }
}

@Suite("Sync messages as JSON")
struct SyncCodingTests {
    @Test func datesTravelAsMillisecondsAndKeysAreSorted() throws {
        let annotation = Annotation(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, taskID: "t1", projectID: "p", labels: ["a"],
            username: "ana", stationID: "bay-1", leaseEpoch: 1, createdAt: monday + 0.25, secondsOnTask: 2)
        let request = SyncRequest(stationID: "bay-1", annotations: [annotation], cursor: 3, wantedLeases: 5)

        let data = try SyncCoding.encoder().encode(request)

        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix(#"{"annotations":[{"createdAt":1740992400250,"#))
        #expect(text.hasSuffix(#""cursor":3,"stationID":"bay-1","wantedLeases":5}"#))
        #expect(try SyncCoding.decode(SyncRequest.self, from: data) == request)
    }

    @Test func aDecodingProblemNamesTheField() {
        func problem(_ json: String) -> String {
            do {
                _ = try SyncCoding.decode(SyncRequest.self, from: Data(json.utf8))
                return "decoded"
            } catch {
                return error.description
            }
        }
        #expect(problem("[") == "the body is not valid JSON")
        #expect(problem("[]") == "the body must be an object")
        #expect(problem(#"{"stationID":1,"annotations":[],"cursor":0,"wantedLeases":1}"#) == #""stationID" must be a string"#)
        #expect(problem(#"{"stationID":"s","annotations":[{}],"cursor":0,"wantedLeases":1}"#) == #""annotations[0].id" is missing"#)
        #expect(problem(#"{"stationID":"s","annotations":[],"cursor":null,"wantedLeases":1}"#) == #""cursor" must be a whole number, not null"#)
    }
}
