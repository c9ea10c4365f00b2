import Domain
import Foundation
import Hub
import Store
import Sync

/// The built-in demo: a sentiment project on real sentences from SST-2, a labeler
/// account, and tasks already leased to the station so the first run shows real work.
public enum DemoWorkspace {
    public static let username = "demo"
    public static let password = "demo-labeler"
    public static let projectID = "sentiment"

    public static let project = Project(
        id: projectID, title: "Movie review sentiment", labels: [LabelChoice(name: "negative", mnemonic: "n"), LabelChoice(name: "positive", mnemonic: "p")],
        defaultMarking: .unclassified, leaseSeconds: 3600,
        instructions: "Is the reviewer's opinion of the film negative or positive?"
    )

    /// Writes the demo into `workspace`, replacing what was there.
    public static func create(in workspace: Workspace, assets: URL, now: Date) throws {
        let fileManager = FileManager.default
        for path in [workspace.stationPath, workspace.hubPath] {
            for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: path + suffix) }
        }
        try? fileManager.removeItem(at: workspace.settingsURL)
        let settings = WorkspaceSettings(
            stationID: "demo-station",
            loginHint: "Demo workspace: log in as \(username) with password \(password)",
            isDemo: true
        )
        try workspace.prepare(settings: settings)
        let opened = try workspace.open()
        try opened.hub.createProject(project, actor: "system", now: now)
        let tasks = try sentences(from: assets.appendingPathComponent("demo/sst2.dev.txt"))
        _ = try opened.hub.importTasks(projectID: projectID, tasks: tasks, actor: "system", now: now)
        try opened.addAccount(Account(username: username, displayName: "Demo Labeler", role: .labeler), password: password, now: now)
    }

    /// Reads SST-2's `LABEL sentence` lines into tasks.
    ///
    /// The gold label in the first column is the answer key: it stays out of the task
    /// (and so off the station); the golden-items work will load it at the hub.
    static func sentences(from file: URL) throws -> [LabelTask] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var tasks: [LabelTask] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard let space = line.firstIndex(of: " ") else { continue }
            let sentence = line[line.index(after: space)...].trimmingCharacters(in: .whitespaces)
            guard !sentence.isEmpty else { continue }
            let number = index + 1
            tasks.append(LabelTask(
                id: String(format: "sst2-dev-%04d", number), projectID: projectID, text: sentence, marking: .unclassified,
                priority: 0, meta: "{\"line\":\(number),\"source\":\"SST-2 dev\"}"
            ))
        }
        return tasks
    }

    /// Finds the Assets folder: `$LABELDESK_ASSETS`, then up from the executable (a
    /// build in a clone), then the current folder, then the system install location.
    public static func locateAssets(executable: String = CommandLine.arguments.first ?? "", environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        var candidates: [URL] = []
        if let explicit = environment["LABELDESK_ASSETS"] { candidates.append(URL(fileURLWithPath: explicit)) }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("Assets"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Assets"))
        candidates.append(URL(fileURLWithPath: "/usr/share/labeldesk/Assets"))
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("demo/sst2.dev.txt").path) {
            return candidate
        }
        throw WorkspaceError.assetsMissing(searched: candidates.map(\.path))
    }
}
