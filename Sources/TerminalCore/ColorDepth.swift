/// How many colours a terminal shows: what images are rendered for and what the backend draws.
///
/// Decided once, from the environment and the colour count terminfo reports, by a pure
/// function both the backend and the app call, so the picture chafa makes is the one the
/// backend can show.
public enum ColorDepth: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// 24-bit colour: cells carry `.rgb` as they are.
    case trueColor = "truecolor"
    /// The 256-colour palette.
    case indexed256 = "256"
    /// The 16 basic and bright colours.
    case indexed16 = "16"
    /// The 8 basic colours.
    case indexed8 = "8"
    /// No colour: pictures are drawn with the shapes of symbols alone.
    case monochrome = "mono"

    public var description: String { rawValue }

    /// The smallest colour count that gives true colour through terminfo (xterm-direct: 2^24).
    public static let directColorCount = 1 << 24

    /// The depth for a terminal whose terminfo reports `colorCount` colours.
    ///
    /// `COLORTERM=truecolor` or `24bit` promises true colour whatever terminfo says (most
    /// emulators set it under TERM=xterm-256color); NO_COLOR, set and not empty, asks for
    /// none (no-color.org); otherwise the count decides, and fewer than 8 is monochrome.
    public static func detect(environment: [String: String], colorCount: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if colorCount < 8 { return .monochrome }
        if let promise = environment["COLORTERM"]?.lowercased(), promise == "truecolor" || promise == "24bit" { return .trueColor }
        return fromCount(colorCount)
    }

    /// The depth a colour count alone allows.
    public static func fromCount(_ colorCount: Int) -> ColorDepth {
        switch colorCount {
        case directColorCount...: return .trueColor
        case 256...: return .indexed256
        case 16...: return .indexed16
        case 8...: return .indexed8
        default: return .monochrome
        }
    }
}
