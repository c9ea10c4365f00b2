import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

@Suite("The errors people make on gold")
struct ErrorReportTests {
    @Test func theConfusionMatrixTheMostMissedItemsAndAWeakLabelComeFromTheAnswers() throws {
        // Given 20 gold items, half keyed positive and half negative, all handed to ana
        // (onboarding) and bea, who answer every one positive
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        try hub.importGold((0..<20).map { index in
            InterchangeRecord(task: task("g\(index)"), annotations: [ImportedAnnotation(answer: .labels([index < 10 ? "positive" : "negative"]), annotator: "t")])
        }, projectID: "sentiment", actor: "admin", now: monday)
        try hub.setGoldPolicy(GoldPolicy(rate: 0, onboarding: 20, provenRate: 0), projectID: "sentiment", actor: "admin", now: monday)
        for person in ["ana", "bea"] {
            let leases = try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 20, people: [person]), now: monday).leases
            #expect(leases.count == 20)
            _ = try hub.exchange(request(leases.map { work(on: $0, labels: ["positive"], username: person) }), now: monday)
        }

        // When the error report is made
        let report = try hub.errorReport(projectID: "sentiment")

        // Then the matrix says every negative was called positive, by both
        let confusion = try #require(report.confusion)
        #expect(confusion.labels == ["positive", "negative"])
        #expect(confusion.count(expected: "positive", given: "positive") == 20)
        #expect(confusion.count(expected: "negative", given: "positive") == 20)
        #expect(confusion.count(expected: "negative", given: "negative") == 0)
        #expect(report.confusionByPerson["ana"]?.count(expected: "negative", given: "positive") == 10)
        #expect(report.errorClasses == [.wrongLabel: 20])
        // And the ten negative items are the missed ones, each called positive twice
        #expect(report.missed.map(\.goldID).sorted() == (10..<20).map { "g\($0)" }.sorted())
        #expect(report.missed.allSatisfy { $0.answered == 2 && $0.credit == 0 && $0.key == "negative" && $0.wrongAnswers.first?.answer == "positive" && $0.wrongAnswers.first?.count == 2 })
        // And each person's weak spot is the negative label, and only it
        #expect(report.weakSpots.map { "\($0.username) \($0.what) \($0.items)" } == ["ana label negative 10", "bea label negative 10"])
        // And one person's report holds only their answers
        #expect(try hub.errorReport(projectID: "sentiment", username: "ana").confusion?.count(expected: "negative", given: "positive") == 10)
    }

    @Test func theQualityReportShowsTimeOnGoldAgainstOtherWorkAndAnswersMuchFasterThanTheirOwnMedian() throws {
        // Given ana's first 2 leases are gold, then 10 ordinary tasks
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        try hub.importTasks(projectID: "sentiment", tasks: (0..<10).map { task("t\($0)") }, actor: "admin", now: monday)
        try hub.importGold((0..<2).map { InterchangeRecord(task: task("g\($0)"), annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "t")]) },
                           projectID: "sentiment", actor: "admin", now: monday)
        try hub.setGoldPolicy(GoldPolicy(rate: 0, onboarding: 2, provenRate: 0), projectID: "sentiment", actor: "admin", now: monday)
        let leases = try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 12, people: ["ana"]), now: monday).leases

        // When she spends 20 s on each gold item, 30 s on other work but 1 s on two tasks
        let answers = leases.enumerated().map { index, lease -> Annotation in
            var answer = work(on: lease)
            answer.secondsOnTask = index < 2 ? 20 : index < 4 ? 1 : 30
            return answer
        }
        _ = try hub.exchange(request(answers), now: monday)

        // Then the report has her medians and the two answers under a third of her median
        let pace = try #require(try hub.qualityReport(projectID: "sentiment", withPace: true).pace["ana"])
        #expect(pace.goldMedianSeconds == 20)
        #expect(pace.otherMedianSeconds == 30)
        #expect(pace.fast == 2 && pace.answers == 12)
    }

    @Test func freeTextGoldWaitsForAReviewerWhoseVerdictIsTheScore() throws {
        // Given a free-text project whose one gold item ana has answered
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        try hub.createProject(Project(id: "notes", title: "Notes", kind: .freeText), actor: "admin", now: monday)
        try hub.importGold([InterchangeRecord(
            task: LabelTask(id: "n1", projectID: "notes", text: "Summarise", marking: .unclassified),
            annotations: [ImportedAnnotation(answer: .text("the key summary"), annotator: "t")])], projectID: "notes", actor: "admin", now: monday)
        try hub.setGoldPolicy(GoldPolicy(rate: 0, onboarding: 1, provenRate: 0), projectID: "notes", actor: "admin", now: monday)
        let lease = try #require(try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 1, people: ["ana"]), now: monday).leases.first)
        let given = Annotation(id: UUID(), taskID: lease.task.id, projectID: "notes", answer: .text("my summary"), username: "ana",
                               stationID: "station-1", leaseEpoch: lease.epoch, createdAt: monday, secondsOnTask: 30)
        _ = try hub.exchange(request([given]), now: monday)

        // Then it waits for review, counted apart from the scored
        #expect(try hub.goldAwaitingReview(projectID: "notes").map(\.answer.annotation.id) == [given.id])
        #expect(try hub.qualityReport(projectID: "notes").people.first?.awaitingReview == 1)

        // When a reviewer scores it 0.5, then that is its score, and nothing waits
        try hub.reviewGoldAnswer(given.id, projectID: "notes", score: 0.5, actor: "lead", now: monday)
        let ana = try #require(try hub.qualityReport(projectID: "notes").people.first)
        #expect(ana.scored == 1 && ana.credit == 0.5 && ana.awaitingReview == 0 && ana.errors == [.reviewerMarkedDown: 1])
        #expect(try hub.goldAwaitingReview(projectID: "notes").isEmpty)
        #expect(try hub.qualityReport(projectID: "notes").people == (try rescored(hub, projectID: "notes")))
        // And a second verdict replaces the first in the record
        try hub.reviewGoldAnswer(given.id, projectID: "notes", score: 1, actor: "lead", now: monday)
        let again = try #require(try hub.qualityReport(projectID: "notes").people.first)
        #expect(again.scored == 1 && again.credit == 1 && again.correct == 1 && (again.errors[.reviewerMarkedDown] ?? 0) == 0)
        // And a score out of range, or for no such answer, is refused with a sentence
        #expect(throws: HubError.refused("a verdict is a score from 0 (wrong) to 1 (right), not 2.0")) {
            try hub.reviewGoldAnswer(given.id, projectID: "notes", score: 2, actor: "lead", now: monday)
        }
        #expect(throws: HubError.self) { try hub.reviewGoldAnswer(UUID(), projectID: "notes", score: 1, actor: "lead", now: monday) }
    }
}
