import Domain
import Foundation
import Imagery
import XCTest

/// Metadata of the real fixtures, with the values `gdalinfo -json` prints for them.
final class RasterInfoTests: XCTestCase {
    func testAGeoTIFFsSizeBandsGeoreferencingAndNodata() throws {
        // Given / When: the Landsat RGB scene opens.
        let info = try Raster.open(Fixtures.path("imagery/RGB.byte.tif")).info

        // Then: as gdalinfo says.
        XCTAssertEqual(info.driver, "GTiff")
        XCTAssertEqual([info.width, info.height, info.bandCount], [791, 718, 3])
        XCTAssertEqual(info.bands.map(\.dataType), [.byte, .byte, .byte])
        XCTAssertEqual(info.bands.map(\.colorInterpretation), [.red, .green, .blue])
        XCTAssertEqual(info.bands.map(\.noData), [0, 0, 0])
        XCTAssertEqual(info.geoTransform, GeoTransform([101985.0, 300.0379266750948, 0.0, 2826915.0, 0.0, -300.041782729805]))
        XCTAssertEqual(info.coordinateSystem?.epsg, 32618)
        XCTAssertEqual(info.coordinateSystem?.name, "WGS 84 / UTM zone 18N")
        XCTAssertEqual(info.overviewCount, 0)
        XCTAssertTrue(info.security.isEmpty)
        XCTAssertEqual(info.security.marking, .unclassified)
    }

    func testSeveralFilesAsGdalinfoDescribesThem() throws {
        // Given: gdalinfo's driver, size, first band type and colour, nodata, overviews, EPSG.
        struct Expected {
            var file: String, driver: String, size: [Int], type: RasterDataType, colors: [ColorInterpretation]
            var noData: Double?, overviews: Int, epsg: Int?, hasGeoTransform: Bool
        }
        let cases = [
            Expected(file: "imagery/byte.tif", driver: "GTiff", size: [20, 20], type: .byte, colors: [.gray], noData: nil, overviews: 0, epsg: 26711, hasGeoTransform: true),
            Expected(file: "imagery/world.rgb.tif", driver: "GTiff", size: [512, 256], type: .byte, colors: [.red, .green, .blue], noData: nil, overviews: 0, epsg: 4326, hasGeoTransform: true),
            Expected(file: "imagery/naip_m_4709963_se_14_1_20200831.tif", driver: "GTiff", size: [934, 723], type: .byte, colors: [.gray, .undefined, .undefined, .undefined], noData: 0, overviews: 1, epsg: 26914, hasGeoTransform: true),
            Expected(file: "geo-labels/sample_geotiff.tif", driver: "GTiff", size: [900, 900], type: .uint16, colors: [.gray], noData: 0, overviews: 0, epsg: 32616, hasGeoTransform: true),
            Expected(file: "nitf/i_3001a.ntf", driver: "NITF", size: [1024, 1024], type: .byte, colors: [.gray], noData: nil, overviews: 0, epsg: 4326, hasGeoTransform: true),
            Expected(file: "nitf/i_3301h.ntf", driver: "NITF", size: [216, 216], type: .byte, colors: [.red, .green, .blue], noData: nil, overviews: 0, epsg: nil, hasGeoTransform: false),
            Expected(file: "nitf/i_3034c.ntf", driver: "NITF", size: [35, 18], type: .byte, colors: [.palette], noData: nil, overviews: 0, epsg: nil, hasGeoTransform: false),
        ]
        for expected in cases {
            // When: each opens.
            let info = try Raster.open(Fixtures.path(expected.file)).info

            // Then: every value matches.
            XCTAssertEqual(info.driver, expected.driver, expected.file)
            XCTAssertEqual([info.width, info.height], expected.size, expected.file)
            XCTAssertEqual(info.bands.first?.dataType, expected.type, expected.file)
            XCTAssertEqual(info.bands.map(\.colorInterpretation), expected.colors, expected.file)
            XCTAssertEqual(info.noData, expected.noData, expected.file)
            XCTAssertEqual(info.overviewCount, expected.overviews, expected.file)
            XCTAssertEqual(info.coordinateSystem?.epsg, expected.epsg, expected.file)
            XCTAssertEqual(info.geoTransform != nil, expected.hasGeoTransform, expected.file)
        }
    }

    func testTheJITCFilesAreUnclassifiedFromTheirHeaders() throws {
        for file in ["nitf/i_3001a.ntf", "nitf/i_3034c.ntf", "nitf/i_3301h.ntf"] {
            // Given / When: a JITC conformance file opens.
            let security = try Raster.open(Fixtures.path(file)).info.security

            // Then: its header's FSCLAS and ISCLAS are U, and every field is read.
            XCTAssertEqual(security.fileClassification, "U", file)
            XCTAssertEqual(security.imageClassification, "U", file)
            XCTAssertEqual(security.marking, .unclassified, file)
            XCTAssertEqual(Set(security.fileFields.keys), [
                "FSCLAS", "FSCLSY", "FSCODE", "FSCTLH", "FSREL", "FSDCTP", "FSDCDT", "FSDCXM", "FSDG", "FSDGDT",
                "FSCLTX", "FSCATP", "FSCAUT", "FSCRSN", "FSSRDT", "FSCTLN", "FSCOP", "FSCPYS",
            ], file)
            XCTAssertEqual(Set(security.imageFields.keys), [
                "ISCLAS", "ISCLSY", "ISCODE", "ISCTLH", "ISREL", "ISDCTP", "ISDCDT", "ISDCXM", "ISDG", "ISDGDT",
                "ISCLTX", "ISCATP", "ISCAUT", "ISCRSN", "ISSRDT", "ISCTLN",
            ], file)
            XCTAssertNil(security.fileControlAndHandling, file)
        }
        // And: the copy numbers differ between files, read as written.
        XCTAssertEqual(try Raster.open(Fixtures.path("nitf/i_3001a.ntf")).info.security.fileFields["FSCOP"], "00000")
        XCTAssertEqual(try Raster.open(Fixtures.path("nitf/i_3034c.ntf")).info.security.fileFields["FSCOP"], "00001")
    }

    func testTheHigherOfFileAndImageClassificationWinsAndControlTextIsVerbatim() throws {
        // Given: a NITF whose file header says C and whose image says S (Vectors/make_marked_nitf.py).
        let security = try Raster.open(Fixtures.testsFolder.appendingPathComponent("Vectors/marked_secret.ntf").path).info.security

        // When / Then: SECRET, with control and release text as the header has it.
        XCTAssertEqual(security.marking, .secret)
        XCTAssertEqual(security.fileClassification, "C")
        XCTAssertEqual(security.fileControlAndHandling, "NF")
        XCTAssertEqual(security.fileReleasing, "USA GBR")
        XCTAssertEqual(security.imageControlAndHandling, "OC")
        XCTAssertEqual(security.imageReleasing, "USA")
        XCTAssertEqual(security.fileFields["FSDCTP"], "DD")
        XCTAssertEqual(security.fileFields["FSDCDT"], "20361231")
        XCTAssertEqual(security.imageFields["ISCODE"], "AB")
        XCTAssertTrue(security.unrecognizedClassifications.isEmpty)
    }

    func testRestrictedIsHeldAsConfidentialAndAnUnknownCodeFailsHigh() throws {
        // Given: a file marked R over an image marked U.
        let restricted = try Raster.open(Fixtures.testsFolder.appendingPathComponent("Vectors/marked_restricted.ntf").path).info.security

        // Then: never lower than CONFIDENTIAL.
        XCTAssertEqual(restricted.marking, .confidential)

        // And: every code maps, and one that is none of them counts as TOP SECRET and is named.
        XCTAssertEqual(["U", "R", "C", "S", "T"].map { SecurityFields.marking(forCode: $0) }, [.unclassified, .confidential, .confidential, .secret, .topSecret])
        let unknown = SecurityFields(metadata: ["NITF_FSCLAS": "Q", "NITF_ISCLAS": "U"])
        XCTAssertEqual(unknown.marking, .topSecret)
        XCTAssertEqual(unknown.unrecognizedClassifications, ["Q"])
    }

    func testJPEG2000AndPNGOpenWithTheSourcesPixels() throws {
        // Given: a 64 x 48 window of the Landsat scene (from column 380, row 280) written
        // losslessly as JPEG 2000 and PNG by Vectors/make_format_samples.py.
        let landsat = try Raster.open(Fixtures.path("imagery/RGB.byte.tif"))
        let expected = try landsat.readWindow(PixelRect(x: 380, y: 280, width: 64, height: 48), width: 64, height: 48, bands: .color(red: 1, green: 2, blue: 3), stretch: .range(minimum: 0, maximum: 255))
        for (file, driver, epsg) in [("rgb_sample.jp2", "JP2OpenJPEG", 32618 as Int?), ("rgb_sample.png", "PNG", nil)] {
            // When: each opens.
            let raster = try Raster.open(Fixtures.testsFolder.appendingPathComponent("Vectors/\(file)").path)

            // Then: its driver, size, colours and every pixel are the source's.
            XCTAssertEqual(raster.info.driver, driver)
            XCTAssertEqual([raster.info.width, raster.info.height], [64, 48])
            XCTAssertEqual(raster.info.bands.map(\.colorInterpretation), [.red, .green, .blue])
            XCTAssertEqual(raster.info.coordinateSystem?.epsg, epsg, file)
            XCTAssertEqual(try raster.pixelValues(column: 20, row: 20), [11, 15, 20], file)
            let picture = try raster.readWindow(PixelRect(x: 0, y: 0, width: 64, height: 48), width: 64, height: 48, bands: .color(red: 1, green: 2, blue: 3), stretch: .range(minimum: 0, maximum: 255))
            XCTAssertTrue(picture.rgba == expected.rgba.enumerated().map { $0.offset % 4 == 3 ? 255 : $0.element }, "\(file): nodata is the Landsat file's, not this one's")
        }
    }

    func testAMissingFileAndANonRasterFileGetSentences() throws {
        // Given: a path with nothing there, and a real file that is not an image.
        let missing = Fixtures.path("imagery/no-such-scene.tif")
        let notAnImage = Fixtures.path("geo-labels/geotiff_labels.geojson")

        // When / Then: each sentence names the file and says what to do.
        XCTAssertThrowsError(try Raster.open(missing)) { error in
            XCTAssertEqual(String(describing: error), "There is no file at \(missing); check the path.")
        }
        XCTAssertThrowsError(try Raster.open(notAnImage)) { error in
            let sentence = String(describing: error)
            XCTAssertTrue(sentence.hasPrefix("\(notAnImage) is not an image GDAL can read: "), sentence)
            XCTAssertTrue(sentence.contains("not recognized as a supported file format"), sentence)
            XCTAssertTrue(sentence.hasSuffix("; check the path or the file's format (GeoTIFF, NITF, JPEG 2000, PNG...)."), sentence)
        }
        XCTAssertThrowsError(try Raster.open(Fixtures.path("imagery"))) { error in
            XCTAssertEqual(error as? ImageryError, .notAnImage(path: Fixtures.path("imagery"), reason: "it is a folder, not a file"))
        }
    }

    func testGDALsOwnTextGoesToTheLogSink() throws {
        // Given: a sink that keeps what it hears.
        final class Heard: @unchecked Sendable {
            let lock = NSLock()
            var messages: [GDALMessage] = []
        }
        let heard = Heard()
        GDALRuntime.routeMessages { message in heard.lock.withLock { heard.messages.append(message) } }
        defer { GDALRuntime.routeMessages(to: nil) }

        // When: GDAL fails to open a text file.
        XCTAssertThrowsError(try Raster.open(Fixtures.path("text/sst2.dev.txt")))

        // Then: GDAL's own words reached the sink, as a failure.
        let messages = heard.lock.withLock { heard.messages }
        XCTAssertTrue(messages.contains { $0.level == .failure && $0.text.contains("sst2.dev.txt") }, "\(messages)")
    }
}
