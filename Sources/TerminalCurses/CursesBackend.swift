#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import Foundation
import TerminalCore

/// The terminal backend for real terminals, drawn through ncurses.
///
/// ncurses does the output: it knows each terminal's escape sequences and sends only
/// what changed. Input does not go through ncurses: `getch` with keypad mode guesses
/// differently per terminal and waits a second on a lone Esc, so the backend reads
/// standard input itself and decodes it with `KeyDecoder`, the same decoder the tests
/// exercise. Only this target talks to ncurses.
public final class CursesBackend: TerminalBackend {
    /// How long a lone Esc waits for the rest of a sequence before it counts as Esc.
    ///
    /// Terminals send a whole sequence in one write, so its bytes arrive within a
    /// millisecond even over ssh; 25 ms feels instant to a person.
    static let escapeWait: Duration = .milliseconds(25)

    var colorPairs: ColorPairs
    /// Unicode under a UTF-8 locale, ASCII when the system has none.
    let repertoire: CellCharacters.Repertoire
    var previousFrame: Buffer?
    var cursorVisible = false
    var decoder = KeyDecoder()
    var lastInputTime: ContinuousClock.Instant?
    let clock = ContinuousClock()
    let wakePipe: WakePipe
    private(set) var isRestored = false

    /// Throws the error `init` would for a terminal that can never work (not a
    /// terminal, TERM unset or dumb), without touching it.
    ///
    /// The app calls it first, so a refused terminal leaves no workspace or log behind.
    public static func refuseUnsuitableTerminal() throws(CursesBackendError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        if let refusal = TerminalSuitability.refusal(term: ProcessInfo.processInfo.environment["TERM"]) { throw refusal }
    }

    /// Takes over the terminal: alternate screen, raw input, hidden cursor.
    ///
    /// Throws when standard input or output is not a terminal, or TERM names a
    /// terminal ncurses does not know or one that cannot address the cursor (TERM=dumb);
    /// the error's description says what to do. Chooses the locale first
    /// (`LocaleFallback`) and turns bracketed paste on last.
    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CursesBackendError.notATerminal }
        SignalState.prepare()
        guard !SignalState.terminalOwned.load(ordering: .sequentiallyConsistent) else { throw CursesBackendError.alreadyRunning }
        let term = ProcessInfo.processInfo.environment["TERM"]
        if let refusal = TerminalSuitability.refusal(term: term) { throw refusal }
        // Under the C locale ncurses prints nothing for non-ASCII text.
        repertoire = LocaleFallback.apply().repertoire
        wakePipe = try WakePipe()
        _ = tcgetattr(STDIN_FILENO, SignalState.savedTerminal)
        guard let screen = ld_newterm_on_standard_streams() else {
            wakePipe.close()
            throw CursesBackendError.unknownTerminalType(term ?? "")
        }
        if let refusal = TerminalSuitability.refusal(term: term, hasCursorAddressing: ld_has_cursor_addressing() != 0) {
            _ = endwin()
            delscreen(screen)
            wakePipe.close()
            throw refusal
        }
        SignalState.terminalOwned.store(true, ordering: .sequentiallyConsistent)
        SignalState.stopRequested.store(false, ordering: .relaxed)
        SignalState.resizePending.store(false, ordering: .relaxed)

        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = meta(ld_stdscr(), true)
        _ = curs_set(0)
        // ncurses would otherwise peek at standard input during refresh and cut a
        // frame short when a key is waiting, leaving half a screen until the next one.
        _ = typeahead(-1)

        let hasColors = has_colors()
        var hasDefaultColors = false
        if hasColors {
            _ = start_color()
            hasDefaultColors = use_default_colors() == OK
        }
        let capability = ColorCapability.detect(
            hasColors: hasColors,
            colorCount: Int(ld_colors()),
            pairCount: Int(ld_color_pairs()),
            environment: ProcessInfo.processInfo.environment
        )
        colorPairs = ColorPairs(capability: capability, hasDefaultColors: hasDefaultColors)

        SignalState.wakeWriteEnd.store(wakePipe.writeEnd, ordering: .sequentiallyConsistent)
        SignalHandlers.install()
        SignalHandlers.registerExitRestore()
        TerminalModes.enableBracketedPaste()
    }

    deinit { restore() }

    /// The colours the screen shows, decided at start: render images for this depth.
    ///
    /// It can be below `ColorDepth.detect` for the same environment: COLORTERM=truecolor
    /// under a terminfo entry without direct colour gives 256 here, since ncurses can
    /// only send what the entry describes.
    public var colorDepth: ColorDepth { colorPairs.capability.depth }

    /// The terminal's size now; ncurses updates it on each resize.
    public var size: Size {
        Size(width: Int(ld_cols()), height: Int(ld_lines()))
    }

    /// True once SIGINT, SIGTERM or SIGHUP arrived or the terminal went away.
    ///
    /// The run loop checks it after each `readEvents` and leaves through its normal
    /// path, so work is saved and the terminal restored. Set it to false to carry on
    /// (after asking the person, say).
    public var stopRequested: Bool {
        get { SignalState.stopRequested.load(ordering: .relaxed) }
        set { SignalState.stopRequested.store(newValue, ordering: .relaxed) }
    }

    /// Gives the terminal back: main screen, cooked input, visible cursor.
    ///
    /// Safe to call more than once, and after it the crash and exit handlers leave the
    /// terminal alone.
    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        SignalHandlers.uninstall()
        SignalState.wakeWriteEnd.store(-1, ordering: .sequentiallyConsistent)
        wakePipe.close()
        if SignalState.terminalOwned.exchange(false, ordering: .sequentiallyConsistent) {
            _ = curs_set(1)
            _ = endwin()
            TerminalModes.disableBracketedPaste()
        }
    }
}
