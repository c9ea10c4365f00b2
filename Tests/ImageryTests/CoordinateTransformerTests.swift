import Domain
import Foundation
import Imagery
import XCTest

/// Pixel -> map -> WGS 84 and back, checked against `gdaltransform`'s answers in
/// `Vectors/transform_vectors.json` (made by `Vectors/make_transform_vectors.py`).
final class CoordinateTransformerTests: XCTestCase {
    struct Vectors: Decodable {
        struct RasterCase: Decodable {
            var file: String
            var pixels: [[Double]]
            var map: [[Double]]
            var wgs84: [[Double]]
        }
        struct SystemCase: Decodable {
            var crs: String
            var map: [[Double]]
            var wgs84: [[Double]]
            var mapFromWGS84: [[Double]]
        }
        var rasters: [RasterCase]
        var systems: [SystemCase]
    }

    private func vectors() throws -> Vectors {
        try JSONDecoder().decode(Vectors.self, from: Fixtures.vector("transform_vectors.json"))
    }

    func testPixelsGoToMapAndWGS84AsGdaltransformSays() throws {
        // Given: seven rasters with geotransforms in five CRSs, and gdaltransform's answers.
        let vectors = try vectors()
        XCTAssertEqual(vectors.rasters.count, 7)
        for raster in vectors.rasters {
            // When: each pixel goes through the raster's geotransform, then to WGS 84.
            let opened = try Raster.open(Fixtures.path(raster.file))
            let geoTransform = try XCTUnwrap(opened.info.geoTransform, raster.file)
            let transformer = try opened.coordinateTransformer()
            let map = raster.pixels.map { geoTransform.map(PixelPoint(x: $0[0], y: $0[1])) }
            let geographic = try transformer.toWGS84(map)

            // Then: map points within a micrometre, longitude and latitude within 1e-9 degree.
            for (index, expected) in raster.map.enumerated() {
                XCTAssertEqual(map[index].x, expected[0], accuracy: 1e-6 * max(1, abs(expected[0])) * 1e-3, "\(raster.file) point \(index) x")
                XCTAssertEqual(map[index].y, expected[1], accuracy: 1e-6 * max(1, abs(expected[1])) * 1e-3, "\(raster.file) point \(index) y")
            }
            for (index, expected) in raster.wgs84.enumerated() {
                XCTAssertEqual(geographic[index].longitude, expected[0], accuracy: 1e-9, "\(raster.file) point \(index) longitude")
                XCTAssertEqual(geographic[index].latitude, expected[1], accuracy: 1e-9, "\(raster.file) point \(index) latitude")
            }

            // And: back from WGS 84 to map and pixels lands where it started (within a
            // ten-thousandth of a pixel: NAD27's datum shift is not exactly invertible).
            let back = try transformer.fromWGS84(geographic)
            for (index, pixel) in raster.pixels.enumerated() {
                let again = try XCTUnwrap(geoTransform.pixel(back[index]))
                XCTAssertEqual(again.x, pixel[0], accuracy: 1e-4, "\(raster.file) point \(index) column")
                XCTAssertEqual(again.y, pixel[1], accuracy: 1e-4, "\(raster.file) point \(index) row")
            }
        }
    }

    func testCRSGivenAsTextConvertsBothWaysAsGdaltransformSays() throws {
        // Given: EPSG codes, an OGC URN and WKT, with gdaltransform's answers both ways.
        for system in try vectors().systems {
            // When: a transformer is made from the text alone.
            let transformer = try CoordinateTransformer(crs: system.crs)
            let geographic = try transformer.toWGS84(system.map.map { MapPoint(x: $0[0], y: $0[1]) })
            let back = try transformer.fromWGS84(system.wgs84.map { GeoPoint(longitude: $0[0], latitude: $0[1]) })

            // Then: longitude first, as gdaltransform prints with GIS order, and back to map.
            for (index, expected) in system.wgs84.enumerated() {
                XCTAssertEqual(geographic[index].longitude, expected[0], accuracy: 1e-9, "\(transformer.source.label) \(index)")
                XCTAssertEqual(geographic[index].latitude, expected[1], accuracy: 1e-9, "\(transformer.source.label) \(index)")
            }
            for (index, expected) in system.mapFromWGS84.enumerated() {
                XCTAssertEqual(back[index].x, expected[0], accuracy: 1e-6, "\(transformer.source.label) \(index)")
                XCTAssertEqual(back[index].y, expected[1], accuracy: 1e-6, "\(transformer.source.label) \(index)")
            }
        }
    }

    func testTheURNAndTheCodeNameTheSameSystem() throws {
        // Given / When: one CRS named two ways.
        let fromURN = try CoordinateTransformer(crs: "urn:ogc:def:crs:EPSG::32616")
        let fromCode = try CoordinateTransformer(crs: "EPSG:32616")

        // Then: both know their EPSG code and agree on a point.
        XCTAssertEqual(fromURN.source.epsg, 32616)
        XCTAssertEqual(fromCode.source.epsg, 32616)
        XCTAssertEqual(fromURN.source.name, "WGS 84 / UTM zone 16N")
        let point = [MapPoint(x: 733826, y: 3724914)]
        XCTAssertEqual(try fromURN.toWGS84(point), try fromCode.toWGS84(point))
    }

    func testUnknownCRSTextGetsASentence() {
        // Given: text that is no coordinate system.
        // When / Then: the error names the text and says how to write one.
        XCTAssertThrowsError(try CoordinateTransformer(crs: "EPSG:999999")) { error in
            let sentence = String(describing: error)
            XCTAssertTrue(sentence.hasPrefix("\"EPSG:999999\" is not a coordinate system GDAL knows: "), sentence)
            XCTAssertTrue(sentence.hasSuffix("give it as \"EPSG:NNNN\", \"urn:ogc:def:crs:EPSG::NNNN\" or WKT."), sentence)
        }
        XCTAssertThrowsError(try CoordinateTransformer(crs: "   ")) { error in
            XCTAssertEqual(error as? ImageryError, .unknownCoordinateSystem(text: "", reason: "the text is empty"))
        }
    }

    func testARasterWithoutCoordinateSystemSaysSo() throws {
        // Given: a NITF test file with no georeferencing.
        let raster = try Raster.open(Fixtures.path("nitf/i_3034c.ntf"))

        // When / Then: asking for a transformer names the file and the reason.
        XCTAssertNil(raster.info.coordinateSystem)
        XCTAssertThrowsError(try raster.coordinateTransformer()) { error in
            XCTAssertEqual(error as? ImageryError, .noCoordinateSystem(path: Fixtures.path("nitf/i_3034c.ntf")))
        }
    }

    func testAPointOutsideTheProjectionIsRefusedByNumber() throws {
        // Given: Web Mercator, and a latitude beyond the pole.
        let transformer = try CoordinateTransformer(crs: "EPSG:3857")

        // When / Then: the second point is named in the sentence.
        XCTAssertThrowsError(try transformer.fromWGS84([GeoPoint(longitude: 0, latitude: 10), GeoPoint(longitude: 0, latitude: -91)])) { error in
            guard case .transformFailed(_, _, let index, _)? = error as? ImageryError else { return XCTFail("\(error)") }
            XCTAssertEqual(index, 1)
            XCTAssertTrue(String(describing: error).hasPrefix("Converting point 2 from WGS 84 to EPSG:3857 failed: "), "\(error)")
        }
    }
}
