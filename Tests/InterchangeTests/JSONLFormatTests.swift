import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("LabelDesk JSONL")
struct JSONLFormatTests {
    static let moment = Date(timeIntervalSince1970: 1_667_587_853.017)

    static func record(_ project: Project, id: String, text: String, responses: [String] = [], answer: Answer, prediction: Answer? = nil) -> InterchangeRecord {
        InterchangeRecord(
            task: LabelTask(id: id, projectID: project.id, text: text, marking: .cui, priority: 3, meta: #"{"source":"test"}"#,
                            responses: responses, predictions: prediction.map { [Prediction(model: "m v1", score: 0.75, answer: $0)] } ?? []),
            annotations: [
                ImportedAnnotation(answer: answer, annotator: "ana", createdAt: moment, secondsOnTask: 7.662, flag: "check this",
                                   predictionAccepted: prediction != nil ? false : nil, isGroundTruth: true),
                ImportedAnnotation(answer: .empty(project.kind), skipReason: "Unclear or ambiguous", annotator: "bo"),
            ])
    }

    static let everyKind: [(Project, InterchangeRecord)] = [
        (Projects.topics, record(Projects.topics, id: "t1", text: "Tabs\tand \"quotes\"\nand ünïcode", answer: .labels(["sport", "tech"]), prediction: .labels(["sport"]))),
        (Projects.entities, InterchangeRecord(
            task: record(Projects.entities, id: "e1", text: "👨‍👩‍👧 Anna in Paris 🇫🇷", answer: .spans([EntitySpan(start: 6, end: 10, label: "PER")])).task,
            annotations: record(Projects.entities, id: "e1", text: "", answer: .spans([EntitySpan(start: 6, end: 10, label: "PER"), EntitySpan(start: 14, end: 19, label: "LOC")])).annotations,
            layout: TokenLayout(tokens: [TextToken(start: 0, end: 5), TextToken(start: 6, end: 10)]))),
        (Projects.comparison, record(Projects.comparison, id: "c1", text: "Which is kinder?", responses: ["Yes.", ""],
                                     answer: .comparison(ComparisonAnswer(preference: .b, strength: 2, ratingsA: ["helpfulness": 3], ratingsB: ["helpfulness": 6, "honesty": 7], rationale: "B explains.", shownSwapped: true)))),
        (Projects.freeText, record(Projects.freeText, id: "f1", text: "Summarise:", answer: .text("A short summary."))),
        (Projects.boxes, Projects.onChip(record(Projects.boxes, id: "g1", text: "", answer: .shapes([Projects.car(accepted: 0), Projects.truck]),
                                                prediction: .shapes([Projects.car(), Projects.truck])))),
        (Projects.polygons, Projects.onChip(record(Projects.polygons, id: "g2", text: "Roofs only", answer: .shapes([Projects.roof, Projects.shedBox]),
                                                   prediction: .shapes([Projects.roof])))),
    ]

    @Test("Every kind comes back equal through JSONL", arguments: 0..<6)
    func roundTrip(index: Int) throws {
        // Given a record of one kind with everything set
        let (project, record) = Self.everyKind[index]
        // When it is written and read back
        let written = try JSONLFormat.write([record], project: project)
        let read = try JSONLFormat.read(written, fileName: "x.jsonl", project: project)
        // Then it is the same record, and writing again gives the same bytes
        #expect(read == [record])
        #expect(try JSONLFormat.write(read, project: project) == written)
        // And the direct writer gives the canonical sorted-keys text
        #expect(String(decoding: written, as: UTF8.self) == JSONLFormat.line(for: record).canonicalText + "\n")
    }

    @Test("A line of the older task file still reads, with a made id")
    func olderTaskFile() throws {
        let file = "{\"text\": \"great film\"}\n\n{\"id\": \"x\", \"text\": \"dull\", \"marking\": \"S\", \"meta\": {\"b\": 1, \"a\": 2}}\n"
        let records = try JSONLFormat.read(Data(file.utf8), fileName: "tasks.jsonl", project: Projects.sentiment)
        #expect(records.map(\.task.id) == ["sst2-000001", "x"])
        #expect(records[1].task.marking == .secret)
        #expect(records[1].task.meta == #"{"a":2,"b":1}"#)
        #expect(records.allSatisfy { $0.annotations.isEmpty })
    }

    @Test("Bad lines are refused with the line, the member and how to fix it")
    func badInput() throws {
        func problem(_ line: String, _ project: Project = Projects.sentiment) -> String? {
            let first = project.kind == .comparison ? #"{"text": "fine", "responses": ["a", "b"]}"# : #"{"text": "fine"}"#
            return #expect(throws: InterchangeError.self) {
                try JSONLFormat.read(Data("\(first)\n\(line)\n".utf8), fileName: "t.jsonl", project: project)
            }?.description
        }
        #expect(problem(#"{"text": "a", "annotations": [{"answer": {"labels": ["great"]}, "annotator": "ana"}]}"#)
            == "t.jsonl:2: $.annotations[0]: label \"great\" is not one of project \"sst2\"'s labels")
        #expect(problem(#"{"text": "a", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "ana", "created_at": "yesterday"}]}"#)
            == "t.jsonl:2: $.annotations[0].created_at: \"created_at\" \"yesterday\" is not an ISO 8601 time; write it like 2025-03-01T09:30:00Z")
        #expect(problem(#"{"text": "a", "responses": ["only one"]}"#, Projects.comparison)
            == "t.jsonl:2: a comparison task needs exactly 2 responses to compare; it has 1")
        #expect(problem(#"{"text": "a", "label": "x"}"#)
            == "t.jsonl:2: unknown field \"label\"; a line may hold \"id\", \"text\", \"marking\", \"priority\", \"meta\", \"responses\", \"predictions\", \"annotations\", \"tokens\", \"image\" and \"window\"")
        #expect(problem(#"{"text": "a", "annotations": [{"answer": {"labels": ["positive"]}, "zzz": 1, "annotater": "ana"}]}"#)
            == "t.jsonl:2: $.annotations[0].annotater: unknown field \"annotater\"; an annotation may hold \"annotator\", \"answer\", \"created_at\", \"flag\", \"ground_truth\", \"prediction_accepted\", \"seconds_on_task\", \"skip_reason\"")
        #expect(problem(#"{"text": "a""#) == "t.jsonl:2: not valid JSON (unexpected end of line at column 13)")
        #expect(problem(#"{"text": "fine", "id": "sst2-000001"}"#) == "t.jsonl:2: id \"sst2-000001\" is already used on line 1; every task needs its own id")
    }

    @Test("A member is found by its name byte for byte, as JSON compares names, not by canonical equivalence")
    func memberNamesCompareByBytes() throws {
        // Given an object with a member named by the Kelvin sign, which Swift's == takes for "K"
        #expect("K" == "\u{212A}")
        let fields = try JSONFields(try JSONValue.parse(#"{"\u212A": 1, "id": "a", "text": "t"}"#), path: "$", what: "a line")
        // Then "K" is not that member, the sign itself is, and names differing in length never match
        #expect(fields.present("K") == nil)
        #expect(fields.present("\u{212A}") == .number("1"))
        #expect(try fields.string("id") == "a")
        #expect(fields.present("i") == nil && fields.present("ids") == nil && fields.present("txet") == nil)

        // And so in an object too large to search in order
        let members = (1...12).map { #""m\#($0)": \#($0)"# }.joined(separator: ", ")
        let large = try JSONFields(try JSONValue.parse(#"{"\u212A": 1, "# + members + "}"), path: "$", what: "a line")
        #expect(large.present("K") == nil)
        #expect(large.present("\u{212A}") == .number("1"))
        #expect(large.present("m12") == .number("12"))
    }

    @Test("A chip list names its image by file, with the window to label, and a bad window is a sentence")
    func chipList() throws {
        // Given a line naming a file and a window, with a model's box in that file's pixels
        let line = #"{"id": "c1", "image": "tiles/a.tif", "window": [10, 20, 300, 200], "predictions": [{"answer": {"shapes": [{"label": "car", "box": [900, 900, 950, 950]}]}}]}"#
        let records = try JSONLFormat.read(Data(line.utf8), fileName: "chips.jsonl", project: Projects.boxes)

        // Then the record waits for its chip: no image yet, the source named, the shape
        // kept as written (it is checked against the chip once the chip is cut)
        #expect(records.count == 1)
        #expect(records[0].task.image == nil)
        #expect(records[0].imageSource == ImageSource(path: "tiles/a.tif", window: PixelWindow(x: 10, y: 20, width: 300, height: 200), line: 1))
        #expect(records[0].task.predictions.count == 1)

        func problem(_ line: String, _ project: Project = Projects.boxes) -> String? {
            #expect(throws: InterchangeError.self) {
                try JSONLFormat.read(Data(line.utf8), fileName: "chips.jsonl", project: project)
            }?.description
        }
        #expect(problem(#"{"image": "a.tif", "window": [0, 0, 0, 10]}"#)
            == "chips.jsonl:1: \"window\" must be [x, y, width, height] in whole pixels of the image, x and y 0 or more, width and height above 0")
        #expect(problem(#"{"image": "a.tif", "window": [0, 0, 10]}"#)?.hasPrefix("chips.jsonl:1: \"window\" must be [x, y, width, height]") == true)
        #expect(problem(#"{"image": " "}"#)
            == "chips.jsonl:1: \"image\" is empty; name the image file (relative to this file's folder) or give the stored chip's object")
        #expect(problem(#"{"text": "x", "window": [0, 0, 10, 10]}"#)?.hasPrefix("chips.jsonl:1: \"window\" is the part of an image file to label") == true)
        #expect(problem(#"{"text": "x", "image": "a.tif"}"#, Projects.sentiment)
            == "chips.jsonl:1: only geospatial tasks have an \"image\"; project \"sst2\" is a classification project")
    }
}
