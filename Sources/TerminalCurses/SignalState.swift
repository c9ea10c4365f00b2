#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Memory that signal handlers share with the backend.
///
/// A handler may run on any thread between any two instructions, so it may touch only
/// what needs no lock, no allocation and no lazy initialisation: lock-free atomics and
/// buffers allocated before any handler is installed. `prepare()` touches every value
/// here once, so Swift's lazy global initialisers never first run inside a handler.
enum SignalState {
    /// Set by SIGINT, SIGTERM and SIGHUP, or when the terminal goes away; the run loop
    /// reads it through `CursesBackend.stopRequested`.
    static let stopRequested = Atomic<Bool>(false)
    /// Set by SIGWINCH; the input loop resizes ncurses' screen when it sees it.
    static let resizePending = Atomic<Bool>(false)
    /// True while ncurses owns the terminal: only then does a crash need to restore it.
    static let terminalOwned = Atomic<Bool>(false)
    /// Write end of the self-pipe that wakes the input loop's `poll`, or -1.
    static let wakeWriteEnd = Atomic<Int32>(-1)
    /// Whether the process-wide `atexit` restore is registered; it can't be undone.
    static let exitRestoreRegistered = Atomic<Bool>(false)

    /// The terminal settings from before ncurses started, for the crash handler.
    nonisolated(unsafe) static let savedTerminal: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()

    /// Highest signal number we handle, plus one; all of them are classic signals below 32.
    static let signalSlots = 32

    /// The actions that were installed before ours, indexed by signal number, so we
    /// can put them back on restore and hand a crash on to them (the Swift runtime's
    /// backtracer registers one for each crash signal).
    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        pointer.initialize(repeating: sigaction(), count: signalSlots)
        return pointer
    }()

    /// Runs every lazy initialiser above outside any signal handler.
    static func prepare() {
        _ = stopRequested.load(ordering: .relaxed)
        _ = resizePending.load(ordering: .relaxed)
        _ = terminalOwned.load(ordering: .relaxed)
        _ = wakeWriteEnd.load(ordering: .relaxed)
        _ = exitRestoreRegistered.load(ordering: .relaxed)
        _ = savedTerminal
        _ = previousActions
    }

    /// Wakes the input loop's `poll`; safe inside a signal handler.
    ///
    /// The pipe is non-blocking, so a full pipe drops the byte instead of hanging the
    /// handler; a full pipe already wakes the loop.
    static func wakeInputLoop() {
        let descriptor = wakeWriteEnd.load(ordering: .relaxed)
        guard descriptor >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(descriptor, &byte, 1)
    }
}
