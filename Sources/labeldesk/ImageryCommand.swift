import ArgumentParser
import Foundation
import Hub
import Imagery
import Workstation

struct ImageryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imagery",
        abstract: "Bring imagery into geo-box and geo-polygon projects.",
        subcommands: [Add.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cut a scene into chips, one task each, carried to stations with the work.",
            discussion: """
                Any raster GDAL reads: GeoTIFF, NITF, JPEG 2000, PNG, of any size. Each chip is a Cloud-Optimized GeoTIFF \
                with the scene's georeferencing and security fields, kept in the hub's media store; a station fetches the \
                chips its tasks need when it syncs, or takes them from a bundle. Tasks are marked at least as the file's \
                own classification (NITF FSCLAS / ISCLAS). All or nothing: if any chip fails, no task is added.
                """
        )

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project to add the scene's tasks to.") var project: String
        @Option(help: "The side of a chip's part to label, in scene pixels.") var chip = 1024
        @Option(help: "Pixels neighbouring chips share, so nothing on a chip's edge is cut in two.") var overlap = 64
        @Option(help: "Pixels of context shown around each chip's part.") var margin = 128
        @Argument(help: "The scene file.") var scene: String

        func run() throws {
            guard FileManager.default.fileExists(atPath: scene) else {
                throw UserFacingError("there is no file \(scene); check the path")
            }
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            let layout = try ChipLayout(chipSize: chip, overlap: overlap, margin: margin)
            let progress = ProgressLine("opening \(scene)")
            defer { progress.finish() }
            let outcome = try SceneImport.add(
                scene: scene, projectID: project, layout: layout, hub: hub, actor: "admin", now: Date(), progress: progress.step)
            progress.finish()
            print("Added \(outcome.tasks) tasks to \(project) from \(scene) (\(outcome.sceneWidth) x \(outcome.sceneHeight) pixels), marked \(outcome.marking.rawValue).")
        }
    }
}
