#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal modes ncurses does not know about, switched with xterm's private sequences.
///
/// Bracketed paste makes the terminal wrap pasted text in `ESC[200~ ... ESC[201~`, which
/// `KeyDecoder` turns into one `Key.paste`: pasted text is then inserted, never run as
/// commands. The mode outlives the program, so every exit path turns it off: `restore`,
/// the `atexit` handler and the crash handler (which writes its own copy of the bytes).
/// Terminals without the mode ignore both sequences.
enum TerminalModes {
    static let bracketedPasteOn: StaticString = "\u{1B}[?2004h"
    static let bracketedPasteOff: StaticString = "\u{1B}[?2004l"

    static func enableBracketedPaste() { send(bracketedPasteOn) }

    static func disableBracketedPaste() { send(bracketedPasteOff) }

    /// Straight to the descriptor, after ncurses has flushed its own output.
    private static func send(_ sequence: StaticString) {
        _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
    }
}
