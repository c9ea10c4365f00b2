import TerminalCore

/// Draws a picture and the shapes over it into a rectangle of the cell buffer.
///
/// Shapes are drawn into a copy of the pixels first (DESIGN decision 6), so they keep
/// sub-cell precision whatever symbol a cell ends up with. Then the pixels become
/// cells one of two ways: `.fast` averages each cell's upper and lower half into a half
/// block, in Swift, well under the frame budget, for frames while keys are coming;
/// `.refined` asks libchafa for its symbol mosaics (blocks, halves, quadrants, sextants),
/// tens of milliseconds at 200x60, for the frame once the view rests. Either way the
/// result is ordinary cells, so snapshots and the buffer diff work unchanged.
public struct ImageCanvas {
    /// Pixels per cell the caller should supply: 2 across, 4 down (400x240 for 200x60).
    ///
    /// Two by four holds every symbol the canvas uses at least once over (half blocks
    /// 1x2, quadrants 2x2, sextants 2x3), and with cells about twice as tall as wide the
    /// pixels come out square. Chafa samples each cell at 8x8 internally, so more pixels
    /// cost GDAL's read and our overlay without a better picture.
    public static let pixelsPerCell: (x: Int, y: Int) = (2, 4)

    /// Draws `image` stretched over `rect`, with `overlay` and the optional `cursor` on top.
    ///
    /// The image should be `rect.width * pixelsPerCell.x` by `rect.height * pixelsPerCell.y`
    /// pixels; another size is sampled to fit, so the caller keeps the aspect ratio.
    /// Cells outside the buffer are clipped. An empty image leaves the rectangle blank.
    public static func draw(
        _ image: PixelImage,
        overlay: [OverlayShape],
        cursor: OverlayCursor? = nil,
        in rect: Rect,
        depth: ColorDepth,
        quality: CanvasQuality,
        into buffer: inout Buffer
    ) {
        guard !rect.isEmpty else { return }
        // Wide characters cut by the rectangle's edges must not leave half a glyph behind.
        buffer.fill(Rect(x: rect.x, y: rect.y, width: 1, height: rect.height))
        buffer.fill(Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height))
        guard !image.isEmpty else {
            buffer.fill(rect)
            return
        }
        var pixels = image
        OverlayRasterizer.draw(overlay, cursor: cursor, quality: quality, into: &pixels)
        switch quality {
        case .fast:
            HalfBlocks.draw(pixels, in: rect, depth: depth, into: &buffer)
        case .refined:
            ChafaCells.draw(pixels, in: rect, depth: depth, into: &buffer)
        }
    }
}

/// How the canvas turns pixels into cells.
public enum CanvasQuality: Hashable, Sendable {
    /// Half blocks computed in Swift: for frames while keys are coming.
    case fast
    /// Chafa's symbol mosaics: for the frame drawn once the view rests.
    case refined
}
