import TerminalCore

/// A colour pair ncurses must be told about before a cell can use it.
struct ColorPairDefinition: Equatable, Sendable {
    var number: Int32
    var foreground: Int32
    var background: Int32
}

/// What ncurses needs to draw a cell: a colour pair number and attributes.
///
/// Pair 0 is the terminal's own colours. The attributes may differ from the style's:
/// without colour, a coloured background turns into reverse video.
struct CursesStyle: Equatable, Sendable {
    var pair: Int32
    var attributes: Attributes
}

/// Hands out ncurses colour pairs as styles need them, and degrades colours the
/// terminal lacks.
///
/// ncurses draws colour only through numbered (foreground, background) pairs, and a
/// terminal has a fixed number of them (64 under TERM=screen). Allocating on first use
/// and caching by colour keeps a screen's dozen combinations cheap and in practice
/// never runs out; when it does run out, a style loses its colour but keeps its
/// emphasis, as on a monochrome terminal, and `ranOut` tells the backend to start the
/// table afresh and redraw the whole frame. Imagery in true colour can need thousands
/// of combinations a frame, a new set with each pan, so the table is recycled that way
/// rather than grown or given up: it never holds more than the terminal's pairs.
struct ColorPairs {
    let capability: ColorCapability
    /// Whether ncurses accepted `use_default_colors`, so -1 means the terminal's own colour.
    let hasDefaultColors: Bool
    private var numbers: [ColorKey: Int32] = [:]
    private var nextNumber: Int32 = 1
    /// Set when a style could not get a pair because the table was full.
    private(set) var ranOut = false

    private struct ColorKey: Hashable {
        var foreground: Color
        var background: Color
    }

    init(capability: ColorCapability, hasDefaultColors: Bool = true) {
        self.capability = capability
        self.hasDefaultColors = hasDefaultColors
    }

    /// How many pairs have been defined so far.
    var definedCount: Int { numbers.count }

    /// Forgets every pair, so numbers are handed out from 1 again.
    ///
    /// Cells already on screen keep their old pair numbers until redrawn: the backend
    /// redraws the whole frame after a reset.
    mutating func reset() {
        numbers.removeAll(keepingCapacity: true)
        nextNumber = 1
        ranOut = false
    }

    /// The pair and attributes for `style`, defining a new pair through `define` when needed.
    ///
    /// `define` tells ncurses about the pair and returns whether it accepted it; the
    /// backend passes `init_extended_pair`, tests pass a recorder.
    mutating func cursesStyle(for style: Style, define: (ColorPairDefinition) -> Bool) -> CursesStyle {
        switch capability {
        case .monochrome:
            return Self.withoutColor(style)
        case .direct(let pairCount):
            let key = ColorKey(foreground: style.foreground, background: style.background)
            return pair(for: key, style: style, pairCount: pairCount, define: define)
        case .indexed256(let pairCount):
            let key = ColorKey(foreground: Self.indexed256(style.foreground), background: Self.indexed256(style.background))
            return pair(for: key, style: style, pairCount: pairCount, define: define)
        case .basic16(let pairCount):
            return pair(for: Self.basic16Colors(of: style), style: style, pairCount: pairCount, define: define)
        case .basic8(let pairCount):
            return pair(for: Self.basicColors(of: style), style: style, pairCount: pairCount, define: define)
        }
    }

    private mutating func pair(for key: ColorKey, style: Style, pairCount: Int, define: (ColorPairDefinition) -> Bool) -> CursesStyle {
        if key.foreground == .terminalDefault && key.background == .terminalDefault {
            return CursesStyle(pair: 0, attributes: style.attributes)
        }
        if let number = numbers[key] {
            return CursesStyle(pair: number, attributes: style.attributes)
        }
        guard Int(nextNumber) < pairCount else {
            ranOut = true
            return Self.withoutColor(style)
        }
        let definition = ColorPairDefinition(
            number: nextNumber,
            foreground: cursesNumber(for: key.foreground, defaultNumber: Color.white.cursesNumber),
            background: cursesNumber(for: key.background, defaultNumber: Color.black.cursesNumber)
        )
        guard define(definition) else {
            // ncurses refused a number it said it had: treat the table as full.
            nextNumber = Int32(clamping: pairCount)
            return Self.withoutColor(style)
        }
        numbers[key] = nextNumber
        nextNumber += 1
        return CursesStyle(pair: definition.number, attributes: style.attributes)
    }

    /// The colour number for a pair; a terminal without default colours gets the
    /// classic white on black in their place, since it would refuse -1.
    private func cursesNumber(for color: Color, defaultNumber: Int32) -> Int32 {
        if color == .terminalDefault && !hasDefaultColors { return defaultNumber }
        if case .direct = capability { return color.directCursesNumber }
        return color.cursesNumber
    }

    /// A true colour as the nearest of the 256; indexed colours are already there.
    private static func indexed256(_ color: Color) -> Color {
        guard case .rgb(let red, let green, let blue) = color else { return color }
        return .indexed(Color.nearest256(red: red, green: green, blue: blue))
    }

    /// The style's colours among the basic sixteen, kept apart as `basicColors` does.
    private static func basic16Colors(of style: Style) -> ColorKey {
        var foreground = style.foreground.downgraded(to: .indexed16) ?? .terminalDefault
        let background = style.background.downgraded(to: .indexed16) ?? .terminalDefault
        if foreground == background, foreground != .terminalDefault {
            foreground = background == .black ? .white : .black
        }
        return ColorKey(foreground: foreground, background: background)
    }

    /// A style drawn without colour: a coloured background becomes reverse video so
    /// banners and selections stay visible.
    static func withoutColor(_ style: Style) -> CursesStyle {
        var attributes = style.attributes
        if style.background != .terminalDefault { attributes.insert(.reverse) }
        return CursesStyle(pair: 0, attributes: attributes)
    }

    /// The style's colours among the basic eight.
    ///
    /// Two different colours can land on the same basic one (bright black on black);
    /// the text would then vanish, so the foreground takes the opposite of black or white.
    private static func basicColors(of style: Style) -> ColorKey {
        var foreground = style.foreground.nearestBasic
        let background = style.background.nearestBasic
        if foreground == background, foreground != .terminalDefault {
            foreground = background == .black ? .white : .black
        }
        return ColorKey(foreground: foreground, background: background)
    }
}

extension Color {
    /// The colour number ncurses uses on an indexed terminal; -1 is the terminal's
    /// default after `use_default_colors`. A true colour here is its nearest of the 256.
    var cursesNumber: Int32 {
        switch self {
        case .terminalDefault: return -1
        case .indexed(let index): return Int32(index)
        case .rgb(let red, let green, let blue): return Int32(Color.nearest256(red: red, green: green, blue: blue))
        }
    }

    /// The colour number ncurses uses on a direct-colour terminal: packed RGB.
    ///
    /// xterm-direct's terminfo sends numbers below 8 as the basic eight (SGR 30-37), so
    /// the basic colours keep their indexes, the other palette entries become their
    /// RGB, and a true colour that would pack below 8 (a near-black blue) becomes 8,
    /// the next near-black, instead of turning red or magenta.
    var directCursesNumber: Int32 {
        switch self {
        case .terminalDefault:
            return -1
        case .indexed(let index) where index < 8:
            return Int32(index)
        case .indexed, .rgb:
            guard let rgb = rgbValue else { return -1 }
            let packed = Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue)
            return packed < 8 ? 8 : packed
        }
    }
}
