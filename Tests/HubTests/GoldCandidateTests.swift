import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

/// Gold made from the work: tasks whose consensus is near certain, reviewed by a lead
/// or trainer, join the pool under their own ids.
@Suite("Gold candidates from the work")
struct GoldCandidateTests {
    let directory: TemporaryDirectory
    let database: HubDatabase
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        database = try HubDatabase(path: directory.path("hub.sqlite"))
        hub = Hub(database: database, goldSeed: 7)
        try hub.createProject(sentimentProject(), actor: "admin", now: monday)
        for username in ["ana", "bea", "cid", "dan"] { try hub.setUser(username: username, role: .labeler, actor: "admin", now: monday) }
        try hub.setUser(username: "lee", role: .lead, actor: "admin", now: monday)
        try hub.setUser(username: "tom", role: .trainer, actor: "admin", now: monday)
    }

    /// Six tasks every one of which ana, bea and cid label (t5 only ana gets to):
    /// t0-t3 all positive, t4 two to one negative.
    func labelTheWork() throws {
        try hub.importTasks(projectID: "sentiment", tasks: (0..<6).map { task("t\($0)") }, actor: "admin", now: monday)
        try hub.setGoldPolicy(
            GoldPolicy(rate: 0, onboarding: 0, provenRate: 0, overlap: 1, overlapPeople: 3, candidateVotes: 3, candidateConfidence: 0.9),
            projectID: "sentiment", actor: "admin", now: monday)
        func label(_ person: String, _ taskID: String) -> [String] {
            taskID == "t4" && person != "ana" ? ["negative"] : ["positive"]
        }
        for person in ["ana", "bea", "cid"] {
            let wanted = person == "ana" ? 6 : 5
            let leases = try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: wanted, people: [person]), now: monday).leases
            let work = leases.filter { $0.task.id != "t5" || person == "ana" }.map { lease in
                Annotation(
                    id: UUID(), taskID: lease.task.id, projectID: "sentiment", labels: label(person, lease.task.id), username: person,
                    stationID: "station-1", leaseEpoch: lease.epoch, createdAt: monday, secondsOnTask: 4)
            }
            _ = try hub.exchange(request(work), now: monday)
        }
    }

    @Test func doneTasksWithEnoughVotesAndASureConsensusAreCandidates() throws {
        // Given the labelled work
        try labelTheWork()

        // When the candidates are asked for
        let candidates = try hub.goldCandidates(projectID: "sentiment")

        // Then the unanimous tasks are among them with their votes, t5 (one vote, not
        // done) is not, and each listed one clears the policy's bars
        let ids = Set(candidates.map(\.task.id))
        #expect(ids.isSuperset(of: ["t0", "t1", "t2", "t3"]), "\(ids)")
        #expect(!ids.contains("t5"))
        let t0 = try #require(candidates.first { $0.task.id == "t0" })
        #expect(t0.label == "positive" && t0.voteCount == 3 && t0.votes.map(\.label) == ["positive"])
        let report = try hub.consensusReport(projectID: "sentiment", method: .dawidSkene)
        for candidate in candidates {
            let row = try #require(report.rows.first { $0.taskID == candidate.task.id })
            #expect(row.votes >= 3 && (row.confidence ?? 0) >= 0.9 && row.label == candidate.label)
        }
        #expect(candidates.map(\.confidence) == candidates.map(\.confidence).sorted(by: >))
    }

    @Test func aTaskACoursePractisesIsNeverACandidate() throws {
        // Given the labelled work, and a published course practising on t0's text
        try labelTheWork()
        let course = [
            "feel/course.conf": "title: Feelings\npass mark: 100%\npractice: practice/project.json practice/tasks.jsonl\n",
            "feel/practice/project.json": #"{"id": "sentiment", "title": "Sentiment", "labels": [{"name": "positive"}, {"name": "negative"}]}"#,
            "feel/practice/tasks.jsonl": #"{"id": "p-t0", "text": "text of t0", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "tom"}], "meta": {"explanation": "As it reads."}}"# + "\n",
        ]
        try hub.publishCourses(from: try CourseFixtures.folder(course, in: directory), actor: "tom", now: monday)
        // When the candidates are asked for; then t0 is not among them, its unanimous peers are
        let ids = Set(try hub.goldCandidates(projectID: "sentiment").map(\.task.id))
        #expect(!ids.contains("t0"))
        #expect(ids.isSuperset(of: ["t1", "t2", "t3"]), "\(ids)")
    }

    @Test func acceptedAndCorrectedCandidatesJoinThePoolRejectedOnesAreNotOfferedAgain() throws {
        // Given the labelled work
        try labelTheWork()

        // When a lead accepts t0, a trainer corrects t1 to negative and the lead turns down t2
        let later = monday.addingTimeInterval(60)
        try hub.decideGoldCandidate(projectID: "sentiment", taskID: "t0", decision: .accept, reviewer: "lee", now: later)
        try hub.decideGoldCandidate(projectID: "sentiment", taskID: "t1", decision: .correct("negative"), reviewer: "tom", now: later)
        try hub.decideGoldCandidate(projectID: "sentiment", taskID: "t2", decision: .reject, reviewer: "lee", now: later)

        // Then t0 and t1 are in the pool, made from work, with those keys; none of the
        // three is a candidate any more; and each decision is audited
        let pool = try hub.goldItems(projectID: "sentiment")
        #expect(pool.map(\.task.id) == ["t0", "t1"])
        #expect(pool.map(\.key) == [.labels(["positive"]), .labels(["negative"])])
        #expect(pool.allSatisfy { $0.source == .fromWork })
        #expect(pool.map(\.addedBy) == ["lee", "tom"])
        #expect(pool[0].task.text == "text of t0")
        let left = Set(try hub.goldCandidates(projectID: "sentiment").map(\.task.id))
        #expect(left.isDisjoint(with: ["t0", "t1", "t2"]))
        let audit = try database.recentAuditEntries(limit: 3).filter { $0.auditKind == .goldCandidate }
        #expect(audit.count == 3)
        #expect(audit.map(\.actor).sorted() == ["lee", "lee", "tom"])
        // And new tasks still import beside gold that shares a task's id
        try hub.importTasks(projectID: "sentiment", tasks: [task("t9")], actor: "admin", now: later)
    }

    @Test func onlyLeadsTrainersAndAdminsOnTheRosterDecideAndOnlyOnCandidates() throws {
        // Given the labelled work
        try labelTheWork()

        // When a labeler, a stranger, a lead on a task that is no candidate, and a lead
        // correcting to a label the project lacks try
        // Then each is refused with a sentence, and the pool stays empty
        #expect(throws: HubError.refused("ana is a labeler at the hub; only trainers, leads, admins decide what joins a gold pool")) {
            try hub.decideGoldCandidate(projectID: "sentiment", taskID: "t0", decision: .accept, reviewer: "ana", now: monday)
        }
        #expect(throws: HubError.refused("\"zed\" is not on the hub's roster; an admin adds them with labeldesk user add zed --role lead")) {
            try hub.decideGoldCandidate(projectID: "sentiment", taskID: "t0", decision: .accept, reviewer: "zed", now: monday)
        }
        #expect(throws: HubError.refused("task \"t5\" is not a gold candidate of sentiment (see labeldesk gold candidates --project sentiment); nothing changed")) {
            try hub.decideGoldCandidate(projectID: "sentiment", taskID: "t5", decision: .accept, reviewer: "lee", now: monday)
        }
        #expect(throws: HubError.refused("\"neutral\" is not one of sentiment's labels (positive, negative); nothing changed")) {
            try hub.decideGoldCandidate(projectID: "sentiment", taskID: "t0", decision: .correct("neutral"), reviewer: "lee", now: monday)
        }
        #expect(try hub.goldItems(projectID: "sentiment").isEmpty)
    }

    @Test func goldMadeFromWorkGoesOnlyToPeopleWhoDidNotLabelItAndIsScoredAsGold() throws {
        // Given t0 accepted as gold, and onboarding of 2 for newcomers
        try labelTheWork()
        try hub.decideGoldCandidate(projectID: "sentiment", taskID: "t0", decision: .accept, reviewer: "lee", now: monday)
        var policy = try hub.goldPolicy(projectID: "sentiment")
        policy.onboarding = 2
        try hub.setGoldPolicy(policy, projectID: "sentiment", actor: "admin", now: monday)
        let taskEpoch = try #require(try database.read { try $0.hubTask(projectID: "sentiment", id: "t0") }).epoch

        // When ana (who labelled it) and dan (who did not) lease
        func leases(_ person: String) throws -> [LeasedTask] {
            try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 5, people: [person]), now: monday).leases
        }
        let anas = try leases("ana")
        let dans = try leases("dan")

        // Then only dan gets t0, under its own id and an epoch above the task's, as a re-lease looks
        #expect(!anas.contains { $0.task.id == "t0" })
        let gold = try #require(dans.first { $0.task.id == "t0" })
        #expect(gold.epoch == taskEpoch + 1)
        #expect(gold.assignee == "dan")

        // And dan's answer is accepted and scored as a gold answer, not more work on the task
        let answer = Annotation(
            id: UUID(), taskID: "t0", projectID: "sentiment", labels: ["negative"], username: "dan", stationID: "station-1",
            leaseEpoch: gold.epoch, createdAt: monday, secondsOnTask: 5)
        #expect(try hub.exchange(request([answer]), now: monday).outcomes.map(\.status) == [.accepted])
        #expect(try hub.goldAnswers(projectID: "sentiment").map(\.annotation.id) == [answer.id])
        #expect(try database.read { try $0.judgements(projectID: "sentiment", taskID: "t0") }.count == 3)
        let quality = try hub.qualityReport(projectID: "sentiment")
        #expect(quality.people.first { $0.username == "dan" }?.scored == 1)
    }

    @Test func anExportGivesTheConsensusAsEachTasksAnswerWhenThePolicyAsks() throws {
        // Given the work, where t4's first answer (ana's) is positive and the other two negative
        try labelTheWork()
        func firstAnswers() throws -> [String: ImportedAnnotation] {
            let records = try hub.exportRecords(projectID: "sentiment", all: false, actor: "admin", now: monday).records
            return Dictionary(uniqueKeysWithValues: records.compactMap { record in record.annotations.first.map { (record.task.id, $0) } })
        }

        // When it is exported as the policy stands (the first answer), then by majority
        let first = try firstAnswers()
        var policy = try hub.goldPolicy(projectID: "sentiment")
        policy.exportAnswer = .majority
        try hub.setGoldPolicy(policy, projectID: "sentiment", actor: "admin", now: monday)
        let majority = try hub.exportRecords(projectID: "sentiment", all: false, actor: "admin", now: monday).records

        // Then first gives ana's positive; the majority export puts the consensus,
        // negative, first, by "consensus", before the three people's own
        #expect(first["t4"]?.answer == .labels(["positive"]) && first["t4"]?.annotator == "ana")
        let t4 = try #require(majority.first { $0.task.id == "t4" })
        #expect(t4.annotations.map(\.annotator) == ["consensus", "ana", "bea", "cid"])
        #expect(t4.annotations.first?.answer == .labels(["negative"]))
        // And t5, with ana's answer alone, has that as its consensus
        #expect(majority.first { $0.task.id == "t5" }?.annotations.first?.annotator == "consensus")
        // And a spans project cannot ask for it
        try hub.createProject(Project(id: "tags", title: "Tags", kind: .spans, labels: [LabelChoice(name: "person")]), actor: "admin", now: monday)
        #expect(throws: HubError.self) {
            try hub.setGoldPolicy(GoldPolicy(exportAnswer: .dawidSkene), projectID: "tags", actor: "admin", now: monday)
        }
    }

    @Test func anImportedGoldItemStillNeedsAnIdOfItsOwn() throws {
        // Given a task t0
        try hub.importTasks(projectID: "sentiment", tasks: [task("t0")], actor: "admin", now: monday)

        // When a gold file brings an item with the same id
        let record = InterchangeRecord(task: task("t0"), annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "trainer")])

        // Then it is refused as before
        #expect(throws: HubError.self) { try hub.importGold([record], projectID: "sentiment", actor: "admin", now: monday) }
    }
}
