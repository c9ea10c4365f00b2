#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import TerminalCore

extension CursesBackend {
    /// Waits up to `timeoutMilliseconds` for keys, a resize or a stop request.
    ///
    /// Returns as soon as anything arrives. A lone Esc is held until 25 ms pass with
    /// no more bytes, since it also starts every escape sequence; a call may therefore
    /// return nothing while it holds one, and the next call finishes the wait.
    public func readEvents(timeoutMilliseconds: Int) -> [InputEvent] {
        guard !isRestored else { return [] }
        let deadline = clock.now.advanced(by: .milliseconds(max(0, timeoutMilliseconds)))
        while !stopRequested {
            let ready = waitForInput(milliseconds: pollTimeout(until: deadline))
            var events: [InputEvent] = []
            if ready.wake { wakePipe.drain() }
            if SignalState.resizePending.exchange(false, ordering: .relaxed) {
                events.append(.resize(applyResize()))
            }
            if ready.input { events += readKeys().map(InputEvent.key) }
            if decoder.hasPendingBytes, escapeWaitIsOver {
                events += decoder.flushPendingEscape().map(InputEvent.key)
            }
            if !events.isEmpty || stopRequested || clock.now >= deadline { return events }
        }
        return []
    }

    /// Milliseconds until the deadline, or until a held Esc should be let go.
    private func pollTimeout(until deadline: ContinuousClock.Instant) -> Int32 {
        var wait = deadline - clock.now
        if decoder.hasPendingBytes, let lastInputTime {
            wait = min(wait, lastInputTime.advanced(by: Self.escapeWait) - clock.now)
        }
        return Self.roundedUpMilliseconds(wait)
    }

    static func roundedUpMilliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }

    private var escapeWaitIsOver: Bool {
        guard let lastInputTime else { return true }
        return clock.now - lastInputTime >= Self.escapeWait
    }

    private func waitForInput(milliseconds: Int32) -> (input: Bool, wake: Bool) {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        // A signal interrupts poll with EINTR; the flags it set are checked by the caller.
        guard poll(&descriptors, 2, milliseconds) > 0 else { return (false, false) }
        let readable = Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR)
        return (descriptors[0].revents & readable != 0, descriptors[1].revents & readable != 0)
    }

    private func readKeys() -> [Key] {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(STDIN_FILENO, &bytes, bytes.count)
        if count > 0 {
            lastInputTime = clock.now
            return decoder.decode(Array(bytes[..<count]))
        }
        if count == 0 || (errno != EAGAIN && errno != EINTR) {
            // End of input: the terminal closed. Stop, rather than spin on a dead descriptor.
            stopRequested = true
        }
        return []
    }

    /// Tells ncurses the new size and forgets the last frame so the next draw is whole.
    private func applyResize() -> Size {
        var rows: Int32 = 0, columns: Int32 = 0
        if ld_terminal_size(STDOUT_FILENO, &rows, &columns) == 0 {
            _ = resizeterm(rows, columns)
        }
        previousFrame = nil
        _ = clear()
        return size
    }
}
