import Domain
import Foundation
import Imagery
import XCTest

/// Viewport reads on the real fixtures: values, decimation, edges, nodata, stretch, bands.
final class WindowReadTests: XCTestCase {
    private let wholeBytes = Stretch.range(minimum: 0, maximum: 255)

    func testAKnownPixelReadsAsGdallocationinfoSays() throws {
        // Given: values printed by `gdallocationinfo -valonly`.
        let landsat = try Raster.open(Fixtures.path("imagery/RGB.byte.tif"))
        let atlanta = try Raster.open(Fixtures.path("geo-labels/sample_geotiff.tif"))

        // When / Then: the raw values match, and a 1:1 read with a 0-255 stretch shows them.
        XCTAssertEqual(try landsat.pixelValues(column: 400, row: 300), [11, 15, 20])
        XCTAssertEqual(try atlanta.pixelValues(column: 450, row: 450), [686])
        let image = try landsat.readWindow(PixelRect(x: 400, y: 300, width: 4, height: 4), width: 4, height: 4, bands: .color(red: 1, green: 2, blue: 3), stretch: wholeBytes)
        XCTAssertEqual(image.pixel(x: 0, y: 0), [11, 15, 20, 255])
        XCTAssertThrowsError(try landsat.pixelValues(column: 791, row: 0)) { error in
            XCTAssertEqual(String(describing: error), "That image window cannot be read: pixel (791, 0) is outside the 791 x 718 image.")
        }
    }

    func testADecimatedReadTakesTheNearestSourcePixel() throws {
        // Given: the whole Landsat scene at full size, and read ten times smaller.
        let raster = try Raster.open(Fixtures.path("imagery/RGB.byte.tif"))
        let whole = PixelRect(x: 0, y: 0, width: 791, height: 718)
        let full = try raster.readWindow(whole, width: 791, height: 718, bands: .color(red: 1, green: 2, blue: 3), stretch: wholeBytes)

        // When: 79 x 71 pixels cover the same window.
        let small = try raster.readWindow(whole, width: 79, height: 71, bands: .color(red: 1, green: 2, blue: 3), stretch: wholeBytes)

        // Then: each small pixel is the full-size pixel under its centre.
        XCTAssertEqual([small.width, small.height, small.rgba.count], [79, 71, 79 * 71 * 4])
        var differing = 0
        for y in 0..<71 {
            for x in 0..<79 {
                let column = Int((Double(x) + 0.5) * 791 / 79), row = Int((Double(y) + 0.5) * 718 / 71)
                if small.pixel(x: x, y: y) != full.pixel(x: column, y: row) { differing += 1 }
            }
        }
        XCTAssertEqual(differing, 0)
        XCTAssertGreaterThan(Set(stride(from: 0, to: small.rgba.count, by: 4).map { small.rgba[$0] }).count, 50, "a real picture, not one colour")
    }

    func testOutsideTheEdgesIsTransparentAndInsideIsUnmoved() throws {
        // Given: a window hanging 10 pixels off the left and top of byte.tif (20 x 20).
        let raster = try Raster.open(Fixtures.path("imagery/byte.tif"))
        let inside = try raster.readWindow(PixelRect(x: 0, y: 0, width: 10, height: 10), width: 10, height: 10, bands: .gray(1), stretch: wholeBytes)

        // When: the window starts at (-10, -10), 20 x 20, one output pixel per source pixel.
        let hanging = try raster.readWindow(PixelRect(x: -10, y: -10, width: 20, height: 20), width: 20, height: 20, bands: .gray(1), stretch: wholeBytes)

        // Then: the outer part is transparent, the inner part is the image's corner.
        for y in 0..<20 {
            for x in 0..<20 {
                if x < 10 || y < 10 {
                    XCTAssertEqual(hanging.pixel(x: x, y: y)[3], 0, "(\(x), \(y)) is outside")
                } else {
                    XCTAssertEqual(hanging.pixel(x: x, y: y), inside.pixel(x: x - 10, y: y - 10), "(\(x), \(y))")
                }
            }
        }
        // And: a window wholly outside is all transparent.
        let away = try raster.readWindow(PixelRect(x: 100, y: 100, width: 5, height: 5), width: 5, height: 5, bands: .gray(1))
        XCTAssertTrue(stride(from: 3, to: away.rgba.count, by: 4).allSatisfy { away.rgba[$0] == 0 })
    }

    func testNodataPixelsAreTransparent() throws {
        // Given: the Landsat scene, whose corners are nodata (0 in every band).
        let raster = try Raster.open(Fixtures.path("imagery/RGB.byte.tif"))
        XCTAssertEqual(try raster.pixelValues(column: 0, row: 0), [0, 0, 0])

        // When: its top-left corner and a known valid pixel are read.
        let corner = try raster.readWindow(PixelRect(x: 0, y: 0, width: 2, height: 2), width: 2, height: 2, bands: .color(red: 1, green: 2, blue: 3), stretch: wholeBytes)
        let valid = try raster.readWindow(PixelRect(x: 400, y: 300, width: 1, height: 1), width: 1, height: 1, bands: .gray(1), stretch: wholeBytes)

        // Then: nodata has alpha 0, the valid pixel alpha 255.
        XCTAssertEqual(corner.pixel(x: 0, y: 0), [0, 0, 0, 0])
        XCTAssertEqual(valid.pixel(x: 0, y: 0), [11, 11, 11, 255])
    }

    func testTheUInt16ImageIsStretchedFromTwoToNinetyEightPercent() throws {
        // Given: the 16-bit Atlanta image (nodata 0), and all its valid values read whole.
        let raster = try Raster.open(Fixtures.path("geo-labels/sample_geotiff.tif"))
        var values: [Double] = []
        for row in stride(from: 0, to: 900, by: 9) {
            for column in stride(from: 0, to: 900, by: 9) {
                let value = try raster.pixelValues(column: column, row: row)[0]
                if value != 0 { values.append(value) }
            }
        }

        // When: the standard stretch is resolved.
        let range = try XCTUnwrap(raster.stretchRanges(.standard, bands: .gray(1)).first)

        // Then: about 2% of valid pixels lie below it and 2% above, and it is well inside 16 bits.
        let below = Double(values.filter { $0 < range.lowerBound }.count) / Double(values.count)
        let above = Double(values.filter { $0 > range.upperBound }.count) / Double(values.count)
        XCTAssertEqual(below, 0.02, accuracy: 0.01, "\(range)")
        XCTAssertEqual(above, 0.02, accuracy: 0.01, "\(range)")
        XCTAssertGreaterThan(range.lowerBound, 0)
        XCTAssertLessThan(range.upperBound, 4096, "the image uses far less than 16 bits, so the stretch must narrow it")

        // And: the picture spans black to white, and the pixel at (450, 450) lands where the range puts it.
        let image = try raster.readWindow(PixelRect(x: 0, y: 0, width: 900, height: 900), width: 900, height: 900, bands: .gray(1), stretch: .standard)
        let greys = stride(from: 0, to: image.rgba.count, by: 4).filter { image.rgba[$0 + 3] == 255 }.map { image.rgba[$0] }
        XCTAssertEqual(greys.min(), 0)
        XCTAssertEqual(greys.max(), 255)
        let expected = UInt8(((686 - range.lowerBound) / (range.upperBound - range.lowerBound) * 255).rounded())
        XCTAssertEqual(image.pixel(x: 450, y: 450), [expected, expected, expected, 255])
    }

    func testNAIPChoosesNaturalColorAndOffersNearInfraredFalseColor() throws {
        // Given: the 4-band NAIP tile, whose bands are marked Gray, Undefined, Undefined, Undefined.
        let raster = try Raster.open(Fixtures.path("imagery/naip_m_4709963_se_14_1_20200831.tif"))
        XCTAssertEqual(try raster.pixelValues(column: 500, row: 400), [67, 101, 68, 199])

        // When: the choices are made from its bands.
        let natural = BandChoice.defaultChoice(for: raster.info)
        let falseColor = try XCTUnwrap(BandChoice.nearInfraredFalseColor(for: raster.info))

        // Then: bands 1, 2, 3 as RGB by default; NIR (4), red, green for false colour.
        XCTAssertEqual(natural, .color(red: 1, green: 2, blue: 3))
        XCTAssertEqual(falseColor, .color(red: 4, green: 1, blue: 2))
        XCTAssertEqual(BandChoice.choices(for: raster.info), [natural, falseColor, .gray(1), .gray(2), .gray(3), .gray(4)])
        let window = PixelRect(x: 500, y: 400, width: 1, height: 1)
        XCTAssertEqual(try raster.readWindow(window, width: 1, height: 1, bands: falseColor, stretch: wholeBytes).pixel(x: 0, y: 0), [199, 67, 101, 255])
        XCTAssertEqual(try raster.readWindow(window, width: 1, height: 1, bands: .gray(4), stretch: wholeBytes).pixel(x: 0, y: 0), [199, 199, 199, 255])

        // And: a band it does not have gets a sentence; so does a one-band file asked for colour.
        XCTAssertThrowsError(try raster.readWindow(window, width: 1, height: 1, bands: .gray(5))) { error in
            XCTAssertEqual(String(describing: error), "\(raster.info.path) has 4 bands, so there is no band 5; choose a band from 1 to 4.")
        }
        XCTAssertNil(BandChoice.nearInfraredFalseColor(for: try Raster.open(Fixtures.path("imagery/RGB.byte.tif")).info))
        XCTAssertEqual(BandChoice.defaultChoice(for: try Raster.open(Fixtures.path("imagery/byte.tif")).info), .gray(1))
    }

    func testAPaletteImageShowsItsColourTable() throws {
        // Given: the JITC 1-bit file with a two-entry table (0 red, 1 green).
        let raster = try Raster.open(Fixtures.path("nitf/i_3034c.ntf"))

        // When: it is read with its default choice.
        let choice = BandChoice.defaultChoice(for: raster.info)
        let image = try raster.readWindow(PixelRect(x: 0, y: 0, width: 35, height: 18), width: 35, height: 18, bands: choice)

        // Then: index 0 is red and index 1 green, as gdalinfo's table says.
        XCTAssertEqual(choice, .palette(1))
        XCTAssertEqual(try raster.pixelValues(column: 10, row: 5), [1])
        XCTAssertEqual(image.pixel(x: 0, y: 0), [255, 0, 0, 255])
        XCTAssertEqual(image.pixel(x: 10, y: 5), [0, 255, 0, 255])
    }

    func testBadSizesAndStretchesGetSentences() throws {
        // Given: a raster.
        let raster = try Raster.open(Fixtures.path("imagery/byte.tif"))
        let window = PixelRect(x: 0, y: 0, width: 10, height: 10)

        // When / Then: each mistake is named.
        XCTAssertThrowsError(try raster.readWindow(window, width: 0, height: 10, bands: .gray(1))) { error in
            XCTAssertEqual(String(describing: error), "That image window cannot be read: the picture must be between 1 and 16384 pixels on each side, not 0 x 10.")
        }
        XCTAssertThrowsError(try raster.readWindow(PixelRect(x: 0, y: 0, width: 0, height: 5), width: 10, height: 10, bands: .gray(1)))
        XCTAssertThrowsError(try raster.readWindow(window, width: 10, height: 10, bands: .gray(1), stretch: .range(minimum: 9, maximum: 9))) { error in
            XCTAssertEqual(String(describing: error), "That contrast stretch cannot be used: the minimum (9.0) must be below the maximum (9.0).")
        }
        XCTAssertThrowsError(try raster.readWindow(window, width: 10, height: 10, bands: .gray(1), stretch: .percentiles(low: 98, high: 2)))
        XCTAssertThrowsError(try raster.readWindow(window, width: 10, height: 10, bands: .gray(1), stretch: .ranges([0...1, 0...1])))
    }
}
