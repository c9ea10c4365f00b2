#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalCore

/// Frame times of the canvas, for `labeldesk bench render` and the notes.
///
/// Draws the same picture again and again into a buffer of the given size, as a resting
/// or panning view would, and reports the spread. The picture is shifted by a pixel each
/// frame, so no cache on any layer can answer from the frame before.
extension ImageCanvas {
    /// What `measure` found, in milliseconds.
    public struct Timing: Sendable, CustomStringConvertible {
        public var cells: Size
        public var depth: ColorDepth
        public var quality: CanvasQuality
        public var shapes: Int
        public var frames: Int
        public var p50: Double
        public var p99: Double
        public var mean: Double
        /// The median processor time a frame took, all threads together (chafa uses
        /// several): on a machine shared with other work, it shows the cost apart from
        /// the waiting that wall time includes.
        public var cpuP50: Double

        public var description: String {
            let shown = { (value: Double) in String(Double(Int((value * 1000).rounded())) / 1000) }
            return "\(cells) \(depth) \(quality == .fast ? "fast" : "refined") shapes=\(shapes): p50 \(shown(p50)) ms, p99 \(shown(p99)) ms, mean \(shown(mean)) ms, cpu p50 \(shown(cpuP50)) ms over \(frames) frames"
        }
    }

    /// Times `frames` frames of `cells` at `depth` and `quality`, after two untimed ones.
    ///
    /// - Parameters:
    ///   - image: the picture; nil draws a deterministic synthetic scene of the right size.
    ///   - overlay: shapes drawn over it each frame.
    ///   - chafaWorkFactor: chafa's effort, 0 to 1, for tuning; nil for the canvas's own.
    public static func measure(
        cells: Size,
        depth: ColorDepth,
        quality: CanvasQuality,
        frames: Int = 50,
        image: PixelImage? = nil,
        overlay: [OverlayShape] = [],
        chafaWorkFactor: Float? = nil
    ) -> Timing {
        let picture = image ?? syntheticScene(width: cells.width * pixelsPerCell.x, height: cells.height * pixelsPerCell.y)
        var buffer = Buffer(size: cells)
        let clock = ContinuousClock()
        var durations: [Double] = [], processorTimes: [Double] = []
        let count = max(1, frames)
        for frame in -2..<count {
            let shifted = shifted(picture, by: frame)
            let start = clock.now, startCPU = processorMilliseconds()
            if let chafaWorkFactor, quality == .refined {
                var pixels = shifted
                OverlayRasterizer.draw(overlay, cursor: nil, into: &pixels)
                ChafaCells.draw(pixels, in: buffer.area, depth: depth, workFactor: chafaWorkFactor, into: &buffer)
            } else {
                draw(shifted, overlay: overlay, in: buffer.area, depth: depth, quality: quality, into: &buffer)
            }
            let elapsed = clock.now - start
            if frame >= 0 {
                processorTimes.append(processorMilliseconds() - startCPU)
                let parts = elapsed.components
                durations.append(Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15)
            }
        }
        durations.sort()
        processorTimes.sort()
        func percentile(_ share: Double) -> Double {
            durations[min(durations.count - 1, Int((Double(durations.count - 1) * share).rounded()))]
        }
        return Timing(
            cells: cells, depth: depth, quality: quality, shapes: overlay.count, frames: durations.count,
            p50: percentile(0.5), p99: percentile(0.99), mean: durations.reduce(0, +) / Double(durations.count),
            cpuP50: processorTimes[processorTimes.count / 2]
        )
    }

    /// Processor time used by the whole process so far, in milliseconds.
    private static func processorMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
    }

    /// Fields, roads and noise: colour everywhere and edges in every direction, as imagery has.
    public static func syntheticScene(width: Int, height: Int) -> PixelImage {
        var image = PixelImage(width: width, height: height)
        var seed: UInt32 = 0x9E37_79B9
        for y in 0..<height {
            for x in 0..<width {
                seed = seed &* 1_664_525 &+ 1_013_904_223
                let noise = Int(seed >> 27)
                let field = ((x / 23) + (y / 17)) % 3
                let road = (x + 2 * y) % 61 < 3
                let base: (Int, Int, Int) = road ? (200, 200, 190) : [(70, 110, 50), (150, 130, 80), (40, 70, 90)][field]
                image[x, y] = RGBA(red: UInt8(min(255, base.0 + noise)), green: UInt8(min(255, base.1 + noise)), blue: UInt8(min(255, base.2 + noise)))
            }
        }
        return image
    }

    /// The picture moved `offset` pixels left, wrapping, so every frame differs.
    private static func shifted(_ image: PixelImage, by offset: Int) -> PixelImage {
        guard image.width > 0 else { return image }
        let shift = ((offset % image.width) + image.width) % image.width
        guard shift != 0 else { return image }
        var bytes = [UInt8](repeating: 0, count: image.rgba.count)
        let rowBytes = image.width * 4, cut = shift * 4
        for row in 0..<image.height {
            let start = row * rowBytes
            bytes[start..<(start + rowBytes - cut)] = image.rgba[(start + cut)..<(start + rowBytes)]
            bytes[(start + rowBytes - cut)..<(start + rowBytes)] = image.rgba[start..<(start + cut)]
        }
        return PixelImage(width: image.width, height: image.height, rgba: bytes) ?? image
    }
}
