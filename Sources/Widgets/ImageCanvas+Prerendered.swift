import TerminalCore

/// A canvas rendered ahead, away from the run loop, and placed into a frame later.
///
/// Chafa takes tens of milliseconds for a large view (NOTES-canvas.md), too long to
/// hold the loop that reads keys. A screen can ask an effect to render the resting view
/// with `.refined` on another thread (the chafa cache is behind a lock, and `Buffer` is
/// `Sendable`), keep the cells it gets back in its state, and `place` them while the
/// view is unchanged; a key that moves the view draws `.fast` again at once.
extension ImageCanvas {
    /// The canvas alone, `cells` in size, as `draw` would fill a rectangle of that size.
    public static func render(
        _ image: PixelImage,
        overlay: [OverlayShape],
        cursor: OverlayCursor? = nil,
        cells: Size,
        depth: ColorDepth,
        quality: CanvasQuality
    ) -> Buffer {
        var buffer = Buffer(size: cells)
        draw(image, overlay: overlay, cursor: cursor, in: buffer.area, depth: depth, quality: quality, into: &buffer)
        return buffer
    }

    /// Copies cells rendered ahead into `rect`, cut to whichever of the two is smaller.
    public static func place(_ rendered: Buffer, in rect: Rect, into buffer: inout Buffer) {
        let width = min(rect.width, rendered.width), height = min(rect.height, rendered.height)
        guard width > 0, height > 0 else { return }
        // The edges may cut a wide character of the frame underneath: blank its halves first.
        buffer.fill(Rect(x: rect.x, y: rect.y, width: 1, height: height))
        buffer.fill(Rect(x: rect.x + width - 1, y: rect.y, width: 1, height: height))
        for row in 0..<height {
            for column in 0..<width {
                buffer[rect.x + column, rect.y + row] = rendered[column, row]
            }
        }
    }
}
