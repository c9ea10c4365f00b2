import TestSupport
import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing

@Suite("Exporting answers")
struct ExportTests {
    @Test func linesHaveSortedKeysAndOnlyAnsweredTasks() throws {
        // Given three tasks: one labeled, one skipped, one never answered
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        try hub.importTasks(
            projectID: "sentiment",
            tasks: [task("t1", meta: #"{"source":"imdb"}"#), task("t2"), task("t3")], actor: "admin", now: monday)
        let leases = try hub.exchange(request(wanted: 3), now: monday).leases
        _ = try hub.exchange(request([
            work(on: leases[0], labels: ["negative"], at: monday + 30),
            work(on: leases[1], skipReason: "Text is broken or empty", at: monday + 45),
        ]), now: monday + 60)

        // When the project is exported
        let (project, records) = try hub.exportRecords(projectID: "sentiment", all: false, actor: "admin", now: monday + 120)
        let jsonl = String(decoding: try JSONLFormat.write(records, project: project), as: UTF8.self)

        // Then each answered task is one line, exactly so
        #expect(jsonl == """
            {"annotations":[{"annotator":"ana","answer":{"labels":["negative"]},"created_at":"2025-03-03T09:00:30.000Z","seconds_on_task":3}],"id":"t1","marking":"UNCLASSIFIED","meta":{"source":"imdb"},"text":"text of t1"}
            {"annotations":[{"annotator":"ana","created_at":"2025-03-03T09:00:45.000Z","seconds_on_task":3,"skip_reason":"Text is broken or empty"}],"id":"t2","marking":"UNCLASSIFIED","text":"text of t2"}

            """)
        let lastAudit = try HubDatabase(path: directory.path("hub.sqlite")).recentAuditEntries(limit: 1).last
        #expect(lastAudit?.kind == "export")
        #expect(lastAudit?.detail == "exported 2 answered tasks of sentiment")
    }
}
