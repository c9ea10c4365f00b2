/// Whether the backend can draw a screen on the terminal TERM names.
///
/// The screens need cursor addressing: without it (TERM=dumb, a printing terminal, a
/// terminfo entry without `cup`) ncurses falls back to writing lines one after another
/// and the screen scrolls into a mess. Such a terminal is refused with the same
/// sentence as a TERM this system does not know, since the fix is the same.
enum TerminalSuitability {
    /// Terminal types that never address the cursor, whatever their terminfo says.
    static let typesWithoutCursorAddressing: Set<String> = ["dumb", "unknown"]

    /// Refusal before ncurses starts, from TERM alone; nil when it may be tried.
    static func refusal(term: String?) -> CursesBackendError? {
        let name = term ?? ""
        if name.isEmpty || typesWithoutCursorAddressing.contains(name) { return .unknownTerminalType(name) }
        return nil
    }

    /// Refusal once ncurses has read the terminal's description; nil when it will do.
    static func refusal(term: String?, hasCursorAddressing: Bool) -> CursesBackendError? {
        if let refusal = refusal(term: term) { return refusal }
        return hasCursorAddressing ? nil : .unknownTerminalType(term ?? "")
    }
}
