import Foundation
import Testing

/// The lead's console end to end with the real binaries: `labeldesk serve` on 127.0.0.1,
/// ana and bea labeling at two stations joined over HTTP, and lee at a third, in tmux:
/// lee sees both on the floor, pauses ana, and ana's station shows it at its next sync.
@Suite(.serialized) struct LeadOverHTTPSessionTests {
    @Test func theLeadSeesTwoLabelersPausesOneAndHerStationShowsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-lead-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = folder.appendingPathComponent("hub.sqlite").path
        let admin = try LabelDeskBinary()
        func succeeds(_ arguments: [String], on binary: LabelDeskBinary? = nil, input: String? = nil) -> String {
            let result = (binary ?? admin).run(arguments, input: input)
            #expect(result.status == 0, "labeldesk \(arguments.joined(separator: " ")): \(result.output)")
            return result.output
        }
        // Given a hub with 600 tasks (each station caches up to 200), two labelers and a lead, serving on a port of its choosing
        _ = succeeds(["project", "create", "--db", hub, "--id", "sentiment", "--title", "Movie review sentiment", "--labels", "negative:n,positive:p"])
        let tasks = (1...600).map { #"{"id": "t\#($0)", "text": "plain review \#($0)"}"# }
        try Data((tasks.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("tasks.jsonl"))
        _ = succeeds(["import", "--db", hub, "--project", "sentiment", folder.appendingPathComponent("tasks.jsonl").path])
        for (person, role) in [("ana", "labeler"), ("bea", "labeler"), ("lee", "lead")] { _ = succeeds(["user", "add", person, "--db", hub, "--role", role]) }
        let server = TmuxSession()
        server.start("\(admin.path) serve --db \(hub) --listen 127.0.0.1:0")
        server.waitFor("listening on http://127.0.0.1:")
        let address = server.screen().range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression).map { String(server.screen()[$0]) } ?? ""
        #expect(!address.isEmpty)

        // And three stations joined over HTTP, at two sites
        let people = [("ana", "labeler", "north"), ("bea", "labeler", "south"), ("lee", "lead", "north")]
        var stations: [String: LabelDeskBinary] = [:]
        defer { for station in stations.values { station.removeWorkspace() } }
        for (index, (person, role, site)) in people.enumerated() {
            let station = try LabelDeskBinary()
            stations[person] = station
            let code = succeeds(["station", "add", "bay-\(index + 1)", "--site", site, "--db", hub]).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = succeeds(["station", "join", address, code], on: station)
            _ = succeeds(["user", "add", person, "--role", role], on: station, input: "\(person)-password\n")
            try station.setSetting("undoWindowSeconds", 0)
            try station.setSetting("syncIntervalSeconds", 2)
        }
        func logIn(_ person: String) -> TmuxSession {
            let tmux = TmuxSession()
            tmux.start(stations[person]?.terminalCommand ?? "false")
            tmux.waitFor("Press Enter to acknowledge")
            tmux.send("Enter")
            tmux.waitFor("Username")
            tmux.type(person)
            tmux.send("Enter")
            tmux.type("\(person)-password")
            tmux.send("Enter")
            tmux.waitFor("Your queues")
            return tmux
        }

        // When ana and bea each label two tasks and go back to their queues
        var labelers: [String: TmuxSession] = [:]
        for person in ["ana", "bea"] {
            let tmux = logIn(person)
            labelers[person] = tmux
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !tmux.screen().contains("plain review") {
                tmux.send("r")
                usleep(300_000)
                tmux.send("Enter")
                usleep(300_000)
            }
            tmux.waitFor("plain review")
            for _ in 0..<2 {
                let before = tmux.screen()
                tmux.type("p")
                tmux.send("Enter")
                tmux.waitUntil { $0 != before && $0.contains("plain review") }
            }
            tmux.type("q")
            tmux.waitFor("Your queues")
            tmux.waitFor("0 to send", timeout: 20)
        }

        // And lee opens the floor at the third station
        let lead = logIn("lee")
        #expect(lead.screen().contains("f floor"), "\(lead.screen())")
        lead.type("f")
        lead.waitFor("Shift since")
        lead.type("2")
        lead.waitFor("ana")
        // Then both labelers are on it, with what they did
        lead.waitUntil(timeout: 20) { $0.contains("bea") && $0.contains("ana") && $0.contains("home") }
        // And their stations are online, each at its site
        lead.type("3")
        lead.waitUntil { $0.contains("bay-1") && $0.contains("bay-2") && $0.contains("south") && $0.contains("online") }
        lead.type("2")
        lead.waitFor("Doing")

        // When lee pauses ana (the first row) with a note, and confirms
        lead.type("p")
        lead.waitFor("Note for ana")
        lead.type("see me")
        lead.send("Enter")
        lead.waitFor("Pause ana on every project")
        lead.type("y")
        lead.waitFor("Paused ana on every project", timeout: 20)
        lead.waitFor("paused by lee: see me", timeout: 20)

        // Then ana's station shows the lead's words at its next sync, and bea's does not
        let ana = labelers["ana"]
        ana?.waitFor("Paused by lee: see me", timeout: 30)
        #expect(labelers["bea"]?.screen().contains("Paused by lee") == false)

        // And the shift report, by site, says the same
        let north = succeeds(["report", "shift", "--db", hub, "--site", "north", "--format", "csv"])
        #expect(north.contains("person,ana,paused by lee: see me,bay-1,north"), "\(north)")
        #expect(!north.contains("person,bea,"))
        let page = succeeds(["report", "shift", "--db", hub, "--format", "html"])
        #expect(page.contains("<svg") && page.contains("UNCLASSIFIED") && page.contains("paused by lee: see me"))
        let nowhere = admin.run(["report", "shift", "--db", hub, "--site", "east"])
        #expect(nowhere.status != 0 && nowhere.output.contains("no station stands at site \"east\"; the sites are north, south"), "\(nowhere.output)")
        let bad = admin.run(["report", "shift", "--db", hub, "--since", "yesterday"])
        #expect(bad.status != 0 && bad.output.contains("--since \"yesterday\" is neither a time ago"), "\(bad.output)")

        for tmux in [lead] + labelers.values {
            tmux.type("q")
            tmux.type("q")
        }
    }
}
