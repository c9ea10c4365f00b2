import Foundation
import GRDB
import Testing

/// Every text kind through the real binary in tmux, typed at as a labeler would: two
/// entities tagged, two answers compared with a rationale, a prediction accepted and a
/// free-text answer written; then the export holds exactly that.
///
/// The demo's queues are listed by id: buildings, compare, entities, landcover, sentiment, write. Entities come
/// from WNUT-17 in file order: sentence 1 "Stabilized approach or not ?...", sentence 2
/// "You should ' ve stayed on Redondo Beach Blvd . you were in the borderlines of
/// Gardena / Compton", sentence 3 "All I ' ve been doing is BINGE watching Rick and Morty".
@Suite(.serialized) struct TaskKindsSessionTests {
    func exported(_ binary: LabelDeskBinary, project: String) -> [[String: Any]] {
        let export = binary.run(["export", "--project", project, "--format", "jsonl"])
        #expect(export.status == 0, "\(export.output)")
        return export.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func work(_ line: [String: Any]) -> [String: Any] { (line["annotations"] as? [[String: Any]])?.first ?? [:] }

    @Test func spansComparisonFreeTextAndAPrediction() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        #expect(binary.run(["demo"]).status == 0)
        // Given a writing task whose model draft comes first in the queue
        let draft = "Dear team, the meeting moves to Friday at ten."
        let file = binary.workspace.appendingPathComponent("drafted.jsonl")
        try Data(#"{"id":"drafted-1","text":"Tell the team the meeting moved to Friday at ten.","priority":10,"predictions":[{"model":"drafter v2","answer":{"text":"\#(draft)"}}]}"#.utf8).write(to: file)
        let imported = binary.run(["import", "--project", "write", file.path])
        #expect(imported.status == 0, "\(imported.output)")

        let tmux = TmuxSession()
        tmux.start(binary.terminalCommand)
        tmux.logInToDemo(waitingFor: "Which answer is better?")

        // When the labeler flags and skips the first sentence, and tags two locations in the second
        tmux.openQueue(row: 2)
        tmux.waitFor("Stabilized approach")
        tmux.type("f")
        tmux.waitFor("Flag this task")
        tmux.type("no entities here")
        tmux.send("Enter")
        tmux.waitFor("Flagged for the shift lead")
        tmux.type("s")
        tmux.waitFor("Why skip this task?")
        tmux.type("1")
        tmux.waitFor("Redondo")
        tmux.type("wwwwwwvww2")
        tmux.waitFor("Spans (1)")
        tmux.type("wwwwwwww2")
        tmux.waitFor("Spans (2)")
        tmux.send("Enter")
        tmux.waitFor("BINGE")
        tmux.type("q")

        // And prefers the left answer clearly, rates both and says why
        tmux.openQueue(row: 1)
        tmux.waitFor("too wordy")
        tmux.type("a2")
        tmux.send("Tab", "Tab")  // from answer A, through B, to the ratings
        tmux.type("765432")
        tmux.send("Tab")
        tmux.waitFor("Rationale")
        tmux.type("The left one keeps every point and is shorter.")
        tmux.send("Escape")
        tmux.waitFor("s skip")
        tmux.send("Enter")
        tmux.waitFor("task pandalm-0001")
        tmux.type("q")

        // And accepts the model's draft as it is, then writes an answer of their own
        tmux.openQueue(row: 5)
        tmux.waitFor("meeting moved to Friday")
        tmux.waitFor("model's answer pre-filled")
        tmux.send("Escape")
        tmux.waitFor("s skip")
        tmux.send("Enter")
        tmux.waitFor("too wordy")
        tmux.type("Tell me if my rate or the scope should change.")
        tmux.send("Escape")
        tmux.waitFor("s skip")
        tmux.send("Enter")
        tmux.waitFor("Analyze the word choice")
        // The next task opens with the editor taking keys: Esc first, then q goes back
        tmux.send("Escape")
        tmux.waitFor("s skip")
        tmux.type("q")
        tmux.waitFor("Your queues")
        tmux.type("q")
        tmux.waitFor("[exited 0]")

        // Then the export holds the skip with its flag, and exactly the two spans
        let entities = exported(binary, project: "entities")
        #expect(entities.count == 2)
        #expect(work(entities[0])["skip_reason"] as? String == "Unclear or ambiguous")
        #expect(work(entities[0])["flag"] as? String == "no entities here")
        let text = try #require(entities[1]["text"] as? String)
        let spans = try #require((work(entities[1])["answer"] as? [String: Any])?["spans"] as? [[String: Any]])
        let tagged = spans.map { span -> String in
            let scalars = Array(text.unicodeScalars)
            let start = span["start"] as? Int ?? 0, end = span["end"] as? Int ?? 0
            return "\(span["label"] as? String ?? "?"):" + String(String.UnicodeScalarView(scalars[start..<end]))
        }
        #expect(tagged == ["location:Redondo Beach Blvd", "location:Gardena"])

        // And the comparison, mapped back from the sides it was shown on
        let comparisons = exported(binary, project: "compare")
        #expect(comparisons.count == 1)
        let comparison = try #require((work(comparisons[0])["answer"] as? [String: Any])?["comparison"] as? [String: Any])
        let swapped = comparison["shown_swapped"] as? Bool ?? false
        #expect(comparison["preference"] as? String == (swapped ? "b" : "a"))
        #expect(comparison["strength"] as? Int == 2)
        #expect(comparison["rationale"] as? String == "The left one keeps every point and is shorter.")
        let left = comparison[swapped ? "ratings_b" : "ratings_a"] as? [String: Int]
        let right = comparison[swapped ? "ratings_a" : "ratings_b"] as? [String: Int]
        #expect(left == ["helpfulness": 7, "correctness": 5, "harmlessness": 3])
        #expect(right == ["helpfulness": 6, "correctness": 4, "harmlessness": 2])

        // And the accepted draft is marked as accepted, the written answer as the person's own
        // (exported in import order: the demo's tasks, then the drafted one)
        let written = exported(binary, project: "write")
        #expect(written.map { $0["id"] as? String } == ["user_oriented_task_0", "drafted-1"])
        #expect((work(written[1])["answer"] as? [String: Any])?["text"] as? String == draft)
        #expect(work(written[1])["prediction_accepted"] as? Bool == true)
        #expect((work(written[0])["answer"] as? [String: Any])?["text"] as? String == "Tell me if my rate or the scope should change.")
        #expect(work(written[0])["prediction_accepted"] == nil)

        // And the flag is listed at the hub, and the prediction report counts the acceptance
        #expect(binary.run(["flags", "list"]).output.contains("no entities here"))
        #expect(binary.run(["report", "predictions", "--project", "write"]).output.contains("Predictions accepted unchanged: 1 of 1"))
    }
}
