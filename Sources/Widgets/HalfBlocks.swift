import TerminalCore

/// The canvas's fast path: each cell an upper half block, foreground the average of the
/// cell's upper half, background that of its lower half.
///
/// Costs a few additions per pixel and no allocation per cell, so a 200x60 frame fits
/// many times into the 16 ms a frame may take while keys are coming. Pixels weigh by
/// their alpha; a half whose pixels are all transparent is the terminal's background.
enum HalfBlocks {
    static let upperHalf = "▀"
    static let lowerHalf = "▄"
    static let fullBlock = "█"

    /// A half cell's colour packed as 0x01RRGGBB; 0 when the half is wholly transparent.
    typealias PackedHalf = UInt32

    /// The average colour of each half cell, row-major, `columns` by `halfRows`.
    static func halfCellColors(_ image: PixelImage, columns: Int, halfRows: Int) -> [PackedHalf] {
        var result = [PackedHalf](repeating: 0, count: columns * halfRows)
        let columnStarts = (0...columns).map { $0 * image.width / columns }
        let rowStarts = (0...halfRows).map { $0 * image.height / halfRows }
        let width = image.width, height = image.height
        image.rgba.withUnsafeBufferPointer { bytes in
            result.withUnsafeMutableBufferPointer { halves in
                for halfRow in 0..<halfRows {
                    let top = rowStarts[halfRow], bottom = min(height, max(top + 1, rowStarts[halfRow + 1]))
                    for column in 0..<columns {
                        let left = columnStarts[column], right = min(width, max(left + 1, columnStarts[column + 1]))
                        var red = 0, green = 0, blue = 0, alpha = 0
                        for y in top..<bottom {
                            var offset = (y * width + left) * 4
                            for _ in left..<right {
                                let a = Int(bytes[offset + 3])
                                red += Int(bytes[offset]) * a
                                green += Int(bytes[offset + 1]) * a
                                blue += Int(bytes[offset + 2]) * a
                                alpha += a
                                offset += 4
                            }
                        }
                        // A half with no pixel at all shows the terminal's background; one at
                        // the scene's edge, or a stroke over no-data, shows its opaque part.
                        guard alpha > 0 else { continue }
                        let r = UInt32((red + alpha / 2) / alpha), g = UInt32((green + alpha / 2) / alpha), b = UInt32((blue + alpha / 2) / alpha)
                        halves[halfRow * columns + column] = 0x0100_0000 | r << 16 | g << 8 | b
                    }
                }
            }
        }
        return result
    }

    static func draw(_ image: PixelImage, in rect: Rect, depth: ColorDepth, into buffer: inout Buffer) {
        let halves = halfCellColors(image, columns: rect.width, halfRows: rect.height * 2)
        if depth == .monochrome {
            drawMonochrome(halves, in: rect, into: &buffer)
            return
        }
        var memo = ColorMemo(depth: depth)
        for row in 0..<rect.height {
            for column in 0..<rect.width {
                let upper = halves[2 * row * rect.width + column]
                let lower = halves[(2 * row + 1) * rect.width + column]
                let cell: Cell
                if upper == 0 {
                    cell = lower == 0 ? .blank : Cell(lowerHalf, style: Style(foreground: memo.color(lower)))
                } else {
                    cell = Cell(upperHalf, style: Style(foreground: memo.color(upper), background: lower == 0 ? .terminalDefault : memo.color(lower)))
                }
                buffer[rect.x + column, rect.y + row] = cell
            }
        }
    }

    /// Without colour, each half is lit or not, against the picture's own mean
    /// brightness, so a dark scene still shows its shapes instead of going black.
    private static func drawMonochrome(_ halves: [PackedHalf], in rect: Rect, into buffer: inout Buffer) {
        func luminance(_ half: PackedHalf) -> Int {
            Color.luminance(red: UInt8(truncatingIfNeeded: half >> 16), green: UInt8(truncatingIfNeeded: half >> 8), blue: UInt8(truncatingIfNeeded: half))
        }
        var total = 0, count = 0
        for half in halves where half != 0 {
            total += luminance(half)
            count += 1
        }
        let threshold = count == 0 ? 128 : total / count
        func lit(_ half: PackedHalf) -> Bool { half != 0 && luminance(half) > threshold }
        for row in 0..<rect.height {
            for column in 0..<rect.width {
                let upper = lit(halves[2 * row * rect.width + column])
                let lower = lit(halves[(2 * row + 1) * rect.width + column])
                let symbol = upper ? (lower ? fullBlock : upperHalf) : (lower ? lowerHalf : " ")
                buffer[rect.x + column, rect.y + row] = Cell(symbol)
            }
        }
    }

    /// The terminal colour of a packed half at one depth, remembering recent answers.
    ///
    /// Neighbouring halves of imagery often average to the same colour, and the search
    /// among 16 or 8 colours costs more than the rest of a cell; a small direct-mapped
    /// table of recent answers saves most of it without changing any answer.
    struct ColorMemo {
        let depth: ColorDepth
        private var keys = [UInt32](repeating: 0, count: 4096)
        private var values = [Color](repeating: .terminalDefault, count: 4096)

        init(depth: ColorDepth) { self.depth = depth }

        mutating func color(_ half: PackedHalf) -> Color {
            let red = UInt8(truncatingIfNeeded: half >> 16), green = UInt8(truncatingIfNeeded: half >> 8), blue = UInt8(truncatingIfNeeded: half)
            switch depth {
            case .trueColor: return .rgb(red, green, blue)
            case .monochrome: return .terminalDefault
            case .indexed256, .indexed16, .indexed8: break
            }
            let slot = Int((half &* 2_654_435_761) >> 20) & 4095
            if keys[slot] == half { return values[slot] }
            let color: Color
            switch depth {
            case .indexed256: color = .indexed(Color.nearest256(red: red, green: green, blue: blue))
            case .indexed16: color = .indexed(Color.nearest16(red: red, green: green, blue: blue))
            default: color = .indexed(Color.nearest8(red: red, green: green, blue: blue))
            }
            keys[slot] = half
            values[slot] = color
            return color
        }
    }
}
