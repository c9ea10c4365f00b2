import Domain
import Foundation
import TerminalCore

/// Hooks for the keystroke-to-frame benchmark: a task screen on a long spans task,
/// and one key through `update` and `render`, exactly as the app runs them.
public enum SpansBenchmark {
    /// Real WNUT-17 posts, tokens joined by spaces, repeated until the text has at least `tokens` tokens.
    public static func sampleText(tokens wanted: Int) -> String {
        let posts = [
            "You should ' ve stayed on Redondo Beach Blvd . you were in the borderlines of Gardena / Compton",
            "All I ' ve been doing is BINGE watching Rick and Morty 😂",
            "Nothing beats a thick French copper pan with stainless lining . . . . . if All Clad and Demeyere are the Ferrari ' s of pots then a Matfer Bourgeat is a Bugatti",
            "東京タワーで 👨‍👩‍👧 家族と会った 。 Zoe\u{308} flew to 🇯🇵 Japan with E\u{301}mile 👍🏽 !",
        ]
        var lines: [String] = []
        var count = 0
        while count < wanted {
            let post = posts[lines.count % posts.count]
            lines.append(post)
            count += Tokenizer.tokens(in: post).count
        }
        return lines.joined(separator: "\n")
    }

    /// A spans project with the WNUT-17 types.
    public static let project = Project(
        id: "bench-spans", title: "Entities (benchmark)", kind: .spans,
        labels: ["person", "location", "corporation", "product", "creative-work", "group"].map { LabelChoice(name: $0) },
        instructions: "Tag the people, places, companies, products, creative works and groups")

    /// The task screen on one task of `text`, sized for a `size` terminal, with the
    /// spans `prediction` pre-filled if given. Tokenizing and layout happen here, once.
    public static func state(text: String, size: Size, prediction: [EntitySpan]? = nil, now: Date = Date(timeIntervalSince1970: 1_795_000_000)) throws -> TaskScreen.State {
        let predictions = prediction.map { [Prediction(model: "benchmark", answer: .spans($0))] } ?? []
        let task = LeasedTask(
            task: LabelTask(id: "bench-0001", projectID: project.id, text: text, marking: .unclassified, predictions: predictions),
            epoch: 1, expiresAt: now.addingTimeInterval(3600))
        var state = TaskScreen.State(
            project: project, keys: try project.labelKeys(), current: task, now: now, doneToday: 0, waiting: 1,
            timeZone: TimeZone(identifier: "UTC") ?? .current, systemHigh: .unclassified)
        state.bodySize = TaskScreen.bodySize(for: size)
        // One harmless key so the layout is the one for this size before timing starts.
        _ = TaskScreen.update(&state, .key(.escape))
        return state
    }

    /// One keystroke to one frame: `update` with the key, then `render` into `buffer`.
    public static func step(_ state: inout TaskScreen.State, key: Key, into buffer: inout Buffer) -> [TaskScreen.Effect] {
        let effects = TaskScreen.update(&state, .key(key))
        buffer = Buffer(size: buffer.size)
        TaskScreen.render(state, into: &buffer)
        return effects
    }
}
