import Foundation
import GRDB
import Testing

/// A new labeler qualifies for a project on the terminal, then slips on its gold and is
/// given the lesson again: the real binary in tmux, on the demo workspace, with a project
/// of film reviews, its gold, and a course a trainer publishes that its queue needs.
@Suite(.serialized) struct CourseSessionTests {
    /// A small course folder, written as a trainer would: one lesson, one true-or-false
    /// question, all marks to pass, a retry wait of a few seconds, the lesson given again to
    /// whoever misses positives on gold. GIFT gives a true-or-false question's feedback for
    /// a wrong answer first, then for a right one.
    static func writeCourse(in root: URL) throws {
        let folder = root.appendingPathComponent("sentiment-basics")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        let files = [
            "course.conf": """
                title: Sentiment basics
                pass mark: 100%
                attempts: 3
                retry wait: 4s
                qualifies: reviews
                lesson: lessons/01-opinion.md
                quiz: quiz.gift
                feedback: at the end
                remediate label positive: lessons/01-opinion.md
                """,
            "lessons/01-opinion.md": "# Whose opinion\n\nLabel the reviewer's opinion of the film, not the plot's mood.\n",
            "quiz.gift": "::Opinion::A sad film the reviewer loved is labeled negative. {F#The reviewer loved it: positive.#Right.}\n",
        ]
        for (path, text) in files { try Data((text + "\n").utf8).write(to: folder.appendingPathComponent(path)) }
    }

    static let goldTexts = ["a joyous , moving film .", "the best picture of the year .", "warm , funny and wise .", "a triumph from start to finish ."]

    /// The reviews project's files: six tasks, and four gold items whose key is positive.
    static func writeProject(in root: URL) throws {
        let tasks = (1...6).map { #"{"id": "r\#($0)", "text": "film review number \#($0) ."}"# }
        let gold = goldTexts.enumerated().map {
            #"{"id": "g\#($0.offset + 1)", "text": "\#($0.element)", "annotations": [{"annotator": "tess", "answer": {"labels": ["positive"]}, "ground_truth": true}]}"#
        }
        try Data((tasks.joined(separator: "\n") + "\n").utf8).write(to: root.appendingPathComponent("reviews.jsonl"))
        try Data((gold.joined(separator: "\n") + "\n").utf8).write(to: root.appendingPathComponent("gold.jsonl"))
    }

    @Test func aNewLabelerIsLockedOutFailsWaitsPassesAndTheProjectOpensThenGoldErrorsAssignTheLesson() throws {
        // Given the demo, a reviews project with gold (a new person's first four leases are
        // gold; four items on a label are enough for remediation to look), a trainer who
        // publishes a course the reviews queue needs and assigns it, and a new labeler
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        #expect(binary.run(["demo"]).status == 0)
        // Syncs every few seconds and sends work soon after it is done, so the hub answers soon.
        try binary.setSetting("syncIntervalSeconds", 3)
        try binary.setSetting("undoWindowSeconds", 1)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-training-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeCourse(in: root.appendingPathComponent("courses"))
        try Self.writeProject(in: root)
        func succeeds(_ arguments: [String], input: String? = nil) -> String {
            let result = binary.run(arguments, input: input)
            #expect(result.status == 0, "\(arguments): \(result.output)")
            return result.output
        }
        _ = succeeds(["project", "create", "--id", "reviews", "--title", "Film reviews", "--labels", "negative:n,positive:p"])
        _ = succeeds(["import", "--project", "reviews", root.appendingPathComponent("reviews.jsonl").path])
        _ = succeeds(["gold", "import", "--project", "reviews", root.appendingPathComponent("gold.jsonl").path])
        _ = succeeds(["gold", "policy", "--project", "reviews", "--onboarding", "4", "--remediation", "80%", "--remediation-minimum", "4"])
        _ = succeeds(["user", "add", "tess", "--role", "trainer", "--display-name", "Tess Trainer"], input: "trainer-password\n")
        _ = succeeds(["user", "add", "lea", "--role", "labeler", "--display-name", "Lea Labeler"], input: "labeler-password\n")
        let published = succeeds(["course", "publish", root.appendingPathComponent("courses").path, "--as", "tess"])
        #expect(published.contains("Published sentiment-basics"), "\(published)")
        _ = succeeds(["course", "assign", "sentiment-basics", "--to", "lea", "--due", "3d", "--as", "tess"])

        // When Lea logs in, the reviews queue (row 4, by id) is locked and says which course opens it
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
        tmux.waitFor("Status: due", timeout: 30)

        // Then she passes, and back home the queue opens
        tmux.type("s")
        tmux.waitFor("question 1 of 1")
        tmux.type("f")
        tmux.send("Enter")
        tmux.waitFor("Passed")
        tmux.waitFor("This opens your work on: reviews.")
        tmux.send("Enter")
        tmux.waitFor("Status: passed")
        tmux.type("q")
        tmux.waitFor("Your courses")
        tmux.type("q")
        tmux.waitFor("Your queues")
        // (the home panel lines its statuses up in a column)
        tmux.waitFor("passed \(Calendar(identifier: .gregorian).component(.year, from: Date()))")
        // The hub took the pass at the sync the attempt asked for: the queue has work for her,
        // the four gold items first, which she labels negative, all wrong
        let opened = waitUntilTheQueueOpens(tmux)
        #expect(opened, "\(tmux.screen())")
        // The hub holds both attempts, the second passed
        let status = binary.run(["course", "status", "sentiment-basics", "--format", "csv"])
        #expect(status.status == 0, "\(status.output)")
        let lea = status.output.split(separator: "\n").first { $0.hasPrefix("lea,") }.map(String.init) ?? ""
        #expect(lea.contains(",passed,"), "\(status.output)")
        #expect(lea.contains(",2,3,"), "\(status.output)")
        var labelled: [String] = []
        for _ in 0..<4 {
            tmux.waitFor("on task")
            guard let shown = Self.goldTexts.first(where: { tmux.screen().contains($0) }) else {
                Issue.record("expected one of the gold items; the screen shows:\n\(tmux.screen())")
                break
            }
            tmux.type("n")
            tmux.send("Enter")
            #expect(tmux.waitUntilGone(shown))
            labelled.append(shown)
        }
        #expect(Set(labelled) == Set(Self.goldTexts))
        tmux.send("q")
        tmux.waitFor("Your queues")

        // Then at a sync after they reach the hub, the course comes back as a retest for that
        // label, and its page says which lesson to read again
        tmux.waitFor("retest: your gold on label positive fell", timeout: 60)
        tmux.type("c")
        tmux.waitFor("Your courses")
        tmux.send("Enter")
        tmux.waitFor("Read \"Whose opinion\" again, then take the quiz: a retest for reviews.")
        tmux.waitFor("1. Whose opinion  ✓ read  ← read again")
        tmux.type("q")
        tmux.waitFor("Your courses")
        tmux.type("q")
        tmux.waitFor("Your queues")
        tmux.type("q")
        tmux.waitFor("[exited 0]")

        // And the hub holds the remediation, with the figures that fell
        let report = succeeds(["report", "training", "--course", "sentiment-basics", "--format", "csv"])
        #expect(report.contains("lea") && report.contains("label positive"), "\(report)")

        // And the station's outbox is empty, its standing holds both attempts and the retest
        let station = try binary.station()
        try station.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_outbox") == 0)
            let standing = try String.fetchOne(db, sql: "SELECT standing FROM course_standing WHERE username = 'lea' AND course_id = 'sentiment-basics'") ?? ""
            let attempts = (try JSONSerialization.jsonObject(with: Data(standing.utf8)) as? [String: Any])?["attempts"] as? [[String: Any]] ?? []
            #expect(attempts.count == 2, "\(standing)")
            #expect(attempts.map { $0["passed"] as? Bool } == [false, true])
            // The retest's assignment names the trigger; the demo's own courses still lock their queues
            #expect(standing.contains("label positive"), "\(standing)")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pause WHERE username = 'lea' AND project_id = 'reviews'") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lesson_reading WHERE username = 'lea'") == 1)
        }
    }

    /// Opens the reviews queue (row 4) until a task shows: the hub lifts the lock and
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
