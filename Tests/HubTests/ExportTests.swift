import TestSupport
import Domain
import Foundation
import Hub
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
        let jsonl = try hub.exportJSONL(projectID: "sentiment", actor: "admin", now: monday + 120)

        // Then each answered task is one line, exactly so
        #expect(jsonl == """
            {"annotated_at":"2025-03-03T09:00:30Z","annotator":"ana","id":"t1","labels":["negative"],"marking":"UNCLASSIFIED","meta":{"source":"imdb"},"seconds_on_task":3,"station":"station-1","text":"text of t1"}
            {"annotated_at":"2025-03-03T09:00:45Z","annotator":"ana","id":"t2","labels":[],"marking":"UNCLASSIFIED","seconds_on_task":3,"skip_reason":"Text is broken or empty","station":"station-1","text":"text of t2"}

            """)
        let lastAudit = try HubDatabase(path: directory.path("hub.sqlite")).recentAuditEntries(limit: 1).last
        #expect(lastAudit?.kind == "export")
        #expect(lastAudit?.detail == "exported 2 tasks of sentiment")
    }
}
