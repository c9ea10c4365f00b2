import CChafa
import Synchronization
import TerminalCore

/// The canvas's refined path: libchafa picks each cell's symbol and two colours, and
/// the cells go into our buffer, never as escape codes to the terminal.
///
/// A chafa canvas and its config are made once per (size, depth, work factor) and kept:
/// building the symbol map and config costs about as much as a small frame, and a
/// resting view is redrawn at the same size again and again. A few are kept, so a
/// resize or a split screen does not rebuild the one in use.
enum ChafaCells {
    /// Chafa's effort per cell, 0 to 1: below its default (0.5) for speed, measured in NOTES-canvas.md.
    static let defaultWorkFactor: Float = 0.2

    /// Fills `rect` from `image` through chafa at `depth`.
    static func draw(_ image: PixelImage, in rect: Rect, depth: ColorDepth, workFactor: Float = defaultWorkFactor, into buffer: inout Buffer) {
        let key = CanvasKey(columns: rect.width, rows: rect.height, depth: depth, workFactor: workFactor)
        let (opaque, empty) = flattened(image, columns: rect.width, rows: rect.height)
        cache.withLock { canvases in
            let canvas = canvases.canvas(for: key)
            canvas.render(opaque)
            canvas.copyCells(to: &buffer, at: rect)
        }
        for index in empty.indices where empty[index] {
            buffer[rect.x + index % rect.width, rect.y + index / rect.width] = .blank
        }
    }

    /// The picture made opaque over black, and which cells have no pixel with any alpha.
    ///
    /// Chafa's answer for transparent pixels is a colour of -1 on either side of a
    /// symbol, which a cell cannot show (a stroke over no-data came out as grey dots).
    /// So chafa sees only opaque pixels, and a cell wholly outside the picture (past
    /// the scene's edge) becomes the terminal's own background afterwards, as in the
    /// half-block path.
    static func flattened(_ image: PixelImage, columns: Int, rows: Int) -> (PixelImage, [Bool]) {
        var empty = [Bool](repeating: false, count: columns * rows)
        var hasAlpha = false
        for offset in stride(from: 3, to: image.rgba.count, by: 4) where image.rgba[offset] != 255 {
            hasAlpha = true
            break
        }
        guard hasAlpha else { return (image, empty) }
        var opaque = image
        var alphaPerCell = [Int](repeating: 0, count: columns * rows)
        opaque.rgba.withUnsafeMutableBufferPointer { bytes in
            for y in 0..<image.height {
                let row = min(rows - 1, y * rows / image.height)
                for x in 0..<image.width {
                    let offset = (y * image.width + x) * 4
                    let alpha = Int(bytes[offset + 3])
                    alphaPerCell[row * columns + min(columns - 1, x * columns / image.width)] += alpha
                    if alpha == 255 { continue }
                    bytes[offset] = UInt8((Int(bytes[offset]) * alpha + 127) / 255)
                    bytes[offset + 1] = UInt8((Int(bytes[offset + 1]) * alpha + 127) / 255)
                    bytes[offset + 2] = UInt8((Int(bytes[offset + 2]) * alpha + 127) / 255)
                    bytes[offset + 3] = 255
                }
            }
        }
        for index in empty.indices { empty[index] = alphaPerCell[index] == 0 }
        return (opaque, empty)
    }

    /// How many canvases are kept; the oldest goes first.
    static let cacheLimit = 4

    static let cache = Mutex(CanvasCache())

    /// How many canvases have been built since the process started: tests check reuse.
    static var canvasesBuilt: Int { cache.withLock { $0.built } }
    /// How many canvases the cache holds now.
    static var canvasesKept: Int { cache.withLock { $0.canvases.count } }

    struct CanvasKey: Hashable {
        var columns: Int
        var rows: Int
        var depth: ColorDepth
        var workFactor: Float
    }

    struct CanvasCache: ~Copyable {
        var canvases: [CanvasKey: ChafaCanvasHandle] = [:]
        var order: [CanvasKey] = []
        var built = 0

        mutating func canvas(for key: CanvasKey) -> ChafaCanvasHandle {
            if let canvas = canvases[key] {
                order.removeAll { $0 == key }
                order.append(key)
                return canvas
            }
            if order.count >= ChafaCells.cacheLimit {
                let oldest = order.removeFirst()
                canvases[oldest] = nil
            }
            let canvas = ChafaCanvasHandle(key)
            canvases[key] = canvas
            order.append(key)
            built += 1
            return canvas
        }
    }

    /// Chafa's canvas mode for a depth: 240 colours rather than 256, since terminals theme
    /// 0-15 and a picture should not change with the theme.
    static func canvasMode(for depth: ColorDepth) -> ChafaCanvasMode {
        switch depth {
        case .trueColor: return CHAFA_CANVAS_MODE_TRUECOLOR
        case .indexed256: return CHAFA_CANVAS_MODE_INDEXED_240
        case .indexed16: return CHAFA_CANVAS_MODE_INDEXED_16
        case .indexed8: return CHAFA_CANVAS_MODE_INDEXED_8
        case .monochrome: return CHAFA_CANVAS_MODE_FGBG
        }
    }

    /// Our colour for a raw colour chafa reports: packed RGB in true colour, a palette
    /// index otherwise, negative for none.
    static func color(raw: Int32, depth: ColorDepth) -> Color {
        guard raw >= 0 else { return .terminalDefault }
        switch depth {
        case .trueColor: return .rgb(UInt8((raw >> 16) & 0xFF), UInt8((raw >> 8) & 0xFF), UInt8(raw & 0xFF))
        case .indexed256, .indexed16, .indexed8: return .indexed(UInt8(clamping: raw))
        case .monochrome: return .terminalDefault
        }
    }
}

/// One chafa canvas and its config, owned here and released with it.
///
/// Chafa's objects are not thread-safe; the cache's mutex is the only way in.
final class ChafaCanvasHandle: @unchecked Sendable {
    let key: ChafaCells.CanvasKey
    private let config: OpaquePointer
    private let canvas: OpaquePointer
    /// The symbols are the same few dozen on every frame: their strings are made once.
    private var symbols: [UInt32: String] = [:]

    init(_ key: ChafaCells.CanvasKey) {
        self.key = key
        guard let config = chafa_canvas_config_new() else { fatalError("chafa_canvas_config_new returned NULL: out of memory") }
        chafa_canvas_config_set_geometry(config, gint(key.columns), gint(key.rows))
        chafa_canvas_config_set_canvas_mode(config, ChafaCells.canvasMode(for: key.depth))
        chafa_canvas_config_set_work_factor(config, key.workFactor)
        // Chafa's preprocessing (a contrast stretch in 16, 8 and FGBG modes) samples the
        // picture at random: measured with chafa 1.12.4, the same pixels drawn twice gave
        // up to half the cells different, so a resting view would shimmer as the diff
        // redraws them, and snapshots could not hold. Imagery stretches contrast itself.
        chafa_canvas_config_set_preprocessing_enabled(config, 0)
        guard let symbolMap = chafa_symbol_map_new() else { fatalError("chafa_symbol_map_new returned NULL: out of memory") }
        chafa_symbol_map_add_by_tags(symbolMap, ld_chafa_canvas_symbol_tags())
        chafa_canvas_config_set_symbol_map(config, symbolMap)
        chafa_symbol_map_unref(symbolMap)
        guard let canvas = chafa_canvas_new(config) else { fatalError("chafa_canvas_new returned NULL: out of memory") }
        self.config = config
        self.canvas = canvas
    }

    deinit {
        chafa_canvas_unref(canvas)
        chafa_canvas_config_unref(config)
    }

    func render(_ image: PixelImage) {
        image.rgba.withUnsafeBufferPointer { bytes in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, bytes.baseAddress, gint(image.width), gint(image.height), gint(image.width * 4))
        }
    }

    func copyCells(to buffer: inout Buffer, at rect: Rect) {
        let depth = key.depth
        for row in 0..<key.rows {
            for column in 0..<key.columns {
                let scalar = chafa_canvas_get_char_at(canvas, gint(column), gint(row))
                var foreground: gint = -1, background: gint = -1
                chafa_canvas_get_raw_colors_at(canvas, gint(column), gint(row), &foreground, &background)
                // A space shows only its background, a full block only its foreground:
                // chafa leaves the other colour at whatever it tried last, which would
                // make unchanged cells count as changed and cost colour pairs.
                if scalar == 0x20 { foreground = background } else if scalar == 0x2588 { background = foreground }
                let style = Style(
                    foreground: ChafaCells.color(raw: foreground, depth: depth),
                    background: ChafaCells.color(raw: background, depth: depth)
                )
                buffer[rect.x + column, rect.y + row] = Cell(symbol(scalar), style: style)
            }
        }
    }

    private func symbol(_ scalar: UInt32) -> String {
        if let known = symbols[scalar] { return known }
        let text = Unicode.Scalar(scalar).map { String(Character($0)) } ?? " "
        symbols[scalar] = text
        return text
    }
}
