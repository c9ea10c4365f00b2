import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

extension PracticeScreen {
    public static let helpEntries: [HelpOverlay.Entry] = [
        .init("the task's keys", "answer as on real work (the task screen's help has them)"),
        .init("Enter", "hand in the answer; once marked, the next task"),
        .init("Tab", "once marked: the key, or your answer again"),
        .init("Esc", "stop (in a quiz: asks first)"),
        .init("?", "this help"),
    ]

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: state.current?.task.marking ?? .unclassified, into: &buffer)
        guard area.height >= 7 else {
            Label.draw("Make the terminal taller to practise.", in: area, into: &buffer)
            return
        }
        let parts = layout(area)
        let title = state.mode == .review ? "Review" : "Practice"
        let position = state.items.isEmpty ? "" : "\(title) \(min(state.position + 1, state.items.count)) of \(state.items.count) "
        Label.draw(" " + state.courseTitle, in: parts.header, style: .bold, into: &buffer)
        Label.draw(position, in: parts.header, alignment: .trailing, style: .dim, into: &buffer)
        var hints: [String] = []
        if let item = state.current {
            switch state.phase {
            case .answering:
                if let work = state.work, let context = state.context(key: false) {
                    work.render(context, in: parts.body, into: &buffer)
                    // While the kind uses Esc (dropping a drawing), it does not stop.
                    let kindHints = work.hints(context)
                    let escStops = !kindHints.contains { $0.hasPrefix("Esc ") }
                    hints = kindHints + (work.isCapturingText ? [] : (escStops ? ["Esc stop"] : []) + ["? help"])
                }
            case .explained(let mark, let showingKey):
                let explains = state.feedback != .none
                let panelLines = explanationLines(item, mark: mark, explains: explains, project: state.project, width: parts.body.width - 4)
                let panelHeight = min(panelLines.count + 2, max(4, parts.body.height / 2))
                let (top, bottom) = parts.body.splitBottom(panelHeight)
                let work = showingKey ? state.keyWork : state.work
                if let work, let context = state.context(key: showingKey) {
                    work.render(context, in: top, into: &buffer)
                }
                buffer.cursor = nil
                let caption = showingKey ? "Shown above: what the key holds" : "Shown above: your answer"
                let panel = Frame(title: caption + (explains ? " (Tab for " + (showingKey ? "yours" : "the key") + ")" : ""), style: .bold)
                    .draw(in: bottom, into: &buffer)
                for (row, line) in panelLines.prefix(panel.height).enumerated() {
                    Label.draw(line, in: Rect(x: panel.x + 1, y: panel.y + row, width: panel.width - 2, height: 1), style: row == 0 ? .bold : .plain, into: &buffer)
                }
                hints = ["Enter next"] + (explains ? ["Tab key / yours"] : []) + ["Esc stop"]
            }
        } else {
            Label.draw("Nothing to practise.", in: parts.body, style: .dim, into: &buffer)
        }
        if let message = state.message {
            Label.draw(" " + message, in: parts.message, style: .bold, into: &buffer)
        }
        Chrome.drawHints(hints, in: parts.hints, into: &buffer)
        StatusBar(leading: [state.project.id, title], trailing: []).draw(row: parts.status.y, in: &buffer)
        if state.showsHelp {
            buffer.cursor = nil
            HelpOverlay.draw(title: "Keys in practice", entries: helpEntries, in: area, into: &buffer)
        }
    }

    /// The mark, the explanation and the key in words.
    static func explanationLines(_ item: PracticeItem, mark: Double?, explains: Bool, project: Project, width: Int) -> [String] {
        let verdict: String
        switch mark {
        case .none: verdict = "Handed in: a trainer marks written answers."
        case .some(let value) where PracticeScreen.isRight(value): verdict = "Right."
        case .some(let value) where value > 0: verdict = "Partly right: " + CourseText.percent(value) + " of the marks."
        case .some: verdict = "Not right."
        }
        guard explains else { return [verdict] }
        var lines = [verdict]
        lines += WrappedText.lines(item.explanation, width: max(10, width))
        lines += WrappedText.lines("The key: " + keyText(item.key, task: item.task, project: project), width: max(10, width))
        return lines
    }

    /// What an answer key holds, in words: labels, the spans with their text, a
    /// comparison's choice, the text, the shapes.
    static func keyText(_ key: Answer, task: LabelTask, project: Project) -> String {
        switch key {
        case .labels(let labels):
            return labels.isEmpty ? "no label" : labels.joined(separator: ", ")
        case .spans(let spans):
            guard !spans.isEmpty else { return "no spans" }
            let scalars = Array(task.text.unicodeScalars)
            return spans.map { span in
                let range = max(0, min(span.start, scalars.count))..<max(0, min(span.end, scalars.count))
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[range])
                return "\(span.label) \"\(String(text))\""
            }.joined(separator: ", ")
        case .comparison(let answer):
            let strength = answer.strength.map { " (strength \($0))" } ?? ""
            return "prefers \(answer.preference.rawValue.uppercased())\(strength)"
        case .text(let text):
            return text
        case .shapes:
            return key.summary
        }
    }
}
