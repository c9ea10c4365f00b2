import TestSupport
import Domain
import Foundation
import Store
import Sync
import Testing

@Suite("Enrolling a station over HTTP", .timeLimit(.minutes(1)))
struct EnrolmentTests {
    @Test func aGoodCodeEnrolsTheStationWithTheKeyItMade() async throws {
        try await withRunningHub { hub in
            // Given a station registered at the hub
            let code = try hub.code(for: "bay-3")

            // When the station enrols with its code
            let identity = try await HTTPTransport.enrol(hubURL: hub.url, code: code, timeouts: testTimeouts, now: hub.clock.now)

            // Then it learns its id and the hub's key, and the hub holds its public key
            #expect(identity.stationID == "bay-3")
            #expect(identity.hubURL == hub.url)
            #expect(identity.hubPublicKey == (try HubEnrolment.hubPublicKey(database: hub.database, now: monday)))
            #expect(try hub.database.station(id: "bay-3")?.isEnrolled == true)
            let signer = try RequestSigner(stationID: "bay-3", privateKey: identity.privateKey)
            let headers = try signer.headers(method: "POST", path: HubPath.sync, body: Data("{}".utf8), now: hub.clock.now)
            let verifier = RequestVerifier(database: hub.database)
            #expect(try verifier.authenticate(
                method: "POST", path: HubPath.sync, header: { headers[$0] }, body: Data("{}".utf8), now: hub.clock.now) == "bay-3")
        }
    }

    @Test func aCodeWorksOnce() async throws {
        try await withRunningHub { hub in
            // Given a station that has enrolled with its code
            let code = try hub.code(for: "bay-3")
            _ = try await HTTPTransport.enrol(hubURL: hub.url, code: code, timeouts: testTimeouts, now: hub.clock.now)

            // When someone tries the same code again
            let error = await #expect(throws: HTTPTransportError.self) {
                try await HTTPTransport.enrol(hubURL: hub.url, code: code, timeouts: testTimeouts, now: hub.clock.now)
            }

            // Then the hub refuses with 403 and the reason
            #expect(error == .forbidden(StoreError.unknownEnrolmentCode.description))
        }
    }

    @Test func aWrongCodeIsRefusedAndEnrolsNobody() async throws {
        try await withRunningHub { hub in
            _ = try hub.code(for: "bay-3")

            let error = await #expect(throws: HTTPTransportError.self) {
                try await HTTPTransport.enrol(hubURL: hub.url, code: "AAAA-BBBB-CCCC", timeouts: testTimeouts, now: hub.clock.now)
            }

            #expect(error == .forbidden(StoreError.unknownEnrolmentCode.description))
            #expect(try hub.database.station(id: "bay-3")?.isEnrolled == false)
        }
    }

    @Test func anExpiredCodeIsRefused() async throws {
        try await withRunningHub { hub in
            let code = try hub.code(for: "bay-3")
            hub.clock.advance(by: 25 * 3600)

            let error = await #expect(throws: HTTPTransportError.self) {
                try await HTTPTransport.enrol(hubURL: hub.url, code: code, timeouts: testTimeouts, now: hub.clock.now)
            }

            #expect(error == .forbidden(StoreError.enrolmentCodeExpired(stationID: "bay-3").description))
        }
    }

    @Test func aPublicKeyThatIsNotAKeyIsABadRequest() async throws {
        try await withRunningHub { hub in
            let code = try hub.code(for: "bay-3")
            let body = try SyncCoding.encoder().encode(EnrolmentRequest(code: code, publicKey: "bm90IGEga2V5"))

            let answer = try await send(to: hub, path: HubPath.enrol, body: body)

            #expect(answer.status == 400)
            #expect(answer.sentence == StoreError.badPublicKey.description)
            #expect(try hub.database.station(id: "bay-3")?.isEnrolled == false)
        }
    }

    @Test func theHealthCheckAnswers() async throws {
        try await withRunningHub { hub in
            let answer = try await send("GET", to: hub, path: HubPath.health, body: Data())
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == #"{"status":"ok"}"#)
        }
    }
}
