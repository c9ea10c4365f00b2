import Foundation

/// `labeldesk serve` as a child process on 127.0.0.1, port 0, killed and started again at will.
///
/// Each start gets its own output file; the port is read from the line the server
/// prints once it listens.
final class HubServer: @unchecked Sendable {
    let binary: String
    let databasePath: String
    let folder: URL
    let registry: ChildRegistry
    private(set) var process: ChildProcess?
    private var killedByTest = false
    private(set) var port: Int?
    private(set) var starts = 0
    private(set) var kills = 0
    /// Runs that ended without the test killing them, with the end of their output.
    private(set) var unexpectedExits: [String] = []

    struct NotListening: Error, CustomStringConvertible {
        var description: String
    }

    init(binary: String, databasePath: String, folder: URL, registry: ChildRegistry) {
        self.binary = binary
        self.databasePath = databasePath
        self.folder = folder
        self.registry = registry
    }

    var isRunning: Bool { process?.isRunning ?? false }

    /// Starts the server and returns its port once it listens (within 20 s).
    @discardableResult
    func start() async throws -> Int {
        if let previous = process, let status = previous.exitStatus, !killedByTest {
            unexpectedExits.append("run \(starts) ended with \(status): \(previous.output().suffix(500))")
        }
        killedByTest = false
        starts += 1
        let output = folder.appendingPathComponent("hub-\(starts).out").path
        let child = try ChildProcess(
            [binary, "serve", "--db", databasePath, "--listen", "127.0.0.1:0", "--log", folder.appendingPathComponent("hub.log").path],
            outputPath: output, registry: registry)
        process = child
        port = nil
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let found = Self.port(in: child.output()) {
                port = found
                return found
            }
            if let status = child.exitStatus {
                throw NotListening(description: "the hub exited with status \(status) before listening: \(child.output())")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        child.kill()
        throw NotListening(description: "the hub did not print its port within 20 s: \(child.output())")
    }

    /// SIGKILL: no shutdown, no finished requests, whatever the database was doing.
    func kill() {
        guard let process, process.isRunning else { return }
        process.kill()
        killedByTest = true
        kills += 1
        port = nil
    }

    static func port(in output: String) -> Int? {
        let marker = "listening on http://127.0.0.1:"
        guard let range = output.range(of: marker) else { return nil }
        return Int(output[range.upperBound...].prefix { $0.isNumber })
    }
}
