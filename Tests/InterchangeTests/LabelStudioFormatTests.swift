import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("Label Studio JSON")
struct LabelStudioFormatTests {
    /// SST-2 dev as classification records, each with its gold label as a ground-truth annotation.
    static func sst2Records() throws -> [InterchangeRecord] {
        let lines = String(decoding: try Fixtures.data("text/sst2.dev.txt"), as: UTF8.self).split(separator: "\n")
        return lines.enumerated().map { index, line in
            let label = line.first == "1" ? "positive" : "negative"
            return InterchangeRecord(
                task: LabelTask(id: String(index + 1), projectID: "sst2", text: String(line.dropFirst(2)), marking: .unclassified),
                annotations: [ImportedAnnotation(answer: .labels([label]), annotator: "sst", createdAt: Date(timeIntervalSince1970: 1_700_000_000.25),
                                                 secondsOnTask: 4.5, isGroundTruth: true)])
        }
    }

    @Test("SST-2 goes out to Label Studio JSON and comes back equal")
    func sst2RoundTrip() throws {
        // Given the 872 SST-2 dev sentences as classification records
        let records = try Self.sst2Records()
        #expect(records.count == 872)
        // When they are exported and imported again
        let exported = try LabelStudioFormat.write(records, project: Projects.sentiment)
        let imported = try LabelStudioFormat.read(exported, fileName: "sst2.json", project: Projects.sentiment)
        // Then nothing changed, and the direct writer wrote the canonical text of each task
        #expect(imported == records)
        #expect(String(decoding: exported, as: UTF8.self) == "[\n" + records.map { LabelStudioFormat.task($0, project: Projects.sentiment, options: InterchangeOptions()).canonicalText }.joined(separator: ",\n") + "\n]\n")
        let first = try JSONValue.parse(String(decoding: exported, as: UTF8.self)).arrayValue?.first
        #expect(first?["data"]?["text"]?.stringValue == "one long string of cliches .")
        #expect(first?["annotations"]?.arrayValue?.first?["result"]?.arrayValue?.first?["value"]?["choices"] == .array([.string("negative")]))
        #expect(first?["annotations"]?.arrayValue?.first?["completed_by"] == .object(["email": .string("sst")]))
    }

    @Test("A real export with a choice full of quotes, newlines, tabs and Cyrillic imports as it is")
    func realChoicesExport() throws {
        // Given Label Studio's own export, its text in data.uri (the results point at $uri)
        let choice = "Yes \" \"\" \n \t \t а б в \n"
        let project = Project(id: "works", title: "Works", kind: .classification, labels: [LabelChoice(name: choice), LabelChoice(name: "No")])
        // When it is imported
        let records = try LabelStudioFormat.read(try Fixtures.data("labelstudio/test_export_csv/csv_test2.json"), fileName: "csv_test2.json", project: project)
        // Then the task, the annotator's email, the time and the choice are kept
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.task.id == "4")
        #expect(record.task.text == "rawWork:spotify:publisher:WCPWW008648058000")
        let annotation = try #require(record.annotations.first)
        #expect(annotation.answer == .labels([choice]))
        #expect(annotation.annotator == "test@heartex.com")
        #expect(annotation.secondsOnTask == 10.744)
        #expect(annotation.createdAt.map(ISODate.write) == "2022-11-04T18:50:53.017Z")
        #expect(annotation.isGroundTruth == false)
        // And the rest of data travels in meta and goes back into data on export
        let meta = try JSONValue.parse(try #require(record.task.meta))
        #expect(meta["labelstudio_data"]?["title"]?.stringValue == "TAN BAI")
        let again = try LabelStudioFormat.read(try LabelStudioFormat.write(records, project: project,
                                                                            options: InterchangeOptions(labelStudioTextKey: "uri")),
                                               fileName: "again.json", project: project, options: InterchangeOptions(labelStudioTextKey: "uri"))
        #expect(again == records)
    }

    @Test("Image regions in a real export are refused with a sentence naming the result")
    func imageRegionsRefused() throws {
        // Given Label Studio's export whose texts carry rectangles drawn on images
        let data = try Fixtures.data("labelstudio/test_export_csv/csv_test.json")
        // Then the import names the first rectangle and says why
        let error = #expect(throws: InterchangeError.self) {
            try LabelStudioFormat.read(data, fileName: "csv_test.json", project: Projects.sentiment)
        }
        #expect(error?.description == "csv_test.json: $[0].predictions[0].result[0].type: result type \"rectanglelabels\" is an image region; image kinds come with the geospatial work, so export this project's text results only")
        for file in ["test_export_yolo/data.json", "test_export_json_min/data.json", "test_export_yolo/data_polygons.json"] {
            let refused = #expect(throws: InterchangeError.self) {
                try LabelStudioFormat.read(try Fixtures.data("labelstudio/" + file), fileName: "data.json", project: Projects.sentiment)
            }
            #expect(refused?.description.contains("is an image region; image kinds come with the geospatial work") == true)
        }
    }

    @Test("Span offsets count UTF-16 in Label Studio and scalars here, exactly, through emoji, flags and CJK")
    func utf16Offsets() throws {
        // Given a text with a family emoji (5 scalars, 8 UTF-16 units), a flag (2 scalars, 4 units) and CJK
        let text = "👨‍👩‍👧 Anna 在 東京 🇫🇷 Paris"
        let spans = [EntitySpan(start: 6, end: 10, label: "PER"), EntitySpan(start: 13, end: 15, label: "LOC"), EntitySpan(start: 19, end: 24, label: "LOC")]
        let record = InterchangeRecord(task: LabelTask(id: "u1", projectID: "ner", text: text, marking: .unclassified),
                                       annotations: [ImportedAnnotation(answer: .spans(spans), annotator: "7")])
        // When it is exported
        let exported = try LabelStudioFormat.write([record], project: Projects.entities)
        let results = try JSONValue.parse(String(decoding: exported, as: UTF8.self)).arrayValue?.first?["annotations"]?.arrayValue?.first?["result"]?.arrayValue ?? []
        // Then Label Studio's offsets are UTF-16 ones, the span texts are right, and the import gives the spans back
        #expect(results.map { [$0["value"]?["start"]?.intValue, $0["value"]?["end"]?.intValue] } == [[9, 13], [16, 18], [24, 29]])
        #expect(results.map { $0["value"]?["text"]?.stringValue } == ["Anna", "東京", "Paris"])
        #expect(Array(text.utf16)[9..<13].elementsEqual("Anna".utf16))
        let imported = try LabelStudioFormat.read(exported, fileName: "u.json", project: Projects.entities)
        #expect(imported == [record])
        #expect(String(decoding: exported, as: UTF8.self) == "[\n" + LabelStudioFormat.task(record, project: Projects.entities, options: InterchangeOptions()).canonicalText + "\n]\n")
        #expect(imported[0].annotations[0].annotator == "7")
    }

    @Test("An offset inside a surrogate pair, and a quoted text that does not match, are refused with their path")
    func badOffsets() throws {
        let inside = #"[{"data": {"text": "🇫🇷 Paris"}, "annotations": [{"completed_by": 1, "result": [{"type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 1, "end": 11, "labels": ["LOC"]}}]}]}]"#
        let error = #expect(throws: InterchangeError.self) {
            try LabelStudioFormat.read(Data(inside.utf8), fileName: "ls.json", project: Projects.entities)
        }
        #expect(error?.description == "ls.json: $[0].annotations[0].result[0].value.start: start 1 is not a character boundary of the text (10 UTF-16 code units); Label Studio counts UTF-16 code units")
        let scalarCounted = #"[{"data": {"text": "😀 Paris"}, "annotations": [{"completed_by": 1, "result": [{"type": "labels", "value": {"start": 2, "end": 7, "text": "Paris", "labels": ["LOC"]}}]}]}]"#
        let mismatch = #expect(throws: InterchangeError.self) {
            try LabelStudioFormat.read(Data(scalarCounted.utf8), fileName: "ls.json", project: Projects.entities)
        }
        #expect(mismatch?.description == "ls.json: $[0].annotations[0].result[0].value.text: \"text\" \"Paris\" is not the text at 2-7 (\" Pari\"); the offsets must count UTF-16 code units of data's text")
        let unknownLabel = #"[{"data": {"text": "x"}}, {"data": {"text": "y"}, "annotations": [{"result": [{"type": "choices", "value": {"choices": ["meh"]}}]}]}]"#
        let label = #expect(throws: InterchangeError.self) {
            try LabelStudioFormat.read(Data(unknownLabel.utf8), fileName: "ls.json", project: Projects.sentiment)
        }
        #expect(label?.description == "ls.json: $[1].annotations[0].result: label \"meh\" is not one of project \"sst2\"'s labels")
    }

    @Test("Comparison and free text go through Label Studio with prompt and answers in data")
    func comparisonAndFreeText() throws {
        let comparison = InterchangeRecord(
            task: LabelTask(id: "p-1", projectID: "pairs", text: "Explain tides.", marking: .secret, priority: 2, responses: ["The moon.", "Wind."]),
            annotations: [
                ImportedAnnotation(answer: .comparison(ComparisonAnswer(preference: .a, strength: 3, ratingsA: ["helpfulness": 6], ratingsB: ["helpfulness": 2, "honesty": 5], rationale: "A is right.\nB is not.")), annotator: "lee"),
                ImportedAnnotation(answer: .comparison(ComparisonAnswer(preference: .tie)), annotator: "kim"),
                ImportedAnnotation(answer: .empty(.comparison), skipReason: LabelStudioFormat.skipReason, annotator: "kim"),
            ])
        let exported = try LabelStudioFormat.write([comparison], project: Projects.comparison)
        let data = try JSONValue.parse(String(decoding: exported, as: UTF8.self)).arrayValue?.first?["data"]
        #expect(data == .object(["prompt": .string("Explain tides."), "answer_a": .string("The moon."), "answer_b": .string("Wind."), "marking": .string("SECRET"), "priority": .integer(2)]))
        #expect(try LabelStudioFormat.read(exported, fileName: "c.json", project: Projects.comparison) == [comparison])

        let free = InterchangeRecord(task: LabelTask(id: "f", projectID: "answers", text: "Say hi", marking: .unclassified),
                                     annotations: [ImportedAnnotation(answer: .text("Hi!\nBye."), annotator: "ana")])
        #expect(try LabelStudioFormat.read(try LabelStudioFormat.write([free], project: Projects.freeText), fileName: "f.json", project: Projects.freeText) == [free])
    }
}
