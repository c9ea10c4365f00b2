import Domain
import Foundation
import GRDB
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
        #expect(labeled.map(\.content) == ["", ""], "no station sent imported work, so it has no content to compare a resend with")
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

    @Test func idsOfPiecesMadeOnSeveralThreadsStillGrowInFileOrder() {
        // Given one import's ids, and the runs of three pieces made from them
        let ids = TimeOrderedIDs(at: monday)
        var runs = (0..<3).map { ids.forPiece($0) }

        // When each piece makes its ids, the last first
        let made = (0..<3).reversed().map { piece in (piece, (0..<100).map { _ in runs[piece].next().uuidString }) }

        // Then in piece order they sort as made, and none repeats
        let inFileOrder = made.sorted { $0.0 < $1.0 }.flatMap(\.1)
        #expect(inFileOrder == inFileOrder.sorted())
        #expect(Set(inFileOrder).count == 300)
    }

    @Test func aFileOfManyPiecesGoesInWholeWithItsWorkInFileOrder() throws {
        // Given a JSONL file of several megabytes, every task with an annotation
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory, labelers: [])
        let lines = (1...30_000).map { number in
            #"{"id":"t\#(number)","text":"task \#(number), long enough that the file is read in several pieces of a megabyte","annotations":[{"answer":{"labels":["positive"]},"annotator":"ana"}]}"#
        }
        let file = Data((lines.joined(separator: "\n") + "\n").utf8)
        #expect(file.count > 3 << 20)

        // When it is imported while it is read
        var progress: [Int] = []
        let counts = try hub.importFile(
            file, as: JSONLFormat.self, fileName: "big.jsonl", projectID: "sentiment", options: InterchangeOptions(), actor: "admin", now: monday
        ) { done, _ in progress.append(done) }

        // Then every task and annotation is in, tasks in file order, judgement ids growing with them, one batch recorded
        #expect(counts.tasks == 30_000 && counts.annotations == 30_000)
        #expect(progress.count > 2 && progress == progress.sorted() && Set(progress).count == progress.count && progress.last == file.count)
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(done: 30_000))
        let judgements = try hub.database.read { try $0.judgements(projectID: "sentiment") }
        let byID = judgements.sorted { $0.annotation.id.uuidString < $1.annotation.id.uuidString }
        #expect(byID.map(\.annotation.taskID) == (1...30_000).map { "t\($0)" })
        #expect(try count(in: directory, "SELECT COUNT(*) FROM task_batch") == 1)
        #expect(try count(in: directory, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('open_task_to_lease', 'judgement_by_task', 'judgement_one_canonical_per_task')") == 3)
    }

    @Test func aBadLineInTheLastPieceLeavesNothingOfTheFile() throws {
        // Given a JSONL file of several megabytes whose last line is bad
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory, labelers: [])
        var lines = (1...30_000).map { #"{"id":"t\#($0)","text":"task \#($0), long enough that the file is read in several pieces of a megabyte or so"}"# }
        lines[29_999] = #"{"id":"last","text":"the last","annotations":[{"answer":{"labels":["maybe"]},"annotator":"ana"}]}"#
        let file = Data((lines.joined(separator: "\n") + "\n").utf8)

        // When it is imported
        // Then the line is named, after the pieces before it went in, and no task of the file stays
        let error = #expect(throws: InterchangeError.self) {
            try hub.importFile(file, as: JSONLFormat.self, fileName: "big.jsonl", projectID: "sentiment", options: InterchangeOptions(), actor: "admin", now: monday)
        }
        #expect(error?.description == #"big.jsonl:30000: $.annotations[0]: label "maybe" is not one of project "sentiment"'s labels"#)
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts())
        #expect(try count(in: directory, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'open_task_to_lease'") == 1)
    }

    @Test func anIDGivenInTwoPiecesIsRefusedByTheKeyNamingBothLines() throws {
        // Given a JSONL file of several megabytes whose last line takes the id of the second
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory, labelers: [])
        var lines = (1...30_000).map { #"{"id":"t\#($0)","text":"task \#($0), long enough that the file is read in several pieces of a megabyte or so"}"# }
        lines[29_999] = #"{"id":"t2","text":"the second again"}"#
        let file = Data((lines.joined(separator: "\n") + "\n").utf8)

        // When it is imported
        // Then the primary key refuses the id, the sentence names both lines, and no task of the file stays
        let error = #expect(throws: InterchangeError.self) {
            try hub.importFile(file, as: JSONLFormat.self, fileName: "big.jsonl", projectID: "sentiment", options: InterchangeOptions(), actor: "admin", now: monday)
        }
        #expect(error?.description == #"big.jsonl:30000: id "t2" is already used on line 2; every task needs its own id"#)
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts())
        #expect(try count(in: directory, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'open_task_to_lease'") == 1)
    }

    @Test func anIDTheProjectHasStopsAFileAtItsLine() throws {
        // Given a hub whose project already holds t5
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory, labelers: [])
        try hub.importTasks(projectID: "sentiment", tasks: [LabelTask(id: "t5", projectID: "sentiment", text: "held", marking: .unclassified, priority: 0)], actor: "admin", now: monday)

        // When a file that gives t5 again, after a record refused on its own, is imported
        let file = Data(#"""
            {"id":"t4","text":"four"}
            {"id":"t5","text":"five"}
            {"id":"t6","text":"six","annotations":[{"answer":{"labels":["maybe"]},"annotator":"ana"}]}

            """#.utf8)

        // Then the earlier problem is the one said: the id already at the hub
        #expect(throws: HubError.taskAlreadyAtHub(projectID: "sentiment", taskID: "t5")) {
            try hub.importFile(file, as: JSONLFormat.self, fileName: "small.jsonl", projectID: "sentiment", options: InterchangeOptions(), actor: "admin", now: monday)
        }
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 1))
    }

    private func count(in directory: TemporaryDirectory, _ sql: String) throws -> Int {
        try DatabaseQueue(path: directory.path("hub.sqlite")).read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }
}
