import Foundation
import GRDB
import Testing

/// `labeldesk course publish|assign|status|mark` and `cohort create|add|list`, run as a
/// trainer would on the hub's machine, on course folders written as files.
@Suite struct CoursePublishCommandTests {
    @Test func aTrainerPublishesAssignsToACohortAndFollowsTheCourse() throws {
        // Given a hub with sentiment, a trainer, a lead and two labelers, and a Training folder with a broken course beside a good one
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-courses-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("Training/basics/course.conf", "title: LabelDesk basics\npass mark: 80%\nattempts: 3\nqualifies: sentiment\nlesson: keys.md\nquiz: quiz.gift\n")
        try write("Training/basics/keys.md", "# Keys\n\nEnter submits.\n")
        try write("Training/basics/quiz.gift", "::Enter:: Which key submits? {=Enter ~Tab}\n")
        try write("Training/broken/course.conf", "title: Broken\nlesson: missing.md\n")
        let hub = folder.appendingPathComponent("hub.sqlite").path
        let training = folder.appendingPathComponent("Training").path
        func run(_ arguments: [String]) -> (status: Int32, output: String) {
            let result = binary.run(arguments)
            return (result.status, result.output)
        }
        func succeeds(_ arguments: [String]) -> String {
            let result = run(arguments)
            #expect(result.status == 0, "labeldesk \(arguments.joined(separator: " ")): \(result.output)")
            return result.output
        }
        func fails(_ arguments: [String]) -> String {
            let result = run(arguments)
            #expect(result.status != 0, "labeldesk \(arguments.joined(separator: " ")) should fail: \(result.output)")
            return result.output
        }
        _ = succeeds(["project", "create", "--db", hub, "--id", "sentiment", "--title", "Sentiment", "--labels", "negative:n,positive:p"])
        for (person, role) in [("tom", "trainer"), ("lee", "lead"), ("ana", "labeler"), ("bea", "labeler")] {
            _ = succeeds(["user", "add", person, "--db", hub, "--role", role])
        }

        // When tom publishes: refused whole, with the broken course's file and line
        let refused = fails(["course", "publish", training, "--db", hub, "--as", "tom"])
        #expect(refused.contains("nothing was published"), "\(refused)")
        #expect(refused.contains("broken/course.conf:2: \"missing.md\" is not in the course folder; add the file or correct the name"), "\(refused)")
        #expect(!refused.contains("Stack") && !refused.contains("Fatal"))
        // And a labeler may not publish at all
        #expect(fails(["course", "publish", training, "--db", hub, "--as", "ana"]).contains("ana is a labeler at the hub; only trainers and admins publish courses"))

        // When the broken course is taken out, from the default folder ($LABELDESK_TRAINING), twice
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Training/broken"))
        var environment = ProcessInfo.processInfo.environment
        environment["LABELDESK_TRAINING"] = training
        let published = Spawn.run([binary.path, "course", "publish", "--db", hub, "--as", "tom", "--workspace", binary.workspace.path], environment: environment)
        #expect(published.status == 0, "\(published.output)")
        #expect(published.output.contains("Published basics (version "), "\(published.output)")
        #expect(succeeds(["course", "publish", training, "--db", hub, "--as", "tom"]).contains("Unchanged: basics."))

        // And makes a cohort of ana and bea and assigns basics to it, due in 3 days
        #expect(succeeds(["cohort", "create", "intake", "--db", hub, "--as", "tom"]).contains("Made cohort intake"))
        #expect(succeeds(["cohort", "add", "intake", "ana", "bea", "--db", hub, "--as", "tom"]).contains("Added ana, bea to intake."))
        #expect(succeeds(["cohort", "list", "--db", hub]).contains("intake\t2 people\tana, bea"))
        let assigned = succeeds(["course", "assign", "basics", "--cohort", "intake", "--due", "3d", "--db", hub, "--as", "lee"])
        #expect(assigned.contains("Assigned basics to cohort intake (ana, bea), due "), "\(assigned)")

        // Then the status lists both, not started, 0 of 3 attempts; CSV and JSON say the same
        let table = succeeds(["course", "status", "basics", "--db", hub])
        #expect(table.contains("basics: LabelDesk basics (version "), "\(table)")
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("ana") || $0.hasPrefix("bea") }
        #expect(rows.count == 2, "\(table)")
        #expect(rows.allSatisfy { $0.contains("by lee (cohort intake)") && $0.contains("not started") && $0.contains("0/3") }, "\(table)")
        let csv = succeeds(["course", "status", "basics", "--db", hub, "--format", "csv"]).split(separator: "\n")
        #expect(csv.first == "person,assigned,assigned_at,due,state,attempts,allowed,best,overdue,last_attempt")
        #expect(csv.count == 3)
        let json = succeeds(["course", "status", "basics", "--db", hub, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["people"] as? [[String: Any]])?.compactMap { $0["person"] as? String } == ["ana", "bea"])

        // And mistakes are named in a sentence, changing nothing
        #expect(fails(["course", "assign", "basics", "--to", "zed", "--db", hub, "--as", "tom"]).contains("\"zed\" is not on the hub's roster"))
        #expect(fails(["course", "assign", "cooking", "--to", "ana", "--db", hub, "--as", "tom"]).contains("there is no published course \"cooking\"; the published courses are basics"))
        #expect(fails(["course", "assign", "basics", "--cohort", "night", "--db", hub, "--as", "tom"]).contains("there is no cohort \"night\"; the cohorts are intake"))
        #expect(fails(["course", "assign", "basics", "--to", "ana", "--due", "soon", "--db", hub, "--as", "tom"])
            .contains("--due \"soon\" is not a date; give a day like 2026-12-15, or a time from now like 3d, 12h or 90m"))
        #expect(fails(["course", "assign", "basics", "--to", "ana", "--due", "2020-01-01", "--db", hub, "--as", "tom"]).contains("is already past"))
        #expect(fails(["course", "assign", "basics", "--to", "ana", "--db", hub, "--as", "bea"]).contains("only trainers, leads and admins assign courses"))
        #expect(fails(["cohort", "add", "intake", "zed", "--db", hub, "--as", "tom"]).contains("\"zed\" is not on the hub's roster"))
        #expect(fails(["course", "mark", "not-an-id", "q0", "1", "--db", hub, "--as", "tom"]).contains("\"not-an-id\" is not an attempt's id"))
        #expect(fails(["course", "mark", UUID().uuidString, "q0", "150%", "--db", hub, "--as", "tom"]).contains("the mark \"150%\" is outside 0 to 1"))
        #expect(fails(["course", "mark", UUID().uuidString, "q0", "50%", "--db", hub, "--as", "tom"]).contains("the hub has no attempt"))
        #expect(succeeds(["course", "status", "basics", "--db", hub, "--format", "csv"]).split(separator: "\n").count == 3)
        // And each change is in the hub's audit log, by who made it
        let audited = try DatabaseQueue(path: hub).read { db in
            try Row.fetchAll(db, sql: "SELECT kind, actor FROM audit_entry WHERE kind LIKE 'course.%' OR kind LIKE 'cohort.%' ORDER BY seq")
                .map { "\($0["kind"] as String) \($0["actor"] as String)" }
        }
        #expect(audited == ["course.publish tom", "cohort.create tom", "cohort.add tom", "course.assign lee"])
    }
}
