import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("GeoPackage export")
struct GeoPackageTests {
    /// Runs a tool and gives its exit status and output; a missing tool fails with how to install it.
    static func run(_ arguments: [String], install: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gpkg-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputFile = folder.appendingPathComponent("out")
        FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
        if process.terminationStatus == 127 || output.contains("No module named") {
            throw FixtureError(description: "\(arguments[0]) is not installed here (\(output.trimmingCharacters(in: .whitespacesAndNewlines))); \(install)")
        }
        return (process.terminationStatus, output)
    }

    static let project = Project(id: "buildings", title: "Atlanta buildings", labels: [LabelChoice(name: "1"), LabelChoice(name: "0")])

    /// The 43 footprints placed on the whole scene, as a labeler's shapes.
    static func footprintShapes() throws -> (shapes: [GeoExportShape], chip: GeoChip) {
        let document = try GeoFootprintTests.footprints()
        let chip = try GeoFootprintTests.wholeScene()
        let placed = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: [chip], form: .polygon, fileName: "f").shapesByTask["whole"] ?? []
        let time = Date(timeIntervalSince1970: 1_764_590_400)
        return (placed.map { GeoExportShape(shape: $0.shape, taskID: "whole", labeler: "ana", time: time.addingTimeInterval(Double($0.number)), image: chip.image) }, chip)
    }

    @Test("The footprints' GeoPackage passes GDAL's validator, opens in ogrinfo, and GDAL reads back the GeoJSON export's coordinates")
    func validates() throws {
        // Given the footprints written as a GeoPackage
        let (shapes, chip) = try Self.footprintShapes()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gpkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("buildings.gpkg").path
        try GeoPackageWriter.write(shapes, project: Self.project, georeferencing: FixedGeoreferencing([chip]), to: path, time: Date(timeIntervalSince1970: 1_764_590_400))
        // When GDAL's validator checks it, Then it exits 0
        let validation = try Self.run(["python3", "-m", "osgeo_utils.samples.validate_gpkg", path], install: "install it with `pip install --no-deps gdal-utils`")
        #expect(validation.status == 0, "validate_gpkg: \(validation.output)")
        // And ogrinfo sees one polygon layer of 43 features in WGS 84 with the columns asked for
        let summary = try Self.run(["ogrinfo", "-al", "-so", path], install: "install gdal-bin")
        #expect(summary.status == 0, "ogrinfo: \(summary.output)")
        for line in ["Layer name: buildings", "Geometry: Polygon", "Feature Count: 43", "class: String", "task: String", "labeler: String", "time: DateTime", "scene: String", "ID[\"EPSG\",4326]"] {
            #expect(summary.output.contains(line), "ogrinfo -so lacks \(line)")
        }
        // And GDAL reads back exactly the coordinates and properties the GeoJSON export writes
        let converted = try Self.run(["ogr2ogr", "-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=15", "/vsistdout/", path], install: "install gdal-bin")
        #expect(converted.status == 0)
        let fromGDAL = try JSONValue.parse(converted.output)["features"]?.arrayValue ?? []
        let ours = try JSONValue.parse(String(decoding: try GeoJSONWriter.write(shapes, projectID: "buildings", georeferencing: FixedGeoreferencing([chip])), as: UTF8.self))["features"]?.arrayValue ?? []
        #expect(fromGDAL.count == 43 && ours.count == 43)
        var largest = 0.0
        for (theirs, mine) in zip(fromGDAL, ours) {
            #expect(theirs["properties"]?["class"] == mine["properties"]?["class"])
            #expect(theirs["properties"]?["task"]?.stringValue == "whole")
            #expect(theirs["properties"]?["time"]?.stringValue?.hasPrefix("2025-12-01T12:00:") == true)
            let a = (theirs["geometry"]?["coordinates"]?.arrayValue?.first?.arrayValue ?? []).flatMap { $0.arrayValue?.compactMap(\.doubleValue) ?? [] }
            let b = (mine["geometry"]?["coordinates"]?.arrayValue?.first?.arrayValue ?? []).flatMap { $0.arrayValue?.compactMap(\.doubleValue) ?? [] }
            #expect(a.count == b.count && !a.isEmpty)
            for (x, y) in zip(a, b) { largest = max(largest, abs(x - y)) }
        }
        #expect(largest < 1e-12)
    }

    @Test("An export with no shapes, and one of boxes through the registry, are valid GeoPackages too")
    func emptyAndBoxes() throws {
        // Given no shapes, and two boxes on a chip exported through the registry's gpkg format
        let chip = try GeoFootprintTests.wholeScene()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gpkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.gpkg").path
        try GeoPackageWriter.write([], project: Self.project, georeferencing: FixedGeoreferencing([chip]), to: empty)
        let boxes = Project(id: "sheds", title: "Sheds", kind: .geoBox, labels: [LabelChoice(name: "shed")])
        let task = LabelTask(id: "whole", projectID: "sheds", text: "", marking: .unclassified, image: chip.image)
        let drawn = Answer.shapes([
            Shape(label: "shed", geometry: .box(PixelPoint(x: 10, y: 10), PixelPoint(x: 30, y: 20))),
            Shape(label: "shed", geometry: .box(PixelPoint(x: 500, y: 600), PixelPoint(x: 520, y: 640))),
        ])
        let data = try Formats.write([InterchangeRecord(task: task, annotations: [ImportedAnnotation(answer: drawn, annotator: "bo")])],
                                     as: GeoPackageFormat.self, project: boxes, options: InterchangeOptions(georeferencing: FixedGeoreferencing([chip])))
        let written = folder.appendingPathComponent("sheds.gpkg").path
        try data.write(to: URL(fileURLWithPath: written))
        // When GDAL's validator and ogrinfo check them, Then both pass, with 0 and 2 features
        for (path, count) in [(empty, 0), (written, 2)] {
            let validation = try Self.run(["python3", "-m", "osgeo_utils.samples.validate_gpkg", path], install: "install it with `pip install --no-deps gdal-utils`")
            #expect(validation.status == 0, "validate_gpkg: \(validation.output)")
            let summary = try Self.run(["ogrinfo", "-al", "-so", path], install: "install gdal-bin")
            #expect(summary.status == 0 && summary.output.contains("Feature Count: \(count)"), "ogrinfo: \(summary.output)")
        }
        // And the first box's ring, as ogrinfo prints it, is its corners where the chip's georeferencing puts them
        let listing = try Self.run(["ogrinfo", "-al", "-q", written], install: "install gdal-bin")
        #expect(listing.output.contains("class (String) = shed") && listing.output.contains("labeler (String) = bo"))
        let polygonLine = try #require(listing.output.split(separator: "\n").first { $0.contains("POLYGON ((") })
        let numbers = polygonLine.split(whereSeparator: { " ,()".contains($0) }).compactMap { Double($0) }
        let printed = stride(from: 0, to: numbers.count - 1, by: 2).map { GeoPoint(longitude: numbers[$0], latitude: numbers[$0 + 1]) }
        let corners = try chip.georeference.converter.toWGS84(ShapeGeometry.box(PixelPoint(x: 10, y: 10), PixelPoint(x: 30, y: 20)).vertices.map(chip.georeference.transform.map))
        #expect(printed.count == 5)
        for point in printed {
            #expect(corners.contains { abs($0.longitude - point.longitude) < 1e-9 && abs($0.latitude - point.latitude) < 1e-9 }, "\(point) is no corner")
        }
    }

    @Test("The header and WKB of a geometry blob are as the GeoPackage standard lays them out")
    func blobLayout() {
        // Given a closed triangle in WGS 84
        let ring = [GeoPoint(longitude: 1, latitude: 2), GeoPoint(longitude: 3, latitude: 2), GeoPoint(longitude: 3, latitude: 5), GeoPoint(longitude: 1, latitude: 2)]
        // When it is made a blob
        let blob = GeoPackageWriter.geometryBlob(ring)
        // Then: GP, version 0, flags 3 (envelope XY, little-endian), srs 4326, envelope, then a WKB polygon of one 4-point ring
        #expect(Array(blob[0..<8]) == [0x47, 0x50, 0, 3, 0xE6, 0x10, 0, 0])
        func double(at offset: Int) -> Double { Double(bitPattern: blob[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) }) }
        #expect([double(at: 8), double(at: 16), double(at: 24), double(at: 32)] == [1, 3, 2, 5])
        #expect(Array(blob[40..<53]) == [1, 3, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0])
        #expect(blob.count == 53 + 4 * 16)
        #expect(double(at: 53 + 16) == 3 && double(at: 53 + 24) == 2)
    }

    @Test("A GeoPackage that cannot be written says where and why")
    func unwritable() throws {
        let (shapes, chip) = try Self.footprintShapes()
        #expect(throws: InterchangeError.self) {
            try GeoPackageWriter.write(shapes, project: Self.project, georeferencing: FixedGeoreferencing([chip]), to: "/nonexistent-folder/x.gpkg")
        }
        do {
            try GeoPackageWriter.write(shapes, project: Self.project, georeferencing: FixedGeoreferencing([chip]), to: "/nonexistent-folder/x.gpkg")
        } catch {
            #expect(error.description.hasPrefix("x.gpkg: the GeoPackage could not be written ("))
            #expect(error.description.hasSuffix("); check the folder exists and can be written to"))
        }
    }
}
