import TerminalCore

/// A point in an image's pixel space, sub-pixel: (0, 0) is the top-left corner of the
/// first pixel, (0.5, 0.5) its centre.
public struct OverlayPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A shape drawn over the image: a box or polygon (closed) or a line being drawn (open).
///
/// Coordinates are in the pixels of the `PixelImage` handed to `ImageCanvas.draw`, the
/// decimated viewport, not the scene: the screen that owns the viewport converts. The
/// colour is the project's class colour; emphasis says how the shape stands out.
public struct OverlayShape: Equatable, Sendable {
    public var points: [OverlayPoint]
    public var closed: Bool
    public var color: Color
    public var emphasis: OverlayEmphasis
    /// The vertex under the cursor, drawn as a large marker; nil when none is.
    public var highlightedVertex: Int?

    public init(points: [OverlayPoint], closed: Bool, color: Color, emphasis: OverlayEmphasis = .normal, highlightedVertex: Int? = nil) {
        self.points = points
        self.closed = closed
        self.color = color
        self.emphasis = emphasis
        self.highlightedVertex = highlightedVertex
    }
}

/// How a shape stands out from the others.
public enum OverlayEmphasis: Hashable, Sendable {
    /// A labeled shape: a thin line in its class colour.
    case normal
    /// The shape Tab selected: thicker, brighter, on a dark halo, with vertex markers.
    case selected
    /// The shape being drawn: as selected, brighter still, so it is never lost.
    case drawing
    /// A model's prediction not yet accepted: a thin dashed line.
    case prediction
}

/// The crosshair cursor: where the next vertex goes and whose pixel the readout shows.
///
/// Drawn into the pixels like the shapes, so it moves by one image pixel at the
/// deepest zoom rather than by a whole cell. Four arms around a gap leave the pixel
/// under it visible; a dark halo keeps it seen on bright and dark ground alike.
public struct OverlayCursor: Equatable, Sendable {
    public var point: OverlayPoint
    public var color: Color
    /// Length of each arm in image pixels, from the centre.
    public var armLength: Double

    public init(point: OverlayPoint, color: Color = .brightWhite, armLength: Double = 6) {
        self.point = point
        self.color = color
        self.armLength = armLength
    }
}
