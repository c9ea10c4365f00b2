import Domain
import XCTest

final class GeoTransformTests: XCTestCase {
    // sample_geotiff.tif's geotransform, from gdalinfo: origin 733,601 E 3,725,139 N in UTM 16N, 0.5 m pixels.
    private let scene = GeoTransform([733601.0, 0.5, 0, 3725139.0, 0, -0.5])

    func testPixelsBecomeMapPointsAndBack() throws {
        let point = scene.map(PixelPoint(x: 100, y: 200))
        XCTAssertEqual(point, MapPoint(x: 733651, y: 3725039))
        let back = try XCTUnwrap(scene.pixel(point))
        XCTAssertEqual(back.x, 100, accuracy: 1e-9)
        XCTAssertEqual(back.y, 200, accuracy: 1e-9)
    }

    func testARotatedTransformInvertsAndAWindowKeepsTheSceneAtItsCorner() throws {
        let rotated = GeoTransform([10, 2, 0.5, 20, -0.25, -3])
        let back = try XCTUnwrap(rotated.pixel(rotated.map(PixelPoint(x: 7.5, y: -3.25))))
        XCTAssertEqual(back.x, 7.5, accuracy: 1e-9)
        XCTAssertEqual(back.y, -3.25, accuracy: 1e-9)
        let chip = scene.shifted(column: 512, row: 256)
        XCTAssertEqual(chip.map(PixelPoint(x: 0, y: 0)), scene.map(PixelPoint(x: 512, y: 256)))
        XCTAssertNil(GeoTransform([0, 0, 0, 0, 0, 0]).pixel(MapPoint(x: 1, y: 1)))
    }

    func testABoxListsItsCornersClockwiseWhicheverWayItWasDrawn() {
        let box = ShapeGeometry.box(PixelPoint(x: 5, y: 8), PixelPoint(x: 1, y: 2))
        XCTAssertEqual(box.vertices, [PixelPoint(x: 1, y: 2), PixelPoint(x: 5, y: 2), PixelPoint(x: 5, y: 8), PixelPoint(x: 1, y: 8)])
    }
}
