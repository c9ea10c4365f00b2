import Foundation
import Testing

/// A private tmux server running one program, driven as a person would drive it.
///
/// Waits poll the screen until the expected text shows; there is no fixed sleep.
final class TmuxSession {
    let socket = "labeldesk-e2e-\(UUID().uuidString.prefix(8))"
    let width: Int
    let height: Int

    init(width: Int = 100, height: Int = 30) {
        self.width = width
        self.height = height
    }

    deinit {
        _ = tmux(["kill-server"])
    }

    @discardableResult
    func tmux(_ arguments: [String]) -> Spawn.Result {
        Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// Starts `command` (a shell command line) in a new session of the given size.
    func start(_ command: String) {
        // After a SIGKILL the terminal is still raw: `stty sane` so the marker reads cleanly.
        let pane = "env -u LC_ALL LANG=C.UTF-8 TERM=tmux-256color \(command); status=$?; stty sane 2>/dev/null; printf '\\r\\n[exited %s]\\r\\n' $status; sleep 3600"
        let result = tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", pane])
        #expect(result.status == 0, "tmux new-session failed: \(result.output)")
    }

    func send(_ keys: String...) {
        tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types text literally, one key per character.
    func type(_ text: String) {
        tmux(["send-keys", "-t", "0", "-l", text])
    }

    func screen() -> String {
        tmux(["capture-pane", "-p", "-t", "0"]).output
    }

    /// The pid of the program in the pane (the shell's child).
    func programPID(named name: String) -> Int32? {
        let shell = tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = Spawn.run(["pgrep", "-P", shell, "-x", name]).output
        return children.split(separator: "\n").first.flatMap { Int32($0) }
    }

    /// Waits until the screen no longer contains `text`; records a failure with the screen if it still does.
    @discardableResult
    func waitUntilGone(_ text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        wait(timeout: timeout, for: "\"\(text)\" to go", sourceLocation: sourceLocation) { !$0.contains(text) }
    }

    /// Waits until the screen contains `text`; records a failure with the screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        wait(timeout: timeout, for: "\"\(text)\"", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until `done` holds of the screen; records a failure with the screen if it never does.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation, _ done: (String) -> Bool) -> Bool {
        wait(timeout: timeout, for: "the screen to change as expected", sourceLocation: sourceLocation, until: done)
    }

    /// Polls the screen until `done` holds of it; records a failure naming `what` with the screen if it never does.
    private func wait(timeout: TimeInterval, for what: String, sourceLocation: SourceLocation, until done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if done(last) { return true }
            usleep(20_000)
        }
        Issue.record("waited \(Int(timeout)) s for \(what); the screen shows:\n\(last)", sourceLocation: sourceLocation)
        return false
    }
}
