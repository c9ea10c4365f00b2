import ArgumentParser
import Foundation
import TerminalCore
import Workstation

struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Measure the geo view: frames over a huge scene, opening a chip, chipping beside gdal_translate.",
        discussion: """
            Writes a synthetic GeoTIFF of --scene pixels a side (RGB, tiled, with overviews) in a temporary folder, then \
            times frames of a --width x --height cell view along a path of pans and zooms from the whole scene down to \
            the deepest zoom: each frame is GDAL's decimated read plus the canvas, with no shapes and with --polygons \
            polygons on screen, as half blocks (while keys come); at rest, chafa's refine (off the run loop, as the \
            station runs it) and the loop's frame that places its cells. Then the time to open \
            a task (its chip opened, stretched and drawn refined), and the time to cut the scene into 1024-pixel COG \
            chips beside gdal_translate -of COG making the same chips in the same run. Build with -c release.
            """
    )

    @Option(help: "The scene's side in pixels.") var scene = 20_000
    @Option(help: "The side of the scene chipped beside gdal_translate (default: the same scene).") var chipping: Int?
    @Option(help: "View width in cells.") var width = 200
    @Option(help: "View height in cells.") var height = 60
    @Option(help: "Frames per figure.") var frames = 200
    @Option(help: "Polygons on screen for the figures with shapes.") var polygons = 2_000

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-bench-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try RenderBenchmark.run(
            folder: folder, sceneSide: scene, cells: Size(width: width, height: height), frames: frames, polygonCount: polygons,
            chippingSide: chipping ?? scene, progress: { FileHandle.standardError.write(Data("  \($0)…\n".utf8)) })
        print("labeldesk bench render: \(scene) x \(scene) GeoTIFF with overviews (written in \(String(format: "%.1f", report.sceneSeconds)) s), view \(width)x\(height) cells, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        for figure in report.frames {
            guard figure.onTheLoop else {
                print(String(format: "%@: p50 %.2f ms, p99 %.2f ms over %d views   (once per rest, on its own queue: keys never wait for it)", figure.label, figure.p50, figure.p99, figure.frames))
                continue
            }
            let met = figure.p99 <= 16 ? "met" : "MISSED"
            print(String(format: "frame, %@: p50 %.2f ms, p99 %.2f ms over %d frames   (target p99 <= 16 ms) %@", figure.label, figure.p50, figure.p99, figure.frames, met))
        }
        let opens = report.openMilliseconds.sorted(), refines = report.refineMilliseconds.sorted()
        if let worst = opens.last, let refined = refines.last {
            print(String(format: "open a task (chip opened, stretched, first view drawn): median %.1f ms, worst %.1f ms over %d chips   (target <= 100 ms) %@; refined 150 ms later in %.1f ms (worst)",
                         opens[opens.count / 2], worst, opens.count, worst <= 100 ? "met" : "MISSED", refined))
        }
        let side = chipping ?? scene
        var line = String(format: "chip %d x %d pixels into %d COG chips: ours %.2f s", side, side, report.chips, report.ourChipSeconds)
        if let theirs = report.gdalChipSeconds {
            line += String(format: ", gdal_translate -of COG %.2f s: ours %.2fx its speed   (target: no slower) %@", theirs, theirs / report.ourChipSeconds,
                           report.ourChipSeconds <= theirs ? "met" : "MISSED")
        } else {
            line += "; gdal_translate is not installed, so there is nothing to compare with"
        }
        print(line)
    }
}
