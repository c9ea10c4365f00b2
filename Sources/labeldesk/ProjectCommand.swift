import ArgumentParser
import Domain
import Foundation
import Hub
import Workstation

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Manage labeling projects at the hub.",
        subcommands: [Create.self, List.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a text classification project.",
            discussion: "Example: labeldesk project create --id topics --title \"News topics\" --labels sport:s,politics,science --multi-label"
        )

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "A short id people type: letters, digits, '-' and '_'.") var id: String
        @Option(help: "The title labelers see.") var title: String
        @Option(help: ArgumentHelp("Comma-separated labels, each optionally NAME:LETTER to pick its key.", valueName: "LABELS")) var labels: String
        @Flag(help: "Let labelers choose several labels per task.") var multiLabel = false
        @Option(help: "The marking of tasks that carry none (UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET, TOP SECRET, TOP SECRET//SCI).") var marking = "UNCLASSIFIED"
        @Option(help: "How long a station holds a leased task, in minutes.") var leaseMinutes = 60
        @Option(help: "Instructions shown to labelers.") var instructions = ""

        func run() throws {
            guard let defaultMarking = Marking(text: marking) else {
                throw UserFacingError("--marking \"\(marking)\" is not a marking; use one of \(Marking.acceptedSpellings)")
            }
            let choices = labels.split(separator: ",").map { part -> LabelChoice in
                let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return LabelChoice(name: pieces[0], mnemonic: pieces.count > 1 ? pieces[1] : nil)
            }
            let project = Project(
                id: id, title: title, labels: choices, allowsMultipleLabels: multiLabel, defaultMarking: defaultMarking,
                leaseSeconds: leaseMinutes * 60, instructions: instructions
            )
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: true))
            try hub.createProject(project, actor: "admin", now: Date())
            print("Created project \(id) with labels \(choices.map(\.name).joined(separator: ", ")).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the hub's projects.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            for project in try hub.projects() {
                let counts = try hub.taskCounts(projectID: project.id)
                print("\(project.id)\t\(project.title)\t\(project.defaultMarking.rawValue)\topen \(counts.open), leased \(counts.leased), done \(counts.done), skipped \(counts.skipped)")
            }
        }
    }
}
