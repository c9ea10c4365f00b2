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
}
