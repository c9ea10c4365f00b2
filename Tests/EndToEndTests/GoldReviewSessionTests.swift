import Foundation
import Testing

/// A lead reviews gold candidates on the terminal: the real binary in tmux, on the demo
/// workspace with work by three raters imported into its sentiment project.
@Suite(.serialized) struct GoldReviewSessionTests {
    @Test func aLeadAcceptsOneCandidateCorrectsAnotherAndTheyJoinThePool() throws {
        // Given the demo, five sentences each labelled by three raters elsewhere, and a lead
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        #expect(binary.run(["demo"]).status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sentences: [(String, String, [String])] = [
            ("crowd-1", "a gripping , funny and moving film .", ["positive", "positive", "positive"]),
            ("crowd-2", "tedious , shapeless and dull .", ["negative", "negative", "negative"]),
            ("crowd-3", "the year 's most intelligent comedy .", ["positive", "positive", "positive"]),
            ("crowd-4", "it never finds its footing .", ["negative", "negative", "negative"]),
            ("crowd-5", "an uneven but likeable effort .", ["positive", "negative", "positive"]),
        ]
        let lines = sentences.map { id, text, labels in
            let annotations = labels.enumerated().map { #"{"answer": {"labels": ["\#($0.element)"]}, "annotator": "rater-\#($0.offset + 1)"}"# }
            return #"{"id": "\#(id)", "text": "\#(text)", "annotations": [\#(annotations.joined(separator: ", "))]}"#
        }
        let file = folder.appendingPathComponent("crowd.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let imported = binary.run(["import", "--project", "sentiment", file.path])
        #expect(imported.status == 0, "\(imported.output)")
        let added = binary.run(["user", "add", "lee", "--role", "lead", "--display-name", "Lee Lead"], input: "lead-password\n")
        #expect(added.status == 0, "\(added.output)")
        let listed = binary.run(["gold", "candidates", "--project", "sentiment"])
        #expect(listed.output.contains("crowd-1\tpositive"), "\(listed.output)")

        // When the lead logs in, opens the sentiment queue's candidates with g, accepts
        // the first, moves down and gives the next the other label
        let tmux = TmuxSession()
        tmux.start(binary.terminalCommand)
        tmux.waitFor("Press Enter to acknowledge")
        tmux.send("Enter")
        tmux.waitFor("Username")
        tmux.type("lee")
        tmux.send("Enter")
        tmux.type("lead-password")
        tmux.send("Enter")
        tmux.waitFor("g gold review")
        tmux.waitFor("Movie review sentiment")
        for _ in 0..<4 { tmux.send("Down") }
        tmux.type("g")
        tmux.waitFor("Gold candidates: Movie review sentiment")
        tmux.waitFor("crowd-4")
        let first = firstListed(in: tmux.screen())
        tmux.send("Enter")
        tmux.waitFor("\(first) joined the gold pool with its consensus as the key.")
        let second = firstListed(in: tmux.screen())
        let consensus = sentences.first { $0.0 == second }?.2.first ?? ""
        let other = consensus == "positive" ? "negative" : "positive"
        // The keys are numbered as the project lists its labels: 1 negative, 2 positive.
        tmux.type(other == "negative" ? "1" : "2")
        tmux.waitFor("\(second) joined the gold pool with the key \(other).")
        tmux.type("q")
        tmux.waitFor("Your queues")
        tmux.type("q")
        tmux.waitFor("[exited 0]")

        // Then the pool holds both, made from the work, with those keys, and neither is a candidate
        let pool = binary.run(["gold", "list", "--project", "sentiment"]).output.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(pool.map { $0.first ?? "" } == [first, second], "\(pool)")
        #expect(pool.allSatisfy { $0.contains("work") })
        #expect(pool.map { $0.last ?? "" } == [consensusOf(first, sentences), other])
        let left = binary.run(["gold", "candidates", "--project", "sentiment"]).output
        #expect(!left.contains(first + "\t") && !left.contains(second + "\t"), "\(left)")
        // And the audit chains, with the decisions in them, still verify
        #expect(binary.run(["audit", "verify"]).status == 0)
    }

    /// The id on the selected row (marked ▸) of the candidates list.
    func firstListed(in screen: String) -> String {
        let row = screen.split(separator: "\n").first { $0.contains("▸") && $0.contains("crowd-") } ?? ""
        return row.split(separator: " ").first { $0.hasPrefix("crowd-") }.map(String.init) ?? ""
    }

    func consensusOf(_ id: String, _ sentences: [(String, String, [String])]) -> String {
        guard let labels = sentences.first(where: { $0.0 == id })?.2 else { return "" }
        return labels.filter { $0 == "positive" }.count >= 2 ? "positive" : "negative"
    }
}
