import CGDAL
import Foundation

/// Writes a large made-up RGB scene for benchmarks: a tiled GeoTIFF with overviews.
///
/// Benches need a 20,000 x 20,000 scene that no fixture is; this makes one in the
/// benchmark's own folder (fields, roads and noise, so compression and stretch see
/// something like imagery), georeferenced in UTM 16N at 0.5 m like the Atlanta fixture.
public enum SyntheticScene {
    /// Writes `width` x `height` pixels (three bands, 8-bit) to `path`, with internal
    /// overviews down to 256 pixels. Deterministic: the same size gives the same bytes.
    public static func write(to path: String, width: Int, height: Int, withOverviews: Bool = true) throws(ImageryError) {
        GDALRuntime.ensureStarted()
        guard width > 0, height > 0 else { throw .invalidWindow(reason: "a scene needs a size above 0, not \(width) x \(height)") }
        guard let driver = GDALGetDriverByName("GTiff") else { throw .writeFailed(path: path, reason: "GDAL has no GTiff driver") }
        let options = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "ZLEVEL=1", "BIGTIFF=IF_SAFER", "INTERLEAVE=PIXEL"]
        let (created, messages) = GDALRuntime.capturing {
            withCStringList(options) { list in GDALCreate(driver, path, Int32(width), Int32(height), 3, GDT_Byte, list) }
        }
        guard let dataset = created else {
            throw .writeFailed(path: path, reason: GDALRuntime.reason(messages, fallback: "GDAL could not create it"))
        }
        var closed = false
        defer { if !closed { GDALClose(dataset) } }
        var transform = [733_601.0, 0.5, 0, 3_725_139.0, 0, -0.5]
        _ = GDALSetGeoTransform(dataset, &transform)
        if let reference = try? SpatialReference(text: "EPSG:32616") { _ = GDALSetSpatialRef(dataset, reference.handle) }
        let stripHeight = 512
        var strip = [UInt8](repeating: 0, count: width * stripHeight * 3)
        var bandMap: [Int32] = [1, 2, 3]
        for top in stride(from: 0, to: height, by: stripHeight) {
            let rows = min(stripHeight, height - top)
            strip.withUnsafeMutableBufferPointer { buffer in fill(buffer, width: width, top: top, rows: rows) }
            let (status, writeMessages) = GDALRuntime.capturing {
                GDALDatasetRasterIO(dataset, GF_Write, 0, Int32(top), Int32(width), Int32(rows), &strip, Int32(width), Int32(rows), GDT_Byte, 3, &bandMap, 3, Int32(width * 3), 1)
            }
            guard status == CE_None else {
                throw .writeFailed(path: path, reason: GDALRuntime.reason(writeMessages, fallback: "writing pixels failed"))
            }
        }
        if withOverviews {
            var levels = OverviewCache.overviewLevels(width: width, height: height)
            let (status, overviewMessages) = GDALRuntime.capturing {
                GDALBuildOverviews(dataset, "AVERAGE", Int32(levels.count), &levels, 0, nil, nil, nil)
            }
            guard status == CE_None else {
                throw .overviewsFailed(path: path, reason: GDALRuntime.reason(overviewMessages, fallback: "GDAL stopped without saying why"))
            }
        }
        closed = true
        let (_, closeMessages) = GDALRuntime.capturing { GDALClose(dataset) }
        if closeMessages.contains(where: { $0.level == .failure }) {
            throw .writeFailed(path: path, reason: GDALRuntime.reason(closeMessages, fallback: "closing the file failed"))
        }
    }

    /// Fields of flat colour 256 pixels across, a road every 1,000 pixels, and a little noise.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, width: Int, top: Int, rows: Int) {
        for row in 0..<rows {
            let y = top + row
            let roadRow = y % 1000 < 12
            var index = row * width * 3
            for x in 0..<width {
                var hash = UInt32(truncatingIfNeeded: (x / 256) &* 73_856_093 ^ (y / 256) &* 19_349_663)
                hash = (hash ^ (hash >> 13)) &* 1_274_126_177
                let noise = UInt8(truncatingIfNeeded: (x &* 31 ^ y &* 17) & 15)
                if roadRow || x % 1000 < 12 {
                    buffer[index] = 180 &+ noise
                    buffer[index + 1] = 175 &+ noise
                    buffer[index + 2] = 170 &+ noise
                } else {
                    buffer[index] = UInt8(truncatingIfNeeded: 40 + (hash & 63)) &+ noise
                    buffer[index + 1] = UInt8(truncatingIfNeeded: 70 + ((hash >> 8) & 95)) &+ noise
                    buffer[index + 2] = UInt8(truncatingIfNeeded: 30 + ((hash >> 16) & 47)) &+ noise
                }
                index += 3
            }
        }
    }
}
