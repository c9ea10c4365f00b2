import Domain
import Foundation
@testable import Interchange
import XCTest

/// Geospatial tasks through the formats: JSONL carries them whole; every format that
/// cannot carry shapes refuses a geo project and names the ones that can.
final class GeoInterchangeTests: XCTestCase {
    private func problem(_ line: String, project: Project = Projects.boxes) -> String {
        do { _ = try JSONLFormat.read(Data(line.utf8), fileName: "chips.jsonl", project: project) } catch { return "\(error)" }
        return "read"
    }

    private let image = #""image":{"bytes":81920,"chip":[960,0,1088,1088],"focus":[64,0,1024,1024],"media":"5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e","scene":"naip.tif"}"#

    func testAChipLineWithShapesReadsWithoutText() throws {
        // Given a chip line as a person writes it: no text, a model's box, a labeler's box
        let line = #"{"id":"c1",\#(image),"predictions":[{"answer":{"shapes":[{"box":[1,2,30,40],"label":"car"}]},"model":"det v2","score":0.9}],"annotations":[{"annotator":"ana","answer":{"shapes":[{"box":[1,2,30,40],"label":"car","prediction":0}]},"prediction_accepted":true}]}"#
        // When it is read into a box project
        let records = try JSONLFormat.read(Data(line.utf8), fileName: "chips.jsonl", project: Projects.boxes)
        // Then the task has its chip, the prediction and the accepted shape
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.task.text, "")
        XCTAssertEqual(record.task.image?.chip, PixelWindow(x: 960, y: 0, width: 1088, height: 1088))
        XCTAssertEqual(record.task.predictions.first?.answer, .shapes([Shape(label: "car", geometry: .box(PixelPoint(x: 1, y: 2), PixelPoint(x: 30, y: 40)))]))
        XCTAssertEqual(record.annotations.first?.answer, .shapes([Shape(label: "car", geometry: .box(PixelPoint(x: 1, y: 2), PixelPoint(x: 30, y: 40)), acceptedPrediction: 0)]))
        XCTAssertEqual(record.annotations.first?.predictionAccepted, true)
    }

    func testBadGeoLinesAreRefusedWithTheDomainSentence() {
        XCTAssertEqual(problem(#"{"id":"c1"}"#),
                       #"chips.jsonl:1: a boxes on imagery task needs an "image": the image file to label ("tiles/a.tif", with an optional "window": [x, y, width, height]) or a stored chip ({"media", "bytes", "scene", "chip", "focus"})"#)
        XCTAssertEqual(problem(#"{"id":"c1",\#(image),"annotations":[{"annotator":"ana","answer":{"shapes":[{"box":[1,2,1,40],"label":"car"}]}}]}"#),
                       "chips.jsonl:1: $.annotations[0]: shape 1 (car): the box is degenerate: it has no width (both corners at column 1); place the corners at different columns")
        XCTAssertEqual(problem(#"{"id":"c1",\#(image),"predictions":[{"answer":{"shapes":[{"box":[1000,2,1100,40],"label":"car"}]}}]}"#),
                       "chips.jsonl:1: $.predictions[0]: shape 1 (car): vertex (1100, 2) is outside the chip (0-1088 by 0-1088 pixels); keep every vertex on the image")
        XCTAssertEqual(problem(#"{"id":"c1",\#(image),"annotations":[{"annotator":"ana","answer":{"shapes":[{"polygon":[[0,0],[10,10],[10,0],[0,10]],"label":"building"}]}}]}"#, project: Projects.polygons),
                       "chips.jsonl:1: $.annotations[0]: shape 1 (building): the polygon crosses itself: edge 1 (0, 0)-(10, 10) meets edge 3 (10, 0)-(0, 10); move a vertex so no edges cross or touch")
        XCTAssertEqual(problem(#"{"id":"c1",\#(image),"annotations":[{"annotator":"ana","answer":{"shapes":[{"box":[1,2,3,4],"label":"bus"}]}}]}"#),
                       #"chips.jsonl:1: $.annotations[0]: shape 1 (bus): class "bus" is not one of project "cars"'s classes (car, truck)"#)
        XCTAssertEqual(problem(#"{"text":"a",\#(image)}"#, project: Projects.sentiment),
                       #"chips.jsonl:1: only geospatial tasks have an "image"; project "sst2" is a classification project"#)
    }

    func testFormatsWithoutShapesRefuseAGeoProjectNamingJSONL() throws {
        let record = Projects.onChip(InterchangeRecord(task: LabelTask(id: "g", projectID: "cars", text: "", marking: .cui)))
        let expected = #"project "cars" is a boxes on imagery project, whose shapes travel in "jsonl", "geojson", "gpkg" or "coco": use --format jsonl"#
        let carriers = Set(Formats.shapeFormats.map { $0.name })
        XCTAssertEqual(Formats.shapeFormatNames, #""jsonl", "geojson", "gpkg" or "coco""#, "the GIS formats are registered")
        for format in Formats.all where !carriers.contains(format.name) {
            XCTAssertThrowsError(try format.write([record], project: Projects.boxes, options: InterchangeOptions()), format.name) { error in
                XCTAssertTrue("\(error)".hasPrefix("export: ") && "\(error)".hasSuffix(expected), "\(format.name): \(error)")
            }
            XCTAssertThrowsError(try format.read(Data("x".utf8), fileName: "f", project: Projects.boxes, options: InterchangeOptions()), format.name) { error in
                XCTAssertTrue("\(error)".hasSuffix(expected), "\(format.name): \(error)")
            }
        }
        XCTAssertTrue(carriers.contains("jsonl"))
    }

    func testBenchmarkRecordsOfAGeoProjectPassTheirOwnChecks() throws {
        // Given made-up geo records, when they are written and read back, then they are valid and equal
        let records = BenchmarkRecords.make(count: 50, project: Projects.boxes)
        let read = try JSONLFormat.read(JSONLFormat.write(records, project: Projects.boxes), fileName: "b.jsonl", project: Projects.boxes)
        XCTAssertEqual(read, records)
    }
}
