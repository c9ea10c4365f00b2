/// Areas of overlap between shapes, exact for simple polygons, convex or not.
///
/// Sutherland-Hodgman clipping is only right when the clip polygon is convex, and
/// people draw concave outlines (an L-shaped building). Instead the intersection's area
/// is its boundary's shoelace integral: the boundary of A ∩ B is the part of A's boundary
/// inside B and the part of B's inside A. Each edge is cut where the other ring crosses
/// it, and each piece is kept when its midpoint is inside the other polygon. An edge
/// running along an edge of the other (common when outlines are snapped to pixels) is
/// decided from the two directions, not by a midpoint test that rounding could tip: the
/// same direction means both interiors lie on one side and the piece bounds the
/// intersection (kept once), opposite directions mean it does not.
public enum PolygonOverlap {
    /// The area of `a ∩ b` in square pixels. Boxes take a shortcut; rings must be simple.
    public static func intersectionArea(_ a: ShapeGeometry, _ b: ShapeGeometry) -> Double {
        if case .box(let a0, let a1) = a, case .box(let b0, let b1) = b {
            let width = min(max(a0.x, a1.x), max(b0.x, b1.x)) - max(min(a0.x, a1.x), min(b0.x, b1.x))
            let height = min(max(a0.y, a1.y), max(b0.y, b1.y)) - max(min(a0.y, a1.y), min(b0.y, b1.y))
            return width > 0 && height > 0 ? width * height : 0
        }
        return intersectionArea(a.vertices, b.vertices)
    }

    /// The area of a shape in square pixels.
    public static func area(_ shape: ShapeGeometry) -> Double {
        abs(PolygonRing.signedArea(shape.vertices))
    }

    /// Intersection over union; 0 when the union has no area.
    public static func intersectionOverUnion(_ a: ShapeGeometry, _ b: ShapeGeometry) -> Double {
        let shared = intersectionArea(a, b)
        let union = area(a) + area(b) - shared
        return union > 0 ? shared / union : 0
    }

    /// The area of the intersection of two simple rings (vertices not repeated at the end).
    public static func intersectionArea(_ first: [PixelPoint], _ second: [PixelPoint]) -> Double {
        guard first.count >= 3, second.count >= 3 else { return 0 }
        // Coordinates relative to a corner of both, so the shoelace's products stay small
        // and their cancellation loses fewer digits.
        let originX = min(first.map(\.x).min() ?? 0, second.map(\.x).min() ?? 0)
        let originY = min(first.map(\.y).min() ?? 0, second.map(\.y).min() ?? 0)
        let a = counterclockwise(first.map { Vector(x: $0.x - originX, y: $0.y - originY) })
        let b = counterclockwise(second.map { Vector(x: $0.x - originX, y: $0.y - originY) })
        guard boundsMeet(a, b) else { return 0 }
        let twice = boundaryInside(a, of: b, keepingSharedEdges: true) + boundaryInside(b, of: a, keepingSharedEdges: false)
        return max(0, twice / 2)
    }

    struct Vector {
        var x: Double
        var y: Double
        static func - (lhs: Vector, rhs: Vector) -> Vector { Vector(x: lhs.x - rhs.x, y: lhs.y - rhs.y) }
        func cross(_ other: Vector) -> Double { x * other.y - y * other.x }
        func dot(_ other: Vector) -> Double { x * other.x + y * other.y }
    }

    /// The ring turned to run counterclockwise in the shoelace's sense (interior on the left).
    static func counterclockwise(_ ring: [Vector]) -> [Vector] {
        var twice = 0.0
        for index in ring.indices {
            twice += ring[index].cross(ring[(index + 1) % ring.count])
        }
        return twice < 0 ? ring.reversed() : ring
    }

    /// Whether the two rings' bounding boxes overlap with some area: if not, neither do they.
    static func boundsMeet(_ a: [Vector], _ b: [Vector]) -> Bool {
        func bounds(_ ring: [Vector]) -> (minX: Double, maxX: Double, minY: Double, maxY: Double) {
            ring.reduce((Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)) { box, point in
                (min(box.0, point.x), max(box.1, point.x), min(box.2, point.y), max(box.3, point.y))
            }
        }
        let first = bounds(a), second = bounds(b)
        return first.maxX > second.minX && second.maxX > first.minX && first.maxY > second.minY && second.maxY > first.minY
    }

    /// Twice the shoelace sum of the pieces of `ring`'s edges that lie inside `other`.
    static func boundaryInside(_ ring: [Vector], of other: [Vector], keepingSharedEdges: Bool) -> Double {
        var sum = 0.0
        var cuts: [Double] = []
        var shared: [(from: Double, to: Double, sameDirection: Bool)] = []
        for index in ring.indices {
            let start = ring[index], end = ring[(index + 1) % ring.count]
            let edge = end - start
            let lengthSquared = edge.dot(edge)
            guard lengthSquared > 0 else { continue }
            cuts.removeAll(keepingCapacity: true)
            shared.removeAll(keepingCapacity: true)
            cuts.append(0)
            cuts.append(1)
            for otherIndex in other.indices {
                let otherStart = other[otherIndex], otherEnd = other[(otherIndex + 1) % other.count]
                let otherEdge = otherEnd - otherStart
                let offset = otherStart - start
                let denominator = edge.cross(otherEdge)
                if denominator == 0 {
                    // Parallel: only a collinear edge matters, along the stretch both cover.
                    guard offset.cross(edge) == 0 else { continue }
                    let t0 = offset.dot(edge) / lengthSquared, t1 = (otherEnd - start).dot(edge) / lengthSquared
                    let from = max(0, min(t0, t1)), to = min(1, max(t0, t1))
                    if to > from {
                        shared.append((from, to, edge.dot(otherEdge) > 0))
                        cuts.append(from)
                        cuts.append(to)
                    }
                    continue
                }
                let t = offset.cross(otherEdge) / denominator
                let u = offset.cross(edge) / denominator
                if t > 0, t < 1, u >= 0, u <= 1 { cuts.append(t) }
            }
            cuts.sort()
            var previous = cuts[0]
            for cut in cuts.dropFirst() where cut > previous {
                let middle = (previous + cut) / 2
                let keep: Bool
                if let stretch = shared.first(where: { $0.from <= middle && middle <= $0.to }) {
                    keep = keepingSharedEdges && stretch.sameDirection
                } else {
                    keep = contains(other, Vector(x: start.x + edge.x * middle, y: start.y + edge.y * middle))
                }
                if keep {
                    let p0 = previous == 0 ? start : Vector(x: start.x + edge.x * previous, y: start.y + edge.y * previous)
                    let p1 = cut == 1 ? end : Vector(x: start.x + edge.x * cut, y: start.y + edge.y * cut)
                    sum += p0.cross(p1)
                }
                previous = cut
            }
        }
        return sum
    }

    /// Whether `point` is inside `ring`, by the crossing count (even-odd; a simple ring
    /// makes it the same as nonzero winding).
    static func contains(_ ring: [Vector], _ point: Vector) -> Bool {
        var inside = false
        var previous = ring[ring.count - 1]
        for vertex in ring {
            if (vertex.y > point.y) != (previous.y > point.y) {
                let crossingX = previous.x + (point.y - previous.y) * (vertex.x - previous.x) / (vertex.y - previous.y)
                if point.x < crossingX { inside.toggle() }
            }
            previous = vertex
        }
        return inside
    }
}
