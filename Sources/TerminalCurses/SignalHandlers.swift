#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses

/// The signal handlers the backend installs while it owns the terminal.
///
/// Stop signals (SIGINT, SIGTERM, SIGHUP) only ask the run loop to stop, so the app
/// can save and restore the terminal on its normal path. SIGWINCH only flags a resize.
/// Crash signals cannot return to the program, so their handler restores the terminal
/// itself with async-signal-safe calls, then lets the crash proceed: otherwise a crash
/// leaves the labeler's shell with no echo, no cursor and the alternate screen.
enum SignalHandlers {
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let resizeSignal: Int32 = SIGWINCH
    /// Swift's runtime traps raise SIGILL (x86-64) or SIGTRAP (arm64).
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    static var allSignals: [Int32] { stopSignals + [resizeSignal] + crashSignals }

    /// What the crash handler writes: bracketed paste off, main screen, plain
    /// attributes, visible cursor. A static string, so the handler allocates nothing.
    static let crashReset: StaticString = "\u{1B}[?2004l\u{1B}[?1049l\u{1B}[0m\u{1B}[?25h\r\n"

    /// Installs every handler, remembering the actions they replace.
    static func install() {
        SignalState.prepare()
        for signal in allSignals {
            _ = sigaction(signal, nil, SignalState.previousActions + Int(signal))
        }
        for signal in stopSignals { setHandler(signal, handleStop, flags: 0) }
        setHandler(resizeSignal, handleResize, flags: 0)
        // SA_ONSTACK: a stack overflow can only be handled on the alternate stack the
        // Swift runtime sets up; without one the flag does nothing.
        for signal in crashSignals { setHandler(signal, handleCrash, flags: SA_ONSTACK) }
    }

    /// Puts back the actions that were there before `install`.
    static func uninstall() {
        for signal in allSignals {
            _ = sigaction(signal, SignalState.previousActions + Int(signal), nil)
        }
    }

    /// Registers the exit-time restore once per process.
    ///
    /// A path that calls `exit` without `restore` (a library, a forgotten return)
    /// would otherwise leave the terminal in raw mode.
    static func registerExitRestore() {
        guard !SignalState.exitRestoreRegistered.exchange(true, ordering: .relaxed) else { return }
        atexit {
            guard SignalState.terminalOwned.exchange(false, ordering: .sequentiallyConsistent) else { return }
            _ = endwin()
            TerminalModes.disableBracketedPaste()
        }
    }

    /// No SA_RESTART for any of them: `poll` must return early so the loop sees a flag at once.
    private static func setHandler(_ signal: Int32, _ handler: @escaping @convention(c) (Int32) -> Void, flags: Int32) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        _ = sigaction(signal, &action, nil)
    }
}

/// Asks the run loop to stop; async-signal-safe.
private func handleStop(_ signal: Int32) {
    let savedErrno = errno
    SignalState.stopRequested.store(true, ordering: .relaxed)
    SignalState.wakeInputLoop()
    errno = savedErrno
}

/// Flags a resize; async-signal-safe. Several SIGWINCH in a row make one resize.
private func handleResize(_ signal: Int32) {
    let savedErrno = errno
    SignalState.resizePending.store(true, ordering: .relaxed)
    SignalState.wakeInputLoop()
    errno = savedErrno
}

/// Restores the terminal, then lets the crash continue as it would have without us.
///
/// Only async-signal-safe calls: `tcsetattr` with the settings saved at start, and
/// `write` of the escape sequences that turn bracketed paste off, leave the alternate
/// screen, reset colours and attributes, and show the cursor. The signal, blocked while this handler runs, is
/// raised again and delivered on return to the action that was there before ours:
/// the default (terminate, dump core) or the Swift runtime's backtracer, which then
/// prints its report onto the restored terminal.
private func handleCrash(_ signal: Int32) {
    if SignalState.terminalOwned.exchange(false, ordering: .sequentiallyConsistent) {
        let reset = SignalHandlers.crashReset
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, SignalState.savedTerminal)
    }
    _ = sigaction(signal, SignalState.previousActions + Int(signal), nil)
    _ = raise(signal)
}
