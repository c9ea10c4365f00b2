import Domain
import Foundation
import GRDB
import Hub
import Interchange
import Store
import Testing
import TestSupport

@Suite("The gold pool at the hub")
struct GoldPoolTests {
    let directory: TemporaryDirectory
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        hub = try makeHub(in: directory, labelers: ["ana"])
    }

    func records(_ lines: [String]) throws -> [InterchangeRecord] {
        try JSONLFormat.read(Data(lines.joined(separator: "\n").utf8), fileName: "gold.jsonl", project: sentimentProject())
    }

    @Test func keysComeFromTheOneAnnotationOrTheOneMarkedGroundTruthAndStayInThePool() throws {
        // Given a file of two gold items: one with a single annotation, one with two of
        // which one is marked ground_truth
        let gold = try records([
            #"{"id": "g1", "text": "a fine film", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "trainer"}]}"#,
            #"{"id": "g2", "text": "a dull film", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "x"}, {"answer": {"labels": ["negative"]}, "annotator": "trainer", "ground_truth": true}]}"#,
        ])

        // When it is imported into the pool
        #expect(try hub.importGold(gold, projectID: "sentiment", actor: "admin", now: monday) == 2)

        // Then the pool holds both with their keys, in file order, and the import is audited
        let items = try hub.goldItems(projectID: "sentiment")
        #expect(items.map(\.task.id) == ["g1", "g2"])
        #expect(items.map(\.key) == [.labels(["positive"]), .labels(["negative"])])
        #expect(items.allSatisfy { $0.source == .imported && $0.addedBy == "admin" && $0.addedAt == monday })
        #expect(items[1].task.text == "a dull film")
        #expect(try hub.verifyAudit() == .intact(entries: 3), "the project, ana, and the import")
        // And no gold item is a task: not counted, not leased, not exported
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts())
        let reply = try hub.exchange(request(wanted: 10), now: monday)
        #expect(reply.leases.isEmpty)
        #expect(try hub.exportRecords(projectID: "sentiment", all: true, actor: "admin", now: monday).records.isEmpty)
    }

    @Test func anItemWithoutOneKeyOrWithAKeyThatDoesNotFitIsRefusedAndNothingIsAdded() throws {
        let good = #"{"id": "ok", "text": "fine", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "t"}]}"#
        let cases: [(String, String)] = [
            (#"{"id": "bare", "text": "no answer"}"#,
             #"gold item "bare" has no answer; a gold item needs its key, as its one annotation or the one marked ground_truth. Nothing was imported"#),
            (#"{"id": "two", "text": "t", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "a"}, {"answer": {"labels": ["negative"]}, "annotator": "b"}]}"#,
             #"gold item "two" has 2 annotations and none is marked ground_truth; mark the key, or keep only it. Nothing was imported"#),
            (#"{"id": "skip", "text": "t", "annotations": [{"skip_reason": "unclear", "annotator": "a"}]}"#,
             #"gold item "skip": its key is a skip (unclear); a key is the right answer to the task. Nothing was imported"#),
        ]
        for (line, sentence) in cases {
            #expect {
                try hub.importGold(try records([good, line]), projectID: "sentiment", actor: "admin", now: monday)
            } throws: { error in
                "\(error)" == sentence
            }
        }
        #expect(try hub.goldItems(projectID: "sentiment").isEmpty)
        #expect(try hub.verifyAudit() == .intact(entries: 2), "the project and ana, and no import")
    }

    @Test func goldItemsAndTasksNeverShareAnID() throws {
        // Given a task t1 and a gold item g1
        try hub.importTasks(projectID: "sentiment", tasks: [task("t1")], actor: "admin", now: monday)
        let gold = #"{"id": "ID", "text": "t", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "t"}]}"#
        try hub.importGold(try records([gold.replacingOccurrences(of: "ID", with: "g1")]), projectID: "sentiment", actor: "admin", now: monday)

        // When gold comes with the task's id, then it is refused
        #expect {
            try hub.importGold(try records([gold.replacingOccurrences(of: "ID", with: "t1")]), projectID: "sentiment", actor: "admin", now: monday)
        } throws: { error in
            "\(error)" == #"id "t1" is already a task or a gold item of project "sentiment"; a gold item needs an id of its own. Nothing was imported"#
        }
        // And when a task comes with the gold item's id, then it is refused too, by either import path
        #expect(throws: HubError.taskAlreadyAtHub(projectID: "sentiment", taskID: "g1")) {
            try hub.importTasks(projectID: "sentiment", tasks: [task("t2"), task("g1")], actor: "admin", now: monday)
        }
        #expect(throws: HubError.taskAlreadyAtHub(projectID: "sentiment", taskID: "g1")) {
            try hub.importRecords([InterchangeRecord(task: task("g1"))], projectID: "sentiment", actor: "admin", now: monday)
        }
        #expect(try hub.tasks(projectID: "sentiment").map(\.id) == ["t1"])
        #expect(try hub.goldItems(projectID: "sentiment").map(\.task.id) == ["g1"])
    }

    @Test func aGeoItemKeepsItsChipAndItsShapes() throws {
        // Given a box project and a chip in the store
        let boxes = Project(id: "cars", title: "Cars", kind: .geoBox, labels: [LabelChoice(name: "car")], leaseSeconds: 600)
        try hub.createProject(boxes, actor: "admin", now: monday)
        let media = try hub.storeMedia(bytes: randomBytes(300, seed: 9), now: monday)
        let image = TaskImage(media: media, scene: "s.tif", chip: PixelWindow(x: 0, y: 0, width: 64, height: 64), focus: PixelWindow(x: 0, y: 0, width: 64, height: 64))
        let key = Answer.shapes([Shape(label: "car", geometry: .box(PixelPoint(x: 2, y: 3), PixelPoint(x: 20, y: 30)))])
        let record = InterchangeRecord(
            task: LabelTask(id: "gc", projectID: "cars", text: "", marking: .secret, image: image),
            annotations: [ImportedAnnotation(answer: key, annotator: "trainer", isGroundTruth: true)])

        // When it is imported, then it comes back whole, with its chip linked in the store
        try hub.importGold([record], projectID: "cars", actor: "admin", now: monday)
        let item = try #require(try hub.goldItems(projectID: "cars").first)
        #expect(item.task == record.task)
        #expect(item.key == key)
        let linked = try DatabaseQueue(path: directory.path("hub.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT sha256 FROM gold_media WHERE project_id = 'cars' AND gold_id = 'gc'")
        }
        #expect(linked == [media.sha256])
        // And a key off the chip is refused with the Domain's sentence
        var off = record
        off.task.id = "off"
        off.annotations[0].answer = Answer.shapes([Shape(label: "car", geometry: .box(PixelPoint(x: 50, y: 50), PixelPoint(x: 90, y: 90)))])
        #expect {
            try hub.importGold([off], projectID: "cars", actor: "admin", now: monday)
        } throws: { error in
            "\(error)".hasPrefix(#"gold item "off": its key does not fit the project: "#)
        }
    }
}
