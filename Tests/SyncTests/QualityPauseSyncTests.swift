import Domain
import Foundation
import Hub
import Interchange
import Store
import Sync
import Testing
import TestSupport

/// A person whose gold answers are wrong is paused at the hub, and their station, at its
/// next sync, shuts that queue for them and says to see their lead.
@Suite("Pauses reach the station")
struct QualityPauseSyncTests {
    @Test func wrongAnswersOnGoldPauseThePersonAtTheirStationAtTheNextSync() async throws {
        // Given a hub whose sentiment project has gold (onboarding 5, judged after 4) and
        // ana, who has logged on at the station
        let setup = try StandaloneSetup(taskCount: 20, undoWindow: 0, leaseTarget: 8)
        try setup.hub.importGold((1...10).map { number in
            InterchangeRecord(
                task: LabelTask(id: "t\(100 + number)", projectID: "sentiment", text: "text \(100 + number)", marking: .unclassified),
                annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "trainer")])
        }, projectID: "sentiment", actor: "admin", now: monday)
        try setup.hub.setGoldPolicy(
            GoldPolicy(rate: 0, onboarding: 5, provenRate: 0, minimumGold: 4, warnBelow: 0.9, pauseBelow: 0.8), projectID: "sentiment",
            actor: "admin", now: monday)
        try setup.station.addAccount(Account(username: "ana", displayName: "Ana", role: .labeler), password: "pw", now: monday)
        _ = try setup.station.logOn(username: "ana", password: "pw", now: monday)
        _ = try await setup.syncer.sync(now: setup.clock.now, flushAll: true)
        #expect(try setup.station.queueSummaries(username: "ana", now: monday, calendar: Calendar(identifier: .gregorian)).first?.isPaused == false)

        // When ana answers her first five (the gold, all keyed positive) negative, and syncs
        for _ in 0..<5 { try setup.labelNext("negative") }
        setup.clock.advance(by: 5)
        _ = try await setup.syncer.sync(now: setup.clock.now, flushAll: true)

        // Then the hub has her paused, and her station shuts the queue for her
        let report = try setup.hub.qualityReport(projectID: "sentiment")
        #expect(report.people.first?.standing(under: report.policy) == .paused)
        let summary = try #require(try setup.station.queueSummaries(username: "ana", now: setup.clock.now, calendar: Calendar(identifier: .gregorian)).first)
        #expect(summary.isPaused)
        #expect(try setup.station.nextTask(projectID: "sentiment", for: "ana") == nil)
        // And the pause shuts the queue for ana alone: her leases are still cached
        #expect(try setup.station.nextTask(projectID: "sentiment") != nil)
    }
}
