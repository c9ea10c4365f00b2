import Domain
import Foundation
import Imagery
import Interchange
import Screens
import Synchronization
import TerminalCore
import Widgets

/// Chip files of the media store, opened through Imagery: the pixels and readouts the
/// geo screen asks for, and the georeferencing exports and prediction imports need.
///
/// Each chip is opened once and kept (GDAL's handle, its band choice, its contrast
/// stretch and its coordinate transformer), so panning reads only pixels. GDAL handles
/// are not safe to share between threads: every call runs under one lock, and the
/// station runs them on one queue.
public final class ChipLibrary: ChipGeoreferencing, Sendable {
    /// The verified file of a media reference, or nil when it is not (yet) present.
    public typealias Resolver = @Sendable (MediaReference) throws -> URL?

    private struct OpenChip {
        var raster: Raster
        var bands: BandChoice
        var stretch: Stretch
        var transformer: CoordinateTransformer?
    }

    private let resolve: Resolver
    private let overviewCache: OverviewCache?
    private let chips = Mutex<[String: OpenChip]>([:])

    public init(overviewCache: OverviewCache? = nil, resolve: @escaping Resolver) {
        self.resolve = resolve
        self.overviewCache = overviewCache
    }

    public enum Problem: Error, CustomStringConvertible {
        case missing(MediaReference)
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing(let media):
                "the image \(media.sha256.prefix(12))… is not on this machine yet; sync to fetch it, or import the bundle that carries it"
            case .unreadable(let sentence): sentence
            }
        }
    }

    /// The pixels of a viewport: a decimated window of the chip at the canvas's size.
    public func viewport(_ request: ViewportRequest) throws -> PixelImage {
        try withChip(request.media) { chip in
            let window = request.window
            let image = try chip.raster.readWindow(
                PixelRect(x: window.x, y: window.y, width: window.width, height: window.height),
                width: request.outputWidth, height: request.outputHeight, bands: chip.bands, stretch: chip.stretch)
            guard let pixels = PixelImage(width: image.width, height: image.height, rgba: image.rgba) else {
                throw Problem.unreadable("the image read was not the size asked for")
            }
            return pixels
        }
    }

    /// A whole picture (a lesson's image), read at the size that fits `cells` with its
    /// aspect kept, as the canvas wants it (`ImageCanvas.pixelsPerCell`).
    ///
    /// Byte images (PNG, JPEG, most pictures) are shown as drawn, with no contrast
    /// stretch; imagery of other types gets the chips' standard stretch. Opened, read and
    /// let go: a lesson's pictures are read once each.
    public func picture(_ media: MediaReference, fitting cells: Size) throws -> PixelImage {
        try chips.withLock { _ in
            guard let url = try resolve(media) else { throw Problem.missing(media) }
            let raster = try Raster.open(url.path)
            let info = raster.info
            guard info.width > 0, info.height > 0 else { throw Problem.unreadable("the picture has no pixels") }
            let bands = BandChoice.defaultChoice(for: info)
            let (perX, perY) = ImageCanvas.pixelsPerCell
            let scale = min(Double(max(1, cells.width * perX)) / Double(info.width), Double(max(1, cells.height * perY)) / Double(info.height), 4)
            let width = max(1, Int((Double(info.width) * scale).rounded())), height = max(1, Int((Double(info.height) * scale).rounded()))
            let isByte = bands.bands.allSatisfy { info.bands[$0 - 1].dataType == .byte }
            let image = try raster.readWindow(
                PixelRect(x: 0, y: 0, width: Double(info.width), height: Double(info.height)), width: width, height: height, bands: bands,
                stretch: isByte ? .range(minimum: 0, maximum: 255) : .standard)
            guard let pixels = PixelImage(width: image.width, height: image.height, rgba: image.rgba) else {
                throw Problem.unreadable("the picture read was not the size asked for")
            }
            return pixels
        }
    }

    /// The value and the place on the Earth of one pixel, for the readout line.
    public func readout(_ request: CursorRequest) throws -> ImageReadout {
        try withChip(request.media) { chip in
            let info = chip.raster.info
            guard (0..<info.width).contains(request.column), (0..<info.height).contains(request.row) else {
                return ImageReadout(column: request.column, row: request.row, values: [])
            }
            let values = try chip.raster.pixelValues(column: request.column, row: request.row)
            let centre = PixelPoint(x: Double(request.column) + 0.5, y: Double(request.row) + 0.5)
            let map = info.geoTransform.map { $0.map(centre) }
            let geographic = try map.flatMap { point in try chip.transformer?.toWGS84([point]).first }
            return ImageReadout(
                column: request.column, row: request.row, values: values, map: map, crs: info.coordinateSystem?.label,
                geographic: geographic, mgrs: geographic.flatMap { MGRS.reference($0) })
        }
    }

    /// The chip's geotransform and coordinate system, for exports in map coordinates.
    public func georeference(of image: TaskImage) throws -> ChipGeoreference {
        try withChip(image.media) { chip in try Self.georeference(chip.raster.info, transformer: chip.transformer, scene: image.scene) }
    }

    /// The georeferencing of a chip file not (yet) in a store, read and let go at once:
    /// a gold import places its key onto chips before it stores the ones that are gold,
    /// and a scene's thousands of chips must not all stay open.
    public static func georeference(ofChipAt path: String, scene: String) throws -> ChipGeoreference {
        let raster = try Raster.open(path)
        let transformer = raster.info.coordinateSystem == nil ? nil : try raster.coordinateTransformer()
        return try georeference(raster.info, transformer: transformer, scene: scene)
    }

    private static func georeference(_ info: RasterInfo, transformer: CoordinateTransformer?, scene: String) throws -> ChipGeoreference {
        guard let transform = info.geoTransform, let system = info.coordinateSystem, let transformer else {
            throw Problem.unreadable("the chip of scene \"\(scene)\" has no georeferencing, so its shapes have no place on the Earth")
        }
        return ChipGeoreference(transform: transform, crs: system.label, converter: transformer)
    }

    private func withChip<T>(_ media: MediaReference, _ body: (OpenChip) throws -> T) throws -> T {
        try chips.withLock { open in
            if let chip = open[media.sha256] { return try body(chip) }
            guard let url = try resolve(media) else { throw Problem.missing(media) }
            let raster = try Raster.open(url.path, overviewCache: overviewCache)
            let bands = BandChoice.defaultChoice(for: raster.info)
            // One stretch for the whole chip, so the picture keeps its colours while panning.
            let ranges = try raster.stretchRanges(.standard, bands: bands)
            let transformer = raster.info.coordinateSystem == nil ? nil : try raster.coordinateTransformer()
            let chip = OpenChip(raster: raster, bands: bands, stretch: .ranges(ranges), transformer: transformer)
            open[media.sha256] = chip
            return try body(chip)
        }
    }
}
