import Domain
import Foundation
import TerminalCore
import Widgets

/// Reviewing gold candidates: ordinary tasks whose consensus is near certain, which a
/// lead or trainer accepts as gold, corrects (gives the key another label) or rejects,
/// one key each. The hub checks the reviewer's role and keeps the pool; this screen
/// only shows what it offers and sends the decisions.
public enum GoldReviewScreen {
    /// One candidate as the screen shows it.
    public struct Candidate: Equatable, Sendable {
        public var taskID: String
        public var text: String
        public var marking: Marking
        /// The consensus label, and how sure it is (0 to 1).
        public var label: String
        public var confidence: Double
        /// The votes behind it, per label, most first.
        public var votes: [Vote]

        public struct Vote: Equatable, Sendable {
            public var label: String
            public var count: Int

            public init(label: String, count: Int) {
                self.label = label
                self.count = count
            }
        }

        public init(taskID: String, text: String, marking: Marking, label: String, confidence: Double, votes: [Vote]) {
            self.taskID = taskID
            self.text = text
            self.marking = marking
            self.label = label
            self.confidence = confidence
            self.votes = votes
        }
    }

    public enum Decision: Equatable, Sendable {
        case accept
        case correct(String)
        case reject
    }

    public struct State: Equatable, Sendable {
        public var projectID: String
        public var projectTitle: String
        public var projectMarking: Marking
        /// The labels a key may take, numbered from 1 on screen.
        public var labels: [String] = []
        public var candidates: [Candidate] = []
        public var selected = 0
        /// Decisions made on this screen, for the status line.
        public var decided = 0
        public var message: String?
        /// Waiting for the candidates, or for the hub to take a decision: keys typed
        /// meanwhile wait and replay.
        public var isLoading = true
        public var isDeciding = false
        public var deferredKeys: [Key] = []

        public var isWaiting: Bool { isLoading || isDeciding }

        public init(projectID: String, projectTitle: String, projectMarking: Marking) {
            self.projectID = projectID
            self.projectTitle = projectTitle
            self.projectMarking = projectMarking
        }

        /// The banner covers every candidate listed (their texts are on screen in the list).
        public var marking: Marking { Marking.highest([projectMarking] + candidates.map(\.marking)) }

        public var current: Candidate? { candidates.indices.contains(selected) ? candidates[selected] : nil }
    }

    public enum Effect: Equatable, Sendable {
        case decide(taskID: String, Decision)
        case back
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        if state.isWaiting, key != .escape {
            state.deferredKeys.append(key)
            return []
        }
        return handle(key, &state)
    }

    /// The hub's candidates arrived.
    public static func loaded(_ state: inout State, labels: [String], candidates: [Candidate]) -> [Effect] {
        state.labels = labels
        state.candidates = candidates
        state.selected = min(state.selected, max(0, candidates.count - 1))
        state.isLoading = false
        return DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isWaiting) { state, key in handle(key, &state) }
    }

    /// The hub took the decision on `taskID`: the candidate leaves the list.
    public static func decided(_ state: inout State, taskID: String, sentence: String) -> [Effect] {
        state.isDeciding = false
        state.candidates.removeAll { $0.taskID == taskID }
        state.selected = min(state.selected, max(0, state.candidates.count - 1))
        state.decided += 1
        state.message = sentence
        return DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isWaiting) { state, key in handle(key, &state) }
    }

    /// Loading or a decision failed: say why; the keys typed meanwhile are dropped, as
    /// they were meant for what did not happen.
    public static func failed(_ state: inout State, message: String) {
        state.isLoading = false
        state.isDeciding = false
        state.deferredKeys = []
        state.message = message
    }

    private static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        switch key {
        case .escape, .character("q"): return [.back]
        default: break
        }
        if let moved = SelectionList.move(state.selected, count: state.candidates.count, key: key) {
            state.selected = moved
            state.message = nil
            return []
        }
        guard let candidate = state.current else { return [] }
        let decision: Decision
        switch key {
        case .enter: decision = .accept
        case .character("x"): decision = .reject
        case .character(let typed) where typed.isNumber:
            guard let number = Int(String(typed)), state.labels.indices.contains(number - 1) else {
                state.message = "Keys 1 to \(state.labels.count) give the key a label; \(typed) is none of them."
                return []
            }
            let label = state.labels[number - 1]
            decision = label == candidate.label ? .accept : .correct(label)
        default: return []
        }
        state.isDeciding = true
        state.message = nil
        return [.decide(taskID: candidate.taskID, decision)]
    }

    /// What the status line says once the hub has taken a decision.
    public static func sentence(for decision: Decision, taskID: String) -> String {
        switch decision {
        case .accept: "\(taskID) joined the gold pool with its consensus as the key."
        case .correct(let label): "\(taskID) joined the gold pool with the key \(label)."
        case .reject: "\(taskID) was turned down as gold; it is not offered again."
        }
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: state.marking, into: &buffer)
        guard area.height > 6 else { return }
        let (content, statusRow) = area.splitBottom(1)
        let width = content.width - 4
        var y = content.y + 1
        Label.draw("Gold candidates: \(state.projectTitle)", in: Rect(x: 2, y: y, width: width, height: 1), style: .bold, into: &buffer)
        y += 1
        Label.draw(
            "Accept or correct to add a task to the gold pool; its labelers never get it.",
            in: Rect(x: 2, y: y, width: width, height: 1), style: .dim, into: &buffer)
        y += 2
        // The hints, a message and a blank row below; the list takes up to half of the rest.
        let bottom = content.maxY - 3
        if state.isLoading, state.candidates.isEmpty {
            Label.draw("Asking the hub for candidates…", in: Rect(x: 2, y: y, width: width, height: 1), style: .dim, into: &buffer)
        } else if state.candidates.isEmpty {
            let lines = WrappedText.lines(
                "No candidates now. A task becomes one when it is done with enough votes and a sure consensus "
                    + "(labeldesk gold policy sets how many and how sure; --overlap gives tasks more votes).",
                width: width)
            for (index, line) in lines.prefix(max(0, bottom - y)).enumerated() {
                Label.draw(line, in: Rect(x: 2, y: y + index, width: width, height: 1), style: .dim, into: &buffer)
            }
        } else {
            let listHeight = max(2, min(state.candidates.count + 1, (bottom - y) / 2))
            Table(
                columns: [.init("Task"), .init("Consensus", width: 14), .init("Sure", width: 6, alignment: .trailing), .init("Votes")],
                rows: state.candidates.map { candidate in
                    [candidate.taskID, candidate.label, String(format: "%.0f%%", (candidate.confidence * 100).rounded(.down)),
                     candidate.votes.map { "\($0.label) \($0.count)" }.joined(separator: ", ")]
                },
                selected: state.selected
            ).draw(in: Rect(x: 1, y: y, width: content.width - 2, height: listHeight), into: &buffer)
            y += listHeight + 1
            if let candidate = state.current, y < bottom {
                let frame = Frame(title: candidate.taskID).draw(in: Rect(x: 1, y: y, width: content.width - 2, height: bottom - y), into: &buffer)
                let lines = WrappedText.lines(candidate.text, width: frame.width - 2)
                for (index, line) in lines.prefix(max(0, frame.height - 1)).enumerated() {
                    Label.draw(line, in: Rect(x: frame.x + 1, y: frame.y + index, width: frame.width - 2, height: 1), into: &buffer)
                }
                if frame.height > 0 {
                    let keys = state.labels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "  ")
                    Label.draw("Key: " + keys, in: Rect(x: frame.x + 1, y: frame.maxY - 1, width: frame.width - 2, height: 1), style: .dim, into: &buffer)
                }
            }
        }
        if let message = state.message {
            Label.draw(message, in: Rect(x: 2, y: content.maxY - 2, width: width, height: 1), style: .bold, into: &buffer)
        }
        Chrome.drawHints(["↑↓ choose", "Enter accept", "1-\(max(1, state.labels.count)) set the key", "x reject", "q back"], in: content, into: &buffer)
        let count = state.candidates.count == 1 ? "1 candidate" : "\(state.candidates.count) candidates"
        StatusBar(leading: ["Gold review", state.projectTitle], trailing: ["\(count) · \(state.decided) decided"]).draw(row: statusRow.y, in: &buffer)
    }
}
