import ArgumentParser
import Domain
import Foundation
import Hub
import Interchange
import Workstation

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Manage labeling projects at the hub.",
        subcommands: [Create.self, List.self, Show.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a project: from a project file (any kind), or a classification project from options.",
            discussion: """
                Any kind, from a file: labeldesk project create --file spans.json (see README, "Project files";                 `labeldesk project show P --json` prints one back). A classification project from options:                 labeldesk project create --id topics --title "News topics" --labels sport:s,politics,science --multi-label
                """
        )

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: ArgumentHelp("A project file (JSON), or a Label Studio labeling config (.xml) with --id and --title.", valueName: "FILE")) var file: String?
        @Option(help: "A short id people type: letters, digits, '-' and '_'.") var id: String?
        @Option(help: "The title labelers see.") var title: String?
        @Option(help: ArgumentHelp("Comma-separated labels, each optionally NAME:LETTER to pick its key.", valueName: "LABELS")) var labels: String?
        @Flag(help: "Let labelers choose several labels per task.") var multiLabel = false
        @Option(help: "The marking of tasks that carry none (UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET, TOP SECRET, TOP SECRET//SCI).") var marking = "UNCLASSIFIED"
        @Option(help: "How long a station holds a leased task, in minutes.") var leaseMinutes = 60
        @Option(help: "Instructions shown to labelers.") var instructions = ""

        func run() throws {
            let project = try file.map(projectFromFile) ?? projectFromOptions()
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: true))
            try hub.createProject(project, actor: "admin", now: Date())
            let what = project.kind == .comparison
                ? "dimensions \(project.dimensions.map(\.name).joined(separator: ", "))"
                : project.kind == .freeText ? "a minimum answer of \(project.minimumAnswerLength) characters"
                : (project.kind == .spans ? "entity types " : project.kind.isGeospatial ? "classes " : "labels ") + project.labels.map(\.name).joined(separator: ", ")
            print("Created \(project.kind.title) project \(project.id) with \(what).")
        }

        private func projectFromFile(_ path: String) throws -> Project {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UserFacingError("cannot read \(path); check the path and that you may read it")
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            if path.lowercased().hasSuffix(".xml") { return try labelStudioProject(data, fileName: name) }
            guard id == nil, title == nil, labels == nil else {
                throw UserFacingError("--file holds the whole project; leave out --id, --title and --labels, or put them in the file")
            }
            return try ProjectFile.read(data, fileName: name)
        }

        private func projectFromOptions() throws -> Project {
            guard let id, let title, let labels else {
                throw UserFacingError("give --file PROJECT.json, or --id, --title and --labels for a classification project")
            }
            guard let defaultMarking = Marking(text: marking) else {
                throw UserFacingError("--marking \"\(marking)\" is not a marking; use one of \(Marking.acceptedSpellings)")
            }
            let choices = labels.split(separator: ",").map { part -> LabelChoice in
                let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return LabelChoice(name: pieces[0], mnemonic: pieces.count > 1 ? pieces[1] : nil)
            }
            return Project(
                id: id, title: title, labels: choices, allowsMultipleLabels: multiLabel, defaultMarking: defaultMarking,
                leaseSeconds: leaseMinutes * 60, instructions: instructions
            )
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one project; with --json, as the project file that made it.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: "The project's id.") var project: String
        @Flag(help: "Print the project file (what `project create --file` takes).") var json = false

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            guard let found = try hub.project(id: project) else {
                throw UserFacingError("there is no project \"\(project)\"; `labeldesk project list` shows the projects")
            }
            if json {
                print(ProjectFile.text(of: found), terminator: "")
                return
            }
            let counts = try hub.taskCounts(projectID: found.id)
            print("\(found.id): \(found.title)")
            print("kind: \(found.kind.title); default marking \(found.defaultMarking.rawValue); leases of \(found.leaseSeconds / 60) min")
            if !found.instructions.isEmpty { print("instructions: \(found.instructions)") }
            if !found.labels.isEmpty { print((found.kind == .spans ? "entity types: " : found.kind.isGeospatial ? "classes: " : "labels: ") + found.labels.map(\.name).joined(separator: ", ")) }
            if !found.dimensions.isEmpty { print("dimensions: " + found.dimensions.map(\.name).joined(separator: ", ")) }
            print("tasks: open \(counts.open), leased \(counts.leased), done \(counts.done), skipped \(counts.skipped)")
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
                print("\(project.id)\t\(project.title)\t\(project.kind.rawValue)\t\(project.defaultMarking.rawValue)\topen \(counts.open), leased \(counts.leased), done \(counts.done), skipped \(counts.skipped)")
            }
        }
    }
}

extension ProjectCommand.Create {
    /// A Label Studio labeling config, as a Label Studio team brings its project.
    func labelStudioProject(_ data: Data, fileName: String) throws -> Project {
        guard let id, let title else {
            throw UserFacingError("a Label Studio config holds no id or title: add --id and --title")
        }
        guard let xml = String(data: data, encoding: .utf8) else { throw UserFacingError("\(fileName) is not UTF-8 text") }
        var project = try LabelStudioConfig.project(fromXML: xml, id: id, title: title, fileName: fileName)
        if !instructions.isEmpty { project.instructions = instructions }
        return project
    }
}
