/// Why the curses backend could not take over the terminal.
///
/// Each case reads as a sentence a labeler can act on: the program prints it and exits
/// before any screen is drawn.
public enum CursesBackendError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is a file or pipe, not a terminal.
    case notATerminal
    /// ncurses has no description for the terminal named by TERM.
    case unknownTerminalType(String)
    /// The pipe that lets signal handlers wake the input loop could not be made.
    case cannotCreateWakePipe(errno: Int32)
    /// Another `CursesBackend` owns the terminal already.
    case alreadyRunning

    public var description: String {
        switch self {
        case .notATerminal:
            return "LabelDesk needs a terminal: run it in a terminal window, not with its input or output redirected."
        case .unknownTerminalType(let name):
            let shown = name.isEmpty ? "(not set)" : name
            return "LabelDesk cannot drive this terminal type (TERM=\(shown)): set TERM to one this system knows, such as xterm-256color."
        case .cannotCreateWakePipe(let code):
            return "LabelDesk could not set up its input loop (error \(code) creating a pipe): close some programs or files and try again."
        case .alreadyRunning:
            return "LabelDesk already controls this terminal: restore the first screen before starting another."
        }
    }
}
