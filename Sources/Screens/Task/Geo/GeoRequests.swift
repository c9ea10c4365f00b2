import Domain
import Foundation
import TerminalCore
import Widgets

/// Pixels the geo screen wants: a window of the chip, decimated to the canvas's size.
///
/// The effect runner reads it through Imagery (GDAL's decimated `RasterIO`, overviews
/// when zoomed out) and answers with `TaskScreen.Action.viewportLoaded(request, image)`;
/// an answer to any other request than the latest is stale and ignored.
public struct ViewportRequest: Hashable, Sendable {
    /// The chip file, verified in the station's media store.
    public var media: MediaReference
    /// The part of the chip to read, in chip pixels; it may run past the chip's edges,
    /// which read as transparent.
    public var window: PixelRect
    /// The image wanted, in pixels: the image area's cells times `ImageCanvas.pixelsPerCell`.
    public var outputWidth: Int
    public var outputHeight: Int

    public init(media: MediaReference, window: PixelRect, outputWidth: Int, outputHeight: Int) {
        self.media = media
        self.window = window
        self.outputWidth = outputWidth
        self.outputHeight = outputHeight
    }
}

/// The pixel under the crosshair, whose value and coordinates the readout shows.
///
/// Answered with `TaskScreen.Action.cursorLocated(ImageReadout)` for the same column and row.
public struct CursorRequest: Hashable, Sendable {
    public var media: MediaReference
    /// The pixel, in chip pixels from the top-left.
    public var column: Int
    public var row: Int

    public init(media: MediaReference, column: Int, row: Int) {
        self.media = media
        self.column = column
        self.row = row
    }
}

/// What the readout line shows for one pixel: its value and where it is on the Earth.
public struct ImageReadout: Equatable, Sendable {
    public var column: Int
    public var row: Int
    /// One value per band, as stored (before any stretch); empty on nodata.
    public var values: [Double]
    /// The pixel's centre in the chip's map coordinates, and the system's short name
    /// (`EPSG:26914`); nil when the chip has no georeferencing.
    public var map: MapPoint?
    public var crs: String?
    /// The pixel's centre in WGS 84, and its MGRS reference (1 m precision).
    public var geographic: GeoPoint?
    public var mgrs: String?

    public init(
        column: Int, row: Int, values: [Double], map: MapPoint? = nil, crs: String? = nil, geographic: GeoPoint? = nil,
        mgrs: String? = nil
    ) {
        self.column = column
        self.row = row
        self.values = values
        self.map = map
        self.crs = crs
        self.geographic = geographic
        self.mgrs = mgrs
    }
}

/// A resting view to draw again with chafa's symbols, away from the run loop: the pixels,
/// the shapes over them and the canvas size, exactly as the screen would draw them.
///
/// Chafa takes tens of milliseconds for a large view, too long to hold the loop that
/// reads keys; the effect runner calls `render` on a queue of its own and answers with
/// `TaskScreen.Action.viewRefined`. Answered for an older key or view, it is stale and
/// dropped, so a key typed meanwhile is drawn fast at once and never waits for chafa.
public struct RefineRequest: Equatable, Sendable {
    public var view: RefinedView.Key
    public var image: PixelImage
    public var overlay: [OverlayShape]
    public var cursor: OverlayCursor?
    public var depth: ColorDepth

    public init(view: RefinedView.Key, image: PixelImage, overlay: [OverlayShape], cursor: OverlayCursor?, depth: ColorDepth) {
        self.view = view
        self.image = image
        self.overlay = overlay
        self.cursor = cursor
        self.depth = depth
    }

    /// The refined cells; slow, so never on the run loop.
    public func render() -> RefinedView {
        RefinedView(key: view, cells: ImageCanvas.render(image, overlay: overlay, cursor: cursor, cells: view.cells, depth: depth, quality: .refined))
    }
}

/// Cells refined ahead, and what they were drawn for.
public struct RefinedView: Equatable, Sendable {
    /// The key serial, the pixels and the canvas size the cells show: the screen places
    /// them only while all three are still what it would draw.
    public struct Key: Hashable, Sendable {
        public var serial: Int
        public var viewport: ViewportRequest
        public var cells: Size

        public init(serial: Int, viewport: ViewportRequest, cells: Size) {
            self.serial = serial
            self.viewport = viewport
            self.cells = cells
        }
    }

    public var key: Key
    public var cells: Buffer

    public init(key: Key, cells: Buffer) {
        self.key = key
        self.cells = cells
    }
}
