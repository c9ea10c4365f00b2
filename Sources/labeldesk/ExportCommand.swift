import ArgumentParser
import Foundation
import Hub
import Interchange
import Sync
import Domain
import Workstation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a project's work in any format; with --all, every task, labeled or not.",
        discussion: """
            In a standalone workspace this first sends the station's unsent work to the hub, so the export has every \
            label typed. With --db it exports from that hub file as it is. A file is written whole or not at all: \
            to a temporary file renamed at the end.
            """
    )

    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @OptionGroup var formatOption: FormatOption
    @Option(help: "The project to export.") var project: String
    @Flag(help: "Every task, with its predictions and annotations, labeled or not: what moving a project needs.") var all = false
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() async throws {
        let format = try formatOption.resolved(for: out)
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
        guard try hub.project(id: project) != nil else {
            throw UserFacingError("there is no project \"\(project)\"; `labeldesk project list` shows the projects")
        }
        if let standaloneSyncer { _ = try await standaloneSyncer.sync(now: Date(), flushAll: true) }
        let progress = ProgressLine("reading \(project) from the hub")
        defer { progress.finish() }
        let (found, records) = try hub.exportRecords(projectID: project, all: all, actor: "admin", now: Date())
        progress.step("writing \(records.count) tasks as \(format.name)")
        var options = try formatOption.options()
        // Shapes are kept in chip pixels; formats in map coordinates read each chip's
        // georeferencing from the hub's media store.
        options.georeferencing = ChipLibrary { media in hub.mediaFile(media) }
        let data = try Formats.write(records, as: format, project: found, options: options)
        progress.finish()
        if let out {
            do {
                try data.write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw UserFacingError("cannot write \(out): \(error.localizedDescription)")
            }
            FileHandle.standardError.write(Data("Exported \(records.count) tasks of \(project) to \(out).\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
