import Foundation
import Testing

/// Gold end to end with the real binaries: `labeldesk serve` on 127.0.0.1, two stations
/// joined to it over HTTP, ana answering gold right and bea answering it wrong in tmux.
@Suite(.serialized) struct GoldOverHTTPSessionTests {
    /// The text of the task on screen: "gold review 3" or "plain review 17".
    static func shownTask(in screen: String) -> String? {
        guard let range = screen.range(of: #"(gold|plain) review \d+"#, options: .regularExpression) else { return nil }
        return String(screen[range])
    }

    @Test func theReportShowsBothAndTheOneWhoAnswersGoldWrongIsPausedAtTheirStation() throws {
        // Given a hub with 400 tasks and 8 gold items (onboarding 6, judged after 6, no gold after)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-gold-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = folder.appendingPathComponent("hub.sqlite").path
        let admin = try LabelDeskBinary()
        func succeeds(_ arguments: [String], on binary: LabelDeskBinary? = nil, input: String? = nil) -> String {
            let result = (binary ?? admin).run(arguments, input: input)
            #expect(result.status == 0, "labeldesk \(arguments.joined(separator: " ")): \(result.output)")
            return result.output
        }
        _ = succeeds(["project", "create", "--db", hub, "--id", "sentiment", "--title", "Movie review sentiment", "--labels", "negative:n,positive:p"])
        let plain = (1...400).map { #"{"id": "t\#($0)", "text": "plain review \#($0)"}"# }
        try Data((plain.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("tasks.jsonl"))
        _ = succeeds(["import", "--db", hub, "--project", "sentiment", folder.appendingPathComponent("tasks.jsonl").path])
        var keys: [String: String] = [:]
        let gold = (1...8).map { number -> String in
            let key = number % 2 == 0 ? "positive" : "negative"
            keys["gold review \(number)"] = key
            return #"{"id": "t\#(1000 + number)", "text": "gold review \#(number)", "annotations": [{"answer": {"labels": ["\#(key)"]}, "annotator": "trainer"}]}"#
        }
        try Data((gold.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("gold.jsonl"))
        _ = succeeds(["gold", "import", "--db", hub, "--project", "sentiment", folder.appendingPathComponent("gold.jsonl").path])
        _ = succeeds(["gold", "policy", "--db", hub, "--project", "sentiment", "--rate", "0", "--proven-rate", "0", "--onboarding", "6", "--minimum", "6"])
        for person in ["ana", "bea"] { _ = succeeds(["user", "add", person, "--db", hub, "--role", "labeler"]) }
        // And the hub serving on a port of its choosing
        let server = TmuxSession()
        server.start("\(admin.path) serve --db \(hub) --listen 127.0.0.1:0")
        server.waitFor("listening on http://127.0.0.1:")
        let address = server.screen().range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression).map { String(server.screen()[$0]) } ?? ""
        #expect(!address.isEmpty)

        // And ana at one station and bea at another, each joined over HTTP
        let stations = [("ana", try LabelDeskBinary(), true), ("bea", try LabelDeskBinary(), false)]
        defer { for (_, station, _) in stations { station.removeWorkspace() } }
        for (index, (person, station, _)) in stations.enumerated() {
            let code = succeeds(["station", "add", "bay-\(index + 1)", "--db", hub]).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = succeeds(["station", "join", address, code], on: station)
            _ = succeeds(["user", "add", person, "--role", "labeler"], on: station, input: "\(person)-password\n")
            // Work goes at once, and syncs come every 2 s, so the test waits on the screen, not a clock.
            try station.setSetting("undoWindowSeconds", 0)
            try station.setSetting("syncIntervalSeconds", 2)
        }

        // When each logs on, opens the queue, and labels their first 8 tasks (the 6
        // onboarding gold first): ana gives each gold item its key, bea the other label
        func logIn(_ tmux: TmuxSession, _ person: String) {
            tmux.waitFor("Press Enter to acknowledge")
            tmux.send("Enter")
            tmux.waitFor("Username")
            tmux.type(person)
            tmux.send("Enter")
            tmux.type("\(person)-password")
            tmux.send("Enter")
        }
        for (person, station, right) in stations {
            let tmux = TmuxSession()
            tmux.start(station.terminalCommand)
            logIn(tmux, person)
            // A person's first logon brings their own leases at the sync after it.
            tmux.waitFor("Movie review sentiment")
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if let row = tmux.screen().split(separator: "\n").first(where: { $0.contains("Movie review sentiment") }),
                   row.split(separator: " ").contains(where: { Int($0).map { $0 > 0 } ?? false }) { break }
                tmux.send("r")
                usleep(300_000)
            }
            tmux.send("Enter")
            var answered: [String] = []
            while answered.count < 8 {
                let waitUntil = Date().addingTimeInterval(20)
                var shown: String?
                while Date() < waitUntil {
                    shown = Self.shownTask(in: tmux.screen())
                    if let shown, !answered.contains(shown) { break }
                    usleep(20_000)
                }
                guard let task = shown, !answered.contains(task) else {
                    Issue.record("\(person): no new task after \(answered); the screen shows:\n\(tmux.screen())")
                    break
                }
                let label = keys[task].map { right ? $0 : ($0 == "positive" ? "negative" : "positive") } ?? "positive"
                tmux.type(label == "positive" ? "p" : "n")
                tmux.send("Enter")
                answered.append(task)
            }
            #expect(answered.prefix(6).allSatisfy { $0.hasPrefix("gold") }, "\(person) was served \(answered)")
            // Back home, where a sync two seconds on sends the work and brings the hub's word
            tmux.type("q")
            tmux.waitFor("Your queues")
            if right {
                tmux.waitFor("0 to send")
                #expect(!tmux.screen().contains("Paused"))
            } else {
                // Then bea's station shuts her queue and asks her to see her lead
                tmux.waitFor("Paused: please see your shift lead", timeout: 30)
                #expect(tmux.screen().contains("paused"))
            }
            tmux.type("q")
            tmux.waitFor("[exited 0]")
        }

        // And the hub's report shows ana right on all 6 gold items and bea on none, paused
        let report = succeeds(["report", "quality", "--db", hub, "--project", "sentiment", "--format", "csv"])
        let rows = report.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let header = rows.first ?? []
        func value(_ person: String, _ column: String) -> String? {
            guard let index = header.firstIndex(of: column), let row = rows.first(where: { $0.first == person }) else { return nil }
            return row[index]
        }
        #expect(value("ana", "scored") == "6", "\(report)")
        #expect(value("ana", "accuracy").flatMap(Double.init) == 1)
        #expect(value("bea", "scored") == "6")
        #expect(value("bea", "accuracy").flatMap(Double.init) == 0)
        #expect(value("bea", "standing") == "paused")
        #expect(value("ana", "standing") != "paused")
    }
}
