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

    /// The average colour of each half cell, row-major, `rect.width` by `2 * rect.height`;
    /// nil for a half that is wholly transparent.
    static func halfCellColors(_ image: PixelImage, columns: Int, halfRows: Int) -> [RGBA?] {
        var result = [RGBA?](repeating: nil, count: columns * halfRows)
        let columnStarts = (0...columns).map { $0 * image.width / columns }
        let rowStarts = (0...halfRows).map { $0 * image.height / halfRows }
        image.rgba.withUnsafeBufferPointer { bytes in
            for halfRow in 0..<halfRows {
                let top = rowStarts[halfRow], bottom = max(top + 1, rowStarts[halfRow + 1])
                for column in 0..<columns {
                    let left = columnStarts[column], right = max(left + 1, columnStarts[column + 1])
                    var red = 0, green = 0, blue = 0, alpha = 0, count = 0
                    for y in top..<min(bottom, image.height) {
                        var offset = (y * image.width + left) * 4
                        for _ in left..<min(right, image.width) {
                            let a = Int(bytes[offset + 3])
                            red += Int(bytes[offset]) * a
                            green += Int(bytes[offset + 1]) * a
                            blue += Int(bytes[offset + 2]) * a
                            alpha += a
                            count += 1
                            offset += 4
                        }
                    }
                    // A half with no pixel at all shows the terminal's background; one at
                    // the scene's edge, or a stroke over no-data, shows its opaque part.
                    guard count > 0, alpha > 0 else { continue }
                    result[halfRow * columns + column] = RGBA(
                        red: UInt8((red + alpha / 2) / alpha),
                        green: UInt8((green + alpha / 2) / alpha),
                        blue: UInt8((blue + alpha / 2) / alpha)
                    )
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
        for row in 0..<rect.height {
            for column in 0..<rect.width {
                let upper = halves[2 * row * rect.width + column]
                let lower = halves[(2 * row + 1) * rect.width + column]
                let cell: Cell
                switch (upper, lower) {
                case (nil, nil):
                    cell = .blank
                case (nil, let lower?):
                    cell = Cell(lowerHalf, style: Style(foreground: color(lower, depth)))
                case (let upper?, let lower):
                    cell = Cell(upperHalf, style: Style(foreground: color(upper, depth), background: lower.map { color($0, depth) } ?? .terminalDefault))
                }
                buffer[rect.x + column, rect.y + row] = cell
            }
        }
    }

    /// Without colour, each half is lit or not, against the picture's own mean
    /// brightness, so a dark scene still shows its shapes instead of going black.
    private static func drawMonochrome(_ halves: [RGBA?], in rect: Rect, into buffer: inout Buffer) {
        var total = 0, count = 0
        for case let half? in halves {
            total += Color.luminance(red: half.red, green: half.green, blue: half.blue)
            count += 1
        }
        let threshold = count == 0 ? 128 : total / count
        func lit(_ half: RGBA?) -> Bool {
            guard let half else { return false }
            return Color.luminance(red: half.red, green: half.green, blue: half.blue) > threshold
        }
        for row in 0..<rect.height {
            for column in 0..<rect.width {
                let upper = lit(halves[2 * row * rect.width + column])
                let lower = lit(halves[(2 * row + 1) * rect.width + column])
                let symbol = upper ? (lower ? fullBlock : upperHalf) : (lower ? lowerHalf : " ")
                buffer[rect.x + column, rect.y + row] = Cell(symbol)
            }
        }
    }

    static func color(_ pixel: RGBA, _ depth: ColorDepth) -> Color {
        switch depth {
        case .trueColor: return .rgb(pixel.red, pixel.green, pixel.blue)
        case .indexed256: return .indexed(Color.nearest256(red: pixel.red, green: pixel.green, blue: pixel.blue))
        case .indexed16: return .indexed(Color.nearest16(red: pixel.red, green: pixel.green, blue: pixel.blue))
        case .indexed8: return .indexed(Color.nearest8(red: pixel.red, green: pixel.green, blue: pixel.blue))
        case .monochrome: return .terminalDefault
        }
    }
}
