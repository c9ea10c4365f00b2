import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a child process of a test with a clean slate: empty signal mask, default
/// signal actions, stdin from a file, stdout and stderr to a file, and none of the
/// test's own descriptors.
///
/// Not `Foundation.Process`: test threads block most signals and children inherit that
/// mask (tmux then ignores kill-server, the app never sees SIGWINCH), and a daemonising
/// child keeps Process's exit pipe open so `waitUntilExit` never returns.
public enum CleanSpawn {
    /// Held while descriptors are marked close-on-exec and the child is spawned. Code
    /// that opens a descriptor no child may inherit (a proxy's sockets) holds it too.
    public static let descriptorLock = NSLock()

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `arguments[0]` (looked up on PATH) and returns its pid.
    public static func start(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        inputPath: String, outputPath: String, appendOutput: Bool
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | (appendOutput ? O_APPEND : O_TRUNC), 0o600)
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
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child = pid_t()
        let spawned = descriptorLock.withLock {
            markDescriptorsCloseOnExec()
            return posix_spawnp(&child, arguments[0], &actions, &attributes, argv, envp)
        }
        guard spawned == 0 else {
            throw Failure(description: "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        return child
    }

    /// An exit status as a shell reports it: the code, or 128 + the signal that ended it.
    public static func exitStatus(fromWaitStatus status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Keeps this test process's own pipes and sockets out of every child.
    private static func markDescriptorsCloseOnExec() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for entry in entries {
            guard let descriptor = Int32(entry), descriptor > 2 else { continue }
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }
}
