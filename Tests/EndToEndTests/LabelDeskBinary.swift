import Foundation
import GRDB

/// The built `labeldesk` binary and a fresh workspace for it.
struct LabelDeskBinary {
    let path: String
    let workspace: URL

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("labeldesk").path
        path = environment["LABELDESK_BINARY"] ?? beside
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Missing(description: "no labeldesk binary at \(path); build it with `swift build` or set LABELDESK_BINARY")
        }
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-\(UUID().uuidString)")
    }

    struct Missing: Error, CustomStringConvertible { let description: String }

    /// The shell command that starts the terminal workstation on this workspace.
    var terminalCommand: String { "\(path) --workspace \(workspace.path)" }

    /// Runs a subcommand to completion.
    func run(_ arguments: [String], input: String? = nil) -> Spawn.Result {
        Spawn.run([path] + arguments + ["--workspace", workspace.path], input: input)
    }

    func station() throws -> DatabaseQueue { try DatabaseQueue(path: workspace.appendingPathComponent("station.sqlite").path) }

    /// Changes one key of the workspace's settings.json.
    func setSetting(_ key: String, _ value: Any) throws {
        let url = workspace.appendingPathComponent("settings.json")
        var settings = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        settings[key] = value
        try JSONSerialization.data(withJSONObject: settings, options: [.sortedKeys]).write(to: url)
    }

    func removeWorkspace() {
        try? FileManager.default.removeItem(at: workspace)
    }
}
