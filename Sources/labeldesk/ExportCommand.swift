import ArgumentParser
import Foundation
import Hub
import Sync
import Workstation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a project's labels.",
        discussion: "In a standalone workspace this first sends the station's unsent work to the hub, so the export has every label typed. With --db it exports from that hub file as it is."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
    }

    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @Option(help: "The project to export.") var project: String
    @Option(help: "The output format.") var format: Format = .jsonl
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() async throws {
        let hub: Hub
        var standaloneSyncer: StationSyncer?
        if hubDatabase.isGiven {
            hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
        } else {
            let opened = try workspace.resolved().open()
            hub = opened.hub
            // Only a standalone station sends to this hub; a joined one syncs with its own.
            if opened.link == .standalone { standaloneSyncer = opened.syncer }
        }
        guard try hub.projects().contains(where: { $0.id == project }) else {
            throw UserFacingError("there is no project \"\(project)\"; `labeldesk project list` shows the projects")
        }
        if let standaloneSyncer { _ = try await standaloneSyncer.sync(now: Date(), flushAll: true) }
        let text = try hub.exportJSONL(projectID: project, actor: "admin", now: Date())
        if let out {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw UserFacingError("cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
