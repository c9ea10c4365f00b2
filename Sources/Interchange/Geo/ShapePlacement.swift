import Domain
import Foundation

/// A shape from a file as it lands on one chip.
public struct PlacedShape: Equatable, Sendable {
    /// The feature's or annotation's number in the file, counting from 1.
    public var number: Int
    /// In the chip's pixel space, clipped to the chip.
    public var shape: Shape

    public init(number: Int, shape: Shape) {
        self.number = number
        self.shape = shape
    }
}

/// Where the shapes of a file landed.
public struct ShapePlacement: Equatable, Sendable {
    /// Per task id, the shapes on its chip, in the file's order. A shape across chips is
    /// in each, clipped to each.
    public var shapesByTask: [String: [PlacedShape]]
    /// The numbers of the shapes that touch no chip, in the file's order, for the report.
    public var outside: [Int]
}

/// Which outline a project keeps: boxes become the bounding box of what falls on the chip.
public enum PlacedForm: Sendable {
    case box
    case polygon
}

/// Places shapes from a file onto task chips: into each chip's pixel space, clipped to it.
///
/// Map coordinates reach a chip through its geotransform, directly when the file and the
/// chip name the same coordinate system and through WGS 84 otherwise; scene pixels
/// (COCO) reach it by taking off the chip's place in the scene. Pure: no file is opened.
public enum ShapePlacer {
    /// A polygon clipped to less than this (in square pixels) only touches the chip's edge.
    static let smallestArea = 1e-9
    /// A vertex this close outside the chip (in pixels) is on its edge: a shape drawn
    /// along the edge and sent through WGS 84 and back comes a nanometre off it, and
    /// clipping it would add a vertex where the labeler drew none.
    static let edgeTolerance = 1e-6

    /// Places `shapes`; `crs` and `converter` say what map coordinates mean (ignored for
    /// scene pixels). Labels are passed through as the file gave them (`""` when none).
    public static func place(
        _ shapes: [SourceShape], crs: String, converter: (any CoordinateConverter)?, on chips: [GeoChip],
        form: PlacedForm, fileName: String
    ) throws(InterchangeError) -> ShapePlacement {
        let pixels = try chipPixels(shapes, crs: crs, converter: converter, chips: chips, fileName: fileName)
        var byTask: [String: [PlacedShape]] = [:]
        var outside: [Int] = []
        for (shapeIndex, source) in shapes.enumerated() {
            var landed = false
            for (chipIndex, chip) in chips.enumerated() {
                guard let parts = pixels[chipIndex][shapeIndex] else { continue }
                let width = Double(chip.image.chip.width), height = Double(chip.image.chip.height)
                for part in parts {
                    guard let geometry = clipped(part, width: width, height: height, form: form) else { continue }
                    byTask[chip.taskID, default: []].append(PlacedShape(number: source.number, shape: Shape(label: source.label ?? "", geometry: geometry)))
                    landed = true
                }
            }
            if !landed { outside.append(source.number) }
        }
        return ShapePlacement(shapesByTask: byTask, outside: outside)
    }

    /// For each chip, for each shape, its parts in the chip's pixels (nil: not on this chip's scene).
    static func chipPixels(
        _ shapes: [SourceShape], crs: String, converter: (any CoordinateConverter)?, chips: [GeoChip], fileName: String
    ) throws(InterchangeError) -> [[[[PixelPoint]]?]] {
        var mapPoints: [MapPoint] = []
        for shape in shapes { if case .map(let parts) = shape.coordinates { for part in parts { mapPoints += part } } }
        // Each distinct chip system gets the file's points once, in its own map coordinates.
        var inChipSystem: [String: [MapPoint]] = [:]
        var wgs84: [GeoPoint]?
        for chip in chips where !mapPoints.isEmpty {
            let chipCRS = CRSName.normalized(chip.georeference.crs)
            if inChipSystem[chipCRS] != nil { continue }
            if CRSName.same(chipCRS, crs) {
                inChipSystem[chipCRS] = mapPoints
                continue
            }
            do {
                if wgs84 == nil {
                    guard let converter else {
                        throw InterchangeError(fileName: fileName, location: .file, problem: "the shapes are in \(crs) and chip \"\(chip.taskID)\" is in \(chipCRS), and no converter was given for \(crs)")
                    }
                    wgs84 = try converter.toWGS84(mapPoints)
                }
                inChipSystem[chipCRS] = try chip.georeference.converter.fromWGS84(wgs84!)
            } catch let error as InterchangeError {
                throw error
            } catch {
                throw InterchangeError(fileName: fileName, location: .file, problem: "the shapes' coordinates (\(crs)) could not be turned into chip \"\(chip.taskID)\"'s (\(chipCRS)): \(error)")
            }
        }
        return chips.map { chip in
            let system = inChipSystem[CRSName.normalized(chip.georeference.crs)] ?? []
            let transform = chip.georeference.transform
            var next = 0
            return shapes.map { shape -> [[PixelPoint]]? in
                switch shape.coordinates {
                case .map(let parts):
                    return parts.map { part in
                        defer { next += part.count }
                        return system[next..<next + part.count].map { transform.pixel($0) ?? PixelPoint(x: .nan, y: .nan) }
                    }
                case .scenePixels(let scene, let parts):
                    guard scene == chip.image.scene else { return nil }
                    let dx = Double(chip.image.chip.x), dy = Double(chip.image.chip.y)
                    return parts.map { part in part.map { PixelPoint(x: $0.x - dx, y: $0.y - dy) } }
                }
            }
        }
    }

    /// The part of `ring` on a `width` x `height` chip, as the project's form; nil when
    /// nothing of it is (or only an edge or a corner is).
    static func clipped(_ ring: [PixelPoint], width: Double, height: Double, form: PlacedForm) -> ShapeGeometry? {
        let inside = clip(snappedToEdges(ring, width: width, height: height), width: width, height: height)
        guard inside.count >= 3, abs(signedArea(inside)) > smallestArea else { return nil }
        switch form {
        case .polygon:
            return .polygon(inside)
        case .box:
            let xs = inside.map(\.x), ys = inside.map(\.y)
            return .box(PixelPoint(x: xs.min()!, y: ys.min()!), PixelPoint(x: xs.max()!, y: ys.max()!))
        }
    }

    /// The ring with vertices within `edgeTolerance` outside the chip moved onto its edge.
    static func snappedToEdges(_ ring: [PixelPoint], width: Double, height: Double) -> [PixelPoint] {
        func snap(_ value: Double, _ limit: Double) -> Double {
            if value < 0, value >= -edgeTolerance { return 0 }
            if value > limit, value <= limit + edgeTolerance { return limit }
            return value
        }
        return ring.map { PixelPoint(x: snap($0.x, width), y: snap($0.y, height)) }
    }

    /// Sutherland-Hodgman against the chip's rectangle `[0, width] x [0, height]`, edges included.
    ///
    /// A ring wholly on the chip comes back unchanged, bit for bit. A concave ring cut by
    /// the edge may keep zero-width runs along the edge: they cover no pixel.
    static func clip(_ ring: [PixelPoint], width: Double, height: Double) -> [PixelPoint] {
        guard ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return [] }
        if ring.allSatisfy({ $0.x >= 0 && $0.x <= width && $0.y >= 0 && $0.y <= height }) { return ring }
        var output = ring
        for edge in 0..<4 {
            guard let last = output.last else { return [] }
            let input = output
            output = []
            output.reserveCapacity(input.count + 4)
            var previous = last
            for current in input {
                let currentInside = isInside(current, edge: edge, width: width, height: height)
                let previousInside = isInside(previous, edge: edge, width: width, height: height)
                if currentInside != previousInside {
                    output.append(crossing(previous, current, edge: edge, width: width, height: height))
                }
                if currentInside { output.append(current) }
                previous = current
            }
        }
        var cleaned: [PixelPoint] = []
        for point in output where cleaned.last != point { cleaned.append(point) }
        if cleaned.count > 1, cleaned.first == cleaned.last { cleaned.removeLast() }
        return cleaned
    }

    static func isInside(_ point: PixelPoint, edge: Int, width: Double, height: Double) -> Bool {
        switch edge {
        case 0: point.x >= 0
        case 1: point.x <= width
        case 2: point.y >= 0
        default: point.y <= height
        }
    }

    /// Where the segment from `a` to `b` crosses the edge's line, exactly on it.
    static func crossing(_ a: PixelPoint, _ b: PixelPoint, edge: Int, width: Double, height: Double) -> PixelPoint {
        switch edge {
        case 0, 1:
            let x = edge == 0 ? 0 : width
            return PixelPoint(x: x, y: a.y + (x - a.x) / (b.x - a.x) * (b.y - a.y))
        default:
            let y = edge == 2 ? 0 : height
            return PixelPoint(x: a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x), y: y)
        }
    }

    /// The shoelace area, positive when the ring turns from +x towards +y.
    static func signedArea(_ ring: [PixelPoint]) -> Double {
        var sum = 0.0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }
}
