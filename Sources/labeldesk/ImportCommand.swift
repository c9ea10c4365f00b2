import ArgumentParser
import Domain
import Foundation
import Hub
import Workstation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import tasks from a JSONL file into a project, all or nothing.",
        discussion: """
            One task per line: {"text": "...", "id": "...", "marking": "SECRET", "priority": 5, "meta": {...}}. \
            Only "text" is required. If any line is wrong, nothing is imported and the error says FILE:LINE: what is wrong.
            """
    )

    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @Option(help: "The project to import into.") var project: String
    @Argument(help: "The JSONL file.") var file: String

    func run() throws {
        let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
        guard let target = try hub.projects().first(where: { $0.id == project }) else {
            throw UserFacingError("there is no project \"\(project)\"; create it first with: labeldesk project create --id \(project) ...")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UserFacingError("cannot read \(file); check the path and that you may read it")
        }
        let tasks = try TaskFileParser.parse(contents: data, fileName: URL(fileURLWithPath: file).lastPathComponent, project: target)
        let count = try hub.importTasks(projectID: project, tasks: tasks, actor: "admin", now: Date())
        print("Imported \(count) tasks into \(project).")
    }
}
