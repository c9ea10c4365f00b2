import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process of the test: started clean, killed on demand, never waited on forever.
///
/// Not `Foundation.Process`: test threads block most signals and children would inherit
/// that mask, and a daemonising child keeps Process's exit pipe open. Here the child gets
/// an empty signal mask, default signal actions, `/dev/null` for input, its output
/// appended to a file, and no descriptor above 2. Every wait has a deadline; every child
/// is recorded in a `ChildRegistry` that kills what is left when the test ends, failed
/// or not.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    let outputPath: String
    let arguments: [String]
    private let lock = NSLock()
    private var status: Int32?

    struct SpawnFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `arguments[0]` with the rest as its arguments.
    init(_ arguments: [String], outputPath: String, registry: ChildRegistry) throws {
        self.arguments = arguments
        self.outputPath = outputPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // Sockets this process opens must not leak into a child: a proxy socket held
        // open by a station would outlive its cut. Every descriptor is marked
        // close-on-exec, under the lock the proxy holds while it accepts one.
        var child = pid_t()
        let spawned = Self.descriptorLock.withLock {
            Self.markDescriptorsCloseOnExec()
            return posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        }
        guard spawned == 0 else {
            throw SpawnFailure(description: "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        pid = child
        registry.add(self)
    }

    /// The exit status if the child has ended (128 + signal when a signal ended it), else nil.
    var exitStatus: Int32? {
        lock.withLock { reapLocked(blocking: false) }
    }

    var isRunning: Bool { exitStatus == nil }

    /// Sends `signal` unless the child has already been reaped (its pid may be reused).
    func signal(_ signal: Int32) {
        lock.withLock {
            guard reapLocked(blocking: false) == nil else { return }
            _ = Glibc.kill(pid, signal)
        }
    }

    /// SIGKILL, then reap: a killed process ends at once, so the wait is short.
    @discardableResult
    func kill() -> Int32 {
        lock.withLock {
            if let status { return status }
            _ = Glibc.kill(pid, SIGKILL)
            return reapLocked(blocking: true) ?? -1
        }
    }

    /// Waits for the child to end by itself, up to `deadline`; nil if it is still running.
    func wait(until deadline: Date) async -> Int32? {
        while Date() < deadline {
            if let status = exitStatus { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return exitStatus
    }

    /// Everything the child wrote so far.
    func output() -> String {
        (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// Held while spawning, and by code that makes a descriptor and then marks it
    /// close-on-exec, so no child is started between the two.
    static let descriptorLock = NSLock()

    private static func markDescriptorsCloseOnExec() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for entry in entries {
            guard let descriptor = Int32(entry), descriptor > 2 else { continue }
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    private func reapLocked(blocking: Bool) -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
        } while result == -1 && errno == EINTR
        guard result == pid else { return nil }
        let ended = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        status = ended
        return ended
    }
}

/// Every child the test started, so all of them die with the test.
final class ChildRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var children: [ChildProcess] = []

    func add(_ child: ChildProcess) {
        lock.withLock { children.append(child) }
    }

    /// Kills and reaps every child still running.
    func killAll() {
        let all = lock.withLock { children }
        for child in all { child.kill() }
    }
}
