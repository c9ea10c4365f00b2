import ArgumentParser
import Domain
import Foundation
import Hub
import Imagery
import Interchange
import Workstation

struct PredictionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predictions",
        abstract: "Attach a model's shapes to the imagery tasks they fall on.",
        subcommands: [Import.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Place the shapes of a GeoJSON or COCO file onto a geo project's chips as a model's predictions.",
            discussion: """
                GeoJSON in any coordinate system GDAL knows: the file's `crs` member, or --crs where the file has none \
                (else WGS 84). COCO counts in the source scene's pixels. A shape across chips goes to each, clipped; one \
                outside every chip is reported by its number. Only open tasks change: work already shown to a labeler \
                keeps what it showed. All or nothing on a bad file.
                """
        )

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The geo-box or geo-polygon project.") var project: String
        @Option(help: "The file's coordinate system when it names none: EPSG:NNNN or WKT.") var crs: String?
        @Option(help: "The model's name, shown with its predictions.") var model: String?
        @Argument(help: "The GeoJSON or COCO file.") var file: String

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            guard let target = try hub.project(id: project) else {
                throw UserFacingError("there is no project \"\(project)\"; `labeldesk project list` shows the projects")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UserFacingError("cannot read \(file); check the path and that you may read it")
            }
            let library = ChipLibrary { media in hub.mediaFile(media) }
            let chips = try hub.tasks(projectID: project).compactMap { task -> GeoChip? in
                guard let image = task.image else { return nil }
                return GeoChip(taskID: task.id, image: image, georeference: try library.georeference(of: image))
            }
            guard !chips.isEmpty else {
                throw UserFacingError("project \"\(project)\" has no imagery yet; add a scene first with: labeldesk imagery add --project \(project) SCENE")
            }
            let placed = try GeoPredictionImport.place(
                data, fileName: URL(fileURLWithPath: file).lastPathComponent, project: target, chips: chips, crs: crs, model: model,
                converterFor: { crs in try CoordinateTransformer(crs: crs) })
            let predictions = chips.compactMap { chip in placed.predictions[chip.taskID].map { (taskID: chip.taskID, prediction: $0) } }
            let changed = try hub.attachPredictions(predictions, projectID: project, actor: "admin", now: Date())
            print("Attached predictions to \(changed.count) tasks of \(project) from \(file) (\(placed.format), \(placed.crs)).")
            if changed.count < predictions.count {
                print("\(predictions.count - changed.count) tasks were already leased or done and keep what their labelers saw.")
            }
            if let outside = placed.outsideSentence { print(outside) }
            for refusal in placed.refused { print("Left out \(refusal.number) on task \(refusal.taskID): \(refusal.reason)") }
        }
    }
}
