import Domain
import Foundation
import Imagery
import XCTest

/// The made-up scene benches draw on.
final class SyntheticSceneTests: XCTestCase {
    func testTheSceneIsTiledGeoreferencedWithOverviewsAndTheSameEachTime() throws {
        // Given: two 1,536-pixel scenes written into a temporary folder.
        let folder = try Fixtures.temporaryFolder(for: self)
        let first = folder.appendingPathComponent("a.tif").path, second = folder.appendingPathComponent("b.tif").path
        try SyntheticScene.write(to: first, width: 1536, height: 1024)
        try SyntheticScene.write(to: second, width: 1536, height: 1024)

        // When: one is opened.
        let raster = try Raster.open(first)

        // Then: RGB bytes in UTM 16N at 0.5 m, overviews 2, 4 and 8 of its own, and identical pixels in both.
        XCTAssertEqual([raster.info.width, raster.info.height, raster.info.bandCount], [1536, 1024, 3])
        XCTAssertEqual(raster.info.coordinateSystem?.epsg, 32616)
        XCTAssertEqual(raster.info.geoTransform?.coefficients, [733_601.0, 0.5, 0, 3_725_139.0, 0, -0.5])
        XCTAssertEqual(raster.info.overviewCount, 3)
        XCTAssertFalse(raster.info.overviewsFromCache)
        let whole = PixelRect(x: 0, y: 0, width: 1536, height: 1024)
        let picture = try raster.readWindow(whole, width: 384, height: 256, bands: .color(red: 1, green: 2, blue: 3), stretch: .range(minimum: 0, maximum: 255))
        let again = try Raster.open(second).readWindow(whole, width: 384, height: 256, bands: .color(red: 1, green: 2, blue: 3), stretch: .range(minimum: 0, maximum: 255))
        XCTAssertTrue(picture == again, "the same size gives the same pixels")
        // And: a road runs along row 0 (grey), a field beside it is not grey.
        XCTAssertEqual(try raster.pixelValues(column: 500, row: 5).map { $0 >= 170 }, [true, true, true])
        XCTAssertNotEqual(try raster.pixelValues(column: 500, row: 500), try raster.pixelValues(column: 500, row: 5))
    }
}
