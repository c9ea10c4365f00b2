import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

/// People of known accuracy label through the hub with gold mixed in: the hub's estimate
/// and its pauses follow what is true of them.
@Suite("Quality from gold, simulated")
struct QualitySimulationTests {
    @Test func twentyPeopleOfKnownAccuracyAreEstimatedWithinTheirIntervalsAndOnlyTheWeakArePaused() throws {
        // Given 5,000 tasks, 400 gold items and 20 people, four of them far below the
        // pause threshold of 70%, the rest well above it
        let directory = try TemporaryDirectory()
        let hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")), goldSeed: 20)
        try hub.createProject(sentimentProject(), actor: "admin", now: monday)
        let accuracies = [0.3, 0.4, 0.45, 0.5] + (0..<16).map { 0.86 + Double($0) * 0.008 }
        let people = accuracies.indices.map { "p\(String(format: "%02d", $0))" }
        for person in people { try hub.setUser(username: person, role: .labeler, actor: "admin", now: monday) }
        try hub.importTasks(projectID: "sentiment", tasks: (0..<5000).map { task("t\($0)") }, actor: "admin", now: monday)
        try hub.importGold((0..<400).map { index in
            InterchangeRecord(task: task("g\(index)"), annotations: [ImportedAnnotation(answer: .labels([index % 2 == 0 ? "positive" : "negative"]), annotator: "trainer")])
        }, projectID: "sentiment", actor: "admin", now: monday)
        let policy = GoldPolicy(rate: 0.1, onboarding: 10, provenRate: 0.05, minimumGold: 20, warnBelow: 0.85, pauseBelow: 0.7)
        try hub.setGoldPolicy(policy, projectID: "sentiment", actor: "admin", now: monday)
        let keys = Dictionary(uniqueKeysWithValues: try hub.goldItems(projectID: "sentiment").map { ($0.task.id, $0.key) })

        // When each person's station leases batches of 25 and they answer, right on gold
        // as often as their accuracy says, until the work runs out
        var random = SeededRandom(seed: 5000)
        var time = monday
        for _ in 0..<40 {
            var handed = 0
            for (index, person) in people.enumerated() {
                time = time.addingTimeInterval(1)
                let station = "station-\(index)"
                let leases = try hub.exchange(SyncRequest(stationID: station, annotations: [], cursor: 0, wantedLeases: 25, people: [person]), now: time).leases
                handed += leases.count
                let answers = leases.map { lease -> Annotation in
                    var label = "positive"
                    if case .labels(let key)? = keys[lease.task.id] {
                        let right = Double.random(in: 0..<1, using: &random) < accuracies[index]
                        label = right ? key[0] : (key[0] == "positive" ? "negative" : "positive")
                    }
                    return work(on: lease, labels: [label], station: station, username: person, at: time)
                }
                _ = try hub.exchange(request(from: station, answers), now: time)
            }
            if handed == 0 { break }
        }

        // Then each person's true accuracy lies in their interval for at least 19 of 20
        let report = try hub.qualityReport(projectID: "sentiment")
        #expect(report.people.map(\.username) == people)
        let covered = zip(report.people, accuracies).filter { person, truth in
            person.interval.lower <= truth && truth <= person.interval.upper
        }
        #expect(covered.count >= 19, "\(report.people.map { ($0.username, $0.accuracy ?? 0, $0.interval.lower, $0.interval.upper) })")
        // And everyone has enough gold to be judged, and the paused are exactly the four weak
        #expect(report.people.allSatisfy { $0.scored >= policy.minimumGold })
        let paused = report.people.filter { $0.standing(under: policy) == .paused }.map(\.username)
        #expect(paused == Array(people.prefix(4)))
        #expect(report.people[0].reason(under: policy)?.hasPrefix("paused: ") == true)
        // And the running records the hub keeps are what scoring every answer again gives
        #expect(report.people == (try rescored(hub)), "the kept record drifted from the answers")
        // And a paused person is handed nothing more
        let after = try hub.exchange(SyncRequest(stationID: "station-0", annotations: [], cursor: 0, wantedLeases: 25, people: [people[0]]), now: time)
        #expect(after.leases.isEmpty)
    }
}

/// Every person's record on sentiment's gold, scored again from the answers and keys.
func rescored(_ hub: Hub, projectID: String = "sentiment") throws -> [PersonQuality] {
    let project = try #require(try hub.project(id: projectID))
    var keys: [String: Answer] = [:]
    for item in try hub.goldItems(projectID: projectID) { keys[item.task.id] = item.key }
    var people: [String: PersonQuality] = [:]
    for answer in try hub.goldAnswers(projectID: projectID) {
        let annotation = answer.annotation
        var outcome = annotation.isSkip ? nil : GoldScoring.score(annotation.answer, against: keys[annotation.taskID]!, in: project)
        if outcome == .needsReviewer, let verdict = answer.verdict { outcome = .scored(GoldScore.reviewed(verdict)) }
        people[annotation.username, default: PersonQuality(username: annotation.username)].add(outcome, seconds: annotation.secondsOnTask)
    }
    return people.values.sorted { $0.username < $1.username }
}

extension PersonQuality {
    /// What the hub's running record adds for one gold answer (nil: a skip): the
    /// reference the kept records are held to.
    mutating func add(_ outcome: GoldOutcome?, seconds: Double) {
        goldSeconds += seconds
        switch outcome {
        case nil:
            skipped += 1
        case .needsReviewer?:
            awaitingReview += 1
        case .scored(let score)?:
            scored += 1
            credit += score.value
            if score.isCorrect { correct += 1 }
            for error in score.errors { errors[error.errorClass, default: 0] += 1 }
        }
    }
}
