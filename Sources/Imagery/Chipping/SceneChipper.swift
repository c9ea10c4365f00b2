import CGDAL
import Domain
import Foundation

/// One chip written: its file, and where it lies in the scene.
public struct SceneChip: Hashable, Sendable {
    public var path: String
    public var placement: ChipLayout.Placement

    /// The chip in scene pixels, margin included.
    public var window: PixelWindow { placement.window }
    /// The part to label, in chip pixels.
    public var focus: PixelWindow { placement.focus }
}

/// Cuts a scene into Cloud-Optimized GeoTIFF chips for the media store (DESIGN decision 9).
///
/// Each chip is `GDALTranslate -of COG -srcwin ...` of the scene: it keeps the
/// georeferencing (the chip's geotransform is the scene's at its corner), gets internal
/// overviews when it is large enough, and carries the scene's NITF security fields as
/// GeoTIFF metadata items, so `RasterInfo.security` reads them back from the chip. The
/// scene is opened once per worker, not once per chip as a `gdal_translate` loop does,
/// so its blocks stay in GDAL's cache between neighbouring chips.
public struct SceneChipper: Sendable {
    public var layout: ChipLayout
    /// COG `COMPRESS`: DEFLATE (lossless, the default), LZW, ZSTD, JPEG (lossy)...
    public var compression: String
    /// Chips written at once, each worker with its own handle on the scene.
    public var workers: Int

    public init(layout: ChipLayout, compression: String = "DEFLATE", workers: Int = min(2, ProcessInfo.processInfo.activeProcessorCount)) {
        self.layout = layout
        self.compression = compression
        self.workers = max(1, workers)
    }

    /// `gdal_translate`'s arguments for one chip, after the program name and before the
    /// source and output paths: what `chip` asks GDAL for, so a bench can time the tool
    /// doing exactly the same work.
    public func translateArguments(for placement: ChipLayout.Placement, security: SecurityFields) -> [String] {
        let window = placement.window
        var arguments = ["-of", "COG", "-srcwin", "\(window.x)", "\(window.y)", "\(window.width)", "\(window.height)", "-co", "COMPRESS=\(compression)"]
        for item in security.metadataItems {
            arguments += ["-mo", "\(item.key)=\(item.value)"]
        }
        return arguments
    }

    /// The chip file name for a placement: `<scene>-r<row>-c<column>.tif`.
    public func fileName(scene: String, placement: ChipLayout.Placement) -> String {
        let stem = URL(fileURLWithPath: scene).deletingPathExtension().lastPathComponent
        return "\(stem)-r\(placement.row)-c\(placement.column).tif"
    }

    /// Writes every chip of `scenePath` into `folder` (made if missing), in row order.
    public func chip(_ scenePath: String, into folder: String) throws(ImageryError) -> [SceneChip] {
        let scene = try Raster.open(scenePath)
        return try cut(scene, at: scenePath, layout.placements(width: scene.info.width, height: scene.info.height), into: folder)
    }

    /// Writes the chips of the given foci (scene pixels, inside the scene), each grown by
    /// the layout's margin, into `folder`, in the order given: a chip list's lines.
    public func chip(_ scenePath: String, foci: [PixelWindow], into folder: String) throws(ImageryError) -> [SceneChip] {
        let scene = try Raster.open(scenePath)
        let placements = foci.enumerated().map { index, focus in
            layout.placement(focus: focus, index: index, width: scene.info.width, height: scene.info.height)
        }
        return try cut(scene, at: scenePath, placements, into: folder)
    }

    private func cut(_ scene: Raster, at scenePath: String, _ placements: [ChipLayout.Placement], into folder: String) throws(ImageryError) -> [SceneChip] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .chipFailed(path: folder, reason: error.localizedDescription)
        }
        let chips = placements.map { SceneChip(path: URL(fileURLWithPath: folder).appendingPathComponent(fileName(scene: scenePath, placement: $0)).path, placement: $0) }
        let security = scene.info.security
        let workerCount = min(workers, chips.count)
        let failures = FailureBox()
        if workerCount <= 1 {
            try write(chips, from: scene, security: security)
            return chips
        }
        // Worker n writes chips n, n + workers, ...: neighbours in a row go to different
        // workers, which each hold their own dataset (GDAL datasets are single-threaded).
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            let mine = Swift.stride(from: worker, to: chips.count, by: workerCount).map { chips[$0] }
            do throws(ImageryError) {
                let own = worker == 0 ? scene : try Raster.open(scenePath)
                try write(mine, from: own, security: security)
            } catch {
                failures.record(error)
            }
        }
        if let failure = failures.first { throw failure }
        return chips
    }

    private func write(_ chips: [SceneChip], from scene: Raster, security: SecurityFields) throws(ImageryError) {
        for chip in chips {
            try scene.locked { () throws(ImageryError) in
                try translate(scene.dataset, to: chip.path, arguments: translateArguments(for: chip.placement, security: security))
            }
        }
    }

    private func translate(_ source: DatasetHandle, to path: String, arguments: [String]) throws(ImageryError) {
        let (written, messages) = GDALRuntime.capturing { () -> Bool in
            withCStringList(arguments) { list in
                guard let options = GDALTranslateOptionsNew(list, nil) else { return false }
                defer { GDALTranslateOptionsFree(options) }
                var failed: Int32 = 0
                guard let output = GDALTranslate(path, source.pointer, options, &failed) else { return false }
                // COG writes the file when the dataset closes; its failures are captured.
                GDALClose(output)
                return failed == 0
            }
        }
        guard written, !messages.contains(where: { $0.level == .failure || $0.level == .fatal }) else {
            try? FileManager.default.removeItem(atPath: path)
            throw .chipFailed(path: path, reason: GDALRuntime.reason(messages, fallback: "GDAL stopped without saying why"))
        }
    }
}

/// The first error any worker hit.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [ImageryError] = []

    func record(_ error: ImageryError) {
        lock.withLock { errors.append(error) }
    }

    var first: ImageryError? { lock.withLock { errors.first } }
}
