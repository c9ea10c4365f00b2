import Domain
import Foundation
@testable import Hub
import Imagery
import Interchange
import Store
import Testing
@testable import Workstation

/// `gold import --scene` on the real Atlanta scene and solaris' footprints: GeoJSON and
/// COCO answer keys made into gold chips in a real hub database.
@Suite("Scenes with GeoJSON or COCO answer keys become gold chips")
struct SceneGoldImportTests {
    static let labels = URL(fileURLWithPath: SceneImportTests.scene).deletingLastPathComponent()
    static let geojson = labels.appendingPathComponent("geotiff_labels.geojson")
    static let coco = labels.appendingPathComponent("coco_sample_2.json")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-scene-gold-\(UUID().uuidString)")
    let now = Date(timeIntervalSince1970: 1_764_590_400)
    let layout: ChipLayout

    init() throws {
        layout = try ChipLayout(chipSize: 150, overlap: 16, margin: 16)
    }

    /// A polygon project whose one class the footprints (which name none) are read as.
    static let footprints = Project(id: "footprints", title: "Footprints", kind: .geoPolygon, labels: [LabelChoice(name: "building")])
    /// A box project with solaris' two COCO categories under names a project can have.
    static let roofBoxes = Project(id: "roof-boxes", title: "Roof boxes", kind: .geoBox, labels: [LabelChoice(name: "whole"), LabelChoice(name: "truncated")])

    func hub(with projects: [Project]) throws -> Hub {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hub = Hub(database: try HubDatabase(path: folder.appendingPathComponent("hub.sqlite").path))
        for project in projects { try hub.createProject(project, actor: "admin", now: now) }
        return hub
    }

    /// solaris' COCO file with its categories (`1.0` truncated, `0.0` whole) named as the box project's classes.
    static func cocoFile() throws -> Data {
        let text = String(decoding: try Data(contentsOf: coco), as: UTF8.self)
        let renamed = text.replacingOccurrences(of: #"{"id": 1, "name": 1.0}"#, with: #"{"id": 1, "name": "truncated"}"#)
            .replacingOccurrences(of: #"{"id": 2, "name": 0.0}"#, with: #"{"id": 2, "name": "whole"}"#)
        precondition(renamed != text, "the COCO fixture's categories are not as this test expects")
        return Data(renamed.utf8)
    }

    /// What `predictions import` places from `data` onto the chips `imagery add` makes of the
    /// scene in `project`, by chip id: the shapes a gold key of the same chip must hold.
    func predictionsImportPlaces(_ data: Data, fileName: String, into project: Project, hub: Hub) throws -> [String: Answer] {
        try SceneImport.add(scene: SceneImportTests.scene, projectID: project.id, layout: layout, hub: hub, actor: "admin", now: now)
        let library = ChipLibrary { media in hub.mediaFile(media) }
        let chips = try hub.tasks(projectID: project.id).compactMap { task in
            try task.image.map { GeoChip(taskID: task.id, image: $0, georeference: try library.georeference(of: $0)) }
        }
        let placed = try GeoPredictionImport.place(data, fileName: fileName, project: project, chips: chips, converterFor: { try CoordinateTransformer(crs: $0) })
        return placed.predictions.mapValues(\.answer)
    }

    @Test func aGeoJSONKeyMakesEachChipItTouchesAGoldItemHoldingWhatPredictionsImportWouldPlace() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given the footprints project, and the same scene added as tasks to a twin project
        // with the footprints placed onto them as predictions import places them
        var twin = Self.footprints
        twin.id = "footprint-tasks"
        let hub = try hub(with: [Self.footprints, twin])
        let data = try Data(contentsOf: Self.geojson)
        let expected = try predictionsImportPlaces(data, fileName: "geotiff_labels.geojson", into: twin, hub: hub)

        // When the scene goes into the footprints project's gold pool with the footprints as its key
        let outcome = try SceneGoldImport.importGold(
            data, fileName: "geotiff_labels.geojson", scene: SceneImportTests.scene, projectID: Self.footprints.id, layout: layout,
            hub: hub, actor: "admin", now: now)

        // Then each chip a footprint touches is a gold item, named as imagery add names its
        // task, but for the one chip where a clipped footprint touches itself: predictions
        // import leaves that shape out, so a key there would miss it and the chip is not gold
        let placements = layout.placements(width: 900, height: 900)
        #expect(outcome.chips == placements.count)
        #expect(outcome.placement.format == "geojson" && outcome.placement.crs == "EPSG:32616")
        #expect(outcome.placement.outside.isEmpty)
        #expect(outcome.placement.refused.map(\.taskID) == ["sample_geotiff-r0-c5"], "\(outcome.placement.refused)")
        let gold = Set(expected.keys).subtracting(outcome.placement.refused.map(\.taskID))
        #expect(outcome.items == gold.count && outcome.emptyItems == 0)
        let items = try hub.goldItems(projectID: Self.footprints.id)
        #expect(Set(items.map(\.task.id)) == gold)
        #expect(items.count < placements.count)
        // And its key is exactly the shapes predictions import puts on the same chip, in chip pixels
        for item in items {
            #expect(item.key == expected[item.task.id], "chip \(item.task.id)")
            #expect(item.source == .imported && item.addedBy == "admin" && item.addedAt == now)
        }
        // And it is the twin task's chip, field for field: the same window, pixels, text and marking
        let tasks = Dictionary(uniqueKeysWithValues: try hub.tasks(projectID: twin.id).map { ($0.id, $0) })
        for item in items {
            let task = try #require(tasks[item.task.id])
            #expect(item.task.image == task.image)
            #expect(item.task.text == task.text && item.task.marking == task.marking && item.task.meta == task.meta)
            let image = try #require(item.task.image)
            #expect(hub.mediaFile(image.media) != nil, "the chip is in the media store")
        }
        // And gold is not work: the project has no tasks
        #expect(try hub.tasks(projectID: Self.footprints.id).isEmpty)
    }

    @Test func aCOCOKeyInScenePixelsWithEmptyChipsFillsThePoolWithEveryChip() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given the box project, and the same scene as tasks of a twin with the COCO boxes placed as predictions
        var twin = Self.roofBoxes
        twin.id = "roof-box-tasks"
        let hub = try hub(with: [Self.roofBoxes, twin])
        let data = try Self.cocoFile()
        let expected = try predictionsImportPlaces(data, fileName: "coco_sample_2.json", into: twin, hub: hub)

        // When solaris' COCO file is the scene's key, empty chips included
        let outcome = try SceneGoldImport.importGold(
            data, fileName: "coco_sample_2.json", scene: SceneImportTests.scene, projectID: Self.roofBoxes.id, layout: layout,
            emptyChips: true, hub: hub, actor: "admin", now: now)

        // Then every chip is gold: those the boxes touch with exactly predictions import's boxes, the rest with no shapes
        let placements = layout.placements(width: 900, height: 900)
        #expect(outcome.placement.format == "coco" && outcome.placement.crs == "scene pixels")
        #expect(outcome.items == placements.count)
        #expect(outcome.emptyItems == placements.count - expected.count)
        #expect(outcome.emptyItems > 0, "the layout leaves some chips without a footprint")
        let items = try hub.goldItems(projectID: Self.roofBoxes.id)
        #expect(items.map { $0.task.image?.chip } == placements.map(\.window))
        for item in items {
            #expect(item.key == (expected[item.task.id] ?? .shapes([])), "chip \(item.task.id)")
        }
        let keys = items.compactMap { if case .shapes(let shapes) = $0.key { shapes } else { nil } }
        #expect(keys.joined().allSatisfy { if case .box = $0.geometry { true } else { false } })
        #expect(Set(keys.joined().map(\.label)) == ["whole", "truncated"])
    }

    @Test func aChipAlreadyATaskOrGoldIsRefusedAndNothingIsAdded() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given the scene added once as tasks to the footprints project
        let hub = try hub(with: [Self.footprints])
        let data = try Data(contentsOf: Self.geojson)
        let tasks = try SceneImport.add(scene: SceneImportTests.scene, projectID: Self.footprints.id, layout: layout, hub: hub, actor: "admin", now: now).tasks

        // When the same scene comes as gold, then it is refused, naming the chip, and nothing is added
        #expect {
            try SceneGoldImport.importGold(
                data, fileName: "geotiff_labels.geojson", scene: SceneImportTests.scene, projectID: Self.footprints.id, layout: layout,
                hub: hub, actor: "admin", now: now)
        } throws: { error in
            "\(error)".hasPrefix(#"chip "sample_geotiff-r"#)
                && "\(error)".contains(#"of sample_geotiff.tif is already a task or a gold item of project "footprints""#)
                && "\(error)".hasSuffix("copy the scene under another name. Nothing was imported")
        }
        #expect(try hub.goldItems(projectID: Self.footprints.id).isEmpty)
        #expect(try hub.tasks(projectID: Self.footprints.id).count == tasks)

        // And gold made once from a scene in another project cannot be made again
        var other = Self.footprints
        other.id = "footprints-gold"
        try hub.createProject(other, actor: "admin", now: now)
        let first = try SceneGoldImport.importGold(
            data, fileName: "geotiff_labels.geojson", scene: SceneImportTests.scene, projectID: other.id, layout: layout, hub: hub, actor: "admin", now: now)
        #expect {
            try SceneGoldImport.importGold(
                data, fileName: "geotiff_labels.geojson", scene: SceneImportTests.scene, projectID: other.id, layout: layout,
                emptyChips: true, hub: hub, actor: "admin", now: now)
        } throws: { error in
            "\(error)".contains("is already a task or a gold item of project \"footprints-gold\"")
        }
        #expect(try hub.goldItems(projectID: other.id).count == first.items)
    }

    @Test func badInputIsRefusedWithASentenceNamingWhatIsWrong() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cars = Project(id: "cars", title: "Cars", kind: .geoBox, labels: [LabelChoice(name: "car"), LabelChoice(name: "truck")])
        let hub = try hub(with: [Self.footprints, Self.roofBoxes, cars, DemoWorkspace.project])
        let geojson = try Data(contentsOf: Self.geojson)
        func refusal(_ data: Data, fileName: String = "geotiff_labels.geojson", scene: String = SceneImportTests.scene, project: String, classProperty: String = "class") -> String {
            do {
                let outcome = try SceneGoldImport.importGold(
                    data, fileName: fileName, scene: scene, projectID: project, layout: layout, classProperty: classProperty, hub: hub, actor: "admin", now: now)
                return "imported \(outcome.items)"
            } catch {
                return "\(error)"
            }
        }

        // A class the project does not have: the footprints' "building" property is "yes"
        #expect(refusal(geojson, project: cars.id, classProperty: "building")
            == #"geotiff_labels.geojson: feature 1 has class "yes", which is not one of project "cars"'s classes (car, truck)"#)
        // A project that is not geo
        #expect(refusal(geojson, project: DemoWorkspace.project.id).contains("imagery goes into geo-box or geo-polygon projects"))
        // A file that is neither GeoJSON nor COCO
        #expect(refusal(Data(#"{"tasks": []}"#.utf8), fileName: "tasks.json", project: Self.footprints.id).hasPrefix("tasks.json"))
        // A scene GDAL cannot read
        let notAnImage = folder.appendingPathComponent("notes.tif")
        try Data("not an image".utf8).write(to: notAnImage)
        #expect(refusal(geojson, scene: notAnImage.path, project: Self.footprints.id).contains("is not an image GDAL can read"))
        // A COCO file made on another image
        let elsewhere = String(decoding: try Self.cocoFile(), as: UTF8.self).replacingOccurrences(of: #""file_name": "sample_geotiff.tif""#, with: #""file_name": "other.tif""#)
        #expect(refusal(Data(elsewhere.utf8), fileName: "coco.json", project: Self.roofBoxes.id)
            .contains("coco.json is COCO, whose shapes count in the pixels of the images it names (other.tif), and none is sample_geotiff.tif"))
        // Shapes that fall on no chip: Atlanta's footprints on a Californian scene
        let california = URL(fileURLWithPath: SceneImportTests.scene).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("imagery/byte.tif").path
        #expect(refusal(geojson, scene: california, project: Self.footprints.id)
            .hasPrefix("none of the 43 features of geotiff_labels.geojson (in EPSG:32616) falls on byte.tif (in EPSG:26711)"))
        // And none of it added anything
        #expect(try hub.goldItems(projectID: Self.footprints.id).isEmpty)
        #expect(try hub.goldItems(projectID: cars.id).isEmpty)
        #expect(try hub.goldItems(projectID: Self.roofBoxes.id).isEmpty)
    }

    @Test func aGoldChipIsLeasedLikeAnyGoldAndItsStationMayFetchItsPixels() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given the footprints as a scene's gold, and ana new to the project (onboarding gold first)
        let hub = try hub(with: [Self.footprints])
        try hub.setUser(username: "ana", role: .labeler, actor: "admin", now: now)
        let outcome = try SceneGoldImport.importGold(
            try Data(contentsOf: Self.geojson), fileName: "geotiff_labels.geojson", scene: SceneImportTests.scene, projectID: Self.footprints.id,
            layout: layout, hub: hub, actor: "admin", now: now)
        let items = Dictionary(uniqueKeysWithValues: try hub.goldItems(projectID: Self.footprints.id).map { ($0.task.id, $0) })

        // When ana's station asks for work
        let leases = try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 5, people: ["ana"]), now: now).leases

        // Then she is handed gold chips, each the item's task with its chip and no key
        #expect(leases.count == min(5, outcome.items))
        for lease in leases {
            let item = try #require(items[lease.task.id])
            #expect(lease.assignee == "ana")
            #expect(lease.task.image == item.task.image && lease.task.text == item.task.text)
            #expect(lease.task.predictions.isEmpty, "the key is not sent as a prediction")
            // And her station may fetch the chip, as it may a task's; another station may not
            let media = try #require(lease.task.image?.media)
            #expect(try hub.media(media.sha256, forStation: "station-1").reference == media)
            #expect(throws: MediaRequestRefusal.notLeased(sha256: media.sha256, stationID: "station-2")) {
                try hub.media(media.sha256, forStation: "station-2")
            }
        }
    }
}
