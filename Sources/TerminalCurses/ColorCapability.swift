import TerminalCore

/// How many colours the terminal can show, decided once when the backend starts.
///
/// Labelers sit at true-colour and 256-colour emulators, 8-colour consoles, tmux with
/// TERM=screen, or have asked for no colour at all (NO_COLOR). The screen must stay
/// readable in every case, so the backend degrades instead of failing.
enum ColorCapability: Equatable, Sendable {
    /// Direct colour (terminfo `colors` >= 2^24, TERM=xterm-direct): a pair's colours are
    /// packed RGB, except 0-7, which stay the basic eight.
    case direct(pairCount: Int)
    /// All 256 indexed colours, pair numbers 1 through `pairCount - 1`.
    case indexed256(pairCount: Int)
    /// The 16 basic and bright colours: others map to the nearest one.
    case basic16(pairCount: Int)
    /// Only the eight basic colours: others map to the nearest one.
    case basic8(pairCount: Int)
    /// No colour: styles keep their attributes only.
    case monochrome

    /// Decides from what ncurses reports after `start_color` and from the environment.
    ///
    /// NO_COLOR counts only when set and non-empty, as no-color.org defines it.
    /// COLORTERM=truecolor cannot raise the capability: ncurses writes colours through
    /// the terminfo entry, and one without direct colour cannot send RGB.
    static func detect(hasColors: Bool, colorCount: Int, pairCount: Int, environment: [String: String]) -> ColorCapability {
        guard hasColors, pairCount >= 2 else { return .monochrome }
        var withoutPromise = environment
        withoutPromise["COLORTERM"] = nil
        switch ColorDepth.detect(environment: withoutPromise, colorCount: colorCount) {
        case .trueColor: return .direct(pairCount: pairCount)
        case .indexed256: return .indexed256(pairCount: pairCount)
        case .indexed16: return .basic16(pairCount: pairCount)
        case .indexed8: return .basic8(pairCount: pairCount)
        case .monochrome: return .monochrome
        }
    }

    /// What the screen shows at this capability: images should be rendered for it.
    var depth: ColorDepth {
        switch self {
        case .direct: return .trueColor
        case .indexed256: return .indexed256
        case .basic16: return .indexed16
        case .basic8: return .indexed8
        case .monochrome: return .monochrome
        }
    }
}
