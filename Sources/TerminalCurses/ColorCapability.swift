/// How many colours the terminal can show, decided once when the backend starts.
///
/// Labelers sit at 256-colour emulators, 8-colour consoles, tmux with TERM=screen, or
/// have asked for no colour at all (NO_COLOR). The screen must stay readable in every
/// case, so the backend degrades instead of failing.
enum ColorCapability: Equatable, Sendable {
    /// All 256 indexed colours, pair numbers 1 through `pairCount - 1`.
    case indexed256(pairCount: Int)
    /// Only the eight basic colours: others map to the nearest one.
    case basic8(pairCount: Int)
    /// No colour: styles keep their attributes only.
    case monochrome

    /// Decides from what ncurses reports after `start_color` and from the environment.
    ///
    /// NO_COLOR counts only when set and non-empty, as no-color.org defines it.
    static func detect(hasColors: Bool, colorCount: Int, pairCount: Int, environment: [String: String]) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard hasColors, colorCount >= 8, pairCount >= 2 else { return .monochrome }
        return colorCount >= 256 ? .indexed256(pairCount: pairCount) : .basic8(pairCount: pairCount)
    }
}
