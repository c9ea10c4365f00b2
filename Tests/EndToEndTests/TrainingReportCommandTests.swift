import Domain
import Foundation
import Hub
import Store
import Testing

/// `labeldesk report training --course C` and `gold policy --remediation`, run as a
/// trainer and an admin would on a hub set up by the commands and filled through the
/// hub's own sync API (leases, gold answers, lesson readings, attempts), as stations fill it.
@Suite struct TrainingReportCommandTests {
    static let course: [String: String] = [
        "negation/course.conf": """
            title: Negation
            pass mark: 50%
            lesson: lessons/negation.md | lessons/negation-b.md
            quiz: quiz.gift
            remediate label negative: lessons/negation.md

            """,
        "negation/lessons/negation.md": "# Negation\n\n\"Not bad\" is positive.\n",
        "negation/lessons/negation-b.md": "# Negation, told another way\n\nA negated negative word is positive.\n",
        "negation/quiz.gift": """
            ::Not bad:: "It was not bad at all" is {=positive ~negative}

            ::Sarcasm:: Sarcasm can flip a sentence's sentiment. {T}

            """,
    ]

    @Test func aRemediatedPausedLabelerPassesTheRetestAndTheTrainersReportShowsItAll() throws {
        // Given a hub made by the admin commands: a sentiment project, ana and bea, the trainer tess, 20 gold
        // items (g0-g9 positive, g10-g19 negative), all onboarding, remediation below 80% after 10 items
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-training-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let hubPath = file("hub.sqlite")
        func succeeds(_ arguments: [String]) -> String {
            let result = binary.run(arguments)
            #expect(result.status == 0, "labeldesk \(arguments.joined(separator: " ")): \(result.output)")
            return result.output
        }
        _ = succeeds(["project", "create", "--db", hubPath, "--id", "sentiment", "--title", "Sentiment", "--labels", "positive:p,negative:n"])
        for (name, role) in [("ana", "labeler"), ("bea", "labeler"), ("tess", "trainer")] {
            _ = succeeds(["user", "add", name, "--role", role, "--db", hubPath])
        }
        func gold(_ range: Range<Int>) -> String {
            range.map { #"{"id": "g\#($0)", "text": "gold \#($0)", "annotations": [{"answer": {"labels": ["\#($0 < 10 || $0 >= 20 ? "positive" : "negative")"]}, "annotator": "tess"}]}"# }
                .joined(separator: "\n") + "\n"
        }
        try Data(gold(0..<20).utf8).write(to: URL(fileURLWithPath: file("gold.jsonl")))
        _ = succeeds(["gold", "import", "--db", hubPath, "--project", "sentiment", file("gold.jsonl")])
        let policy = succeeds([
            "gold", "policy", "--db", hubPath, "--project", "sentiment", "--rate", "0", "--proven-rate", "0", "--onboarding", "20", "--minimum", "19",
            "--remediation", "0.8", "--remediation-minimum", "10",
        ])
        #expect(policy.contains("remediation below 0.8 on a label or error class, after 10 scored gold items on it"), "\(policy)")
        for (path, text) in Self.course {
            let url = folder.appendingPathComponent("training").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        _ = succeeds(["course", "publish", file("training"), "--as", "tess", "--db", hubPath])
        _ = succeeds(["course", "assign", "negation", "--to", "ana", "--due", "3d", "--as", "tess", "--db", hubPath])

        // When stations sync through the hub's API, two hours ago onward: ana gets g0-g4 right and every other
        // item wrong (g9 never sent): 5 of 19, paused, and negative 0 of 10 assigns the lesson; bea gets 6 of
        // her first 10, reads the second version, then 9 of 10
        let hub = Hub(database: try HubDatabase(path: hubPath))
        let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 7200).rounded())
        func minutes(_ count: Double) -> Date { start.addingTimeInterval(count * 60) }
        func leases(_ person: String, at time: Date) throws -> SyncReply {
            try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 20, people: [person]), now: time)
        }
        func answer(_ lease: LeasedTask, _ label: String, _ person: String, at time: Date) -> Annotation {
            Annotation(
                id: UUID(), taskID: lease.task.id, projectID: "sentiment", labels: [label], username: person, stationID: "station-1",
                leaseEpoch: lease.epoch, createdAt: time, secondsOnTask: 4)
        }
        func number(_ lease: LeasedTask) -> Int { Int(lease.task.id.dropFirst()) ?? -1 }
        let anaLeases = try leases("ana", at: start).leases.sorted { number($0) < number($1) }
        let beaLeases = try leases("bea", at: start).leases.sorted { number($0) < number($1) }
        #expect(anaLeases.count == 20 && beaLeases.count == 20)
        let anas = anaLeases.filter { number($0) != 9 }.enumerated().map { index, lease in
            answer(lease, number(lease) < 5 ? "positive" : (number(lease) < 10 ? "negative" : "positive"), "ana", at: minutes(1 + Double(index)))
        }
        let beas = beaLeases.enumerated().map { index, lease -> Annotation in
            let right = index < 10 ? index < 6 : index < 19
            let key = number(lease) < 10 ? "positive" : "negative"
            return answer(lease, right ? key : (key == "positive" ? "negative" : "positive"), "bea", at: minutes(index < 10 ? 1 + Double(index) : 21 + Double(index)))
        }
        let readings = [("ana", false), ("bea", true)].map { person, variant in
            LessonReading(id: UUID(), username: person, stationID: "station-1", courseID: "negation", lesson: "lessons/negation.md", variant: variant, at: minutes(30))
        }
        _ = try hub.exchange(SyncRequest(stationID: "station-1", annotations: anas + beas, cursor: 0, wantedLeases: 0, lessonReadings: readings), now: minutes(41))
        let paused = try leases("ana", at: minutes(42))
        #expect(paused.pauses == [QueuePause(username: "ana", projectID: "sentiment")])
        let status = succeeds(["course", "status", "negation", "--db", hubPath])
        #expect(status.contains("remediation (sentiment: label negative)"), "\(status)")

        // And ana passes the retest, and her next sync is handed the five new gold items first
        try Data(gold(20..<25).utf8).write(to: URL(fileURLWithPath: file("more.jsonl")))
        _ = succeeds(["gold", "import", "--db", hubPath, "--project", "sentiment", file("more.jsonl")])
        let version = try #require(try hub.course(id: "negation")?.version)
        let retest = CourseAttempt(
            id: UUID(), courseID: "negation", courseVersion: version, username: "ana", stationID: "station-1", startedAt: minutes(44),
            finishedAt: minutes(45), responses: ["q0": .question(.choice(0)), "q1": .question(.truth(true))])
        let fresh = try hub.exchange(
            SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 5, people: ["ana"], attempts: [retest]), now: minutes(46))
        #expect(fresh.pauses == [] && fresh.leases.map(\.task.id).sorted() == ["g20", "g21", "g22", "g23", "g24"])
        _ = try hub.exchange(
            SyncRequest(stationID: "station-1", annotations: fresh.leases.enumerated().map { answer($1, "positive", "ana", at: minutes(50 + Double($0))) }, cursor: 0,
                        wantedLeases: 0), now: minutes(56))

        // Then the trainer's table fits 80 columns and tells the story
        let table = succeeds(["report", "training", "--course", "negation", "--db", hubPath])
        let wide = table.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "lines over 80 columns:\n\(wide.joined(separator: "\n"))")
        #expect(table.contains("negation: Negation (version \(version)), pass mark 50%, unlimited attempts"), "\(table)")
        #expect(table.contains("1 assigned, 1 started, 1 passed, 0 failed, 0 overdue"), "\(table)")
        #expect(table.contains("remediation: label negative"), "\(table)")
        #expect(table.range(of: #"ana +sentiment +label negative +\d{4}-\d\d-\d\d +\d{4}-\d\d-\d\d"#, options: .regularExpression) != nil, "cleared: \(table)")
        #expect(table.contains("ana: fresh start on sentiment's gold from"), "\(table)")
        #expect(table.contains("(set aside 19 scored items at 26%)"), "\(table)")
        #expect(table.contains("1 counted attempts at version \(version), 2 items of 1 mark"), "\(table)")
        // ana 0 of her last 10 before, 5 of 5 after; bea 6 of 10, then 9 of 10: 6 of 20 before, 14 of 15 after
        #expect(table.range(of: #"lessons/negation\.md +2 +30% of 20 +93% of 15 +\+65"#, options: .regularExpression) != nil, "\(table)")
        #expect(table.contains("lessons/negation.md "), "\(table)")
        #expect(table.contains("Lesson versions"), "\(table)")
        #expect(table.range(of: #"lessons/negation-b\.md +1 readers +90% of 10"#, options: .regularExpression) != nil, "\(table)")
        #expect(table.contains("difference -10 points"), "\(table)")

        // And CSV and JSON carry the same, with the counts behind them
        let csv = succeeds(["report", "training", "--course", "negation", "--db", hubPath, "--format", "csv"])
        #expect(csv.contains("\nremediation,ana,sentiment,label negative,lessons/negation.md,"), "\(csv)")
        #expect(csv.contains("\nreader,lessons/negation.md,ana,"), "\(csv)")
        #expect(csv.contains(",10,0.0000,5,5.0000,1.0000\n"), "ana's reader row: \(csv)")
        let json = succeeds(["report", "training", "--course", "negation", "--db", hubPath, "--format", "json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let efficacy = try #require((decoded["efficacy"] as? [[String: Any]])?.first)
        let change = try #require(efficacy["change"] as? [String: Any])
        #expect(change["paired"] as? Int == 2)
        #expect(abs((change["mean"] as? Double ?? 0) - (1.0 + 0.3) / 2) < 1e-12, "\(change)")
        #expect((decoded["resets"] as? [[String: Any]])?.first?["scoredSetAside"] as? Int == 19)

        // And a course that is not published is a sentence, not a trace
        let unknown = binary.run(["report", "training", "--course", "nope", "--db", hubPath])
        #expect(unknown.status != 0 && unknown.output.contains("there is no published course \"nope\"; the published courses are negation"), "\(unknown.output)")
        let badRemediation = binary.run(["gold", "policy", "--db", hubPath, "--project", "sentiment", "--remediation", "most"])
        #expect(badRemediation.status != 0 && badRemediation.output.contains("--remediation is an accuracy like 0.8 or 80%, or off"), "\(badRemediation.output)")
    }
}
