import Domain
@testable import Store
import TestSupport
import Foundation
import GRDB
import Testing

/// The filling `bench quality` puts in a hub: as many judgements as asked, on done
/// tasks, one canonical each, readable as any judgement is.
@Suite struct BenchmarkWorkTests {
    @Test func theFillingHoldsTheJudgementsAskedForOnDoneTasksThatReadBack() throws {
        // Given a hub with a project
        let folder = try TemporaryDirectory()
        let hub = try HubDatabase(path: folder.path("hub.sqlite"))
        try hub.write { try $0.insertProject(sentimentProject(), now: monday) }

        // When 1,000 judgements by 30 people, 10 to a task, go in
        try hub.write { try $0.insertBenchmarkWork(projectID: "sentiment", judgements: 1000, perTask: 10, people: 30, at: monday) }

        // Then there are 100 done tasks, 1,000 judgements by 30 people, one canonical a
        // task, and they decode as judgements, with an intact database
        let counts = try hub.read { try $0.taskCounts(projectID: "sentiment") }
        #expect(counts.done == 100 && counts.open == 0)
        let judgements = try hub.read { try $0.judgements(projectID: "sentiment") }
        #expect(judgements.count == 1000)
        #expect(Set(judgements.map(\.annotation.username)).count == 30)
        #expect(Set(judgements.map(\.annotation.id)).count == 1000)
        #expect(judgements.filter(\.isCanonical).count == 100)
        #expect(Set(judgements.filter(\.isCanonical).map(\.annotation.taskID)).count == 100)
        #expect(judgements.allSatisfy { $0.annotation.answer == .labels(["a"]) })
        let integrity = try hub.pool.read { try String.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(integrity.isEmpty)
    }
}
