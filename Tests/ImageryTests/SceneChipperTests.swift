import Domain
import Foundation
import Imagery
import XCTest

/// Cutting scenes into COG chips: coverage, overlap, georeferencing, security metadata.
final class SceneChipperTests: XCTestCase {
    func testFociCoverEveryPixelWithExactlyTheOverlapSet() throws {
        // Given: a 2,500 x 1,300 scene, 1,024-pixel chips, 64 overlap, 128 margin.
        let layout = try ChipLayout(chipSize: 1024, overlap: 64, margin: 128)

        // When: it is planned.
        let placements = layout.placements(width: 2500, height: 1300)

        // Then: 3 x 2 chips; each scene pixel lies in at least one focus, and neighbours share exactly 64.
        XCTAssertEqual(placements.count, 6)
        var covered = [Int](repeating: 0, count: 2500 * 1300)
        for placement in placements {
            let focus = placement.sceneFocus
            for y in focus.y..<(focus.y + focus.height) {
                for x in focus.x..<(focus.x + focus.width) { covered[y * 2500 + x] += 1 }
            }
        }
        XCTAssertFalse(covered.contains(0), "every pixel is in some focus")
        XCTAssertEqual(covered.max(), 4, "only where two rows and two columns meet")
        let firstRow = placements.filter { $0.row == 0 }.map(\.sceneFocus)
        XCTAssertEqual(firstRow.map(\.x), [0, 960, 1920])
        XCTAssertEqual(firstRow.map(\.width), [1024, 1024, 580])
        for (left, right) in zip(firstRow, firstRow.dropFirst()) {
            XCTAssertEqual(left.x + left.width - right.x, 64, "overlap between neighbours")
        }
        XCTAssertEqual(placements.filter { $0.column == 0 }.map(\.sceneFocus.y), [0, 960])

        // And: margins reach out 128 pixels but never past the scene, and foci sit inside their chips.
        let middle = try XCTUnwrap(placements.first { $0.row == 0 && $0.column == 1 })
        XCTAssertEqual(middle.window, PixelWindow(x: 832, y: 0, width: 1280, height: 1152))
        XCTAssertEqual(middle.focus, PixelWindow(x: 128, y: 0, width: 1024, height: 1024))
        for placement in placements {
            XCTAssertGreaterThanOrEqual(placement.window.x, 0)
            XCTAssertLessThanOrEqual(placement.window.x + placement.window.width, 2500)
            XCTAssertLessThanOrEqual(placement.window.y + placement.window.height, 1300)
            XCTAssertLessThanOrEqual(placement.focus.x + placement.focus.width, placement.window.width)
            XCTAssertLessThanOrEqual(placement.focus.y + placement.focus.height, placement.window.height)
        }
    }

    func testAScenesChipsKeepItsPixelsGeoreferencingAndMarkings() throws {
        // Given: the 1,024 x 1,024 JITC NITF (WGS 84 corners, FSCLAS=U), cut in 400-pixel chips.
        let scenePath = Fixtures.path("nitf/i_3001a.ntf")
        let scene = try Raster.open(scenePath)
        let sceneTransform = try XCTUnwrap(scene.info.geoTransform)
        let folder = try Fixtures.temporaryFolder(for: self).appendingPathComponent("chips").path
        let chipper = SceneChipper(layout: try ChipLayout(chipSize: 400, overlap: 32, margin: 24))

        // When: it is chipped.
        let chips = try chipper.chip(scenePath, into: folder)

        // Then: 3 x 3 COG GeoTIFFs, each the size of its window.
        XCTAssertEqual(chips.count, 9)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder)), Set(chips.map { URL(fileURLWithPath: $0.path).lastPathComponent }))
        XCTAssertEqual(chips.map(\.window.x).prefix(3), [0, 344, 712])
        for chip in chips {
            let raster = try Raster.open(chip.path)
            let info = raster.info
            XCTAssertEqual(info.driver, "GTiff")
            XCTAssertEqual([info.width, info.height], [chip.window.width, chip.window.height], chip.path)

            // And: the chip's geotransform is the scene's at the chip's corner, in the same CRS.
            let expected = sceneTransform.shifted(column: Double(chip.window.x), row: Double(chip.window.y))
            let actual = try XCTUnwrap(info.geoTransform)
            for (a, b) in zip(actual.coefficients, expected.coefficients) {
                XCTAssertEqual(a, b, accuracy: 1e-12, chip.path)
            }
            XCTAssertEqual(info.coordinateSystem?.epsg, 4326)

            // And: its pixels are the scene's (lossless), checked at the focus's corners.
            let focus = chip.focus, sceneFocus = chip.placement.sceneFocus
            for (dx, dy) in [(0, 0), (focus.width - 1, focus.height - 1), (focus.width / 2, 3)] {
                XCTAssertEqual(
                    try raster.pixelValues(column: focus.x + dx, row: focus.y + dy),
                    try scene.pixelValues(column: sceneFocus.x + dx, row: sceneFocus.y + dy), chip.path)
            }

            // And: the scene's security fields read back from the chip.
            XCTAssertEqual(info.security.fileClassification, "U")
            XCTAssertEqual(info.security.imageClassification, "U")
            XCTAssertEqual(info.security.fileFields["FSCOP"], "00000")
            XCTAssertEqual(info.security.marking, .unclassified)
        }
    }

    func testAMarkedScenesChipsCarryItsMarkingAndControlText() throws {
        // Given: the small NITF marked C (file) and S (image), with control and release text.
        let scenePath = Fixtures.testsFolder.appendingPathComponent("Vectors/marked_secret.ntf").path
        let source = try Raster.open(scenePath).info.security
        let folder = try Fixtures.temporaryFolder(for: self).path

        // When: it is cut into 16-pixel chips.
        let chips = try SceneChipper(layout: try ChipLayout(chipSize: 16, overlap: 4, margin: 2), workers: 1).chip(scenePath, into: folder)

        // Then: every chip is SECRET and keeps each non-blank field verbatim.
        XCTAssertEqual(chips.count, 4)
        for chip in chips {
            let security = try Raster.open(chip.path).info.security
            XCTAssertEqual(security.marking, .secret)
            XCTAssertEqual(security.fileReleasing, "USA GBR")
            XCTAssertEqual(security.imageControlAndHandling, "OC")
            for (key, value) in source.fileFields.merging(source.imageFields, uniquingKeysWith: { a, _ in a }) where !value.isEmpty {
                XCTAssertEqual(security.fileFields[key] ?? security.imageFields[key], value, "\(chip.path) \(key)")
            }
        }
    }

    func testTheChipperAndGdalTranslateAskForTheSameChip() throws {
        // Given: a placement and the NITF fields of a marked scene.
        let layout = try ChipLayout(chipSize: 16, overlap: 4, margin: 2)
        let placement = try XCTUnwrap(layout.placements(width: 20, height: 20).last)
        let security = SecurityFields(metadata: ["NITF_FSCLAS": "S", "NITF_FSCTLH": "NF"])

        // When / Then: the arguments a bench hands gdal_translate are the chipper's own.
        let arguments = SceneChipper(layout: layout).translateArguments(for: placement, security: security)
        XCTAssertEqual(arguments, ["-of", "COG", "-srcwin", "10", "10", "10", "10", "-co", "COMPRESS=DEFLATE", "-mo", "NITF_FSCLAS=S", "-mo", "NITF_FSCTLH=NF"])
    }

    func testImpossibleSettingsGetSentences() {
        XCTAssertThrowsError(try ChipLayout(chipSize: 512, overlap: 512)) { error in
            XCTAssertEqual(String(describing: error), "The scene cannot be chipped that way: the overlap must be at least 0 and less than the chip size (512), not 512.")
        }
        XCTAssertThrowsError(try ChipLayout(chipSize: 8))
        XCTAssertThrowsError(try ChipLayout(margin: -1))
    }
}
