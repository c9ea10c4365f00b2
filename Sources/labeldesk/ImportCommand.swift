import ArgumentParser
import Domain
import Foundation
import Hub
import Interchange
import Workstation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import tasks (and work already done on them) into a project, all or nothing.",
        discussion: """
            Formats: jsonl (LabelDesk JSONL, every kind), labelstudio (Label Studio JSON), conll (token TAB tag), prodigy (Prodigy JSONL), csv (classification). \
            LabelDesk JSONL, one task per line: {"text": "...", "id": "...", "marking": "SECRET", "priority": 5, "meta": {...}}; \
            only "text" is required. A chip list for a geo-box or geo-polygon project names an image file on each line: \
            {"image": "tiles/a.tif", "window": [x, y, width, height], "id": "...", "predictions": [...]}; the path is relative \
            to the list's folder, the optional window is the part to label (in the file's pixels, as the shapes are), and \
            each window is cut into a chip with --margin pixels of context and stored for the stations. If any record is wrong, nothing is imported and the error says FILE:LINE (or the \
            JSON path): what is wrong and how to fix it.
            """
    )

    @OptionGroup var file: ImportFileOptions

    func run() throws {
        let opened = try file.open()
        let tasks: Int, annotations: Int
        if opened.project.kind.isGeospatial {
            // A chip list's windows are cut and stored before its tasks can go in.
            let (hub, records, progress) = try file.read(opened, what: "tasks")
            defer { progress.finish() }
            (tasks, annotations) = try hub.importRecords(records, projectID: file.project, actor: "admin", now: Date())
        } else {
            // Each piece of the file stored while the next are read.
            let progress = ProgressLine("importing \(file.file) as \(opened.format.name)")
            defer { progress.finish() }
            (tasks, annotations) = try opened.hub.importFile(
                opened.data, as: opened.format, fileName: opened.fileName, projectID: file.project, options: try file.formatOption.options(),
                actor: "admin", now: Date()
            ) { done, count in
                // After the last piece the indexes are made and the file committed.
                if done == count { progress.step("making the indexes and committing") } else { progress.fraction(done, of: count) }
            }
        }
        print("Imported \(tasks) tasks into \(file.project)" + (annotations > 0 ? ", with \(annotations) annotations done elsewhere." : "."))
    }
}

/// What `import` and `gold import` both take: the hub, the project, the file and its
/// format, and the margin for a chip list's windows.
struct ImportFileOptions: ParsableArguments {
    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @OptionGroup var formatOption: FormatOption
    @Option(help: "The project to import into.") var project: String
    @Option(help: "Chip lists: pixels of context kept around each window.") var margin = 128
    @Argument(help: "The file.") var file: String

    /// The hub, the project, the file's bytes and its format, each checked.
    struct Opened {
        let hub: Hub
        let project: Project
        let format: any TaskFormat.Type
        let data: Data
        let fileName: String
    }

    func open() throws -> Opened {
        let format = try formatOption.resolved(for: file)
        let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
        guard let target = try hub.project(id: project) else {
            throw UserFacingError("there is no project \"\(project)\"; create it first with: labeldesk project create --file PROJECT.json")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UserFacingError("cannot read \(file); check the path and that you may read it")
        }
        return Opened(hub: hub, project: target, format: format, data: data, fileName: URL(fileURLWithPath: file).lastPathComponent)
    }

    /// Reads the opened file into records, a chip list's windows cut and stored; the
    /// progress line is left running for the caller's write.
    func read(_ opened: Opened? = nil, what: String) throws -> (Hub, [InterchangeRecord], ProgressLine) {
        let opened = try opened ?? open()
        let progress = ProgressLine("reading \(file) as \(opened.format.name)")
        var records = try Formats.read(opened.data, as: opened.format, fileName: opened.fileName, project: opened.project, options: formatOption.options())
        if records.contains(where: { $0.imageSource != nil }) {
            guard margin >= 0 else { throw UserFacingError("--margin is pixels of context around each window: 0 or more, not \(margin)") }
            records = try ChipListImport.resolve(
                records, folder: URL(fileURLWithPath: file).deletingLastPathComponent(), fileName: opened.fileName, project: opened.project,
                hub: opened.hub, margin: margin, now: Date(), progress: progress.step)
        }
        progress.step("writing \(records.count) \(what) to the hub")
        return (opened.hub, records, progress)
    }
}
