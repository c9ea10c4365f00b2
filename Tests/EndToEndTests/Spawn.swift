import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with a clean signal state, its output captured.
///
/// `CleanSpawn` explains why not `Foundation.Process` (tmux daemonises; test threads
/// block signals).
enum Spawn {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment, input: String? = nil) -> Result {
        let folder = FileManager.default.temporaryDirectory
        let outputPath = folder.appendingPathComponent("spawn-\(UUID().uuidString).out").path
        let inputPath = folder.appendingPathComponent("spawn-\(UUID().uuidString).in").path
        FileManager.default.createFile(atPath: inputPath, contents: Data((input ?? "").utf8))
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: inputPath)
        }
        let pid: pid_t
        do {
            pid = try CleanSpawn.start(arguments, environment: environment, inputPath: inputPath, outputPath: outputPath, appendOutput: false)
        } catch {
            return Result(status: -1, output: "\(error)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return Result(status: CleanSpawn.exitStatus(fromWaitStatus: status), output: output)
    }
}
