import ArgumentParser
import Domain
import Foundation
import Hub
import Workstation

struct GoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gold", abstract: "The gold pool: tasks with answer keys, kept only in the hub's database.",
        subcommands: [Import.self, List.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import tasks with their answer keys into a project's gold pool, all or nothing.",
            discussion: """
                The same formats as labeldesk import (jsonl, labelstudio, conll, prodigy, csv, and JSONL chip lists for \
                geo projects), each task with its key: its one annotation, or the one marked ground_truth (Label Studio's \
                ground_truth, or "ground_truth": true in LabelDesk JSONL). Gold item ids share the project's ids with its \
                tasks. The keys never leave the hub's database.
                """)
        @OptionGroup var file: ImportFileOptions

        func run() throws {
            let (hub, records, progress) = try file.read(what: "gold items")
            defer { progress.finish() }
            let count = try hub.importGold(records, projectID: file.project, actor: "admin", now: Date())
            progress.finish()
            print("Added \(count) gold \(count == 1 ? "item" : "items") to \(file.project)'s pool.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a project's gold items with their keys (admin only: the keys are secret).")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            guard try hub.project(id: project) != nil else { throw UserFacingError("there is no project \"\(project)\"; see labeldesk project list") }
            let items = try hub.goldItems(projectID: project)
            guard !items.isEmpty else {
                print("Project \(project) has no gold items; add some with labeldesk gold import --project \(project) FILE.")
                return
            }
            for item in items {
                print("\(item.task.id)\t\(Timestamp.seconds(item.addedAt))\t\(item.source.rawValue)\t\(item.key.summary)")
            }
        }
    }
}
