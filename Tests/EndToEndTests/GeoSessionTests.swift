import Foundation
import Testing

/// Boxes and polygons on the demo's real imagery through the real binary in tmux, typed
/// at as a labeler would: zoom, draw one box and one polygon, edit a vertex, set classes,
/// submit; then the GeoJSON export holds both shapes where the readout said they were.
///
/// The demo's queues are listed by id: buildings, compare, entities, landcover, sentiment,
/// write. The chips reach the station through the in-process hub at the first sync.
@Suite(.serialized) struct GeoSessionTests {
    /// The readout line: the crosshair's pixel, value and place.
    func readoutLine(_ tmux: TmuxSession) -> String? {
        tmux.screen().split(separator: "\n").first { $0.contains("°N") }.map(String.init)
    }

    /// The crosshair's place on the Earth, read from the readout line once it is there
    /// (at 100 columns it gives degrees to five places, about a metre) and, when the
    /// crosshair has just moved, once it is no longer `previous`'s line.
    func readoutPlace(_ tmux: TmuxSession, after previous: String? = nil) throws -> (place: (latitude: Double, longitude: Double), line: String) {
        let deadline = Date().addingTimeInterval(20)
        var line = readoutLine(tmux)
        while line == nil || line == previous, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)  // polling the screen, not waiting a fixed time
            line = readoutLine(tmux)
        }
        let text = try #require(line)
        #expect(text != previous, "the readout never moved from \(text)")
        let pattern = try Regex(#"([0-9.]+)°([NS]) ([0-9.]+)°([EW])"#)
        let match = try #require(text.firstMatch(of: pattern), "\(text)")
        let latitude = try #require(Double(String(match.output[1].substring ?? "")))
        let longitude = try #require(Double(String(match.output[3].substring ?? "")))
        return ((match.output[2].substring == "S" ? -latitude : latitude, match.output[4].substring == "W" ? -longitude : longitude), text)
    }

    /// Types `keys` one at a time, each once the readout has shown the last one's move, and
    /// returns where the readout ends: read after all of them typed at once, it could show
    /// a place the cursor only passed through.
    func move(_ tmux: TmuxSession, _ keys: String, from line: String) throws -> (place: (latitude: Double, longitude: Double), line: String) {
        var reached = (place: (latitude: 0.0, longitude: 0.0), line: line)
        for key in keys {
            tmux.type(String(key))
            reached = try readoutPlace(tmux, after: reached.line)
        }
        return reached
    }

    func features(_ binary: LabelDeskBinary, project: String) throws -> [[String: Any]] {
        let export = binary.run(["export", "--project", project, "--format", "geojson"])
        #expect(export.status == 0, "\(export.output)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [String: Any], "\(export.output)")
        return document["features"] as? [[String: Any]] ?? []
    }

    func ring(_ feature: [String: Any]) -> [[Double]] {
        ((feature["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])?.first ?? []
    }

    func near(_ position: [Double], _ place: (latitude: Double, longitude: Double), within degrees: Double = 2e-5) -> Bool {
        position.count == 2 && abs(position[0] - place.longitude) <= degrees && abs(position[1] - place.latitude) <= degrees
    }

    @Test func aBoxAndAPolygonOnRealImageryExportWhereTheyWereDrawn() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        #expect(binary.run(["demo"]).status == 0)
        let tmux = TmuxSession()
        tmux.start(binary.terminalCommand)
        tmux.logInToDemo(waitingFor: "Box every building")

        // When the labeler zooms in on the first Atlanta chip and draws a box, corner to corner
        tmux.openQueue(row: 0)
        tmux.waitFor("task spacenet-atlanta-r0-c0")
        tmux.type("++")
        tmux.waitFor("zoom")
        tmux.type("b")
        let (firstCorner, firstLine) = try readoutPlace(tmux)
        let (secondCorner, _) = try move(tmux, "llllllll" + "jjjjj", from: firstLine)
        tmux.send("Enter")
        tmux.waitFor("shape 1 of 1: building box")
        // And makes it a vehicle, then submits
        tmux.type("2")
        tmux.waitFor("vehicle box")
        tmux.send("Enter")
        tmux.waitFor("task spacenet-atlanta-r0-c1")
        tmux.type("q")

        // And outlines a field on the NAIP chip with three vertices, then moves one
        tmux.openQueue(row: 3)
        tmux.waitFor("Outline land cover")
        tmux.waitFor("°N")
        tmux.type("p")
        let (_, startLine) = try readoutPlace(tmux)
        tmux.send("Enter")
        // Three steps of 64 pixels right of the middle: a fourth would stop at the chip's edge.
        let (second, _) = try move(tmux, "lll", from: startLine)
        tmux.send("Enter")
        tmux.type("jjjjjj")
        tmux.send("Enter")
        tmux.type("c")
        tmux.waitFor("field polygon")
        tmux.type("]")
        tmux.type("m")
        tmux.waitFor("moving vertex 1")
        let (_, beforeMove) = try readoutPlace(tmux)
        let (moved, _) = try move(tmux, "hh", from: beforeMove)
        tmux.send("Enter")
        tmux.send("Enter")
        tmux.waitFor("2 of 6")
        tmux.type("q")
        tmux.waitFor("Your queues")
        tmux.type("q")
        tmux.waitFor("[exited 0]")

        // Then the box is one feature, a vehicle, with corners where the readout put them
        let boxes = try features(binary, project: "buildings")
        #expect(boxes.count == 1)
        #expect((boxes.first?["properties"] as? [String: Any])?["class"] as? String == "vehicle")
        let box = ring(try #require(boxes.first))
        #expect(box.count == 5, "a box is a closed ring of four corners")
        #expect(box.contains { near($0, firstCorner) }, "\(box) should hold \(firstCorner)")
        #expect(box.contains { near($0, secondCorner) }, "\(box) should hold \(secondCorner)")
        // And the polygon keeps its second vertex and the moved one (the first, which `]` selects), in North Dakota
        let fields = try features(binary, project: "landcover")
        #expect(fields.count == 1)
        #expect((fields.first?["properties"] as? [String: Any])?["class"] as? String == "field")
        let outline = ring(try #require(fields.first))
        #expect(outline.count == 4, "three vertices, closed")
        #expect(outline.contains { near($0, second) }, "\(outline) should hold \(second)")
        #expect(outline.contains { near($0, moved) }, "\(outline) should hold \(moved)")
    }
}
