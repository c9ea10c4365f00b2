import ArgumentParser
import Domain
import Foundation
import Hub
import Workstation

struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags", abstract: "Tasks labelers flagged for the shift lead.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List flagged tasks, newest first, with the labeler's note.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "Only this project's flags.") var project: String?

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            let rows = try hub.flags(projectID: project)
            guard !rows.isEmpty else {
                print("No flagged tasks\(project.map { " in \($0)" } ?? "").")
                return
            }
            for row in rows {
                let skipped = row.skipReason.map { " (skipped: \($0))" } ?? ""
                print("\(Timestamp.seconds(row.flaggedAt))\t\(row.projectID)/\(row.taskID)\t\(row.username)@\(row.stationID)\(skipped)\t\(row.note)")
            }
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports from the hub's data.", subcommands: [Predictions.self])

    struct Predictions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How often model predictions were accepted unchanged: per label, per model version, per person.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            print(try hub.predictionReport(projectID: project).text, terminator: "")
        }
    }
}
