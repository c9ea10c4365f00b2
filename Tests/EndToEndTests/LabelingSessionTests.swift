import Foundation
import GRDB
import Testing

/// The real binary in tmux, typed at as a labeler would, checked on screen and on disk.
///
/// The demo tasks come from SST-2 in file order: line 1 "one long string of cliches .",
/// line 2 "if you 've ever entertained ...", line 3 "k-19 exploits ...", line 4 "it 's
/// played in the most straight-faced fashion ...".
@Suite(.serialized) struct LabelingSessionTests {
    func logIn(_ tmux: TmuxSession, password: String = "demo-labeler") {
        tmux.waitFor("Press Enter to acknowledge")
        tmux.send("Enter")
        tmux.waitFor("Username")
        tmux.type("demo")
        tmux.send("Enter")
        tmux.type(password)
        tmux.send("Enter")
    }

    /// Opens the demo's sentiment queue: the fifth of the demo's queues, listed by id
    /// (buildings, compare, entities, landcover, sentiment, write).
    func openQueue(_ tmux: TmuxSession) {
        tmux.waitFor("Movie review sentiment")
        for _ in 0..<4 { tmux.send("Down") }
        tmux.send("Enter")
    }

    @Test func labelSkipUndoQuitResumeAndExport() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let tmux = TmuxSession()

        // Given a first run, which creates the demo workspace
        tmux.start(binary.terminalCommand)
        logIn(tmux)
        openQueue(tmux)

        // When the labeler labels three tasks, skips one and undoes the skip
        tmux.waitFor("one long string of cliches")
        tmux.type("n")
        tmux.send("Enter")
        tmux.waitFor("if you 've ever entertained")
        tmux.type("2")
        tmux.send("Enter")
        tmux.waitFor("k-19 exploits")
        tmux.type("1")
        tmux.send("Enter")
        tmux.waitFor("straight-faced fashion")
        tmux.type("s")
        tmux.waitFor("Why skip this task?")
        tmux.type("2")
        tmux.waitFor("there is a fabric of complex ideas")
        tmux.type("u")
        tmux.waitFor("Undone. This task is back")
        #expect(tmux.screen().contains("straight-faced fashion"))
        tmux.type("?")
        tmux.waitFor("Keys on the task screen")
        tmux.type("x")

        // And quits
        tmux.type("q")
        tmux.waitFor("Your queues")
        tmux.type("q")
        tmux.waitFor("[exited 0]")

        // Then starting again resumes at the task whose skip was undone
        let again = TmuxSession()
        again.start(binary.terminalCommand)
        logIn(again)
        again.waitFor("Last successful logon")
        openQueue(again)
        again.waitFor("straight-faced fashion")
        again.type("q")
        again.waitFor("Your queues")
        again.type("q")
        again.waitFor("[exited 0]")

        // And the export holds exactly the labels typed
        let export = binary.run(["export", "--project", "sentiment", "--format", "jsonl"])
        #expect(export.status == 0, "\(export.output)")
        let lines = export.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        func work(_ line: [String: Any]) -> [String: Any]? { (line["annotations"] as? [[String: Any]])?.first }
        let labels = lines.map { line in
            let answer = work(line)?["answer"] as? [String: Any]
            return "\(line["id"] as? String ?? "?")=\((answer?["labels"] as? [String])?.joined(separator: ",") ?? "?")"
        }
        #expect(labels == ["sst2-dev-0001=negative", "sst2-dev-0002=positive", "sst2-dev-0003=negative"])
        #expect(lines.allSatisfy { work($0)?["annotator"] as? String == "demo" })

        // And the station sent everything: nothing waits in the outbox
        let pending = try binary.station().read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox") }
        #expect(pending == 0)

        // And the audit chain holds
        let audit = binary.run(["audit", "verify"])
        #expect(audit.status == 0, "\(audit.output)")
        #expect(audit.output.contains("station audit log: intact"))
    }

    @Test func threeWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        #expect(binary.run(["demo"]).status == 0)
        let tmux = TmuxSession()
        tmux.start(binary.terminalCommand)

        logIn(tmux, password: "wrong-1")
        tmux.waitFor("Wrong username or password")
        tmux.type("wrong-2")
        tmux.send("Enter")
        tmux.waitFor("Wrong username or password")
        tmux.type("wrong-3")
        tmux.send("Enter")
        tmux.waitFor("the account is now locked")
        // Even the right password is refused now
        tmux.type("demo-labeler")
        tmux.send("Enter")
        tmux.waitFor("This account is locked")
        #expect(binary.run(["user", "list"]).output.contains("LOCKED"))

        let unlock = binary.run(["user", "unlock", "demo"])
        #expect(unlock.status == 0, "\(unlock.output)")
        tmux.type("demo-labeler")
        tmux.send("Enter")
        tmux.waitFor("Your queues")
        tmux.type("q")
        tmux.waitFor("[exited 0]")
    }

    @Test func aSubmissionSurvivesSIGKILLExactlyOnce() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        #expect(binary.run(["demo"]).status == 0)
        // Keep submissions in the outbox so the kill lands before any sync
        try binary.setSetting("undoWindowSeconds", 3600)
        let tmux = TmuxSession()
        tmux.start(binary.terminalCommand)
        logIn(tmux)
        openQueue(tmux)
        tmux.waitFor("one long string of cliches")
        tmux.type("p")
        tmux.send("Enter")
        // The submit has returned once the next task is drawn: kill at once
        tmux.waitFor("if you 've ever entertained")
        let pid = try #require(tmux.programPID(named: "labeldesk"))
        #expect(kill(pid, SIGKILL) == 0)
        tmux.waitFor("[exited 137]")

        let (annotations, outbox) = try binary.station().read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM annotation WHERE task_id = 'sst2-dev-0001'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox JOIN annotation ON annotation.id = outbox.annotation_id WHERE annotation.task_id = 'sst2-dev-0001'") ?? -1)
        }
        #expect(annotations == 1)
        #expect(outbox == 1)

        // And on restart the labeler resumes at the next task, the work still there once
        let again = TmuxSession()
        again.start(binary.terminalCommand)
        logIn(again)
        openQueue(again)
        again.waitFor("if you 've ever entertained")
        again.type("q")
        again.waitFor("Your queues")
        again.type("q")
        again.waitFor("[exited 0]")
        let export = binary.run(["export", "--project", "sentiment", "--format", "jsonl"])
        #expect(export.output.split(separator: "\n").count == 1)
        #expect(export.output.contains("\"answer\":{\"labels\":[\"positive\"]}"), "\(export.output)")
    }

    @Test func aBadImportNamesTheLineAndImportsNothing() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let create = binary.run(["project", "create", "--id", "topics", "--title", "News topics", "--labels", "sport,politics"])
        #expect(create.status == 0, "\(create.output)")
        let file = binary.workspace.appendingPathComponent("tasks.jsonl")
        try Data("{\"text\":\"fine\"}\n{\"text\":\"also fine\",\"marking\":\"SECRET\"}\n{\"id\":\"x\"}\n".utf8).write(to: file)

        let result = binary.run(["import", "--project", "topics", file.path])
        #expect(result.status != 0)
        #expect(result.output.contains("tasks.jsonl:3:"), "\(result.output)")
        #expect(!result.output.contains("Fatal"))
        #expect(binary.run(["project", "list"]).output.contains("open 0"))

        try Data("{\"text\":\"fine\"}\n{\"text\":\"also fine\",\"marking\":\"SECRET\"}\n".utf8).write(to: file)
        let good = binary.run(["import", "--project", "topics", file.path])
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("Imported 2 tasks"))
    }
}
