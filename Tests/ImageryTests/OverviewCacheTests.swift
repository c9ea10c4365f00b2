import Domain
import Foundation
import Imagery
import XCTest

/// Overviews for files that have none, built in a cache folder, never beside the source.
final class OverviewCacheTests: XCTestCase {
    /// FNV-1a 64 of a file's bytes, its size and modification time: any write changes it.
    private func fingerprint(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return "\(hash) \(data.count) \(String(describing: attributes[.modificationDate]))"
    }

    func testOverviewsAreBuiltInTheCacheAndTheSourceIsUntouched() throws {
        // Given: the 900 x 900 Atlanta image, which has no overviews, and an empty cache folder.
        let source = Fixtures.path("geo-labels/sample_geotiff.tif")
        let sourceFolder = URL(fileURLWithPath: source).deletingLastPathComponent().path
        let before = try fingerprint(source)
        let siblingsBefore = try FileManager.default.contentsOfDirectory(atPath: sourceFolder).sorted()
        let cacheFolder = try Fixtures.temporaryFolder(for: self).appendingPathComponent("overviews").path
        let cache = OverviewCache(folder: cacheFolder, minimumSide: 256)
        XCTAssertEqual(try Raster.open(source).info.overviewCount, 0)

        // When: it opens with the cache.
        let raster = try Raster.open(source, overviewCache: cache)

        // Then: reads use overviews from the cache, which holds the VRT and its overviews.
        XCTAssertTrue(raster.info.overviewsFromCache)
        XCTAssertEqual(raster.info.overviewCount, 2, "factors 2 and 4 bring 900 pixels to 225")
        XCTAssertEqual(raster.info.driver, "GTiff", "info describes the source, not the VRT")
        XCTAssertEqual(raster.info.path, source)
        XCTAssertEqual(raster.info.width, 900)
        let entry = try cache.entryPath(for: source)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheFolder).sorted(), [
            URL(fileURLWithPath: entry).lastPathComponent, URL(fileURLWithPath: entry).lastPathComponent + ".ovr",
        ])

        // And: the source and its folder are exactly as they were.
        XCTAssertEqual(try fingerprint(source), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sourceFolder).sorted(), siblingsBefore)

        // And: a zoomed-out read comes from the averaged overview, not from sampling the
        // full image, while a full-size read is the same through the cache or without it.
        let whole = PixelRect(x: 0, y: 0, width: 900, height: 900)
        let stretch = Stretch.range(minimum: 0, maximum: 2000)
        let plain = try Raster.open(source)
        let averaged = try raster.readWindow(whole, width: 225, height: 225, bands: .gray(1), stretch: stretch)
        let sampled = try plain.readWindow(whole, width: 225, height: 225, bands: .gray(1), stretch: stretch)
        XCTAssertTrue(averaged != sampled, "the zoomed-out read must come from the overview")
        let detail = PixelRect(x: 300, y: 300, width: 100, height: 60)
        let cachedDetail = try raster.readWindow(detail, width: 100, height: 60, bands: .gray(1), stretch: stretch)
        XCTAssertTrue(cachedDetail == (try plain.readWindow(detail, width: 100, height: 60, bands: .gray(1), stretch: stretch)), "full-size reads are the source's pixels")
    }

    func testTheSecondOpenReusesTheEntryAndSmallFilesNeedNone() throws {
        // Given: a cache that already built overviews for the Atlanta image.
        let source = Fixtures.path("geo-labels/sample_geotiff.tif")
        let cache = OverviewCache(folder: try Fixtures.temporaryFolder(for: self).path, minimumSide: 256)
        _ = try Raster.open(source, overviewCache: cache)
        let overviews = try cache.entryPath(for: source) + ".ovr"
        let built = try fingerprint(overviews)

        // When: it opens again.
        let again = try Raster.open(source, overviewCache: cache)

        // Then: the same overviews serve it, unrebuilt.
        XCTAssertTrue(again.info.overviewsFromCache)
        XCTAssertEqual(try fingerprint(overviews), built)

        // And: a file no larger than the threshold, or with overviews of its own, reads directly.
        XCTAssertFalse(try Raster.open(Fixtures.path("imagery/byte.tif"), overviewCache: cache).info.overviewsFromCache)
        let naip = try Raster.open(Fixtures.path("imagery/naip_m_4709963_se_14_1_20200831.tif"), overviewCache: cache)
        XCTAssertFalse(naip.info.overviewsFromCache)
        XCTAssertEqual(naip.info.overviewCount, 1)
    }

    func testACacheFolderThatCannotBeMadeGetsASentence() throws {
        // Given: a cache "folder" whose parent is a file.
        let file = try Fixtures.temporaryFolder(for: self).appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let cache = OverviewCache(folder: file.appendingPathComponent("cache").path, minimumSide: 256)

        // When / Then: opening says which folder and what to do.
        XCTAssertThrowsError(try Raster.open(Fixtures.path("geo-labels/sample_geotiff.tif"), overviewCache: cache)) { error in
            let sentence = String(describing: error)
            XCTAssertTrue(sentence.hasPrefix("The imagery cache folder \(file.path)/cache cannot be used: "), sentence)
            XCTAssertTrue(sentence.hasSuffix("check that it exists and can be written, or name another."), sentence)
        }
    }
}
