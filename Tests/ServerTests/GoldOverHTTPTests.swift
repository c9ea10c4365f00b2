import Domain
import Foundation
import Hub
import Interchange
import Store
import Sync
import TestSupport
import XCTest

/// Gold end to end over HTTP: a hub with a gold pool, two stations, one person who answers
/// gold right and one who answers it wrong.
final class GoldOverHTTPTests: XCTestCase {
    func testTheReportShowsBothAndTheOneWhoGetsGoldWrongIsPausedAtTheirStation() async throws {
        try await withRunningHub(taskCount: 60) { hub in
            // Given a gold pool of 12 (onboarding 6, judged after 6) and bea beside ana
            try hub.hub.setUser(username: "bea", role: .labeler, actor: "admin", now: monday)
            try hub.hub.importGold((1...12).map { number in
                InterchangeRecord(
                    task: LabelTask(id: "t\(100 + number)", projectID: "sentiment", text: "text \(100 + number)", marking: .unclassified),
                    annotations: [ImportedAnnotation(answer: .labels([number % 2 == 0 ? "positive" : "negative"]), annotator: "trainer")])
            }, projectID: "sentiment", actor: "admin", now: monday)
            try hub.hub.setGoldPolicy(
                GoldPolicy(rate: 0.2, onboarding: 6, provenRate: 0.1, minimumGold: 6, warnBelow: 0.85, pauseBelow: 0.7), projectID: "sentiment",
                actor: "admin", now: monday)
            let keys = Dictionary(uniqueKeysWithValues: try hub.hub.goldItems(projectID: "sentiment").map { ($0.task.id, $0.key) })
            // And ana at one station, bea at another, each logged on there
            var stations: [(person: String, station: HTTPStation, right: Bool)] = []
            for (person, stationID, right) in [("ana", "bay-1", true), ("bea", "bay-2", false)] {
                let station = try await hub.joinStation(stationID, leaseTarget: 10)
                try station.database.addAccount(Account(username: person, displayName: person, role: .labeler), password: "pw", now: monday)
                _ = try station.database.logOn(username: person, password: "pw", now: monday)
                stations.append((person, station, right))
            }

            // When each labels what their station serves them, over four syncs
            for _ in 0..<4 {
                for (person, station, right) in stations {
                    _ = try await station.sync()
                    while let next = try station.database.nextTask(projectID: "sentiment", for: person) {
                        var label = "positive"
                        if case .labels(let key)? = keys[next.task.id] { label = right ? key[0] : (key[0] == "positive" ? "negative" : "positive") }
                        try station.labelNext(label, by: person)
                    }
                    _ = try await station.sync()
                }
                hub.clock.advance(by: 60)
            }

            // Then the report shows ana right on every gold item and bea on none, bea paused
            let report = try hub.hub.qualityReport(projectID: "sentiment")
            XCTAssertEqual(report.people.map(\.username), ["ana", "bea"])
            let ana = report.people[0], bea = report.people[1]
            XCTAssertGreaterThanOrEqual(ana.scored, 6)
            XCTAssertGreaterThanOrEqual(bea.scored, 6)
            XCTAssertEqual(ana.accuracy, 1)
            XCTAssertEqual(bea.accuracy, 0)
            XCTAssertEqual(bea.errors[.wrongLabel], bea.scored)
            XCTAssertNotEqual(ana.standing(under: report.policy), .paused)
            XCTAssertEqual(bea.standing(under: report.policy), .paused)
            // And bea's station has shut her queue; ana's has not
            let calendar = Calendar(identifier: .gregorian)
            XCTAssertEqual(try stations[1].station.database.queueSummaries(username: "bea", now: hub.clock.now, calendar: calendar).first?.isPaused, true)
            XCTAssertNil(try stations[1].station.database.nextTask(projectID: "sentiment", for: "bea"))
            XCTAssertEqual(try stations[0].station.database.queueSummaries(username: "ana", now: hub.clock.now, calendar: calendar).first?.isPaused, false)
        }
    }
}
