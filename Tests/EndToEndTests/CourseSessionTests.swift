import Foundation
import GRDB
import Testing

/// A new labeler qualifies for a project on the terminal: the real binary in tmux, on the
/// demo workspace, with a course published by a trainer that the sentiment queue needs.
@Suite(.serialized) struct CourseSessionTests {
    /// A small course folder, written as a trainer would: one lesson, one true-or-false
    /// question, all marks to pass, a retry wait of a few seconds. GIFT gives a true-or-false
    /// question's feedback for a wrong answer first, then for a right one.
    static func writeCourse(in root: URL) throws {
        let folder = root.appendingPathComponent("sentiment-basics")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        let files = [
            "course.conf": """
                title: Sentiment basics
                pass mark: 100%
                attempts: 3
                retry wait: 4s
                qualifies: sentiment
                lesson: lessons/01-opinion.md
                quiz: quiz.gift
                feedback: at the end
                """,
            "lessons/01-opinion.md": "# Whose opinion\n\nLabel the reviewer's opinion of the film, not the plot's mood.\n",
            "quiz.gift": "::Opinion::A sad film the reviewer loved is labeled negative. {F#The reviewer loved it: positive.#Right.}\n",
        ]
        for (path, text) in files { try Data((text + "\n").utf8).write(to: folder.appendingPathComponent(path)) }
    }

    @Test func aNewLabelerIsLockedOutFailsWaitsPassesAndTheProjectOpens() throws {
        // Given the demo, a trainer who publishes a course the sentiment queue needs, and a new labeler
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        #expect(binary.run(["demo"]).status == 0)
        // Syncs every few seconds, so the hub's answer to the pass comes soon.
        try binary.setSetting("syncIntervalSeconds", 3)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-training-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeCourse(in: root)
        #expect(binary.run(["user", "add", "tess", "--role", "trainer", "--display-name", "Tess Trainer"], input: "trainer-password\n").status == 0)
        #expect(binary.run(["user", "add", "lea", "--role", "labeler", "--display-name", "Lea Labeler"], input: "labeler-password\n").status == 0)
        let published = binary.run(["course", "publish", root.path, "--as", "tess"])
        #expect(published.status == 0, "\(published.output)")
        #expect(published.output.contains("Published sentiment-basics"), "\(published.output)")

        // When Lea logs in, the sentiment queue is locked and says which course opens it
        let tmux = TmuxSession()
        tmux.start(binary.terminalCommand)
        tmux.waitFor("Press Enter to acknowledge")
        tmux.send("Enter")
        tmux.waitFor("Username")
        tmux.type("lea")
        tmux.send("Enter")
        tmux.type("labeler-password")
        tmux.send("Enter")
        tmux.waitFor("Sentiment basics")
        tmux.waitFor("locked")
        tmux.openQueue(row: 4)
        tmux.waitFor("Locked: pass \"Sentiment basics\" first. Press c for your courses.")

        // She opens the course, reads its lesson and fails the quiz
        tmux.type("c")
        tmux.waitFor("Your courses")
        tmux.send("Enter")
        tmux.waitFor("Start the quiz (1 question)")
        tmux.send("Enter")
        tmux.waitFor("Label the reviewer's opinion of the film")
        tmux.type("q")
        tmux.waitFor("✓ read")
        tmux.type("s")
        tmux.waitFor("question 1 of 1")
        tmux.type("t")
        tmux.send("Enter")
        tmux.waitFor("Not passed")
        tmux.waitFor("The reviewer loved it: positive.")
        tmux.waitFor("You can try again at")

        // Back on the course page the start is refused with when, until the wait is over
        tmux.send("Enter")
        tmux.waitFor("Status: retry at")
        tmux.type("s")
        tmux.waitFor("You can try again at")
        tmux.waitFor("Status: not passed yet", timeout: 30)

        // Then she passes, and back home the queue opens
        tmux.type("s")
        tmux.waitFor("question 1 of 1")
        tmux.type("f")
        tmux.send("Enter")
        tmux.waitFor("Passed")
        tmux.waitFor("This opens your work on: sentiment.")
        tmux.send("Enter")
        tmux.waitFor("Status: passed")
        tmux.type("q")
        tmux.waitFor("Your courses")
        tmux.type("q")
        tmux.waitFor("Your queues")
        tmux.waitFor("Sentiment basics  passed")
        // The hub took the pass at the sync the attempt asked for: the queue has work for her
        let opened = waitUntilTheQueueOpens(tmux)
        #expect(opened, "\(tmux.screen())")
        tmux.send("q")
        tmux.waitFor("Your queues")
        tmux.type("q")
        tmux.waitFor("[exited 0]")

        // And the hub holds both attempts, the second passed; the station's outbox is empty
        let status = binary.run(["course", "status", "sentiment-basics", "--format", "csv"])
        #expect(status.status == 0, "\(status.output)")
        let lea = status.output.split(separator: "\n").first { $0.hasPrefix("lea,") }.map(String.init) ?? ""
        #expect(lea.contains(",passed,"), "\(status.output)")
        #expect(lea.contains(",2,3,"), "\(status.output)")
        let station = try binary.station()
        try station.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_outbox") == 0)
            let standing = try String.fetchOne(db, sql: "SELECT standing FROM course_standing WHERE username = 'lea' AND course_id = 'sentiment-basics'") ?? ""
            let attempts = (try JSONSerialization.jsonObject(with: Data(standing.utf8)) as? [String: Any])?["attempts"] as? [[String: Any]] ?? []
            #expect(attempts.count == 2, "\(standing)")
            #expect(attempts.map { $0["passed"] as? Bool } == [false, true])
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pause WHERE username = 'lea'") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lesson_reading WHERE username = 'lea'") == 1)
        }
    }

    /// Opens the sentiment queue (row 4) until a task shows: the hub lifts the lock and
    /// leases her work at the sync after the pass, or the next. True once a task is up.
    func waitUntilTheQueueOpens(_ tmux: TmuxSession) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            tmux.send("Home")
            for _ in 0..<4 { tmux.send("Down") }
            tmux.send("Enter")
            // Whichever comes first: a task, an empty queue, or home saying why not.
            let answerBy = Date().addingTimeInterval(3)
            var screen = tmux.screen()
            while Date() < answerBy, !(screen.contains("on task") || screen.contains("has nothing waiting") || screen.contains("Locked:")) {
                usleep(50_000)
                screen = tmux.screen()
            }
            if screen.contains("on task"), !screen.contains("Queue empty") { return true }
            if screen.contains("Queue empty") {
                tmux.type("q")
                tmux.waitFor("Your queues")
            }
        }
        return false
    }
}
