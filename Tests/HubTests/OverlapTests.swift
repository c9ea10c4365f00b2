import Domain
import Foundation
import Hub
import Store
import Testing
import TestSupport

/// Overlap: a share of a project's tasks labelled by several different people, leased so
/// that nobody gets the same task twice.
@Suite("Overlapped tasks")
struct OverlapTests {
    let directory: TemporaryDirectory
    let database: HubDatabase
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        database = try HubDatabase(path: directory.path("hub.sqlite"))
        hub = Hub(database: database)
        try hub.createProject(sentimentProject(), actor: "admin", now: monday)
        for username in ["ana", "bea", "cid", "dan"] { try hub.setUser(username: username, role: .labeler, actor: "admin", now: monday) }
    }

    func overlap(_ share: Double, people: Int) throws {
        try hub.setGoldPolicy(GoldPolicy(rate: 0, onboarding: 0, provenRate: 0, overlap: share, overlapPeople: people), projectID: "sentiment", actor: "admin", now: monday)
    }

    func leases(for person: String, station: String = "station-1", wanted: Int, at time: Date = monday) throws -> [LeasedTask] {
        try hub.exchange(SyncRequest(stationID: station, annotations: [], cursor: 0, wantedLeases: wanted, people: [person]), now: time).leases
    }

    func send(_ annotations: [Annotation], from station: String = "station-1", at time: Date = monday) throws -> [AnnotationOutcome] {
        try hub.exchange(request(from: station, annotations), now: time).outcomes
    }

    func state(of taskID: String) throws -> HubTask.State? {
        try database.read { try $0.hubTask(projectID: "sentiment", id: taskID)?.state }
    }

    @Test func everyOverlappedTaskIsLabelledByThatManyDifferentPeopleAndNobodyGetsOneTwice() throws {
        // Given 12 tasks, every one labelled by 3 people, and four people at one station
        try hub.importTasks(projectID: "sentiment", tasks: (0..<12).map { task("t\($0)") }, actor: "admin", now: monday)
        try overlap(1, people: 3)

        // When they take turns leasing 4 tasks and answering them, until nothing is left
        var leased: [String: [String]] = [:]
        var round = 0
        while round < 40 {
            var anything = false
            for person in ["ana", "bea", "cid", "dan"] {
                let time = monday.addingTimeInterval(Double(round))
                let batch = try leases(for: person, wanted: 4, at: time)
                anything = anything || !batch.isEmpty
                leased[person, default: []] += batch.map(\.task.id)
                let outcomes = try send(batch.map { work(on: $0, username: person, at: time) }, at: time)
                #expect(outcomes.allSatisfy { $0.status == .accepted }, "\(outcomes)")
            }
            if !anything { break }
            round += 1
        }

        // Then no one was leased a task twice, and each task has 3 people's answers,
        // one of them canonical, and is done
        for (person, ids) in leased { #expect(Set(ids).count == ids.count, "\(person) got \(ids)") }
        let judgements = try database.read { try $0.judgements(projectID: "sentiment") }
        for index in 0..<12 {
            let theirs = judgements.filter { $0.annotation.taskID == "t\(index)" }
            #expect(Set(theirs.map(\.annotation.username)).count == 3, "t\(index): \(theirs.map(\.annotation.username))")
            #expect(theirs.filter(\.isCanonical).count == 1)
            #expect(try state(of: "t\(index)") == .done)
        }
        #expect(leased.values.reduce(0) { $0 + $1.count } == 36)
    }

    @Test func theShareOfTasksOverlappedIsTheSharePolicySetsAndStable() {
        // Given a policy overlapping 20% of tasks
        let policy = GoldPolicy(overlap: 0.2, overlapPeople: 3)

        // When 10,000 ids are asked about
        let overlapped = (0..<10_000).filter { policy.isOverlapped(taskID: "task-\($0)") }

        // Then about a fifth are (3 standard deviations: 0.2 +- 0.012), the same again,
        // none at 0 and all at 1, and a higher share keeps every task it had
        #expect(abs(Double(overlapped.count) / 10_000 - 0.2) < 0.012, "\(overlapped.count)")
        #expect(overlapped == (0..<10_000).filter { policy.isOverlapped(taskID: "task-\($0)") })
        #expect(!(0..<1000).contains { GoldPolicy(overlap: 0).isOverlapped(taskID: "task-\($0)") })
        #expect((0..<1000).allSatisfy { GoldPolicy(overlap: 1).isOverlapped(taskID: "task-\($0)") })
        let wider = GoldPolicy(overlap: 0.4, overlapPeople: 3)
        #expect(overlapped.allSatisfy { wider.isOverlapped(taskID: "task-\($0)") })
        #expect(policy.peopleNeeded(taskID: "task-\(overlapped[0])") == 3)
    }

    @Test func lateWorkCountsButDoesNotTakeTheLeaseFromItsHolder() throws {
        // Given one task for 2 people, leased to ana for 600 s
        try hub.importTasks(projectID: "sentiment", tasks: [task("t0")], actor: "admin", now: monday)
        try overlap(1, people: 2)
        let anas = try #require(try leases(for: "ana", wanted: 1).first)

        // When her lease runs out, bea leases it at another station, and ana's late work arrives
        let later = monday.addingTimeInterval(700)
        let beas = try #require(try leases(for: "bea", station: "station-2", wanted: 1, at: later).first)
        #expect(try send([work(on: anas, username: "ana", at: later)], at: later).map(\.status) == [.accepted])

        // Then the task stays leased to bea, and is done once her answer arrives
        #expect(try state(of: "t0") == .leased)
        #expect(try send([work(on: beas, station: "station-2", username: "bea", at: later)], from: "station-2", at: later).map(\.status) == [.accepted])
        #expect(try state(of: "t0") == .done)
        // And ana's late answer is the canonical one: it came first
        let canonical = try database.read { try $0.judgements(projectID: "sentiment") }.filter(\.isCanonical)
        #expect(canonical.map(\.annotation.username) == ["ana"])
    }

    @Test func aSkipPassesTheTaskOnAndItsSkipperIsNotAskedAgain() throws {
        // Given one task for 2 people, answered by ana
        try hub.importTasks(projectID: "sentiment", tasks: [task("t0")], actor: "admin", now: monday)
        try overlap(1, people: 2)
        let first = try #require(try leases(for: "ana", wanted: 1).first)
        _ = try send([work(on: first, username: "ana")])

        // When bea skips it
        let second = try #require(try leases(for: "bea", wanted: 1).first)
        _ = try send([work(on: second, skipReason: "unsure", username: "bea")])

        // Then it is open for someone else, not for ana or bea, and cid's answer finishes it
        #expect(try state(of: "t0") == .open)
        #expect(try leases(for: "ana", wanted: 1).isEmpty)
        #expect(try leases(for: "bea", wanted: 1).isEmpty)
        let third = try #require(try leases(for: "cid", wanted: 1).first)
        _ = try send([work(on: third, username: "cid")])
        #expect(try state(of: "t0") == .done)
    }

    @Test func aStationLeasingForNobodyGetsOnlyTasksNobodyHasAnswered() throws {
        // Given two tasks for 2 people, one of them answered by ana
        try hub.importTasks(projectID: "sentiment", tasks: [task("t0"), task("t1")], actor: "admin", now: monday)
        try overlap(1, people: 2)
        let first = try #require(try leases(for: "ana", wanted: 1).first)
        _ = try send([work(on: first, username: "ana")])

        // When a station naming no one asks for leases
        let anyone = try hub.exchange(request(from: "station-2", wanted: 5), now: monday).leases

        // Then it gets only the task nobody has answered: it cannot keep ana from hers
        #expect(anyone.map(\.task.id) == ["t1"])
    }

    @Test func withoutOverlapATaskIsDoneAtItsFirstAnswer() throws {
        // Given the default policy (no overlap)
        try hub.importTasks(projectID: "sentiment", tasks: [task("t0")], actor: "admin", now: monday)
        let first = try #require(try leases(for: "ana", wanted: 1).first)

        // When ana answers
        _ = try send([work(on: first, username: "ana")])

        // Then the task is done and nobody else is leased it
        #expect(try state(of: "t0") == .done)
        #expect(try leases(for: "bea", wanted: 1).isEmpty)
    }
}
