import Domain
import Foundation
import TerminalCore
import Widgets

/// Where the labeler looks at the chip from: a centre in chip pixels and a zoom level.
///
/// Level 0 fits the whole chip in the image area; each level doubles the magnification,
/// up to the deepest, where one image pixel covers `deepestScale` screen pixels (four
/// cells across, two down). Screen pixels are the canvas's (`ImageCanvas.pixelsPerCell`,
/// 2 x 4 a cell), which come out square on a terminal whose cells are twice as tall as wide.
public struct GeoViewport: Hashable, Sendable {
    public var center: PixelPoint
    public var level: Int

    public init(center: PixelPoint, level: Int) {
        self.center = center
        self.level = level
    }

    /// Screen pixels per image pixel at the deepest zoom.
    public static let deepestScale = 8.0

    /// The canvas pixels an image area of `cells` holds.
    public static func outputSize(cells: Size) -> (width: Int, height: Int) {
        (max(0, cells.width) * ImageCanvas.pixelsPerCell.x, max(0, cells.height) * ImageCanvas.pixelsPerCell.y)
    }

    /// Screen pixels per chip pixel at level 0: the whole chip fits, aspect kept.
    public static func fitScale(chip: ChipSize, cells: Size) -> Double {
        let output = outputSize(cells: cells)
        guard chip.width > 0, chip.height > 0, output.width > 0, output.height > 0 else { return 1 }
        return min(Double(output.width) / Double(chip.width), Double(output.height) / Double(chip.height))
    }

    /// The deepest level: the first whose scale reaches `deepestScale` (0 for a chip so
    /// small that fitting it already does).
    public static func deepestLevel(chip: ChipSize, cells: Size) -> Int {
        let fit = fitScale(chip: chip, cells: cells)
        guard fit < deepestScale else { return 0 }
        return Int(ceil(log2(deepestScale / fit) - 1e-9))
    }

    /// Screen pixels per chip pixel at this level.
    public func scale(chip: ChipSize, cells: Size) -> Double {
        GeoViewport.fitScale(chip: chip, cells: cells) * pow(2, Double(level))
    }

    /// Chip pixels a cursor key moves at this level: one at the deepest zoom, doubling
    /// with each level out, so a key always moves the crosshair by about the same
    /// distance on screen.
    public func cursorStep(chip: ChipSize, cells: Size) -> Int {
        1 << max(0, GeoViewport.deepestLevel(chip: chip, cells: cells) - level)
    }

    /// The part of the chip this viewport shows (it may run past the chip's edges, which
    /// read as transparent).
    public func window(chip: ChipSize, cells: Size) -> PixelRect {
        let output = GeoViewport.outputSize(cells: cells)
        let scale = scale(chip: chip, cells: cells)
        let width = Double(output.width) / scale, height = Double(output.height) / scale
        return PixelRect(x: center.x - width / 2, y: center.y - height / 2, width: width, height: height)
    }

    /// The whole chip, centred.
    public static func fit(_ chip: ChipSize) -> GeoViewport {
        GeoViewport(center: PixelPoint(x: Double(chip.width) / 2, y: Double(chip.height) / 2), level: 0)
    }

    /// This viewport at `level` (kept within 0 and the deepest), with the chip point
    /// `anchor` staying where it is on screen.
    public func zoomed(to level: Int, about anchor: PixelPoint, chip: ChipSize, cells: Size) -> GeoViewport {
        let target = min(max(0, level), GeoViewport.deepestLevel(chip: chip, cells: cells))
        guard target != self.level else { return self }
        let ratio = pow(2, Double(self.level - target))
        var zoomed = GeoViewport(
            center: PixelPoint(x: anchor.x + (center.x - anchor.x) * ratio, y: anchor.y + (center.y - anchor.y) * ratio), level: target)
        if target == 0 { zoomed.center = GeoViewport.fit(chip).center }
        return zoomed.clamped(chip: chip)
    }

    /// The centre kept on the chip, so the view never drifts off the image entirely.
    public func clamped(chip: ChipSize) -> GeoViewport {
        GeoViewport(
            center: PixelPoint(x: min(max(center.x, 0), Double(chip.width)), y: min(max(center.y, 0), Double(chip.height))),
            level: level)
    }

    /// The same viewport moved the least whole steps that bring `point` inside the
    /// window with a margin of a tenth of the window, recentring on it when it is far.
    public func following(_ point: PixelPoint, chip: ChipSize, cells: Size) -> GeoViewport {
        let window = window(chip: chip, cells: cells)
        var moved = self
        let marginX = window.width / 10, marginY = window.height / 10
        if point.x < window.x + marginX || point.x > window.x + window.width - marginX { moved.center.x = point.x }
        if point.y < window.y + marginY || point.y > window.y + window.height - marginY { moved.center.y = point.y }
        return moved.clamped(chip: chip)
    }

    /// A chip point in the viewport image's pixels (the image made for `window` at `output` size).
    public static func toOutput(_ point: PixelPoint, window: PixelRect, output: (width: Int, height: Int)) -> OverlayPoint {
        OverlayPoint(
            x: (point.x - window.x) * Double(output.width) / window.width,
            y: (point.y - window.y) * Double(output.height) / window.height)
    }
}
