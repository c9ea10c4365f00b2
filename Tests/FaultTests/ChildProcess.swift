import Foundation
import TestSupport
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

    /// Starts `arguments[0]` with the rest as its arguments.
    init(_ arguments: [String], outputPath: String, registry: ChildRegistry) throws {
        self.arguments = arguments
        self.outputPath = outputPath
        pid = try CleanSpawn.start(arguments, inputPath: "/dev/null", outputPath: outputPath, appendOutput: true)
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

    private func reapLocked(blocking: Bool) -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
        } while result == -1 && errno == EINTR
        guard result == pid else { return nil }
        let ended = CleanSpawn.exitStatus(fromWaitStatus: raw)
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
