import Domain
import Foundation
import Imagery
import TerminalCore
import Widgets

/// `labeldesk bench render`: frame times of the geo view over a very large scene, the
/// time to open a task's chip, and chipping beside `gdal_translate -of COG`.
public enum RenderBenchmark {
    public struct FrameFigures: Sendable {
        public var label: String
        public var p50: Double
        public var p99: Double
        public var frames: Int
        /// A frame of the run loop, held to the frame target; false for the refine, which
        /// runs once per rest on a queue of its own.
        public var onTheLoop = true
    }

    public struct Report: Sendable {
        public var sceneSide: Int
        public var sceneSeconds: Double
        public var frames: [FrameFigures]
        /// Opening a task: its chip opened and stretched, the first view read and drawn in
        /// half blocks, as the screen first shows it.
        public var openMilliseconds: [Double]
        /// Then the same view refined with chafa's symbols, as it is 150 ms after the last key.
        public var refineMilliseconds: [Double]
        public var chips: Int
        public var ourChipSeconds: Double
        public var gdalChipSeconds: Double?
    }

    /// A path over the scene as a labeler moves: from the whole scene down to one image
    /// pixel per half cell and back, panning by an eighth of the view between zooms.
    static func path(sceneSide: Int, pixels: (width: Int, height: Int), frames: Int) -> [PixelRect] {
        var windows: [PixelRect] = []
        let deepest = Double(pixels.width)  // one image pixel per canvas pixel
        let levels = max(1, Int(log2(Double(sceneSide) / deepest).rounded(.up)))
        var centre = (x: Double(sceneSide) / 2, y: Double(sceneSide) / 2)
        var index = 0
        while windows.count < frames {
            // Zoom levels go down then up; each level gets a few pans.
            let cycle = index % (2 * levels)
            let level = cycle < levels ? cycle : 2 * levels - cycle
            let width = deepest * pow(2, Double(levels - level))
            let height = width * Double(pixels.height) / Double(pixels.width)
            for step in 0..<4 where windows.count < frames {
                centre.x += width / 8 * (step.isMultiple(of: 2) ? 1 : -0.5)
                centre.y += height / 8 * (step < 2 ? 1 : -1)
                centre.x = min(max(centre.x, 0), Double(sceneSide))
                centre.y = min(max(centre.y, 0), Double(sceneSide))
                windows.append(PixelRect(x: centre.x - width / 2, y: centre.y - height / 2, width: width, height: height))
            }
            index += 1
        }
        return windows
    }

    /// `count` polygons of five to eight vertices spread over an image of `size`.
    static func polygons(_ count: Int, width: Int, height: Int) -> [OverlayShape] {
        var random = SeededRandom(seed: 2000)
        let colors: [Color] = [.rgb(240, 228, 66), .rgb(86, 180, 233), .rgb(0, 158, 115), .rgb(213, 94, 0)]
        return (0..<count).map { index in
            let centre = (x: Double(random.next() % UInt64(width)), y: Double(random.next() % UInt64(height)))
            let radius = 2 + Double(random.next() % 12)
            let sides = 5 + Int(random.next() % 4)
            let points = (0..<sides).map { side -> OverlayPoint in
                let angle = Double(side) / Double(sides) * 2 * .pi
                return OverlayPoint(x: centre.x + cos(angle) * radius, y: centre.y + sin(angle) * radius * 0.8)
            }
            return OverlayShape(points: points, closed: true, color: colors[index % colors.count])
        }
    }

    public static func run(
        folder: URL, sceneSide: Int, cells: Size, frames: Int, polygonCount: Int, chippingSide: Int,
        progress: (String) -> Void = { _ in }
    ) throws -> Report {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenePath = folder.appendingPathComponent("scene.tif").path
        progress("writing a \(sceneSide) x \(sceneSide) GeoTIFF with overviews")
        let sceneStart = DispatchTime.now()
        try SyntheticScene.write(to: scenePath, width: sceneSide, height: sceneSide, withOverviews: true)
        let sceneSeconds = seconds(since: sceneStart)

        let raster = try Raster.open(scenePath)
        let bands = BandChoice.defaultChoice(for: raster.info)
        let stretch = Stretch.ranges(try raster.stretchRanges(.standard, bands: bands))
        let pixels = (width: cells.width * ImageCanvas.pixelsPerCell.x, height: cells.height * ImageCanvas.pixelsPerCell.y)
        let windows = path(sceneSide: sceneSide, pixels: pixels, frames: frames)
        let overlay = polygons(polygonCount, width: pixels.width, height: pixels.height)
        var figures: [FrameFigures] = []
        func figure(_ label: String, _ times: [Double], onTheLoop: Bool = true) -> FrameFigures {
            let sorted = times.sorted()
            return FrameFigures(label: label, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), frames: sorted.count, onTheLoop: onTheLoop)
        }
        for (label, shapes) in [("no shapes", [OverlayShape]()), ("\(polygonCount) polygons", overlay)] {
            // While keys come: GDAL's read and half blocks, on the run loop.
            progress("frames: keys coming, \(label)")
            var buffer = Buffer(size: cells)
            var times: [Double] = []
            for window in windows {
                let start = DispatchTime.now()
                let image = try raster.readWindow(window, width: pixels.width, height: pixels.height, bands: bands, stretch: stretch)
                guard let picture = PixelImage(width: image.width, height: image.height, rgba: image.rgba) else { continue }
                ImageCanvas.draw(picture, overlay: shapes, in: buffer.area, depth: .trueColor, quality: .fast, into: &buffer)
                times.append(seconds(since: start) * 1000)
            }
            figures.append(figure("keys coming (half blocks), \(label)", times))
        }
        for (label, shapes) in [("no shapes", [OverlayShape]()), ("\(polygonCount) polygons", overlay)] {
            // At rest: chafa refines the view off the loop (as the effect runner does); the
            // loop's frame only places the cells that come back.
            progress("frames: at rest, \(label)")
            var buffer = Buffer(size: cells)
            var refines: [Double] = [], placings: [Double] = []
            for window in windows {
                let image = try raster.readWindow(window, width: pixels.width, height: pixels.height, bands: bands, stretch: stretch)
                guard let picture = PixelImage(width: image.width, height: image.height, rgba: image.rgba) else { continue }
                let start = DispatchTime.now()
                let refined = ImageCanvas.render(picture, overlay: shapes, cells: cells, depth: .trueColor, quality: .refined)
                refines.append(seconds(since: start) * 1000)
                let placing = DispatchTime.now()
                ImageCanvas.place(refined, in: buffer.area, into: &buffer)
                placings.append(seconds(since: placing) * 1000)
            }
            figures.append(figure("at rest (refined cells placed), \(label)", placings))
            figures.append(figure("refine off the loop (chafa symbols), \(label)", refines, onTheLoop: false))
        }

        // Chipping: the same scene, or one of its own size when a quicker run is wanted.
        var chipScene = scenePath
        if chippingSide != sceneSide {
            chipScene = folder.appendingPathComponent("chipping.tif").path
            progress("writing a \(chippingSide) x \(chippingSide) GeoTIFF to chip")
            try SyntheticScene.write(to: chipScene, width: chippingSide, height: chippingSide, withOverviews: false)
        }
        progress("chipping \(chippingSide) x \(chippingSide) pixels")
        let layout = try ChipLayout()
        let placements = layout.placements(width: chippingSide, height: chippingSide)
        let ours = folder.appendingPathComponent("ours").path
        let chipper = SceneChipper(layout: layout)
        let ourStart = DispatchTime.now()
        let written = try chipper.chip(chipScene, into: ours)
        let ourSeconds = seconds(since: ourStart)

        // Opening a task: its chip opened, stretched and drawn for the first time.
        var opens: [Double] = [], refines: [Double] = []
        for chip in written.prefix(5) {
            let start = DispatchTime.now()
            let library = ChipLibrary { _ in URL(fileURLWithPath: chip.path) }
            let media = MediaReference(sha256: String(repeating: "0", count: 64), byteCount: 1)
            let picture = try library.viewport(.init(
                media: media, window: .init(x: 0, y: 0, width: Double(chip.window.width), height: Double(chip.window.height)),
                outputWidth: pixels.width, outputHeight: pixels.height))
            var buffer = Buffer(size: cells)
            ImageCanvas.draw(picture, overlay: [], in: buffer.area, depth: .trueColor, quality: .fast, into: &buffer)
            opens.append(seconds(since: start) * 1000)
            let refineStart = DispatchTime.now()
            ImageCanvas.draw(picture, overlay: [], in: buffer.area, depth: .trueColor, quality: .refined, into: &buffer)
            refines.append(seconds(since: refineStart) * 1000)
        }

        progress("the same chips by gdal_translate -of COG")
        var gdalSeconds: Double?
        if let tool = executable("gdal_translate") {
            let theirs = folder.appendingPathComponent("gdal")
            try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: true)
            let start = DispatchTime.now()
            for placement in placements {
                let output = theirs.appendingPathComponent(chipper.fileName(scene: scenePath, placement: placement)).path
                let process = Process()
                process.executableURL = URL(fileURLWithPath: tool)
                process.arguments = ["-q"] + chipper.translateArguments(for: placement, security: SecurityFields()) + [chipScene, output]
                try process.run()
                process.waitUntilExit()
                // A failed run would time nothing: say so rather than print a false ratio.
                guard process.terminationStatus == 0 else { throw ChipLibrary.Problem.unreadable("gdal_translate failed on chip \(placement.row),\(placement.column) (exit \(process.terminationStatus)); run it by hand to see why") }
            }
            gdalSeconds = seconds(since: start)
        }
        return Report(
            sceneSide: sceneSide, sceneSeconds: sceneSeconds, frames: figures, openMilliseconds: opens, refineMilliseconds: refines, chips: placements.count,
            ourChipSeconds: ourSeconds, gdalChipSeconds: gdalSeconds)
    }

    static func executable(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func percentile(_ sorted: [Double], _ share: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * share).rounded()))]
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
