import Foundation
import Testing

/// `labeldesk gold import` and `gold list`, run as an admin would on the hub's machine.
@Suite struct GoldCommandTests {
    @Test func aLabelStudioFileWithGroundTruthFillsThePoolAndAFileWithoutKeysIsRefused() throws {
        // Given a hub with a sentiment project, and a Label Studio export whose tasks carry
        // a ground_truth annotation beside another person's
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let hub = file("hub.sqlite")
        func succeeds(_ arguments: [String]) -> String {
            let result = binary.run(arguments)
            #expect(result.status == 0, "labeldesk \(arguments.joined(separator: " ")): \(result.output)")
            return result.output
        }
        _ = succeeds(["project", "create", "--db", hub, "--id", "sentiment", "--title", "Sentiment", "--labels", "negative:n,positive:p"])
        func result(_ label: String, groundTruth: Bool) -> String {
            #"{"ground_truth": \#(groundTruth), "completed_by": 7, "result": [{"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["\#(label)"]}}]}"#
        }
        let export = "[" + [
            #"{"id": 1, "data": {"text": "a fine film"}, "annotations": [\#(result("negative", groundTruth: false)), \#(result("positive", groundTruth: true))]}"#,
            #"{"id": 2, "data": {"text": "a dull film"}, "annotations": [\#(result("negative", groundTruth: true))]}"#,
        ].joined(separator: ",") + "]"
        try Data(export.utf8).write(to: URL(fileURLWithPath: file("gold.json")))
        try Data(#"[{"id": 3, "data": {"text": "no key"}}]"#.utf8).write(to: URL(fileURLWithPath: file("nokey.json")))

        // When it goes into the gold pool
        #expect(succeeds(["gold", "import", "--db", hub, "--project", "sentiment", "--format", "labelstudio", file("gold.json")])
            .contains("Added 2 gold items to sentiment's pool."))

        // Then the pool lists both with their keys, and they are not tasks
        let listed = succeeds(["gold", "list", "--db", hub, "--project", "sentiment"]).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(listed.map { $0.first ?? "" } == ["1", "2"])
        #expect(listed.map { $0.last ?? "" } == ["positive", "negative"])
        _ = succeeds(["export", "--db", hub, "--project", "sentiment", "--all", "--out", file("tasks.jsonl")])
        #expect(try String(contentsOfFile: file("tasks.jsonl"), encoding: .utf8).isEmpty)

        // And a file without keys is refused with a sentence, adding nothing
        let refused = binary.run(["gold", "import", "--db", hub, "--project", "sentiment", "--format", "labelstudio", file("nokey.json")])
        #expect(refused.status != 0)
        #expect(refused.output.contains(#"gold item "3" has no answer; a gold item needs its key"#), "\(refused.output)")
        #expect(succeeds(["gold", "list", "--db", hub, "--project", "sentiment"]).split(separator: "\n").count == 2)
    }

    @Test func aSceneWithAGeoJSONKeyBecomesGoldChipsAndTheSameSceneAgainIsRefused() throws {
        // Given a hub with a polygon project, the Atlanta scene and its building footprints
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-geogold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let hub = file("hub.sqlite")
        let labels = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/geo-labels")
        let scene = labels.appendingPathComponent("sample_geotiff.tif").path
        let footprints = labels.appendingPathComponent("geotiff_labels.geojson").path
        try Data(#"{"id": "roofs", "title": "Roofs", "kind": "geo-polygon", "labels": ["building"]}"#.utf8).write(to: URL(fileURLWithPath: file("roofs.json")))
        func succeeds(_ arguments: [String]) -> String {
            let result = binary.run(arguments)
            #expect(result.status == 0, "labeldesk \(arguments.joined(separator: " ")): \(result.output)")
            return result.output
        }
        _ = succeeds(["project", "create", "--db", hub, "--file", file("roofs.json")])
        let goldImport = ["gold", "import", "--db", hub, "--project", "roofs", "--scene", scene, "--chip", "450", "--overlap", "32", "--margin", "32", footprints]

        // When the footprints go in as the scene's key
        let added = succeeds(goldImport)

        // Then each chip they touch is a gold item, listed with its polygons, named as imagery add names chips
        #expect(added.contains("gold items to roofs's pool from"), "\(added)")
        #expect(added.contains("of \(scene) (geojson, EPSG:32616), marked UNCLASSIFIED."), "\(added)")
        let listed = succeeds(["gold", "list", "--db", hub, "--project", "roofs"]).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(!listed.isEmpty)
        #expect(added.contains("Added \(listed.count) gold items"), "\(added)")
        #expect(listed.allSatisfy { ($0.first ?? "").hasPrefix("sample_geotiff-r") }, "\(listed)")
        #expect(listed.allSatisfy { ($0.last ?? "").hasSuffix("polygons (building)") || ($0.last ?? "") == "1 polygon (building)" }, "\(listed)")

        // And the same scene again is refused with a sentence, adding nothing
        let again = binary.run(goldImport + ["--empty"])
        #expect(again.status != 0)
        #expect(again.output.contains(#"is already a task or a gold item of project "roofs""#), "\(again.output)")
        #expect(succeeds(["gold", "list", "--db", hub, "--project", "roofs"]).split(separator: "\n").count == listed.count)

        // And a GeoJSON key without its scene, or a scene option without --scene, is a sentence too
        let sceneless = binary.run(["gold", "import", "--db", hub, "--project", "roofs", footprints])
        #expect(sceneless.status != 0)
        #expect(sceneless.output.contains("a GeoJSON or COCO answer key needs the scene its shapes lie on"), "\(sceneless.output)")
        let coco = binary.run(["gold", "import", "--db", hub, "--project", "roofs", labels.appendingPathComponent("coco_sample_2.json").path])
        #expect(coco.status != 0)
        #expect(coco.output.contains("a GeoJSON or COCO answer key needs the scene its shapes lie on"), "\(coco.output)")
        let stray = binary.run(["gold", "import", "--db", hub, "--project", "roofs", "--empty", file("roofs.json")])
        #expect(stray.status != 0)
        #expect(stray.output.contains("--empty applies only to a GeoJSON or COCO answer key"), "\(stray.output)")
    }
}
