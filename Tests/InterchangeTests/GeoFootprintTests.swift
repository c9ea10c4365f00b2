import Domain
import Foundation
@testable import Interchange
import Testing

/// The issue's proof on real data: solaris' 43 building footprints (GeoJSON in UTM 16N)
/// placed onto `sample_geotiff.tif` land on the very pixel vertices solaris' own COCO
/// export of them holds, and go back to the same map coordinates.
@Suite("Geo footprints on sample_geotiff.tif")
struct GeoFootprintTests {
    static func footprints() throws -> GeoJSONDocument {
        try GeoJSONReader.read(try Fixtures.data("geo-labels/geotiff_labels.geojson"), fileName: "geotiff_labels.geojson", classProperty: "truncated")
    }

    static func solarisCOCO() throws -> COCODocument {
        try COCOReader.read(try Fixtures.data("geo-labels/coco_sample_2.json"), fileName: "coco_sample_2.json")
    }

    static func wholeScene() throws -> GeoChip {
        try GeoFixtures.chip("whole", window: PixelWindow(x: 0, y: 0, width: 900, height: 900), sceneTransform: try GeoFixtures.sceneTransform())
    }

    /// COCO's rings by their vertices, for matching shapes without caring about order.
    static func ringsOf(_ document: COCODocument) -> [[PixelPoint]: String] {
        var rings: [[PixelPoint]: String] = [:]
        for shape in document.shapes {
            guard case .scenePixels(_, let parts) = shape.coordinates else { continue }
            for part in parts { rings[part] = shape.label }
        }
        return rings
    }

    @Test("The GeoJSON reader takes the legacy crs member and all 43 polygons")
    func readsFootprints() throws {
        // Given the footprints file, whose crs member names urn:ogc:def:crs:EPSG::32616
        // When it is read
        let document = try Self.footprints()
        // Then the system is EPSG:32616 from the file, and every feature is one open ring
        #expect(document.crs == "EPSG:32616")
        #expect(document.crsSource == .file)
        #expect(document.shapes.count == 43)
        #expect(document.shapes.map(\.number) == Array(1...43))
        #expect(document.shapes.filter { $0.label == "1" }.count == 6)
        guard case .map(let parts) = document.shapes[0].coordinates else { Issue.record("not map coordinates"); return }
        #expect(parts.count == 1)
        #expect(parts[0].first == MapPoint(x: 733633.917563494, y: 3724917.3270592587))
        #expect(parts[0].first != parts[0].last)
    }

    @Test("Placed onto the scene, every footprint lands exactly on solaris' COCO pixel vertices, in its category")
    func landsOnCOCOVertices() throws {
        // Given the footprints and one chip that is the whole scene, georeferenced as gdalinfo reads it
        let document = try Self.footprints()
        let chip = try Self.wholeScene()
        #expect(chip.georeference.transform.coefficients == [733601, 0.5, 0, 3725139, 0, -0.5])
        // When they are placed as polygons
        let placement = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: [chip], form: .polygon, fileName: "geotiff_labels.geojson")
        // Then all 43 are on the chip, and each one's vertices are a COCO ring, bit for bit
        #expect(placement.outside.isEmpty)
        let placed = placement.shapesByTask["whole"] ?? []
        #expect(placed.count == 43)
        let coco = Self.ringsOf(try Self.solarisCOCO())
        #expect(coco.count == 43)
        var matched = Set<[PixelPoint]>()
        for item in placed {
            guard case .polygon(let ring) = item.shape.geometry else { Issue.record("feature \(item.number) is not a polygon"); continue }
            guard let category = coco[ring] else { Issue.record("feature \(item.number) lands on no COCO ring: \(ring.prefix(2))"); continue }
            matched.insert(ring)
            // solaris named its categories after `truncated` as a float (1.0, 0.0)
            #expect(Double(category) == Double(item.shape.label), "feature \(item.number)")
        }
        #expect(matched.count == 43)
    }

    @Test("Exported as COCO and read back, the footprints keep solaris' pixels, and map back to the file's metres within 1e-6 m")
    func exportsBack() throws {
        // Given the footprints placed on the whole scene
        let document = try Self.footprints()
        let chip = try Self.wholeScene()
        let placed = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: [chip], form: .polygon, fileName: "f").shapesByTask["whole"] ?? []
        let project = Project(id: "buildings", title: "Buildings", labels: [LabelChoice(name: "1"), LabelChoice(name: "0")])
        let shapes = placed.map { GeoExportShape(shape: $0.shape, taskID: "whole", labeler: "solaris", time: nil, image: chip.image) }
        // When they are written as COCO and read again
        let written = COCOWriter.write(shapes, project: project)
        let again = try COCOReader.read(written, fileName: "export.json")
        // Then the scene is 900 x 900, the rings are solaris' rings, and areas and boxes agree with solaris'
        #expect(again.images.map(\.fileName) == ["sample_geotiff.tif"])
        #expect(again.images.first?.width == 900 && again.images.first?.height == 900)
        #expect(Set(again.categories.values) == ["1", "0"])
        let solaris = try Self.solarisCOCO()
        let solarisRings = Self.ringsOf(solaris)
        let exportedRings = Self.ringsOf(again)
        #expect(Set(exportedRings.keys) == Set(solarisRings.keys))
        let raw = try JSONValue.parse(String(decoding: written, as: UTF8.self))
        let solarisRaw = try JSONValue.parse(String(decoding: try Fixtures.data("geo-labels/coco_sample_2.json"), as: UTF8.self))
        func byBox(_ value: JSONValue) -> [[Double]: Double] {
            var result: [[Double]: Double] = [:]
            for item in value["annotations"]?.arrayValue ?? [] {
                let box = (item["bbox"]?.arrayValue ?? []).compactMap(\.doubleValue).map { ($0 * 1e6).rounded() / 1e6 }
                result[box] = item["area"]?.doubleValue
            }
            return result
        }
        let mine = byBox(raw), theirs = byBox(solarisRaw)
        #expect(Set(mine.keys) == Set(theirs.keys))
        for (box, area) in mine { #expect(abs(area - (theirs[box] ?? .infinity)) < 1e-6, "area of box \(box)") }
        // And every vertex goes back through the chip's geotransform to the GeoJSON's own coordinates
        var largest = 0.0
        for item in placed {
            guard case .map(let parts) = document.shapes[item.number - 1].coordinates else { continue }
            let back = item.shape.geometry.vertices.map(chip.georeference.transform.map)
            #expect(back.count == parts[0].count)
            for (point, original) in zip(back, parts[0]) { largest = max(largest, abs(point.x - original.x), abs(point.y - original.y)) }
        }
        #expect(largest <= 1e-6)
    }

    @Test("GeoJSON export: WGS 84 within 1e-9 degrees of PROJ, right-hand rule, closed rings, no crs, the properties asked for")
    func exportsGeoJSON() throws {
        // Given the footprints placed on the whole scene, with a labeler and a time
        let document = try Self.footprints()
        let chip = try Self.wholeScene()
        let placed = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: [chip], form: .polygon, fileName: "f").shapesByTask["whole"] ?? []
        let time = Date(timeIntervalSince1970: 1_764_590_400.25)
        let shapes = placed.map { GeoExportShape(shape: $0.shape, taskID: "whole", labeler: "ana", time: time, image: chip.image) }
        // When they are written as GeoJSON
        let written = try GeoJSONWriter.write(shapes, projectID: "buildings", georeferencing: FixedGeoreferencing([chip]))
        let root = try JSONValue.parse(String(decoding: written, as: UTF8.self))
        // Then there is no crs member, and each feature has the properties and a closed counter-clockwise ring
        #expect(root["type"]?.stringValue == "FeatureCollection")
        #expect(root["crs"] == nil)
        let features = root["features"]?.arrayValue ?? []
        #expect(features.count == 43)
        let vectors = try JSONValue.parse(String(decoding: try Fixtures.vector("geo_labels_wgs84.json"), as: UTF8.self))
        var largest = 0.0
        for (feature, item) in zip(features, placed) {
            let properties = feature["properties"]
            #expect(properties?["class"]?.stringValue == item.shape.label)
            #expect(properties?["task"]?.stringValue == "whole")
            #expect(properties?["labeler"]?.stringValue == "ana")
            #expect(properties?["time"]?.stringValue == "2025-12-01T12:00:00.250Z")
            #expect(properties?["project"]?.stringValue == "buildings")
            #expect(properties?["scene"]?.stringValue == "sample_geotiff.tif")
            #expect(feature["geometry"]?["type"]?.stringValue == "Polygon")
            let ring = (feature["geometry"]?["coordinates"]?.arrayValue?.first?.arrayValue ?? []).map { position in
                GeoPoint(longitude: position.arrayValue?[0].doubleValue ?? .nan, latitude: position.arrayValue?[1].doubleValue ?? .nan)
            }
            #expect(ring.first == ring.last && ring.count >= 4)
            #expect(GeoJSONWriter.signedArea(Array(ring.dropLast())) > 0, "feature \(item.number) is clockwise")
            // PROJ's longitude/latitude of the same vertices, in the source file's order
            let expected = (vectors["features"]?.arrayValue?[item.number - 1]["wgs84"]?.arrayValue ?? []).map {
                GeoPoint(longitude: $0.arrayValue?[0].doubleValue ?? .nan, latitude: $0.arrayValue?[1].doubleValue ?? .nan)
            }
            #expect(expected.count == ring.count - 1)
            for point in ring.dropLast() {
                let nearest = expected.map { max(abs($0.longitude - point.longitude), abs($0.latitude - point.latitude)) }.min() ?? .infinity
                largest = max(largest, nearest)
            }
        }
        #expect(largest < 1e-9)
    }

    @Test("Footprints given in WGS 84 (PROJ's numbers, no crs member) land on solaris' pixels within 1e-6 pixels through the chip's converter")
    func placesThroughWGS84() throws {
        // Given the footprints in WGS 84 as a GeoJSON file without a crs member
        let vectors = try JSONValue.parse(String(decoding: try Fixtures.vector("geo_labels_wgs84.json"), as: UTF8.self))
        let features = (vectors["features"]?.arrayValue ?? []).map { item -> String in
            let ring = (item["wgs84"]?.arrayValue ?? []) + [(item["wgs84"]?.arrayValue ?? [])[0]]
            return "{\"type\":\"Feature\",\"properties\":{\"class\":\"building\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(JSONValue.array(ring).canonicalText)]}}"
        }
        let file = Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8)
        let document = try GeoJSONReader.read(file, fileName: "wgs84.geojson")
        #expect(document.crs == CRSName.wgs84 && document.crsSource == .standard)
        // When they are placed on the UTM chip through WGS 84
        let chip = try Self.wholeScene()
        let placement = try ShapePlacer.place(document.shapes, crs: document.crs, converter: WGS84Coordinates(), on: [chip], form: .polygon, fileName: "wgs84.geojson")
        // Then each vertex is within 1e-6 pixels of the outline the UTM footprint of the same
        // feature lands on, and back: a footprint along the tile's edge comes back from WGS 84
        // a nanometre off it, and clipping adds a vertex on the edge there
        let utm = try Self.footprints()
        let exact = try ShapePlacer.place(utm.shapes, crs: utm.crs, converter: nil, on: [chip], form: .polygon, fileName: "f").shapesByTask["whole"] ?? []
        let exactByNumber = Dictionary(exact.map { ($0.number, $0.shape.geometry.vertices) }, uniquingKeysWith: { first, _ in first })
        let placed = placement.shapesByTask["whole"] ?? []
        #expect(placed.count == 43)
        var largest = 0.0
        /// How far the farthest vertex of `from` is from the outline of `to`.
        func farthest(_ from: [PixelPoint], _ to: [PixelPoint]) -> Double {
            from.map { point in
                to.indices.map { index in
                    let a = to[index], b = to[(index + 1) % to.count]
                    let dx = b.x - a.x, dy = b.y - a.y
                    let t = max(0, min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy)))
                    return hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy))
                }.min() ?? .infinity
            }.max() ?? .infinity
        }
        for item in placed {
            let ring = item.shape.geometry.vertices, expected = exactByNumber[item.number] ?? []
            largest = max(largest, farthest(ring, expected), farthest(expected, ring))
        }
        #expect(largest < 1e-6)
    }
}
