import Domain
import Foundation
@testable import Hub
import Imagery
import Interchange
import Store
import Testing
@testable import Workstation

/// `imagery add` on a real scene, and the chips read back as the station and exports read them.
@Suite("Scenes become chip tasks")
struct SceneImportTests {
    static let scene = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/geo-labels/sample_geotiff.tif").path

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-scenes-\(UUID().uuidString)")

    func hub(with project: Project) throws -> Hub {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hub = Hub(database: try HubDatabase(path: folder.appendingPathComponent("hub.sqlite").path))
        try hub.createProject(project, actor: "admin", now: Date())
        return hub
    }

    @Test func aSceneIsCutIntoOneTaskPerChipWhosePixelsAndPlaceAreTheScenes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a box project and the SpaceNet scene (900 x 900, UTM 16N)
        let hub = try hub(with: DemoWorkspace.boxes)
        let layout = try ChipLayout(chipSize: 450, overlap: 32, margin: 32)

        // When the scene is added
        let outcome = try SceneImport.add(scene: Self.scene, projectID: DemoWorkspace.boxes.id, layout: layout, hub: hub, actor: "admin", now: Date())

        // Then there is one task per placement, each naming a stored chip and its window
        let placements = layout.placements(width: 900, height: 900)
        #expect(outcome.tasks == placements.count)
        let (_, records) = try hub.exportRecords(projectID: DemoWorkspace.boxes.id, all: true, actor: "admin", now: Date())
        #expect(records.map { $0.task.image?.chip } == placements.map(\.window))
        #expect(records.map { $0.task.image?.focus } == placements.map(\.focus))
        let library = ChipLibrary { media in hub.mediaFile(media) }
        let scene = try Raster.open(Self.scene)
        for record in records {
            let image = try #require(record.task.image)
            #expect(image.scene == "sample_geotiff.tif")
            // The chip's georeferencing is the scene's at the chip's corner
            let georeference = try library.georeference(of: image)
            let corner = try #require(scene.info.geoTransform).map(PixelPoint(x: Double(image.chip.x), y: Double(image.chip.y)))
            #expect(georeference.transform.map(PixelPoint(x: 0, y: 0)) == corner)
            #expect(georeference.crs == "EPSG:32616")
            // A chip pixel holds the scene pixel it was cut from
            let readout = try library.readout(.init(media: image.media, column: 17, row: 41))
            #expect(readout.values == (try scene.pixelValues(column: image.chip.x + 17, row: image.chip.y + 41)))
            let geographic = try #require(readout.geographic)
            #expect(abs(geographic.latitude - 33.6) < 0.2 && abs(geographic.longitude + 84.4) < 0.2, "Atlanta: \(geographic)")
            #expect(readout.mgrs?.hasPrefix("16S") == true, "\(readout.mgrs ?? "none")")
        }
        // And a viewport comes back at the size asked for
        let first = try #require(records.first?.task.image)
        let picture = try library.viewport(.init(media: first.media, window: .init(x: 0, y: 0, width: 482, height: 482), outputWidth: 160, outputHeight: 96))
        #expect(picture.width == 160 && picture.height == 96)
    }

    @Test func aSceneGoesOnlyIntoAGeoProjectAndAMissingChipIsASentence() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try hub(with: DemoWorkspace.project)
        #expect(throws: HubError.self) {
            try SceneImport.add(scene: Self.scene, projectID: DemoWorkspace.project.id, layout: try ChipLayout(), hub: hub, actor: "admin", now: Date())
        }
        let library = ChipLibrary { _ in nil }
        let media = MediaReference(sha256: String(repeating: "ab", count: 32), byteCount: 10)
        #expect {
            try library.readout(.init(media: media, column: 0, row: 0))
        } throws: { error in
            "\(error)".contains("not on this machine yet")
        }
    }

    @Test func aModelsFootprintsBecomePredictionsOnTheOpenChipsTheyFallOn() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given the Atlanta scene in a polygon project, one chip of it already leased
        let project = Project(id: "footprints", title: "Footprints", kind: .geoPolygon, labels: [LabelChoice(name: "building")])
        let hub = try hub(with: project)
        try SceneImport.add(scene: Self.scene, projectID: project.id, layout: try ChipLayout(chipSize: 450, overlap: 32, margin: 32), hub: hub, actor: "admin", now: Date())
        let leased = try hub.database.write { try $0.leaseOpenTasks(projectID: project.id, limit: 1, to: "s1", until: Date().addingTimeInterval(600)) }
        let geojson = URL(fileURLWithPath: Self.scene).deletingLastPathComponent().appendingPathComponent("geotiff_labels.geojson")

        // When solaris' 43 building footprints are placed as a model's predictions
        let library = ChipLibrary { media in hub.mediaFile(media) }
        let chips = try hub.tasks(projectID: project.id).compactMap { task in
            try task.image.map { GeoChip(taskID: task.id, image: $0, georeference: try library.georeference(of: $0)) }
        }
        let placed = try GeoPredictionImport.place(
            try Data(contentsOf: geojson), fileName: "geotiff_labels.geojson", project: project, chips: chips, model: "osm",
            converterFor: { try CoordinateTransformer(crs: $0) })
        let changed = try hub.attachPredictions(
            chips.compactMap { chip in placed.predictions[chip.taskID].map { (chip.taskID, $0) } }, projectID: project.id, actor: "admin", now: Date())

        // Then every footprint lands on some chip, and only open tasks change
        #expect(placed.outside.isEmpty)
        #expect(!changed.contains(leased[0].task.id))
        let tasks = try hub.tasks(projectID: project.id)
        let shapes = tasks.flatMap { $0.predictions.flatMap { prediction -> [Shape] in
            if case .shapes(let shapes) = prediction.answer { return shapes } else { return [] }
        } }
        #expect(!shapes.isEmpty)
        for task in tasks where task.id != leased[0].task.id {
            #expect(task.predictions.first == placed.predictions[task.id], "task \(task.id) has the shapes placed on it")
        }
        #expect(tasks.filter { !$0.predictions.isEmpty }.allSatisfy { $0.predictions[0].model == "osm" })
    }
}
