#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses

/// Chooses the locale ncurses draws under, and so whether it can show Unicode at all.
///
/// Under a C locale (LANG unset, as with `env -i` or a bare service account) ncurses
/// prints nothing for non-ASCII text: every box, arrow and accented letter vanishes.
/// So the backend takes the environment's locale when it is UTF-8, else falls back to
/// `C.UTF-8` when the system has it (Debian and most others do), and when no UTF-8
/// locale exists draws with ASCII (`CellCharacters.Repertoire.ascii`) so a screen
/// still reads. The fallback also applies to a non-UTF-8 environment locale such as
/// ISO-8859-1: the screens are drawn in Unicode, and a terminal set to such a locale
/// is rare among the emulators labelers use.
enum LocaleFallback {
    /// What was decided.
    struct Choice: Equatable, Sendable {
        var repertoire: CellCharacters.Repertoire
        /// Whether `C.UTF-8` replaced the environment's locale.
        var usedFallback: Bool
    }

    /// The locale the backend falls back to.
    static let fallbackLocale = "C.UTF-8"

    /// Whether a codeset name, as `nl_langinfo(CODESET)` spells it, is UTF-8.
    static func isUTF8(codeset: String) -> Bool {
        let letters = codeset.lowercased().filter { $0.isLetter || $0.isNumber }
        return letters == "utf8"
    }

    /// Decides from the environment locale's codeset, trying the fallback only when needed.
    ///
    /// - Parameter fallbackCodeset: switches to `C.UTF-8` and returns its codeset, or nil
    ///   when the system has no such locale.
    static func choose(environmentCodeset: String, fallbackCodeset: () -> String?) -> Choice {
        if isUTF8(codeset: environmentCodeset) { return Choice(repertoire: .unicode, usedFallback: false) }
        if let codeset = fallbackCodeset(), isUTF8(codeset: codeset) { return Choice(repertoire: .unicode, usedFallback: true) }
        return Choice(repertoire: .ascii, usedFallback: false)
    }

    /// Sets the process locale and says which repertoire to draw with; call before ncurses starts.
    static func apply() -> Choice {
        setlocale(LC_ALL, "")
        let choice = choose(environmentCodeset: currentCodeset()) {
            guard setlocale(LC_ALL, fallbackLocale) != nil else { return nil }
            return currentCodeset()
        }
        if choice.repertoire == .ascii {
            // The fallback may have half-applied; go back to what the environment asked for.
            setlocale(LC_ALL, "")
        }
        return choice
    }

    private static func currentCodeset() -> String {
        guard let codeset = ld_locale_codeset() else { return "" }
        return String(cString: codeset)
    }
}
