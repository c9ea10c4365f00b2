import Domain
import Foundation
@testable import Hub
import Imagery
import Interchange
import Store
import Testing
@testable import Workstation

/// `labeldesk import` of a JSONL chip list: lines naming an image file and a window of it.
@Suite("Chip lists become chip tasks")
struct ChipListImportTests {
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scene = repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/geo-labels/sample_geotiff.tif").path
    /// Marked CONFIDENTIAL (file) and SECRET (image), released to USA GBR, image handling OC.
    static let markedNITF = repository.appendingPathComponent("Tests/ImageryTests/Vectors/marked_secret.ntf")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-chip-list-\(UUID().uuidString)")
    let project = DemoWorkspace.boxes

    func hub() throws -> Hub {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hub = Hub(database: try HubDatabase(path: folder.appendingPathComponent("hub.sqlite").path))
        try hub.createProject(project, actor: "admin", now: Date())
        return hub
    }

    /// Reads `lines` as the list `chips.jsonl` in the test's folder and imports it as the command does.
    @discardableResult
    func importList(_ lines: [String], into hub: Hub, margin: Int = 32) throws -> Int {
        let data = Data(lines.joined(separator: "\n").utf8)
        let records = try Formats.read(data, as: JSONLFormat.self, fileName: "chips.jsonl", project: project, options: InterchangeOptions())
        let resolved = try ChipListImport.resolve(records, folder: folder, fileName: "chips.jsonl", project: project, hub: hub, margin: margin, now: Date())
        return try hub.importRecords(resolved, projectID: project.id, actor: "admin", now: Date()).tasks
    }

    @Test func aWindowOfAFileBecomesAChipWithItsMarginAndItsShapesMoveIntoTheChip() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a list naming a window of the Atlanta scene by absolute path, with a model's
        // box in the scene's pixels, and the marked NITF by a path relative to the list
        let hub = try hub()
        try FileManager.default.copyItem(at: Self.markedNITF, to: folder.appendingPathComponent("marked.ntf"))
        let lines = [
            #"{"id": "atl", "image": "\#(Self.scene)", "window": [100, 200, 300, 250], "priority": 3, "predictions": [{"model": "m1", "answer": {"shapes": [{"label": "building", "box": [150, 250, 200, 300]}]}}]}"#,
            #"{"id": "nitf", "image": "marked.ntf", "meta": {"site": "north", "NITF_FSREL": "XXX"}}"#,
        ]

        // When it is imported
        #expect(try importList(lines, into: hub) == 2)

        // Then the window is the chip's focus, with 32 pixels of context around it
        let tasks = try hub.tasks(projectID: project.id)
        let atlanta = try #require(tasks.first { $0.id == "atl" })
        let image = try #require(atlanta.image)
        #expect(image.scene == "sample_geotiff.tif")
        #expect(image.chip == PixelWindow(x: 68, y: 168, width: 364, height: 314))
        #expect(image.focus == PixelWindow(x: 32, y: 32, width: 300, height: 250))
        #expect(atlanta.priority == 3)
        // And the model's box is in the chip's pixels
        #expect(atlanta.predictions == [Prediction(model: "m1", answer: .shapes([
            Shape(label: "building", geometry: .box(PixelPoint(x: 82, y: 82), PixelPoint(x: 132, y: 132))),
        ]))])
        // And the stored chip holds the scene's pixels and its georeferencing at the chip's corner
        let library = ChipLibrary { media in hub.mediaFile(media) }
        let scene = try Raster.open(Self.scene)
        let readout = try library.readout(.init(media: image.media, column: 10, row: 20))
        #expect(readout.values == (try scene.pixelValues(column: 78, row: 188)))
        let corner = try #require(scene.info.geoTransform).map(PixelPoint(x: 68, y: 168))
        #expect(try library.georeference(of: image).transform.map(PixelPoint(x: 0, y: 0)) == corner)

        // And the whole NITF is one chip, marked at least as the file, keeping its
        // release and control fields over the line's own, beside the line's other meta
        let nitf = try #require(tasks.first { $0.id == "nitf" })
        let info = try Raster.open(Self.markedNITF.path).info
        #expect(nitf.image?.chip == PixelWindow(x: 0, y: 0, width: info.width, height: info.height))
        #expect(nitf.image?.focus == nitf.image?.chip)
        #expect(nitf.marking == .secret)
        let meta = try JSONValue.parse(try #require(nitf.meta))
        #expect(meta["NITF_FSREL"]?.stringValue == "USA GBR")
        #expect(meta["NITF_ISCTLH"]?.stringValue == "OC")
        #expect(meta["site"]?.stringValue == "north")
    }

    @Test func aWindowPastTheImageOrAShapeOffTheChipNamesItsLineAndNothingIsImported() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try hub()
        let good = #"{"id": "ok", "image": "\#(Self.scene)", "window": [0, 0, 100, 100]}"#

        // A window running past the 900 x 900 scene
        #expect {
            try importList([good, #"{"id": "far", "image": "\#(Self.scene)", "window": [800, 0, 200, 100]}"#], into: hub)
        } throws: { error in
            "\(error)" == "chips.jsonl:2: \"window\" [800, 0, 200, 100] runs past the image, which is 900 x 900 pixels; keep it inside"
        }
        // A model's box that lies outside the chip once the margin is cut
        #expect {
            try importList([good, #"{"id": "off", "image": "\#(Self.scene)", "window": [0, 0, 100, 100], "predictions": [{"answer": {"shapes": [{"label": "building", "box": [400, 400, 450, 450]}]}}]}"#], into: hub)
        } throws: { error in
            "\(error)".hasPrefix("chips.jsonl:2: prediction 1: ")
        }
        // A file that is not there
        #expect {
            try importList([#"{"id": "gone", "image": "nowhere.tif"}"#], into: hub)
        } throws: { error in
            "\(error)".hasPrefix("chips.jsonl:1: image \"nowhere.tif\" cannot be read: ")
        }
        #expect(try hub.tasks(projectID: project.id).isEmpty)
    }

    @Test func theHubRefusesALineWhoseChipWasNeverCut() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try hub()
        let records = try Formats.read(
            Data(#"{"id": "raw", "image": "a.tif"}"#.utf8), as: JSONLFormat.self, fileName: "chips.jsonl", project: project, options: InterchangeOptions())
        #expect(records.first?.imageSource == ImageSource(path: "a.tif", line: 1))
        #expect(throws: HubError.self) { try hub.importRecords(records, projectID: project.id, actor: "admin", now: Date()) }
    }
}
