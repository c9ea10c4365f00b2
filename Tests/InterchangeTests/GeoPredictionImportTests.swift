import Domain
import Foundation
import Imagery
@testable import Interchange
import Testing

@Suite("Geo prediction import and the registry's geo formats")
struct GeoPredictionImportTests {
    static let polygons = Project(id: "roofs", title: "Roofs", kind: .geoPolygon, labels: [LabelChoice(name: "0"), LabelChoice(name: "1")])
    static let boxes = Project(id: "roof-boxes", title: "Roof boxes", kind: .geoBox, labels: [LabelChoice(name: "0"), LabelChoice(name: "1")])

    /// GDAL's converter for whatever system a file names, as the command line makes it.
    static func gdalConverter(_ crs: String) throws -> any CoordinateConverter { try CoordinateTransformer(crs: crs) }

    static func footprintFile() throws -> Data {
        // The footprints' class is their `truncated` flag, renamed to "class" as a model's file would have it.
        let text = String(decoding: try Fixtures.data("geo-labels/geotiff_labels.geojson"), as: UTF8.self)
        return Data(text.replacingOccurrences(of: "\"truncated\":", with: "\"class\":").utf8)
    }

    @Test("GeoJSON predictions land on the chips they touch, clipped, each a proper shape the project keeps")
    func footprintsOntoChips() throws {
        // Given the scene cut into four chips and the footprints file
        let chips = try ShapePlacementTests.chips(size: 450, overlap: 0, transform: try GeoFixtures.sceneTransform())
        // When they are imported as a model's predictions into a polygon project
        let result = try GeoPredictionImport.place(try Self.footprintFile(), fileName: "labels.geojson", project: Self.polygons, chips: chips, model: "solaris v1", converterFor: Self.gdalConverter)
        // Then every chip has a prediction from the model, no footprint is off the chips, and none is refused
        #expect(result.format == "geojson" && result.crs == "EPSG:32616")
        #expect(Set(result.predictions.keys) == Set(chips.map(\.taskID)))
        #expect(result.outside.isEmpty && result.outsideSentence == nil)
        #expect(result.refused == [])
        var count = 0
        for (taskID, prediction) in result.predictions {
            #expect(prediction.model == "solaris v1")
            guard case .shapes(let shapes) = prediction.answer else { Issue.record("not shapes"); continue }
            count += shapes.count
            let chip = try #require(chips.first { $0.taskID == taskID })
            #expect(Self.polygons.answerProblem(prediction.answer, isSkip: false, textLength: nil, chip: ChipSize(chip.image)) == nil)
        }
        #expect(count > 43)
        // And as a box project, the same file gives boxes
        let asBoxes = try GeoPredictionImport.place(try Self.footprintFile(), fileName: "labels.geojson", project: Self.boxes, chips: chips, converterFor: Self.gdalConverter)
        #expect(asBoxes.predictions.values.allSatisfy { prediction in
            if case .shapes(let shapes) = prediction.answer { shapes.allSatisfy { if case .box = $0.geometry { true } else { false } } } else { false }
        })
    }

    @Test("An export in WGS 84 imports back through GDAL onto the same chip within 1e-6 pixels")
    func exportImportsBack() throws {
        // Given the footprints on the whole scene, exported through the registry as a labeler's work
        let chip = try GeoFootprintTests.wholeScene()
        let original = try GeoPredictionImport.place(try Self.footprintFile(), fileName: "labels.geojson", project: Self.polygons, chips: [chip], converterFor: Self.gdalConverter)
        let drawn = try #require(original.predictions["whole"]?.answer)
        let task = LabelTask(id: "whole", projectID: "roofs", text: "", marking: .unclassified, image: chip.image)
        let records = [InterchangeRecord(task: task, annotations: [
            ImportedAnnotation(answer: drawn, annotator: "ana", createdAt: Date(timeIntervalSince1970: 1_764_590_400)),
            ImportedAnnotation(answer: .shapes([]), skipReason: "Unclear or ambiguous", annotator: "bo"),
        ])]
        let format = try #require(Formats.named("GeoJSON"))
        let exported = try Formats.write(records, as: format, project: Self.polygons, options: InterchangeOptions(georeferencing: FixedGeoreferencing([chip])))
        // When that file (WGS 84, no crs member) is imported as predictions
        let again = try GeoPredictionImport.place(exported, fileName: "export.geojson", project: Self.polygons, chips: [chip], converterFor: Self.gdalConverter)
        // Then the same shapes come back, vertex for vertex within 1e-6 pixels (the ring may start elsewhere and turn the other way)
        #expect(again.crs == "EPSG:4326")
        guard case .shapes(let before) = drawn, case .shapes(let after)? = again.predictions["whole"]?.answer else { Issue.record("no shapes"); return }
        #expect(before.count == 43 && after.count == 43)
        var largest = 0.0
        for (first, second) in zip(before, after) {
            #expect(first.label == second.label)
            let a = first.geometry.vertices, b = second.geometry.vertices
            #expect(a.count == b.count)
            for point in a { largest = max(largest, b.map { max(abs($0.x - point.x), abs($0.y - point.y)) }.min() ?? .infinity) }
        }
        #expect(largest < 1e-6)
    }

    @Test("COCO predictions take off the chip's place in the scene; those on no chip are reported by number")
    func cocoOntoPartOfTheScene() throws {
        // Given solaris' COCO file and only the scene's top-left chip
        let project = Project(id: "roofs", title: "Roofs", kind: .geoPolygon, labels: [LabelChoice(name: "0.0"), LabelChoice(name: "1.0")])
        let chips = try ShapePlacementTests.chips(size: 450, overlap: 0, transform: try GeoFixtures.sceneTransform()).filter { $0.taskID == "chip-450-450" }
        // When it is imported
        let result = try GeoPredictionImport.place(try Fixtures.data("geo-labels/coco_sample_2.json"), fileName: "coco.json", project: project, chips: chips, converterFor: Self.gdalConverter)
        // Then the annotations wholly in the other quarters are reported, the rest placed in chip pixels
        #expect(result.format == "coco")
        guard case .shapes(let shapes)? = result.predictions["chip-450-450"]?.answer else { Issue.record("no shapes"); return }
        #expect(!result.outside.isEmpty && shapes.count + result.outside.count >= 43)
        #expect(shapes.allSatisfy { $0.geometry.vertices.allSatisfy { $0.x >= 0 && $0.x <= 450 && $0.y >= 0 && $0.y <= 450 } })
        #expect(result.outsideSentence?.hasPrefix("\(result.outside.count) annotations fall on no chip of the project: \(result.outside[0]), ") == true)
    }

    @Test("Bad imports are refused with a sentence: an unknown class, no class among several, --crs on COCO, a text project")
    func refusals() throws {
        let chip = try GeoFootprintTests.wholeScene()
        let square = #"{"type":"Feature","properties":%@,"geometry":{"type":"Polygon","coordinates":[[[733610,3725130],[733620,3725130],[733620,3725120],[733610,3725130]]]}}"#
        func file(_ properties: String) -> Data { Data(#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32616"}},"features":["#.appending(square.replacingOccurrences(of: "%@", with: properties)).appending("]}").utf8) }
        let cases: [(Data, Project, String?, String)] = [
            (file(#"{"class":"shed"}"#), Self.polygons, nil, "p.geojson: feature 1 has class \"shed\", which is not one of project \"roofs\"'s classes (0, 1)"),
            (file("{}"), Self.polygons, nil, "p.geojson: feature 1 has no class; give each feature a \"class\" naming one of 0, 1"),
            (try Fixtures.data("geo-labels/coco_sample_2.json"), Self.polygons, "EPSG:32616", "p.geojson: a COCO file counts in scene pixels, so --crs EPSG:32616 does not apply; leave it out"),
            (file("{}"), Project(id: "t", title: "T", labels: [LabelChoice(name: "a")]), nil, "p.geojson: shapes can be imported only into geo-box and geo-polygon projects; project \"t\" is a classification project"),
        ]
        for (data, project, crs, sentence) in cases {
            do {
                _ = try GeoPredictionImport.place(data, fileName: "p.geojson", project: project, chips: [chip], crs: crs, converterFor: Self.gdalConverter)
                Issue.record("accepted: \(sentence)")
            } catch { #expect(error.description == sentence) }
        }
        // And a file with no classes goes to a one-class project's class
        let single = Project(id: "b", title: "B", kind: .geoPolygon, labels: [LabelChoice(name: "building")])
        let placed = try GeoPredictionImport.place(file("{}"), fileName: "p.geojson", project: single, chips: [chip], converterFor: Self.gdalConverter)
        guard case .shapes(let shapes)? = placed.predictions["whole"]?.answer else { Issue.record("no shapes"); return }
        #expect(shapes.map(\.label) == ["building"])
    }

    @Test("The registry knows geojson, gpkg and coco; they refuse to read tasks, a text project, and a map export without georeferencing")
    func registry() throws {
        #expect(Formats.named("geojson") == GeoJSONFormat.self && Formats.named("gpkg") == GeoPackageFormat.self && Formats.named("coco") == COCOFormat.self)
        #expect(Formats.names.contains("\"gpkg\""))
        #expect(throws: InterchangeError(fileName: "x.geojson", location: .file, problem: "a GeoJSON file holds shapes, not tasks; add the imagery first (`labeldesk imagery add`), then bring the shapes onto its chips with `labeldesk predictions import --project P x.geojson`")) {
            try GeoJSONFormat.read(Data(), fileName: "x.geojson", project: Self.polygons)
        }
        #expect(throws: InterchangeError(fileName: "export.gpkg", location: .file, problem: "this export writes map coordinates and was given no georeferencing for the chips; export through the hub, which reads it from its media store")) {
            try GeoPackageFormat.write([], project: Self.polygons)
        }
        #expect(throws: InterchangeError(fileName: "export.json", location: .file, problem: "this format is for geo-box and geo-polygon projects; project \"t\" is a classification project, so choose jsonl, labelstudio, conll, prodigy or csv")) {
            try COCOFormat.write([], project: Project(id: "t", title: "T", labels: [LabelChoice(name: "a")]))
        }
    }

    @Test("COCO export through the registry puts a chip's shapes at its place in the scene")
    func cocoOffset() throws {
        // Given a box on a chip cut at (400, 300) of a 900 x 900 scene
        let chip = try GeoFixtures.chip("c", window: PixelWindow(x: 400, y: 300, width: 100, height: 100), sceneTransform: try GeoFixtures.sceneTransform())
        let task = LabelTask(id: "c", projectID: "roof-boxes", text: "", marking: .unclassified, image: chip.image)
        let box = Shape(label: "1", geometry: .box(PixelPoint(x: 10, y: 20), PixelPoint(x: 30, y: 60)))
        let records = [InterchangeRecord(task: task, annotations: [ImportedAnnotation(answer: .shapes([box]), annotator: "ana")])]
        // When it is exported as COCO with the scene's size
        let written = try Formats.write(records, as: COCOFormat.self, project: Self.boxes,
                                        options: InterchangeOptions(sceneSizes: ["sample_geotiff.tif": PixelWindow(x: 0, y: 0, width: 900, height: 900)]))
        let value = try JSONValue.parse(String(decoding: written, as: UTF8.self))
        // Then the box is in scene pixels, with its area, and the image has the scene's size
        let annotation = try #require(value["annotations"]?.arrayValue?.first)
        #expect(annotation["bbox"] == .array([.number("410"), .number("320"), .number("20"), .number("40")]))
        #expect(annotation["area"] == .number("800"))
        #expect(annotation["segmentation"] == .array([.array([410, 320, 430, 320, 430, 360, 410, 360].map { .number(String($0)) })]))
        #expect(annotation["category_id"] == .number("2") && annotation["iscrowd"] == .number("0"))
        #expect(value["images"]?.arrayValue?.first?["width"] == .number("900"))
        // And importing it back onto the same chip gives the box again
        let back = try GeoPredictionImport.place(written, fileName: "c.json", project: Self.boxes, chips: [chip], converterFor: Self.gdalConverter)
        #expect(back.predictions["c"]?.answer == .shapes([box]))
    }
}
