import Domain
import Foundation
import Hub
import Interchange
import Store
import TestSupport
import Testing

/// Files through the real hub: imported into a hub database, exported back.
@Suite("Import and export through the hub")
struct InterchangeRoundTripTests {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Assets/demo")

    let entities = Project(
        id: "wnut", title: "WNUT-17", kind: .spans,
        labels: ["person", "location", "corporation", "product", "creative-work", "group"].map { LabelChoice(name: $0) })

    @Test func wnut17GoesThroughTheHubAndComesBackByteForByte() throws {
        // Given the WNUT-17 dev set imported, tags and all, into a hub
        let directory = try TemporaryDirectory()
        let hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")))
        try hub.createProject(entities, actor: "admin", now: monday)
        let original = try Data(contentsOf: Self.assets.appendingPathComponent("wnut17.dev.conll"))
        let records = try CoNLLFormat.read(original, fileName: "wnut17.dev.conll", project: entities)
        let imported = try hub.importRecords(records, projectID: "wnut", actor: "admin", now: monday)
        #expect(imported.tasks == 1009)

        // When every task is exported as CoNLL again
        let (project, exported) = try hub.exportRecords(projectID: "wnut", all: true, actor: "admin", now: monday)
        let written = try CoNLLFormat.write(exported, project: project)

        // Then the file is the one that went in, and the work is kept by who did it
        #expect(written == original)
        #expect(exported.allSatisfy { $0.annotations.count == 1 })
        #expect(try hub.taskCounts(projectID: "wnut").done == 1009)
    }

    @Test func answerKeysAreRefusedAtImportAndNothingStays() throws {
        let directory = try TemporaryDirectory()
        let hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")))
        let sentiment = Project(id: "s", title: "S", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")])
        try hub.createProject(sentiment, actor: "admin", now: monday)
        let file = Data("""
            {"id":"a","text":"fine"}
            {"id":"b","text":"keyed","annotations":[{"answer":{"labels":["positive"]},"annotator":"trainer","ground_truth":true}]}

            """.utf8)
        let records = try JSONLFormat.read(file, fileName: "gold.jsonl", project: sentiment)
        #expect(throws: HubError.self) {
            do { try hub.importRecords(records, projectID: "s", actor: "admin", now: monday) } catch {
                #expect("\(error)".hasPrefix("task \"b\" carries a ground_truth annotation, an answer key"))
                #expect("\(error)".hasSuffix("Nothing was imported"))
                throw error
            }
        }
        #expect(try hub.taskCounts(projectID: "s") == TaskCounts())
    }

    @Test func workDoneElsewhereIsKeptByWhoDidItAndExportedWithEveryTask() throws {
        let directory = try TemporaryDirectory()
        let hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")))
        let sentiment = Project(id: "s", title: "S", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")])
        try hub.createProject(sentiment, actor: "admin", now: monday)
        let file = Data("""
            {"id":"a","text":"open task"}
            {"id":"b","text":"done elsewhere","annotations":[{"answer":{"labels":["negative"]},"annotator":"ana@example.org","created_at":"2025-03-01T10:00:00Z","seconds_on_task":4.5},{"answer":{"labels":["positive"]},"annotator":"bo"}]}

            """.utf8)
        try hub.importRecords(try JSONLFormat.read(file, fileName: "t.jsonl", project: sentiment), projectID: "s", actor: "admin", now: monday)
        #expect(try hub.taskCounts(projectID: "s") == TaskCounts(open: 1, done: 1))
        let answered = try hub.exportRecords(projectID: "s", all: false, actor: "admin", now: monday).records
        #expect(answered.map(\.task.id) == ["b"])
        #expect(answered[0].annotations.map(\.annotator) == ["ana@example.org", "bo"])
        #expect(answered[0].annotations[0].answer == .labels(["negative"]))
        #expect(answered[0].annotations[0].secondsOnTask == 4.5)
        let all = try hub.exportRecords(projectID: "s", all: true, actor: "admin", now: monday).records
        #expect(all.map(\.task.id) == ["a", "b"])
    }

    @Test func tokensComeBackWhetherOrNotTheyAreTheTextsWords() throws {
        // Given tasks whose tokens are the text's words (left out of the stored body) and
        // tasks whose tokens cut inside them, around emoji and other white space
        let directory = try TemporaryDirectory()
        let hub = try Hub(database: HubDatabase(path: directory.path("hub.sqlite")))
        try hub.createProject(entities, actor: "admin", now: monday)
        func record(_ id: String, _ text: String, _ tokens: [(Int, Int)], tags: [String]? = nil) -> InterchangeRecord {
            InterchangeRecord(
                task: LabelTask(id: id, projectID: "wnut", text: text, marking: .unclassified),
                layout: TokenLayout(tokens: tokens.map { TextToken(start: $0.0, end: $0.1) }, writtenTags: tags))
        }
        let given = [
            record("words", "Anna 😀 lives\u{00A0}in  Paris", [(0, 4), (5, 6), (7, 12), (13, 15), (17, 22)], tags: ["S-person", "O", "O", "O", "S-location"]),
            record("cut", "Paris.", [(0, 5), (5, 6)]),
            record("none", "two words", []),
        ]

        // When they go through the hub and are exported
        try hub.importRecords(given, projectID: "wnut", actor: "admin", now: monday)
        let exported = try hub.exportRecords(projectID: "wnut", all: true, actor: "admin", now: monday).records

        // Then each task has the layout it came with
        #expect(exported.map(\.layout) == given.map(\.layout))
        #expect(exported.map(\.task.id) == ["words", "cut", "none"])
    }
}
