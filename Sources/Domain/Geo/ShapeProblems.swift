/// The size of a chip in pixels: the space shapes on it must stay inside.
public struct ChipSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The chip a task is drawn on: its whole window, margin included (the focus is a
    /// hint, not a fence).
    public init(_ image: TaskImage) {
        self.init(width: image.chip.width, height: image.chip.height)
    }
}

extension ShapeGeometry {
    /// The same outline with a box's corners as top-left then bottom-right, so two boxes
    /// drawn from opposite corners compare equal.
    public var normalized: ShapeGeometry {
        guard case .box = self else { return self }
        let corners = vertices
        return .box(corners[0], corners[2])
    }

    /// Why this outline cannot be kept, as the end of a sentence ("the box has no
    /// width..."), or nil when it is a proper shape inside `chip`.
    ///
    /// A box needs width and height; a polygon at least three distinct vertices, an
    /// area, and a ring that never crosses or touches itself (a shared vertex or an edge
    /// running along another counts as touching). Every vertex must be a finite number
    /// inside the chip, edges included.
    public func problem(within chip: ChipSize?) -> String? {
        let points = vertices
        if let bad = points.first(where: { !$0.x.isFinite || !$0.y.isFinite }) {
            return "vertex (\(bad.x), \(bad.y)) is not a number"
        }
        switch self {
        case .box(let a, let b):
            if a.x == b.x && a.y == b.y { return "the box is degenerate: both corners are at \(Self.text(a)); a box needs two corners apart" }
            if a.x == b.x { return "the box is degenerate: it has no width (both corners at column \(Self.number(a.x))); place the corners at different columns" }
            if a.y == b.y { return "the box is degenerate: it has no height (both corners at row \(Self.number(a.y))); place the corners at different rows" }
        case .polygon(let ring):
            if ring.count < 3 {
                return "the polygon has \(ring.count) \(ring.count == 1 ? "vertex" : "vertices"); a polygon needs at least 3"
            }
            if let crossing = PolygonRing.firstSelfContact(ring) { return crossing }
            if PolygonRing.signedArea(ring) == 0 { return "the polygon has no area: its vertices lie on one line" }
        }
        if let chip {
            let width = Double(chip.width), height = Double(chip.height)
            if let outside = points.first(where: { $0.x < 0 || $0.y < 0 || $0.x > width || $0.y > height }) {
                return "vertex \(Self.text(outside)) is outside the chip (0-\(chip.width) by 0-\(chip.height) pixels); keep every vertex on the image"
            }
        }
        return nil
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func text(_ point: PixelPoint) -> String { "(\(number(point.x)), \(number(point.y)))" }
}

/// Tests on a polygon's ring (its vertices in order, not closed by a repeat).
public enum PolygonRing {
    /// The signed area by the shoelace formula, in square pixels: positive when the ring
    /// runs clockwise on screen (y down), zero when its vertices lie on one line.
    public static func signedArea(_ ring: [PixelPoint]) -> Double {
        var sum = 0.0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    /// The first way the ring touches itself, as a sentence, or nil for a simple ring.
    ///
    /// Every pair of edges is tested with exact orientation signs (no tolerance, so the
    /// test is the same on every machine): edges that do not share an endpoint must not
    /// meet at all, and edges next to each other must meet only at their shared vertex
    /// (not fold back along each other). A vertex used twice is refused first, since it
    /// is the commonest slip (Enter pressed twice at the same place).
    public static func firstSelfContact(_ ring: [PixelPoint]) -> String? {
        let count = ring.count
        for i in 0..<count {
            for j in (i + 1)..<count where ring[i] == ring[j] {
                if i == 0, j == count - 1 {
                    return "the polygon repeats its first vertex \(ShapeGeometry.text(ring[i])) at the end; list each vertex once, the ring closes by itself"
                }
                return "the polygon uses vertex \(ShapeGeometry.text(ring[i])) twice (vertices \(i + 1) and \(j + 1)); remove one"
            }
        }
        guard count >= 3 else { return nil }
        for i in 0..<count {
            let a = ring[i], b = ring[(i + 1) % count]
            for j in (i + 1)..<count {
                let c = ring[j], d = ring[(j + 1) % count]
                let adjacent = j == i + 1 || (i == 0 && j == count - 1)
                if adjacent {
                    // The shared vertex is b (j == i + 1) or a (the closing edge): the other
                    // two ends must not lie on the other edge, or the edges fold back.
                    let (shared, first, second) = j == i + 1 ? (b, a, d) : (a, b, c)
                    if orientation(first, shared, second) == 0, dot(first, shared, second) > 0 {
                        return "the polygon's edges \(i + 1) and \(j + 1) run back along each other at \(ShapeGeometry.text(shared)); move a vertex so the outline does not fold"
                    }
                } else if segmentsMeet(a, b, c, d) {
                    return "the polygon crosses itself: edge \(i + 1) \(ShapeGeometry.text(a))-\(ShapeGeometry.text(b)) meets edge \(j + 1) \(ShapeGeometry.text(c))-\(ShapeGeometry.text(d)); move a vertex so no edges cross or touch"
                }
            }
        }
        return nil
    }

    /// Whether segments ab and cd share at least one point, touching included.
    public static func segmentsMeet(_ a: PixelPoint, _ b: PixelPoint, _ c: PixelPoint, _ d: PixelPoint) -> Bool {
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d), o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        if o1 != o2 && o3 != o4 { return true }
        // Collinear cases: an end of one segment lying on the other.
        if o1 == 0 && onSegment(a, c, b) { return true }
        if o2 == 0 && onSegment(a, d, b) { return true }
        if o3 == 0 && onSegment(c, a, d) { return true }
        if o4 == 0 && onSegment(c, b, d) { return true }
        return false
    }

    /// -1, 0 or 1: the turn from ab to ac.
    static func orientation(_ a: PixelPoint, _ b: PixelPoint, _ c: PixelPoint) -> Int {
        let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        return cross > 0 ? 1 : cross < 0 ? -1 : 0
    }

    /// Whether q, collinear with p and r, lies between them (ends included).
    static func onSegment(_ p: PixelPoint, _ q: PixelPoint, _ r: PixelPoint) -> Bool {
        q.x >= min(p.x, r.x) && q.x <= max(p.x, r.x) && q.y >= min(p.y, r.y) && q.y <= max(p.y, r.y)
    }

    /// The dot product of (first - shared) and (second - shared): positive when both
    /// ends leave the shared vertex on the same side.
    static func dot(_ first: PixelPoint, _ shared: PixelPoint, _ second: PixelPoint) -> Double {
        (first.x - shared.x) * (second.x - shared.x) + (first.y - shared.y) * (second.y - shared.y)
    }
}
