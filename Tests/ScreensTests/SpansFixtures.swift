import Domain
import Foundation
import Screens
import TerminalCore

/// Fixed inputs for the spans screen: WNUT-17 posts (real text, its gold tags as the
/// model's prediction) and a post with CJK, emoji and combining marks.
enum SpansFixture {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static let wnut = Project(
        id: "wnut17", title: "WNUT-17 entities", kind: .spans,
        labels: ["person", "location", "corporation", "product", "creative-work", "group"].map { LabelChoice(name: $0) },
        instructions: "Tag the people, places, companies, products, creative works and groups"
    )

    static var wnutOverlapping: Project {
        var project = wnut
        project.allowsOverlap = true
        return project
    }

    /// Posts from /work/shared/fixtures/text/wnut17.dev.conll: tokens joined by spaces, with their BIO tags.
    static let posts: [(tokens: String, tags: String)] = [
        // dev sentence 2
        ("You should ' ve stayed on Redondo Beach Blvd . you were in the borderlines of Gardena / Compton",
         "O O O O O O B-location I-location I-location O O O O O O O B-location O B-location"),
        // dev sentence 3
        ("All I ' ve been doing is BINGE watching Rick and Morty 😂",
         "O O O O O O O O O B-creative-work I-creative-work I-creative-work O"),
        // dev sentence 4
        ("wow emma and kaite is so very cute and so funny 😀 😀 😀 😗 😘 i wish im ryan 😭 😭 😭",
         "O B-person O B-person O O O O O O O O O O O O O O O B-person O O O"),
        // dev sentence 49
        ("Nothing beats a thick French copper pan with stainless lining . . . . . if All Clad and Demeyere are the Ferrari ' s of pots then a Matfer Bourgeat is a Bugatti",
         "O O O O O O O O O O O O O O O O B-product I-product O B-product O O B-product I-product I-product O O O O B-product I-product O O B-product"),
        // dev sentence 51
        ("Welcome to Oregon from Troutdale ( east portland ) , enjoy our ( few ) nice days right now .",
         "O O B-location O B-location O B-location I-location O O O O O O O O O O O O"),
        // dev sentence 54
        ("can i have fidget spinner my name is called Ahmed and i am go to orchard academy in milton keyons",
         "O O O B-product I-product O O O O B-person O O O O O B-location I-location O B-location I-location"),
    ]

    /// The first post alone: "You should ' ve stayed on Redondo Beach Blvd . ..."
    static var redondo: String { posts[0].tokens }

    /// CJK ideographs and kana, a ZWJ family, a flag, a skin-toned thumb and letters with combining accents.
    static let mixed = "東京タワーで 👨‍👩‍👧 家族と会った 。 Zoe\u{308} flew to 🇯🇵 Japan with E\u{301}mile 👍🏽 !"

    /// The posts one per line, and the spans their tags make, in scalar offsets.
    static func conll(_ chosen: [(tokens: String, tags: String)]) -> (text: String, spans: [EntitySpan]) {
        var text = ""
        var spans: [EntitySpan] = []
        var open: EntitySpan?
        for (number, post) in chosen.enumerated() {
            if number > 0 { text += "\n" }
            let tokens = post.tokens.split(separator: " ").map(String.init)
            let tags = post.tags.split(separator: " ").map(String.init)
            precondition(tokens.count == tags.count, "post \(number) has \(tokens.count) tokens and \(tags.count) tags")
            for (index, (token, tag)) in zip(tokens, tags).enumerated() {
                if index > 0 { text += " " }
                let start = text.unicodeScalars.count
                text += token
                let end = text.unicodeScalars.count
                if tag.hasPrefix("I-"), var span = open {
                    span.end = end
                    open = span
                    continue
                }
                if let span = open { spans.append(span) }
                open = tag.hasPrefix("B-") ? EntitySpan(start: start, end: end, label: String(tag.dropFirst(2))) : nil
            }
            if let span = open { spans.append(span) }
            open = nil
        }
        return (text, spans)
    }

    static func task(_ text: String, prediction: [EntitySpan]? = nil, id: String = "wnut17-dev-0002") -> LeasedTask {
        let predictions = prediction.map { [Prediction(model: "bert-ner v3", score: 0.91, answer: .spans($0))] } ?? []
        return LeasedTask(
            task: LabelTask(id: id, projectID: wnut.id, text: text, marking: .unclassified, predictions: predictions),
            epoch: 1, expiresAt: start.addingTimeInterval(3600))
    }

    /// The task screen on a spans task, its body sized for `size`.
    static func state(_ text: String, prediction: [EntitySpan]? = nil, project: Project = wnut, size: Size = Size(width: 80, height: 24)) -> TaskScreen.State {
        let keys = try! project.labelKeys()
        var state = TaskScreen.State(
            project: project, keys: keys, current: task(text, prediction: prediction), now: start, doneToday: 12, waiting: 860,
            timeZone: TimeZone(identifier: "UTC")!, systemHigh: .topSecretSCI)
        state.sync = SyncIndicator(link: .standalone, pending: 2, lastSyncAt: start.addingTimeInterval(-60))
        state.bodySize = TaskScreen.bodySize(for: size)
        return state
    }

    @discardableResult
    static func press(_ keys: Key..., into state: inout TaskScreen.State) -> [TaskScreen.Effect] {
        keys.flatMap { TaskScreen.update(&state, .key($0)) }
    }

    static func type(_ keys: String, into state: inout TaskScreen.State) {
        for key in keys { _ = TaskScreen.update(&state, .key(.character(key))) }
    }

    static func work(_ state: TaskScreen.State) -> SpansKind.Work {
        guard case .spans(let work)? = state.work else { fatalError("the task screen is not on a spans task") }
        return work
    }

    /// The text of the token under the cursor.
    static func cursorWord(_ state: TaskScreen.State) -> String {
        let work = work(state)
        return String(work.text.characters[work.text.tokens[work.cursor]])
    }

    /// Each span as `label:text`, in order.
    static func spans(_ state: TaskScreen.State) -> [String] {
        let work = work(state)
        return work.spans.map { "\($0.label):\($0.text(in: state.current!.task.text))" }
    }

    static func render(_ state: TaskScreen.State, size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        TaskScreen.render(state, into: &buffer)
        return buffer
    }
}
