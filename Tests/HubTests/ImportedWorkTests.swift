import Domain
import Foundation
@testable import Hub
import Interchange
import Store
import TestSupport
import Testing

/// How an import stores work done elsewhere: tasks in their final state, judgements in
/// file order with ids that grow.
@Suite struct ImportedWorkTests {
    @Test func tasksWithWorkGoInDoneOrSkippedWithTheirJudgementsInFileOrder() throws {
        // Given a file with an open task, a task labeled twice, and one skipped first
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory, labelers: [])
        let file = Data("""
            {"id":"a","text":"open task"}
            {"id":"b","text":"labeled","annotations":[{"answer":{"labels":["negative"]},"annotator":"ana"},{"answer":{"labels":["positive"]},"annotator":"bo","flag":"unsure"}]}
            {"id":"c","text":"skipped","annotations":[{"skip_reason":"unclear","annotator":"cy"},{"answer":{"labels":["positive"]},"annotator":"di"}]}

            """.utf8)

        // When it is imported
        let counts = try hub.importRecords(
            try JSONLFormat.read(file, fileName: "t.jsonl", project: sentimentProject()), projectID: "sentiment", actor: "admin", now: monday)

        // Then each task has the state its first annotation gives, and the work is kept in order
        #expect(counts.tasks == 3 && counts.annotations == 4)
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 1, done: 1, skipped: 1))
        let labeled = try hub.database.read { try $0.judgements(projectID: "sentiment", taskID: "b") }
        #expect(labeled.map(\.annotation.username) == ["ana", "bo"])
        #expect(labeled.map(\.isCanonical) == [true, false])
        #expect(labeled.map(\.firstOutcome) == [.accepted, .superseded])
        #expect(labeled.map(\.content) == labeled.map(\.annotation.canonicalContent))
        #expect(labeled[1].annotation.flag == "unsure")
        let skipped = try hub.database.read { try $0.judgements(projectID: "sentiment", taskID: "c") }
        #expect(skipped.map(\.annotation.skipReason) == ["unclear", nil])
        #expect(skipped.map(\.annotation.stationID) == ["import", "import"])
        let ids = (labeled + skipped).map(\.annotation.id.uuidString)
        #expect(ids == ids.sorted())
    }

    @Test func idsMadeAtOneMomentAreVersion7UniqueAndSortInTheOrderMade() {
        // Given a moment
        let moment = Date(timeIntervalSince1970: 1_740_992_400.5)

        // When a run of ids is made at it
        var run = TimeOrderedIDs(at: moment)
        let ids = (0..<1_000).map { _ in run.next() }

        // Then each is a version 7, variant 10 UUID carrying the time, distinct, in order
        let texts = ids.map(\.uuidString)
        #expect(Set(texts).count == ids.count)
        #expect(texts == texts.sorted())
        for id in ids {
            let bytes = id.uuid
            #expect(bytes.6 >> 4 == 7)
            #expect(bytes.8 >> 6 == 0b10)
        }
        let milliseconds = String(UInt64(1_740_992_400_500), radix: 16, uppercase: true)
        let prefix = String(repeating: "0", count: 12 - milliseconds.count) + milliseconds
        #expect(texts[0].replacingOccurrences(of: "-", with: "").hasPrefix(prefix))
    }
}
