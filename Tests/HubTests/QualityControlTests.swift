import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

/// The floor's gold accuracy per hour and each person's, as control charts, on a fixed log.
@Suite("Quality control charts of a shift")
struct QualityControlTests {
    /// Four hours from monday: ana and bea answer five gold items each hour, all right,
    /// except bea's five in the third hour, all wrong; plus answers outside the window and
    /// of another project, which do not count.
    static func log() -> [ScoredGoldRow] {
        var rows: [ScoredGoldRow] = []
        for hour in 0..<4 {
            for person in ["ana", "bea"] {
                for minute in stride(from: 5, to: 55, by: 10) {
                    let score = person == "bea" && hour == 2 ? 0.0 : 1.0
                    rows.append(ScoredGoldRow(projectID: "sentiment", username: person, answeredAt: monday.addingTimeInterval(Double(hour * 3_600 + minute * 60)), score: score))
                }
            }
        }
        rows.append(ScoredGoldRow(projectID: "sentiment", username: "cid", answeredAt: monday.addingTimeInterval(-60), score: 0))
        rows.append(ScoredGoldRow(projectID: "sentiment", username: "cid", answeredAt: monday.addingTimeInterval(4 * 3_600), score: 0))
        rows.append(ScoredGoldRow(projectID: "other", username: "ana", answeredAt: monday.addingTimeInterval(600), score: 0))
        return rows
    }

    @Test func theHourBeaSlippedIsMarkedOnTheFloorAndOnHerOwnChart() {
        // Given the log, charted over the four hours
        let control = QualityControl(projectID: "sentiment", answers: Self.log(), since: monday, until: monday.addingTimeInterval(4 * 3_600))
        // Then the floor's centre is 35 of 40 and each hour has its ten answers
        #expect(control.floor.center == 0.875)
        #expect(control.floor.points.map(\.trials) == [10, 10, 10, 10])
        #expect(control.floor.points.map(\.proportion) == [1, 1, 0.5, 1])
        // (σ at n = 10 is √(0.875·0.125/10) = 0.104583; hour 3 is (0.5 − 0.875)/σ = −3.59 σ)
        let third = control.floor.points[2]
        #expect(abs(third.sigma - 0.10458250331675945) < 1e-12)
        #expect(abs(third.z - -3.585685828003181) < 1e-9)
        #expect(control.floor.signalled.map(\.index) == [2])
        #expect(third.signals == [.beyondThreeSigma] && third.side == .below)
        #expect(control.start(of: third) == monday.addingTimeInterval(2 * 3_600))
        // And bea's own chart marks that hour; ana's marks nothing; cid (outside the window) is not there
        #expect(control.people.keys.sorted() == ["ana", "bea"])
        #expect(control.people["bea"]?.signalled.map(\.index) == [2])
        #expect(control.people["bea"]?.center == 0.875)
        #expect(control.people["ana"]?.signalled.isEmpty == true)
        #expect(control.peopleOutside == ["bea"])
    }

    @Test func periodsOfAnotherLengthAndHoursWithoutGoldHaveNoPoint() {
        // Given two-hour periods over eight hours: the third holds only cid's answer at hour
        // four (inside this window), the fourth none
        let control = QualityControl(projectID: "sentiment", answers: Self.log(), since: monday, until: monday.addingTimeInterval(8 * 3_600), periodSeconds: 7_200)
        #expect(control.floor.points.map(\.index) == [0, 1, 2])
        #expect(control.floor.points.map(\.trials) == [20, 20, 1])
        #expect(control.floor.points.map(\.proportion) == [1, 0.75, 0])
        #expect(control.people["cid"]?.points.map(\.index) == [2])
    }

    @Test func theHubChartsTheGoldAnswersAsTheyWereMade() throws {
        // Given ana answering 20 gold items, ten in each of two hours, the second ten all wrong
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        try hub.importGold((0..<20).map { InterchangeRecord(task: task("g\($0)"), annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "t")]) },
                           projectID: "sentiment", actor: "admin", now: monday)
        try hub.setGoldPolicy(GoldPolicy(rate: 0, onboarding: 20, provenRate: 0), projectID: "sentiment", actor: "admin", now: monday)
        let leases = try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 20, people: ["ana"]), now: monday).leases
        #expect(leases.count == 20)
        let answers = leases.enumerated().map { index, lease in
            work(on: lease, labels: [index < 10 ? "positive" : "negative"], at: monday.addingTimeInterval(Double(index < 10 ? 600 : 4_200)))
        }
        _ = try hub.exchange(request(answers), now: monday.addingTimeInterval(7_200))
        // When charted over the two hours
        let control = try hub.qualityControl(projectID: "sentiment", since: monday, until: monday.addingTimeInterval(7_200))
        // Then each hour holds its ten, by when they were made, and the second is marked below
        #expect(control.floor.points.map(\.trials) == [10, 10])
        #expect(control.floor.points.map(\.proportion) == [1, 0])
        #expect(control.floor.signalled.map(\.index) == [0, 1])
        #expect(control.people["ana"]?.points.last?.side == .below)
        // And a window that ends before it starts, or an unknown project, is a sentence
        #expect(throws: HubError.self) { try hub.qualityControl(projectID: "sentiment", since: monday, until: monday) }
        #expect(throws: HubError.self) { try hub.qualityControl(projectID: "nope", since: monday, until: monday.addingTimeInterval(60)) }
    }
}
