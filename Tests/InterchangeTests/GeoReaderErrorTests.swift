import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("Geo readers: coordinate systems and bad input")
struct GeoReaderErrorTests {
    static func geojson(_ text: String, crs: String? = nil) throws(InterchangeError) -> GeoJSONDocument {
        try GeoJSONReader.read(Data(text.utf8), fileName: "in.geojson", crs: crs)
    }

    static let square = #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}"#

    @Test("CRS names: the URN, EPSG and CRS84 spellings; --crs for a file without one; a disagreement refused")
    func coordinateSystems() throws {
        #expect(CRSName.normalized("urn:ogc:def:crs:EPSG::32616") == "EPSG:32616")
        #expect(CRSName.normalized("urn:ogc:def:crs:EPSG:6.6:32616") == "EPSG:32616")
        #expect(CRSName.normalized("epsg:32616") == "EPSG:32616")
        #expect(CRSName.normalized("urn:ogc:def:crs:OGC:1.3:CRS84") == "EPSG:4326")
        #expect(CRSName.normalized("+proj=utm +zone=16") == "+proj=utm +zone=16")
        // Given a file with no crs member, read with --crs, and one with a crs member
        let given = try Self.geojson(Self.square, crs: "EPSG:26914")
        #expect(given.crs == "EPSG:26914" && given.crsSource == .caller)
        let named = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32616"}},"features":[{"type":"Feature","properties":null,"geometry":\#(Self.square)}]}"#
        #expect(try Self.geojson(named, crs: "urn:ogc:def:crs:EPSG::32616").crs == "EPSG:32616")
        // When --crs says another system than the file, Then it is refused
        #expect(throws: InterchangeError(fileName: "in.geojson", location: .path("$.crs"), problem: "the file says its coordinates are in EPSG:32616 and --crs says EPSG:4326; leave out --crs, or fix the file's \"crs\"")) {
            try Self.geojson(named, crs: "EPSG:4326")
        }
    }

    @Test("A MultiPolygon's parts are each kept; holes are counted and left out")
    func multiPolygon() throws {
        // Given a feature with two parts, the first with a hole
        let text = #"{"type":"Feature","properties":{"class":"pond","score":0.9},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[3,2],[3,3],[2,2]]],[[[20,20],[30,20],[30,30],[20,20]]]]}}"#
        // When it is read and placed on a chip in the same system
        let document = try Self.geojson(text, crs: "EPSG:3857")
        let shape = try #require(document.shapes.first)
        #expect(shape.label == "pond" && shape.holesLeftOut == 1 && shape.properties["score"] == .number("0.9"))
        let chip = GeoChip(taskID: "t", image: TaskImage(media: MediaReference(sha256: GeoFixtures.mediaName("t"), byteCount: 1), scene: "s.tif",
                                                         chip: PixelWindow(x: 0, y: 0, width: 40, height: 40), focus: PixelWindow(x: 0, y: 0, width: 40, height: 40)),
                           georeference: ChipGeoreference(transform: GeoTransform([0, 1, 0, 40, 0, -1]), crs: "EPSG:3857", converter: WGS84Coordinates()))
        let placement = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: [chip], form: .polygon, fileName: "in.geojson")
        // Then both parts are shapes of the task, numbered as feature 1
        #expect(placement.shapesByTask["t"]?.map(\.number) == [1, 1])
        #expect(placement.shapesByTask["t"]?[1].shape.geometry == .polygon([PixelPoint(x: 20, y: 20), PixelPoint(x: 30, y: 20), PixelPoint(x: 30, y: 10)]))
    }

    @Test("A bad feature is named by its number and JSON path, with what to do")
    func badFeatures() {
        func collection(_ features: String...) -> String { #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}" }
        let good = #"{"type":"Feature","properties":{},"geometry":\#(Self.square)}"#
        let cases: [(String, InterchangeError.Location, String)] = [
            (collection(good, #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}"#),
             .path("$.features[1].geometry.type"), "feature 2 is a LineString; only Polygon and MultiPolygon features can become shapes"),
            (collection(good, good, #"{"type":"Feature","properties":{},"geometry":null}"#),
             .path("$.features[2].geometry"), "feature 3 has no geometry; give it a Polygon or MultiPolygon, or remove it"),
            (collection(#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,"a"],[1,1],[0,0]]]}}"#),
             .path("$.features[0].geometry.coordinates[0][1]"), "feature 1: a position must be [x, y] with two finite numbers"),
            (collection(#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}}"#),
             .path("$.features[0].geometry.coordinates[0]"), "feature 1: the outer ring has 2 different positions; a polygon needs at least 3"),
            (collection(#"{"type":"Feature","properties":{"class":["a"]},"geometry":\#(Self.square)}"#),
             .path("$.features[0].properties.class"), "feature 1: property \"class\" must name a class, not be an array"),
            (#"{"type":"FeatureCollection","crs":{"type":"link","properties":{"href":"x.prj"}},"features":[]}"#,
             .path("$.crs"), "\"crs\" must be {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:32616\"}}; linked systems are not read, so remove \"crs\" and give --crs"),
            (#"{"type":"Point","coordinates":[0,0]}"#,
             .path("$.type"), "a GeoJSON file of type \"Point\" holds no polygons; give a FeatureCollection, a Feature, a Polygon or a MultiPolygon"),
            ("{\"type\":\n\"FeatureCollection\",,", .line(2), "not valid JSON (expected a quoted key at column 21)"),
        ]
        for (text, location, problem) in cases {
            #expect(throws: InterchangeError(fileName: "in.geojson", location: location, problem: problem)) { try Self.geojson(text) }
        }
    }

    @Test("COCO: a bbox stands in for a missing polygon; masks, unknown images and categories are refused by annotation number")
    func coco() throws {
        // Given an annotation with only a bbox
        let base = #"{"images":[{"id":7,"file_name":"scene.tif","width":10,"height":10}],"categories":[{"id":1,"name":"car"}],"annotations":[%@]}"#
        func file(_ annotation: String) -> Data { Data(base.replacingOccurrences(of: "%@", with: annotation).utf8) }
        let boxOnly = try COCOReader.read(file(#"{"id":1,"image_id":7,"category_id":1,"bbox":[1,2,3,4]}"#), fileName: "c.json")
        // Then it is the box's four corners in the scene's pixels
        #expect(boxOnly.shapes.first?.label == "car")
        #expect(boxOnly.shapes.first?.coordinates == .scenePixels(scene: "scene.tif", [[
            PixelPoint(x: 1, y: 2), PixelPoint(x: 4, y: 2), PixelPoint(x: 4, y: 6), PixelPoint(x: 1, y: 6),
        ]]))
        let cases: [(String, String, String)] = [
            (#"{"id":1,"image_id":7,"category_id":1,"segmentation":{"counts":[1,2],"size":[10,10]}}"#, "$.annotations[0].segmentation",
             "annotation 1's segmentation is a run-length mask; only polygons (or a bbox) can become shapes"),
            (#"{"id":1,"image_id":8,"category_id":1,"bbox":[1,2,3,4]}"#, "$.annotations[0].image_id",
             "annotation 1 needs an \"image_id\" that one of \"images\" has"),
            (#"{"id":1,"image_id":7,"category_id":2,"bbox":[1,2,3,4]}"#, "$.annotations[0].category_id",
             "annotation 1 has category_id 2, which \"categories\" does not list"),
            (#"{"id":1,"image_id":7,"category_id":1,"segmentation":[[1,2,3]]}"#, "$.annotations[0].segmentation[0]",
             "annotation 1: a segmentation polygon is a list of numbers x1, y1, x2, y2, ..."),
        ]
        for (annotation, path, problem) in cases {
            #expect(throws: InterchangeError(fileName: "c.json", location: .path(path), problem: problem)) { try COCOReader.read(file(annotation), fileName: "c.json") }
        }
    }
}
