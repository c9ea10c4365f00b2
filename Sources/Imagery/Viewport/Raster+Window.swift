import CGDAL
import Domain
import Foundation

extension Raster {
    /// Reads `window` (source pixels, may reach past the edges) into `width` x `height`
    /// pixels as RGBA: one decimated `GDALDatasetRasterIO`, so GDAL reads the overview
    /// nearest the zoom when there is one, and only the blocks the window touches.
    ///
    /// Outside the raster, and where every chosen band holds its nodata value, alpha is 0.
    /// Nearest-neighbour sampling, so each output pixel is a real pixel of the file. Pass
    /// `BandChoice.defaultChoice(for: info)` unless the person chose otherwise. Where the
    /// window crosses an edge, the samples of the last half output pixel before it may
    /// shift by up to half an output pixel (GDAL reads only inside the raster).
    public func readWindow(_ window: PixelRect, width: Int, height: Int, bands choice: BandChoice, stretch: Stretch = .standard) throws(ImageryError) -> RGBAImage {
        guard width > 0, height > 0, width <= 16384, height <= 16384 else {
            throw .invalidWindow(reason: "the picture must be between 1 and 16384 pixels on each side, not \(width) x \(height)")
        }
        guard window.width > 0, window.height > 0, [window.x, window.y, window.width, window.height].allSatisfy(\.isFinite) else {
            throw .invalidWindow(reason: "the window must have a finite place and a size above 0, not \(window)")
        }
        let bandNumbers = choice.bands
        for number in bandNumbers where !(1...info.bandCount).contains(number) {
            throw .noSuchBand(path: info.path, band: number, bandCount: info.bandCount)
        }
        var image = RGBAImage(width: width, height: height)
        guard let span = OutputSpan(window: window, width: width, height: height, rasterWidth: info.width, rasterHeight: info.height) else {
            return image
        }
        let palette = choice.isPalette ? try colorTable(band: bandNumbers[0]) : []
        let stretches = choice.isPalette ? [] : try linearStretches(stretch, bands: bandNumbers)
        let count = bandNumbers.count
        // Byte bands (most imagery) are read as bytes and mapped through a 256-entry table
        // per channel: a quarter of the memory traffic of floats, no arithmetic per pixel.
        if bandNumbers.allSatisfy({ info.bands[$0 - 1].dataType == .byte }) {
            let values = try read(span: span, bands: bandNumbers, as: UInt8.self, type: GDT_Byte)
            let noData = bandNumbers.map { info.bands[$0 - 1].noData.flatMap { UInt8(exactly: $0) } }
            let hasNoData = noData.allSatisfy { $0 != nil }
            // Four output channels per input value: RGBA for a palette or grey, one channel for colour.
            var table = [UInt8](repeating: 0, count: 256 * 4 * count)
            for value in 0..<256 {
                for band in 0..<count {
                    let base = (band * 256 + value) * 4
                    if !palette.isEmpty {
                        let entry = value < palette.count ? palette[value] : (0, 0, 0, 0)
                        (table[base], table[base + 1], table[base + 2], table[base + 3]) = entry
                    } else {
                        let byte = stretches[band].byte(Float(value))
                        (table[base], table[base + 1], table[base + 2], table[base + 3]) = (byte, byte, byte, 255)
                    }
                }
            }
            image.rgba.withUnsafeMutableBufferPointer { output in
                values.withUnsafeBufferPointer { input in
                    table.withUnsafeBufferPointer { table in
                        for row in 0..<span.rows {
                            var source = row * span.columns * count
                            var target = ((span.firstRow + row) * width + span.firstColumn) * 4
                            for _ in 0..<span.columns {
                                var missing = hasNoData
                                if hasNoData {
                                    for band in 0..<count where noData[band] != input[source + band] { missing = false }
                                }
                                if !missing {
                                    if count == 1 {
                                        let base = Int(input[source]) * 4
                                        output[target] = table[base]
                                        output[target + 1] = table[base + 1]
                                        output[target + 2] = table[base + 2]
                                        output[target + 3] = table[base + 3]
                                    } else {
                                        output[target] = table[Int(input[source]) * 4]
                                        output[target + 1] = table[(256 + Int(input[source + 1])) * 4]
                                        output[target + 2] = table[(512 + Int(input[source + 2])) * 4]
                                        output[target + 3] = 255
                                    }
                                }
                                source += count
                                target += 4
                            }
                        }
                    }
                }
            }
            return image
        }
        let values = try readFloats(span: span, bands: bandNumbers)
        let noData = bandNumbers.map { info.bands[$0 - 1].noData.map(Float.init) }
        image.rgba.withUnsafeMutableBufferPointer { output in
            values.withUnsafeBufferPointer { input in
                for row in 0..<span.rows {
                    var source = row * span.columns * count
                    var target = ((span.firstRow + row) * width + span.firstColumn) * 4
                    for _ in 0..<span.columns {
                        var missing = true
                        for band in 0..<count where noData[band] != input[source + band] { missing = false }
                        if !missing {
                            if !palette.isEmpty {
                                let entry = palette[min(max(Int(input[source]), 0), palette.count - 1)]
                                output[target] = entry.0
                                output[target + 1] = entry.1
                                output[target + 2] = entry.2
                                output[target + 3] = entry.3
                            } else if count == 1 {
                                let grey = stretches[0].byte(input[source])
                                output[target] = grey
                                output[target + 1] = grey
                                output[target + 2] = grey
                                output[target + 3] = 255
                            } else {
                                output[target] = stretches[0].byte(input[source])
                                output[target + 1] = stretches[1].byte(input[source + 1])
                                output[target + 2] = stretches[2].byte(input[source + 2])
                                output[target + 3] = 255
                            }
                        }
                        source += count
                        target += 4
                    }
                }
            }
        }
        return image
    }

    /// The raw values of every band at one pixel, for the cursor's readout.
    public func pixelValues(column: Int, row: Int) throws(ImageryError) -> [Double] {
        guard (0..<info.width).contains(column), (0..<info.height).contains(row) else {
            throw .invalidWindow(reason: "pixel (\(column), \(row)) is outside the \(info.width) x \(info.height) image")
        }
        let span = OutputSpan(firstColumn: 0, firstRow: 0, columns: 1, rows: 1, source: PixelRect(x: Double(column), y: Double(row), width: 1, height: 1))
        return try read(span: span, bands: Array(1...info.bandCount), as: Double.self, type: GDT_Float64)
    }

    /// One pixel-interleaved read of `span.source` into `span.columns` x `span.rows`.
    func readFloats(span: OutputSpan, bands: [Int]) throws(ImageryError) -> [Float] {
        try read(span: span, bands: bands, as: Float.self, type: GDT_Float32)
    }

    func read<Value: Numeric>(span: OutputSpan, bands: [Int], as _: Value.Type, type: GDALDataType) throws(ImageryError) -> [Value] {
        let count = bands.count
        var bandMap = bands.map { Int32($0) }
        let x = span.source.x, y = span.source.y
        // The whole-pixel window encloses the fractional one, which the extra argument carries.
        let xOff = Int32(x.rounded(.down)), yOff = Int32(y.rounded(.down))
        let xSize = max(1, min(Int32(info.width) - xOff, Int32((x + span.source.width).rounded(.up)) - xOff))
        let ySize = max(1, min(Int32(info.height) - yOff, Int32((y + span.source.height).rounded(.up)) - yOff))
        var extra = ld_raster_io_extra_arg(GRIORA_NearestNeighbour, x, y, span.source.width, span.source.height)
        let size = MemoryLayout<Value>.stride
        var values = [Value](repeating: 0, count: span.columns * span.rows * count)
        let (status, messages) = locked {
            GDALRuntime.capturing {
                GDALDatasetRasterIOEx(
                    dataset.pointer, GF_Read, xOff, yOff, xSize, ySize, &values, Int32(span.columns), Int32(span.rows), type,
                    Int32(count), &bandMap, Int64(size * count), Int64(size * count * span.columns), Int64(size), &extra)
            }
        }
        guard status == CE_None else {
            throw .readFailed(path: info.path, reason: GDALRuntime.reason(messages, fallback: "GDAL stopped without saying why"))
        }
        return values
    }

    /// A palette band's colour table as RGBA bytes, index by index.
    func colorTable(band number: Int) throws(ImageryError) -> [(UInt8, UInt8, UInt8, UInt8)] {
        let band = try self.band(number)
        return locked {
            guard let table = GDALGetRasterColorTable(band.handle.pointer) else { return [] }
            return (0..<GDALGetColorEntryCount(table)).map { index in
                guard let entry = GDALGetColorEntry(table, index)?.pointee else { return (0, 0, 0, 0) }
                func byte(_ value: Int16) -> UInt8 { UInt8(clamping: value) }
                return (byte(entry.c1), byte(entry.c2), byte(entry.c3), byte(entry.c4))
            }
        }
    }
}

extension BandChoice {
    var isPalette: Bool {
        if case .palette = self { return true }
        return false
    }
}

/// The part of the output a window's inside covers, and the source rectangle it reads.
///
/// Output pixels whose centres fall on the raster are read; the source rectangle is cut
/// to exactly those pixels, so decimation stays aligned with the part outside.
struct OutputSpan {
    var firstColumn: Int
    var firstRow: Int
    var columns: Int
    var rows: Int
    var source: PixelRect

    init(firstColumn: Int, firstRow: Int, columns: Int, rows: Int, source: PixelRect) {
        self.firstColumn = firstColumn
        self.firstRow = firstRow
        self.columns = columns
        self.rows = rows
        self.source = source
    }

    init?(window: PixelRect, width: Int, height: Int, rasterWidth: Int, rasterHeight: Int) {
        let scaleX = Double(width) / window.width, scaleY = Double(height) / window.height
        // Output column c covers source [x + c / scaleX, x + (c + 1) / scaleX); its centre must be inside.
        func range(origin: Double, scale: Double, count: Int, limit: Int) -> Range<Int>? {
            let first = max(0, Int(((0 - origin) * scale - 0.5).rounded(.up)))
            let last = min(count - 1, Int(((Double(limit) - origin) * scale - 0.5).rounded(.up)) - 1)
            return first <= last ? first..<(last + 1) : nil
        }
        guard let columns = range(origin: window.x, scale: scaleX, count: width, limit: rasterWidth),
              let rows = range(origin: window.y, scale: scaleY, count: height, limit: rasterHeight) else { return nil }
        let sourceX = window.x + Double(columns.lowerBound) / scaleX
        let sourceY = window.y + Double(rows.lowerBound) / scaleY
        let sourceRight = min(Double(rasterWidth), window.x + Double(columns.upperBound) / scaleX)
        let sourceBottom = min(Double(rasterHeight), window.y + Double(rows.upperBound) / scaleY)
        let left = max(0, sourceX), top = max(0, sourceY)
        self.init(
            firstColumn: columns.lowerBound, firstRow: rows.lowerBound, columns: columns.count, rows: rows.count,
            source: PixelRect(x: left, y: top, width: sourceRight - left, height: sourceBottom - top))
    }
}
