import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

/// Gold mixed into each person's leases: onboarding, the rate, never twice, and leases
/// a station cannot tell apart.
@Suite("Gold in every person's leases")
struct GoldLeasingTests {
    let directory: TemporaryDirectory
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")), goldSeed: 2026)
        try hub.createProject(sentimentProject(leaseSeconds: 600), actor: "admin", now: monday)
        for username in ["ana", "bea"] { try hub.setUser(username: username, role: .labeler, actor: "admin", now: monday) }
    }

    /// `count` ordinary tasks, priorities cycling 0-2, and `gold` gold items keyed positive.
    func fill(tasks count: Int, gold: Int, policy: GoldPolicy) throws {
        try hub.importTasks(
            projectID: "sentiment", tasks: (0..<count).map { task("t\($0)", priority: $0 % 3) }, actor: "admin", now: monday)
        let records = (0..<gold).map { index in
            InterchangeRecord(task: task("g\(index)", priority: 0), annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "trainer")])
        }
        try hub.importGold(records, projectID: "sentiment", actor: "admin", now: monday)
        try hub.setGoldPolicy(policy, projectID: "sentiment", actor: "admin", now: monday)
    }

    func isGold(_ lease: LeasedTask) -> Bool { lease.task.id.hasPrefix("g") }

    func sync(_ people: [String], wanted: Int, at time: Date = monday) throws -> [LeasedTask] {
        try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: wanted, people: people), now: time).leases
    }

    @Test func eachPersonGetsTheirOwnBatchAndANewPersonsFirstLeasesAreGold() throws {
        // Given 100 tasks, 20 gold items, onboarding of 4 and no gold after it
        try fill(tasks: 100, gold: 20, policy: GoldPolicy(rate: 0, onboarding: 4, provenRate: 0))

        // When a station leasing for ana and bea asks for 10 each
        let leases = try sync(["bea", "ana"], wanted: 10)

        // Then each has 10, named for them; their first 4 are gold, the rest ordinary
        #expect(leases.count == 20)
        for person in ["ana", "bea"] {
            let theirs = leases.filter { $0.assignee == person }
            #expect(theirs.count == 10)
            #expect(theirs.prefix(4).allSatisfy(isGold), "\(theirs.map(\.task.id))")
            #expect(!theirs.dropFirst(4).contains(where: isGold))
        }
        // And a later batch, onboarding done and the rate 0, has no gold
        #expect(!(try sync(["ana"], wanted: 10)).contains(where: isGold))
        // And a station naming nobody gets leases for anyone, without gold
        let anyone = try sync([], wanted: 5)
        #expect(anyone.count == 5 && anyone.allSatisfy { $0.assignee == nil && !isGold($0) })
    }

    @Test func goldComesAtTheRateNeverTwiceToOnePersonAndNotWithoutOrdinaryWork() throws {
        // Given 2,000 tasks and 800 gold items at a rate of 20%, no onboarding
        try fill(tasks: 2000, gold: 800, policy: GoldPolicy(rate: 0.2, onboarding: 0, provenRate: 0.1))

        // When ana's station asks for batches of 50 until the tasks run out
        var all: [LeasedTask] = []
        var sizes: [Int] = []
        for round in 0..<80 {
            let batch = try sync(["ana"], wanted: 50, at: monday.addingTimeInterval(Double(round)))
            if batch.isEmpty { break }
            all += batch
            sizes.append(batch.count)
        }

        // Then every full batch is the size asked for, gold is about a fifth of what was
        // handed (3 standard deviations), and none came twice
        #expect(sizes.dropLast().allSatisfy { $0 == 50 }, "\(sizes)")
        #expect(all.filter { !isGold($0) }.count == 2000)
        let gold = all.filter(isGold)
        let share = Double(gold.count) / Double(all.count)
        let sigma = (0.2 * 0.8 / Double(all.count)).squareRoot()
        #expect(abs(share - 0.2) < 3 * sigma, "gold share \(share) of \(all.count)")
        #expect(Set(gold.map(\.task.id)).count == gold.count)
        // And once the ordinary tasks are gone, no batch of gold alone comes
        #expect(try sync(["ana"], wanted: 50, at: monday.addingTimeInterval(100)).isEmpty)
    }

    @Test func aStationCannotTellGoldByOrderPriorityEpochOrLeaseLength() throws {
        // Given ordinary work with mixed priorities and gold at 10%
        try fill(tasks: 4000, gold: 600, policy: GoldPolicy(rate: 0.1, onboarding: 0, provenRate: 0.05))

        // When 60 batches of 40 are leased to ana
        var relativePlaces: [Double] = []
        var jitter = SeededRandom(seed: 7)
        for round in 0..<60 {
            let batch = try sync(["ana"], wanted: 40, at: monday.addingTimeInterval(Double(round)))
            // Then every lease of a batch has the same length and epoch, and the batch is
            // in priority order, so the station serves gold exactly where it sits
            #expect(batch.count == 40)
            #expect(Set(batch.map(\.expiresAt)).count == 1)
            #expect(batch.allSatisfy { $0.epoch == 1 })
            #expect(zip(batch, batch.dropFirst()).allSatisfy { $0.task.priority >= $1.task.priority })
            for (index, lease) in batch.enumerated() where isGold(lease) {
                // A slot spread over its width, so uniform slots give a uniform place
                relativePlaces.append((Double(index) + Double.random(in: 0..<1, using: &jitter)) / Double(batch.count))
            }
        }
        // And gold's places in a batch are uniform (Kolmogorov-Smirnov at the 5% level, fixed seed)
        relativePlaces.sort()
        let count = Double(relativePlaces.count)
        #expect(relativePlaces.count > 100)
        let distance = relativePlaces.enumerated().map { index, value in
            max(abs(Double(index + 1) / count - value), abs(value - Double(index) / count))
        }.max() ?? 1
        #expect(distance < 1.36 / count.squareRoot(), "KS distance \(distance) over \(relativePlaces.count) places")
    }

    @Test func workOnGoldIsKeptBesideTheKeyAndAnsweredAsAnyTasksWouldBe() throws {
        // Given ana's first lease, a gold item (onboarding of 1)
        try fill(tasks: 5, gold: 3, policy: GoldPolicy(rate: 0, onboarding: 1, provenRate: 0))
        let leases = try sync(["ana"], wanted: 2)
        let gold = try #require(leases.first)
        #expect(isGold(gold))

        // When ana answers it and an ordinary task, and the station sends both (twice)
        let answers = [work(on: gold, labels: ["negative"]), work(on: leases[1])]
        let first = try hub.exchange(request(answers), now: monday)
        let again = try hub.exchange(request(answers), now: monday)

        // Then both are accepted alike, a resend gets the same, and the gold answer is kept
        #expect(first.outcomes.map(\.status) == [.accepted, .accepted])
        #expect(again.outcomes.map(\.status) == [.accepted, .accepted])
        let kept = try hub.goldAnswers(projectID: "sentiment")
        #expect(kept.map(\.annotation.taskID) == [gold.task.id])
        #expect(kept.first?.annotation.answer == .labels(["negative"]))
        // And the gold item is no task: the ordinary counts hold only the ordinary work
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 4, done: 1))
        // And gold work from a station it was never handed to is refused as an unknown task would be
        var stranger = work(on: gold, station: "station-2")
        stranger.taskID = "g2"
        let refused = try hub.exchange(request(from: "station-2", [stranger]), now: monday)
        #expect(refused.outcomes.first?.reason == #"task "g2" is not in project "sentiment" at the hub"#)
        let unknown = try hub.exchange(request(from: "station-2", [work(on: LeasedTask(task: task("nope"), epoch: 1, expiresAt: monday), station: "station-2")]), now: monday)
        #expect(unknown.outcomes.first?.reason == #"task "nope" is not in project "sentiment" at the hub"#)
    }

    @Test func anItemSeenByManyIsReportedAndARetiredItemIsHandedToNobodyMore() throws {
        // Given 2 gold items, both handed to ana and bea in onboarding
        try fill(tasks: 10, gold: 2, policy: GoldPolicy(rate: 0, onboarding: 2, provenRate: 0))
        _ = try sync(["ana", "bea"], wanted: 2)
        #expect(try hub.goldExposure(projectID: "sentiment").mapValues(\.handed) == ["g0": 2, "g1": 2])

        // When g0 is retired, then a newcomer's onboarding gets only g1
        #expect(try hub.retireGold(["g0"], projectID: "sentiment", actor: "admin", now: monday) == 1)
        try hub.setUser(username: "cai", role: .labeler, actor: "admin", now: monday)
        #expect(try sync(["cai"], wanted: 2).filter(isGold).map(\.task.id) == ["g1"])
        // And an id not in the pool is refused with a sentence, retiring nothing
        #expect {
            try hub.retireGold(["g1", "nope"], projectID: "sentiment", actor: "admin", now: monday)
        } throws: { error in
            "\(error)" == #""nope" is not a gold item in the pool of sentiment (see labeldesk gold list); nothing was retired"#
        }
        #expect(try hub.goldItems(projectID: "sentiment").map(\.task.id) == ["g1"])
    }
}
