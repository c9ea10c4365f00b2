/// A point in an image's pixel space: `x` to the right, `y` down, from the top-left
/// corner of the top-left pixel. Sub-pixel: a pixel's centre is at `(column + 0.5, row + 0.5)`.
public struct PixelPoint: Codable, Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The outline of one annotated object, in the chip's pixel space.
///
/// Kept in pixels so nothing is lost before export: the chip's georeferencing turns
/// them into map coordinates only when a format asks for them.
public enum ShapeGeometry: Hashable, Sendable {
    /// An axis-aligned box from its top-left to its bottom-right corner.
    case box(PixelPoint, PixelPoint)
    /// A simple polygon's outer ring, each vertex once (the ring is not closed by
    /// repeating the first vertex), in the order the person drew it.
    case polygon([PixelPoint])

    /// The vertices in drawing order: a box's four corners clockwise from top-left.
    public var vertices: [PixelPoint] {
        switch self {
        case .box(let a, let b):
            let minX = min(a.x, b.x), maxX = max(a.x, b.x), minY = min(a.y, b.y), maxY = max(a.y, b.y)
            return [PixelPoint(x: minX, y: minY), PixelPoint(x: maxX, y: minY), PixelPoint(x: maxX, y: maxY), PixelPoint(x: minX, y: maxY)]
        case .polygon(let points):
            return points
        }
    }
}

/// One object a person (or a model) drew: its class and its outline.
public struct Shape: Hashable, Sendable {
    /// The project's class name for the object.
    public var label: String
    public var geometry: ShapeGeometry

    public init(label: String, geometry: ShapeGeometry) {
        self.label = label
        self.geometry = geometry
    }
}
