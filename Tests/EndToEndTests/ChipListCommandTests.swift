import Foundation
import Testing

/// `labeldesk import` of a JSONL chip list, run as an admin would: a geo-box project, a
/// list naming a marked NITF and a window of a GeoTIFF, and the export of what went in.
@Suite struct ChipListCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aChipListGoesInMarkedAsItsFilesAndABadWindowNamesItsLine() throws {
        // Given a hub with a box project, and a folder with a marked NITF and a chip list
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-chips-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tiles"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let hub = file("hub.sqlite")
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("Tests/ImageryTests/Vectors/marked_secret.ntf"), to: URL(fileURLWithPath: file("tiles/marked.ntf")))
        let scene = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/geo-labels/sample_geotiff.tif").path
        try Data(#"{"id": "cars", "title": "Cars", "kind": "geo-box", "labels": ["car", "truck"]}"#.utf8).write(to: URL(fileURLWithPath: file("cars.json")))
        func succeeds(_ arguments: [String]) -> String {
            let result = binary.run(arguments)
            #expect(result.status == 0, "labeldesk \(arguments.joined(separator: " ")): \(result.output)")
            return result.output
        }
        _ = succeeds(["project", "create", "--db", hub, "--file", file("cars.json")])

        // When a list with a bad window is imported, then it is refused by line and nothing goes in
        let lines = [
            #"{"id": "nitf", "image": "tiles/marked.ntf"}"#,
            #"{"id": "atl", "image": "\#(scene)", "window": [100, 200, 300, 250], "predictions": [{"answer": {"shapes": [{"label": "car", "box": [150, 250, 200, 300]}]}}]}"#,
        ]
        try Data([lines[0], #"{"id": "far", "image": "\#(scene)", "window": [850, 0, 100, 100]}"#].joined(separator: "\n").utf8)
            .write(to: URL(fileURLWithPath: file("bad.jsonl")))
        let refused = binary.run(["import", "--db", hub, "--project", "cars", file("bad.jsonl")])
        #expect(refused.status != 0)
        #expect(refused.output.contains("bad.jsonl:2: \"window\" [850, 0, 100, 100] runs past the image, which is 900 x 900 pixels; keep it inside"), "\(refused.output)")

        // When the right list is imported with 16 pixels of margin
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file("chips.jsonl")))
        #expect(succeeds(["import", "--db", hub, "--project", "cars", "--margin", "16", file("chips.jsonl")]).contains("Imported 2 tasks into cars."))

        // Then the export holds both chips: the NITF whole and SECRET with its release
        // field, the window with its margin and the model's box in chip pixels
        _ = succeeds(["export", "--db", hub, "--project", "cars", "--all", "--format", "jsonl", "--out", file("out.jsonl")])
        let exported = try String(contentsOfFile: file("out.jsonl"), encoding: .utf8)
        let tasks = try exported.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(tasks.count == 2, "\(exported)")
        let nitf = try #require(tasks.first { $0["id"] as? String == "nitf" })
        #expect(nitf["marking"] as? String == "SECRET")
        #expect((nitf["meta"] as? [String: Any])?["NITF_FSREL"] as? String == "USA GBR")
        let atlanta = try #require(tasks.first { $0["id"] as? String == "atl" })
        let image = try #require(atlanta["image"] as? [String: Any])
        #expect(image["chip"] as? [Int] == [84, 184, 332, 282])
        #expect(image["focus"] as? [Int] == [16, 16, 300, 250])
        #expect(image["scene"] as? String == "sample_geotiff.tif")
        let prediction = try #require((atlanta["predictions"] as? [[String: Any]])?.first)
        let shape = try #require(((prediction["answer"] as? [String: Any])?["shapes"] as? [[String: Any]])?.first)
        #expect(shape["box"] as? [Double] == [66, 66, 116, 116])
    }
}
