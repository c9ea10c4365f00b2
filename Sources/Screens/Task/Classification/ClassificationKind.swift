import Domain
import Foundation
import TerminalCore
import Widgets

/// Classification: the text, and one label (or several) chosen by key.
public enum ClassificationKind: TaskKindScreen {
    public struct Work: Equatable, Sendable {
        /// Indexes into the project's labels.
        public var chosen: Set<Int> = []
        public var scroll = 0
    }

    static func begin(_ context: KindContext) -> Work {
        var work = Work()
        if case .labels(let names)? = context.prediction?.answer {
            work.chosen = Set(names.compactMap { name in context.project.labels.firstIndex { $0.name == name } })
        }
        return work
    }

    static func isCapturingText(_ work: Work) -> Bool { false }

    static func handle(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        if TextScroll.handle(key, scroll: &work.scroll, rows: context.bodySize.height - 4) { return .handled }
        switch key {
        case .escape:
            work.chosen = []
            return .handled
        case .character(let character):
            guard let index = context.keys.labelIndex(for: character) else { return .ignored }
            if context.project.allowsMultipleLabels {
                if work.chosen.contains(index) { work.chosen.remove(index) } else { work.chosen.insert(index) }
                return .handled
            }
            work.chosen = [index]
            return context.project.submitOnChoose ? .submit : .handled
        default:
            return .ignored
        }
    }

    static func answer(_ work: Work, _ context: KindContext) -> Result<Answer, KindRefusal> {
        guard !work.chosen.isEmpty else {
            return .failure(KindRefusal("Choose a label first: press 1-\(context.project.labels.count) or its letter."))
        }
        return .success(.labels(context.project.labels.indices.filter { work.chosen.contains($0) }.map { context.project.labels[$0].name }))
    }

    static func render(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        let (text, labels) = rect.splitBottom(2)
        TextScroll.drawFramed(context.task.text, title: context.project.instructions, scroll: work.scroll, in: text, into: &buffer)
        var x = labels.x + 1
        var y = labels.y
        let multi = context.project.allowsMultipleLabels
        for (index, label) in context.project.labels.enumerated() {
            let isChosen = work.chosen.contains(index)
            // Marks as well as reverse video, so the choice shows on a monochrome terminal.
            let mark = multi ? (isChosen ? "[x] " : "[ ] ") : (isChosen ? "(•) " : "( ) ")
            let text = " \(index + 1) \(mark)\(label.name) (\(context.keys.letters[index])) "
            let width = CharacterWidth.of(text)
            if x + width > labels.maxX, x > labels.x + 1 {
                x = labels.x + 1
                y += 1
            }
            guard y < labels.maxY else { break }
            buffer.write(text, x: x, y: y, style: isChosen ? Style.reverse.with(.bold) : .bold, limit: labels.maxX)
            x += width + 2
        }
    }

    static func hints(_ work: Work, _ context: KindContext) -> [String] {
        context.project.submitOnChoose
            ? ["1-\(context.project.labels.count) choose and submit"]
            : ["1-\(context.project.labels.count) choose", "Enter submit"]
    }

    static func helpEntries(_ context: KindContext) -> [HelpOverlay.Entry] {
        let multi = context.project.allowsMultipleLabels
        var entries = context.project.labels.indices.map { index in
            HelpOverlay.Entry("\(index + 1)  \(context.keys.letters[index])", (multi ? "toggle " : "choose ") + context.project.labels[index].name)
        }
        entries.append(context.project.submitOnChoose ? .init("Enter", "submit the pre-filled label") : .init("Enter", "submit and go to the next task"))
        entries.append(.init("Esc", "clear the chosen labels"))
        entries.append(.init("↑ ↓  j k  PgUp PgDn", "scroll the text"))
        return entries
    }
}

/// Scrolling a framed, wrapped text: the keys and the drawing every kind's text view shares.
enum TextScroll {
    /// Applies a scrolling key; false when the key is not one.
    static func handle(_ key: Key, scroll: inout Int, rows: Int) -> Bool {
        let page = max(1, rows - 1)
        switch key {
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .down, .character("j"): scroll += 1
        case .pageUp: scroll = max(0, scroll - page)
        case .pageDown: scroll += page
        case .home: scroll = 0
        default: return false
        }
        return true
    }

    /// The text in a frame whose title is the project's instructions, so the question
    /// stays in sight on every task; a "3-12 of 40 lines" mark when it does not fit.
    static func drawFramed(_ text: String, title: String, scroll: Int, in rect: Rect, into buffer: inout Buffer) {
        let inside = Frame(title: title.isEmpty ? nil : title).draw(in: rect, into: &buffer).inset(horizontal: 1, vertical: 0)
        let lines = WrappedText.lines(text, width: inside.width)
        let first = min(scroll, max(0, lines.count - inside.height))
        for (row, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
            buffer.write(line, x: inside.x, y: inside.y + row, limit: inside.maxX)
        }
        if lines.count > inside.height {
            let more = "\(first + 1)-\(min(lines.count, first + inside.height)) of \(lines.count) lines"
            Label.draw(" " + more + " ", in: Rect(x: rect.x + 2, y: rect.maxY - 1, width: rect.width - 4, height: 1), alignment: .trailing, style: .dim, into: &buffer)
        }
    }
}
