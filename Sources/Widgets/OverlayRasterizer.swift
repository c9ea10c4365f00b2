import TerminalCore

/// Draws overlay shapes and the cursor into pixels, anti-aliased, at sub-pixel precision.
///
/// Each pixel's coverage is its centre's distance to the stroke's centre line: a line
/// half a pixel off lands half in each neighbour instead of snapping to one, so a thin
/// edge at a sub-cell position still tints the cells it crosses and moves smoothly as
/// the view zooms. Strokes blend over the picture; the picture underneath is a copy.
enum OverlayRasterizer {
    /// How one shape is stroked: derived from its emphasis, in image pixels.
    struct Stroke {
        var color: RGBA
        var width: Double
        /// On and off lengths along the outline, for predictions.
        var dash: (on: Double, off: Double)?
        /// A dark line under the stroke, so it stands out on any ground.
        var haloWidth: Double?
        /// Half the side of the square drawn at each vertex.
        var vertexMarker: Double?
    }

    static let haloColor = RGBA(red: 0, green: 0, blue: 0, alpha: 200)
    static let highlightFill = RGBA(red: 255, green: 255, blue: 255)

    static func stroke(for shape: OverlayShape) -> Stroke {
        let base = rgba(shape.color)
        switch shape.emphasis {
        case .normal:
            return Stroke(color: base, width: 1.25)
        case .prediction:
            return Stroke(color: base, width: 1.25, dash: (on: 4, off: 3))
        case .selected:
            return Stroke(color: brighten(base, by: 0.35), width: 2.25, haloWidth: 4, vertexMarker: 1.5)
        case .drawing:
            return Stroke(color: brighten(base, by: 0.55), width: 1.75, haloWidth: 3.5, vertexMarker: 1.5)
        }
    }

    /// `quality` `.fast` strokes the plain outlines (normal and prediction) one pixel wide
    /// without anti-aliasing: half blocks average eight pixels a cell anyway, and thousands
    /// of shapes on screen while keys come must not cost a frame. At rest every stroke is
    /// anti-aliased.
    static func draw(_ shapes: [OverlayShape], cursor: OverlayCursor?, quality: CanvasQuality = .refined, into image: inout PixelImage) {
        // Nothing to draw must not copy the picture: the canvas's copy is shared until written.
        guard !image.isEmpty, !shapes.isEmpty || cursor != nil else { return }
        let width = image.width, height = image.height
        image.rgba.withUnsafeMutableBufferPointer { bytes in
            var canvas = Canvas(bytes: bytes, width: width, height: height, plainStrokesAreCheap: quality == .fast)
            // Plain shapes first, so the selected and drawn ones lie on top of them.
            for shape in shapes where shape.emphasis == .normal || shape.emphasis == .prediction { canvas.draw(shape) }
            for shape in shapes where shape.emphasis == .selected { canvas.draw(shape) }
            for shape in shapes where shape.emphasis == .drawing { canvas.draw(shape) }
            if let cursor { canvas.draw(cursor) }
        }
    }

    /// The pixel colour of a terminal colour; the terminal's default draws white.
    static func rgba(_ color: Color) -> RGBA {
        guard let rgb = color.rgbValue else { return RGBA(red: 255, green: 255, blue: 255) }
        return RGBA(red: rgb.red, green: rgb.green, blue: rgb.blue)
    }

    static func brighten(_ color: RGBA, by amount: Double) -> RGBA {
        func lift(_ channel: UInt8) -> UInt8 { UInt8((Double(channel) + (255 - Double(channel)) * amount).rounded()) }
        return RGBA(red: lift(color.red), green: lift(color.green), blue: lift(color.blue), alpha: color.alpha)
    }

    /// The pixels being drawn into, with the blending and the primitives.
    struct Canvas {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let width: Int
        let height: Int
        /// Thin strokes as one-pixel lines without coverage (see `draw`'s `quality`).
        var plainStrokesAreCheap = false

        mutating func draw(_ shape: OverlayShape) {
            let stroke = OverlayRasterizer.stroke(for: shape)
            let points = shape.points
            guard !points.isEmpty else { return }
            // Segment i runs from point i to the next, the last back to the first when closed.
            let segmentCount = shape.closed && points.count > 2 ? points.count : points.count - 1
            if let halo = stroke.haloWidth {
                for index in 0..<segmentCount {
                    line(points[index], points[(index + 1) % points.count], width: halo, color: OverlayRasterizer.haloColor)
                }
            }
            var travelled = 0.0
            for index in 0..<segmentCount {
                let a = points[index], b = points[(index + 1) % points.count]
                line(a, b, width: stroke.width, color: stroke.color, dash: stroke.dash, startDistance: travelled)
                travelled += ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            }
            if let marker = stroke.vertexMarker {
                for point in points {
                    square(point, half: marker + 1, color: OverlayRasterizer.haloColor)
                    square(point, half: marker, color: stroke.color)
                }
            } else if points.count == 1 {
                square(points[0], half: 1.5, color: stroke.color)
            }
            if let vertex = shape.highlightedVertex, points.indices.contains(vertex) {
                // The vertex under the cursor: a large white square ringed dark, whatever the class colour.
                square(points[vertex], half: 3.5, color: RGBA(red: 0, green: 0, blue: 0))
                square(points[vertex], half: 2.5, color: OverlayRasterizer.highlightFill)
                square(points[vertex], half: 1, color: stroke.color)
            }
        }

        mutating func draw(_ cursor: OverlayCursor) {
            let color = OverlayRasterizer.rgba(cursor.color)
            let centre = cursor.point, gap = 1.5, arm = max(gap + 1, cursor.armLength)
            let arms = [
                (OverlayPoint(x: centre.x - arm, y: centre.y), OverlayPoint(x: centre.x - gap, y: centre.y)),
                (OverlayPoint(x: centre.x + gap, y: centre.y), OverlayPoint(x: centre.x + arm, y: centre.y)),
                (OverlayPoint(x: centre.x, y: centre.y - arm), OverlayPoint(x: centre.x, y: centre.y - gap)),
                (OverlayPoint(x: centre.x, y: centre.y + gap), OverlayPoint(x: centre.x, y: centre.y + arm)),
            ]
            for (a, b) in arms { line(a, b, width: 3, color: OverlayRasterizer.haloColor) }
            for (a, b) in arms { line(a, b, width: 1.25, color: color) }
        }

        /// A stroke from `a` to `b` of `width` pixels with round ends.
        ///
        /// Walks the segment's long axis and, at each step, only the few pixels across
        /// it, so a long diagonal costs its length, not its bounding box.
        mutating func line(_ a: OverlayPoint, _ b: OverlayPoint, width strokeWidth: Double, color: RGBA, dash: (on: Double, off: Double)? = nil, startDistance: Double = 0) {
            if plainStrokesAreCheap, strokeWidth <= 1.5 {
                thinLine(a, b, color: color, dash: dash, startDistance: startDistance)
                return
            }
            let half = strokeWidth / 2
            let dx = b.x - a.x, dy = b.y - a.y
            let lengthSquared = dx * dx + dy * dy
            let length = lengthSquared.squareRoot()
            // A pixel is touched when its centre is nearer the centre line than this.
            let reach = half + 0.5
            if length < 1e-9 {
                disc(a, radius: half, color: color)
                return
            }
            let alongX = abs(dx) >= abs(dy)
            let major0 = alongX ? min(a.x, b.x) : min(a.y, b.y)
            let major1 = alongX ? max(a.x, b.x) : max(a.y, b.y)
            let majorLimit = alongX ? width : height, minorLimit = alongX ? height : width
            let first = max(0, Int((major0 - reach - 0.5).rounded(.down)))
            let last = min(majorLimit - 1, Int((major1 + reach - 0.5).rounded(.up)))
            guard first <= last else { return }
            let slope = alongX ? dy / dx : dx / dy
            // How far across the long axis a touched centre can be from the line.
            let extent = reach * length / (alongX ? abs(dx) : abs(dy))
            let unitX = dx / length, unitY = dy / length
            for major in first...last {
                let centre = Double(major) + 0.5
                let minorOnLine = alongX ? a.y + (centre - a.x) * slope : a.x + (centre - a.y) * slope
                let low = max(0, Int((minorOnLine - extent - 0.5).rounded(.down)))
                let high = min(minorLimit - 1, Int((minorOnLine + extent - 0.5).rounded(.up)))
                guard low <= high else { continue }
                for minor in low...high {
                    let fromA_X = (alongX ? centre : Double(minor) + 0.5) - a.x
                    let fromA_Y = (alongX ? Double(minor) + 0.5 : centre) - a.y
                    // Along the segment the distance is the perpendicular one, no root
                    // needed; past either end it is the distance to that end.
                    let along = fromA_X * unitX + fromA_Y * unitY
                    let distance: Double
                    if along < 0 {
                        distance = (fromA_X * fromA_X + fromA_Y * fromA_Y).squareRoot()
                    } else if along > length {
                        let fromB_X = fromA_X - dx, fromB_Y = fromA_Y - dy
                        distance = (fromB_X * fromB_X + fromB_Y * fromB_Y).squareRoot()
                    } else {
                        distance = abs(fromA_X * unitY - fromA_Y * unitX)
                    }
                    guard distance < reach else { continue }
                    if let dash {
                        let travelled = (startDistance + min(length, max(0, along))).truncatingRemainder(dividingBy: dash.on + dash.off)
                        if travelled >= dash.on { continue }
                    }
                    blend(x: alongX ? major : minor, y: alongX ? minor : major, color: color, coverage: min(1, reach - distance))
                }
            }
        }

        /// A one-pixel line from `a` to `b`: a step per pixel along the long axis, each
        /// pixel the centre line passes through filled whole (dashes kept).
        mutating func thinLine(_ a: OverlayPoint, _ b: OverlayPoint, color: RGBA, dash: (on: Double, off: Double)?, startDistance: Double) {
            let dx = b.x - a.x, dy = b.y - a.y
            let steps = max(1, Int(max(abs(dx), abs(dy)).rounded(.up)))
            let length = (dx * dx + dy * dy).squareRoot()
            let stepX = dx / Double(steps), stepY = dy / Double(steps), stepLength = length / Double(steps)
            for step in 0...steps {
                if let dash, (startDistance + Double(step) * stepLength).truncatingRemainder(dividingBy: dash.on + dash.off) >= dash.on { continue }
                let x = Int((a.x + stepX * Double(step)).rounded(.down)), y = Int((a.y + stepY * Double(step)).rounded(.down))
                guard x >= 0, x < width, y >= 0, y < height else { continue }
                blend(x: x, y: y, color: color, coverage: 1)
            }
        }

        /// A filled square centred on `point`, each pixel covered by the share of it inside.
        mutating func square(_ point: OverlayPoint, half: Double, color: RGBA) {
            let left = point.x - half, right = point.x + half, top = point.y - half, bottom = point.y + half
            let x0 = max(0, Int(left.rounded(.down))), x1 = min(width - 1, Int(right.rounded(.up)) - 1)
            let y0 = max(0, Int(top.rounded(.down))), y1 = min(height - 1, Int(bottom.rounded(.up)) - 1)
            guard x0 <= x1, y0 <= y1 else { return }
            for y in y0...y1 {
                let coverY = min(Double(y + 1), bottom) - max(Double(y), top)
                for x in x0...x1 {
                    let coverX = min(Double(x + 1), right) - max(Double(x), left)
                    let coverage = coverX * coverY
                    if coverage > 0 { blend(x: x, y: y, color: color, coverage: min(1, coverage)) }
                }
            }
        }

        mutating func disc(_ centre: OverlayPoint, radius: Double, color: RGBA) {
            let x0 = max(0, Int((centre.x - radius - 1).rounded(.down))), x1 = min(width - 1, Int((centre.x + radius + 1).rounded(.up)))
            let y0 = max(0, Int((centre.y - radius - 1).rounded(.down))), y1 = min(height - 1, Int((centre.y + radius + 1).rounded(.up)))
            guard x0 <= x1, y0 <= y1 else { return }
            for y in y0...y1 {
                for x in x0...x1 {
                    let ddx = Double(x) + 0.5 - centre.x, ddy = Double(y) + 0.5 - centre.y
                    let coverage = min(1, max(0, radius + 0.5 - (ddx * ddx + ddy * ddy).squareRoot()))
                    if coverage > 0 { blend(x: x, y: y, color: color, coverage: coverage) }
                }
            }
        }

        /// Mixes `color` over the pixel by `coverage` times the colour's own alpha.
        ///
        /// A stroke over no-data makes the pixel as opaque as the stroke, so a shape that
        /// runs off the chip's edge is still seen there.
        @inline(__always)
        mutating func blend(x: Int, y: Int, color: RGBA, coverage: Double) {
            let offset = (y * width + x) * 4
            let amount = coverage * Double(color.alpha) / 255
            if bytes[offset + 3] == 255 {
                // The usual case, an opaque picture: a plain mix in integers.
                let top = Int(amount * 256 + 0.5), keep = 256 - top
                bytes[offset] = UInt8(truncatingIfNeeded: (Int(color.red) * top + Int(bytes[offset]) * keep + 128) >> 8)
                bytes[offset + 1] = UInt8(truncatingIfNeeded: (Int(color.green) * top + Int(bytes[offset + 1]) * keep + 128) >> 8)
                bytes[offset + 2] = UInt8(truncatingIfNeeded: (Int(color.blue) * top + Int(bytes[offset + 2]) * keep + 128) >> 8)
                return
            }
            let under = Double(bytes[offset + 3]) / 255 * (1 - amount)
            let alpha = amount + under
            guard alpha > 0 else { return }
            func mix(_ top: UInt8, _ bottom: UInt8) -> UInt8 {
                UInt8(min(255, ((Double(top) * amount + Double(bottom) * under) / alpha).rounded()))
            }
            bytes[offset] = mix(color.red, bytes[offset])
            bytes[offset + 1] = mix(color.green, bytes[offset + 1])
            bytes[offset + 2] = mix(color.blue, bytes[offset + 2])
            bytes[offset + 3] = UInt8(min(255, (alpha * 255).rounded()))
        }
    }
}
