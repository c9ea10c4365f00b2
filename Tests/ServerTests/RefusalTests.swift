import TestSupport
import Domain
import Foundation
import Hub
import Store
import Sync
import Testing

@Suite("What the hub refuses over HTTP, and that a refusal changes nothing", .timeLimit(.minutes(1)))
struct RefusalTests {
    @Test func aRevokedStationGets401AndNothingChanges() async throws {
        try await withRunningHub { hub in
            // Given a station with work waiting, whose hub admin then revokes it
            let station = try await hub.joinStation("bay-1", leaseTarget: 2)
            _ = try await station.sync()
            try station.labelNext()
            try hub.database.revokeStation(id: "bay-1", actor: "admin", now: hub.clock.now)
            let countsBefore = try hub.hub.taskCounts(projectID: "sentiment")
            let auditBefore = try hub.database.recentAuditEntries(limit: 1000).count

            // When it syncs
            let error = await #expect(throws: HTTPTransportError.self) { try await station.sync() }

            // Then the hub answers 401 with the reason, and neither side changed
            #expect(error == .unauthorized("station \"bay-1\" has been revoked at the hub; ask the hub's admin"))
            #expect(error?.isRefusalOfStation == true)
            #expect(try hub.hub.taskCounts(projectID: "sentiment") == countsBefore)
            #expect(try hub.hub.exportRows(projectID: "sentiment").isEmpty)
            #expect(try hub.database.recentAuditEntries(limit: 1000).count == auditBefore)
            #expect(try station.database.outboxCount() == 1)
        }
    }

    @Test func aReplayedRequestGets401AndIsNotAppliedAgain() async throws {
        try await withRunningHub { hub in
            // Given a signed request the hub has answered
            let station = try await hub.joinStation("bay-1")
            let signed = try signedSync(SyncRequest(stationID: "bay-1", annotations: [], cursor: 0, wantedLeases: 2), by: station)
            let first = try await send(to: hub, path: HubPath.sync, body: signed.body, headers: signed.headers)
            #expect(first.status == 200)
            #expect(try hub.hub.taskCounts(projectID: "sentiment").leased == 2)

            // When someone sends the very same bytes again
            let replay = try await send(to: hub, path: HubPath.sync, body: signed.body, headers: signed.headers)

            // Then it is refused and leases nothing more
            #expect(replay.status == 401)
            #expect(replay.sentence
                == "this request from station \"bay-1\" was already received (its nonce was used before); a replayed request is refused")
            #expect(try hub.hub.taskCounts(projectID: "sentiment").leased == 2)
        }
    }

    @Test func aRequestChangedAfterSigningGets401() async throws {
        try await withRunningHub { hub in
            // Given a signed request for 1 lease, changed on the way to ask for 5
            let station = try await hub.joinStation("bay-1")
            let signed = try signedSync(SyncRequest(stationID: "bay-1", annotations: [], cursor: 0, wantedLeases: 1), by: station)
            let tampered = try SyncCoding.encoder().encode(SyncRequest(stationID: "bay-1", annotations: [], cursor: 0, wantedLeases: 5))

            // When it arrives
            let answer = try await send(to: hub, path: HubPath.sync, body: tampered, headers: signed.headers)

            // Then the signature does not match and nothing is leased
            #expect(answer.status == 401)
            #expect(answer.sentence?.hasPrefix("the request's signature does not match station \"bay-1\"'s key") == true)
            #expect(try hub.hub.taskCounts(projectID: "sentiment").leased == 0)
        }
    }

    @Test func aRequestSignedWithAnotherKeyGets401() async throws {
        try await withRunningHub { hub in
            // Given two stations, and station 2 signing with its key while claiming to be station 1
            let first = try await hub.joinStation("bay-1")
            let second = try await hub.joinStation("bay-2")
            let body = try SyncCoding.encoder().encode(SyncRequest(stationID: "bay-1", annotations: [], cursor: 0, wantedLeases: 1))
            let forger = try RequestSigner(stationID: "bay-1", privateKey: second.identity.privateKey)
            let headers = try forger.headers(method: "POST", path: HubPath.sync, body: body, now: first.clock.now)

            let answer = try await send(to: hub, path: HubPath.sync, body: body, headers: headers)

            #expect(answer.status == 401)
            #expect(try hub.hub.taskCounts(projectID: "sentiment").leased == 0)
        }
    }

    @Test func aRequestFromOutsideTheClockWindowGets401() async throws {
        try await withRunningHub { hub in
            // Given a station whose request was signed 301 s before the hub's clock
            let station = try await hub.joinStation("bay-1")
            let signed = try signedSync(SyncRequest(stationID: "bay-1", annotations: [], cursor: 0, wantedLeases: 1), by: station)
            hub.clock.advance(by: 301)

            let answer = try await send(to: hub, path: HubPath.sync, body: signed.body, headers: signed.headers)

            #expect(answer.status == 401)
            #expect(answer.sentence
                == "the request's time is 301 s behind the hub's clock; set the station's and the hub's clocks right (at most 300 s apart)")
            #expect(try hub.hub.taskCounts(projectID: "sentiment").leased == 0)
        }
    }

    @Test func unsignedAndUnknownRequestsGet401() async throws {
        try await withRunningHub { hub in
            let body = try SyncCoding.encoder().encode(SyncRequest(stationID: "ghost", annotations: [], cursor: 0, wantedLeases: 1))

            // An unsigned request
            let unsigned = try await send(to: hub, path: HubPath.sync, body: body)
            #expect(unsigned.status == 401)
            #expect(unsigned.sentence
                == "the request has no X-LabelDesk-Station header; every sync must be signed by an enrolled station")

            // A station the hub has never heard of, and one registered but not enrolled
            let station = try await hub.joinStation("bay-1")
            _ = try hub.code(for: "bay-9")
            for (claimed, expected) in [
                ("ghost", AuthenticationFailure.unknownStation("ghost")), ("bay-9", AuthenticationFailure.notEnrolled("bay-9")),
            ] {
                let signer = try RequestSigner(stationID: claimed, privateKey: station.identity.privateKey)
                let headers = try signer.headers(method: "POST", path: HubPath.sync, body: body, now: hub.clock.now)
                let answer = try await send(to: hub, path: HubPath.sync, body: body, headers: headers)
                #expect(answer.status == 401)
                #expect(answer.sentence == expected.description)
            }
            #expect(try hub.hub.taskCounts(projectID: "sentiment").leased == 0)
        }
    }

    @Test func aBodyOverTheLimitGets413() async throws {
        try await withRunningHub(maximumBodySize: 4096) { hub in
            // Given a hub that takes 4 KB bodies and a station with 40 annotations to send (about 14 KB)
            let station = try await hub.joinStation("bay-1")
            let annotations = (0..<40).map { index in
                Annotation(
                    id: UUID(), taskID: "t\(index)", projectID: "sentiment", labels: ["positive"], username: "ana",
                    stationID: "bay-1", leaseEpoch: 1, createdAt: monday, secondsOnTask: 1)
            }

            // When it sends them in one request
            let error = await #expect(throws: HTTPTransportError.self) {
                try await station.transport.exchange(SyncRequest(stationID: "bay-1", annotations: annotations, cursor: 0, wantedLeases: 0))
            }

            // Then the hub says the body is too large, and took nothing
            #expect(error == .refused(
                status: 413, "the request body is larger than the hub accepts (4096 bytes); send smaller batches"))
            #expect(try hub.hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 6))
        }
    }

    @Test func malformedJSONGets400WithASentence() async throws {
        try await withRunningHub { hub in
            let station = try await hub.joinStation("bay-1")
            let cases: [(body: String, sentence: String)] = [
                ("{\"stationID\": \"bay-1\", ", "the body is not valid JSON"),
                (#"{"stationID":"bay-1","annotations":"none","cursor":0,"wantedLeases":1}"#, #""annotations" must be an array"#),
                (#"{"stationID":"bay-1","annotations":[],"cursor":"zero","wantedLeases":1}"#, #""cursor" must be a whole number"#),
                (#"{"stationID":"bay-1","annotations":[],"cursor":0}"#, #""wantedLeases" is missing"#),
                (#"{"stationID":"bay-1","annotations":[{"id":"x"}],"cursor":0,"wantedLeases":1}"#, #""annotations[0].id" has a value that cannot be read"#),
            ]
            for (text, sentence) in cases {
                let body = Data(text.utf8)
                let signer = try RequestSigner(stationID: "bay-1", privateKey: station.identity.privateKey)
                let headers = try signer.headers(method: "POST", path: HubPath.sync, body: body, now: hub.clock.now)

                let answer = try await send(to: hub, path: HubPath.sync, body: body, headers: headers)

                #expect(answer.status == 400, "\(text)")
                #expect(answer.sentence?.hasPrefix(sentence) == true, "\(answer.sentence ?? "no sentence") for \(text)")
            }
            #expect(try hub.hub.taskCounts(projectID: "sentiment").leased == 0)
        }
    }
}
