import Domain
import Foundation
import TerminalCore
import Widgets

extension TaskScreen {
    /// Rows of the screen that are not the task text: header, labels, message, hints, status.
    static func layout(_ area: Rect) -> (header: Rect, text: Rect, labels: Rect, message: Rect, hints: Rect, status: Rect) {
        let (top, rest) = area.splitTop(1)
        let (middle, status) = rest.splitBottom(1)
        let (aboveHints, hints) = middle.splitBottom(1)
        let (aboveMessage, message) = aboveHints.splitBottom(1)
        let (text, labels) = aboveMessage.splitBottom(2)
        return (top, text, labels, message, hints, status)
    }

    /// Text rows the task text gets at this terminal size.
    public static func textRows(for size: Size) -> Int {
        max(1, layout(Rect(x: 0, y: 1, width: size.width, height: size.height - 2)).text.height - 2)
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: state.marking, into: &buffer)
        guard area.height >= 7 else {
            Label.draw("Make the terminal taller to label.", in: area, into: &buffer)
            return
        }
        let parts = layout(area)
        Label.draw(" " + state.project.title, in: parts.header, style: .bold, into: &buffer)
        if let task = state.current {
            let refused = state.sync.refusals.count
            let note = refused > 0 ? "⚠ \(refused) refused by the hub (see Home) · " : ""
            Label.draw(note + "task \(task.task.id) ", in: parts.header, alignment: .trailing, style: refused > 0 ? .bold : .dim, into: &buffer)
            if state.isSpill {
                let inside = Frame(title: "Marked above this station", style: .bold).draw(in: parts.text, into: &buffer)
                Label.drawWrapped(
                    "This task is marked \(task.task.marking.rawValue), above this station's \(state.systemHigh.rawValue). Its text is not shown. Press s to skip it, choose a reason, and report task \(task.task.id) to your security officer.",
                    in: inside.inset(horizontal: 1, vertical: 0), style: .bold, into: &buffer)
            } else {
                renderText(task.task.text, title: state.project.instructions, scroll: state.scroll, in: parts.text, into: &buffer)
                renderLabels(state, in: parts.labels, into: &buffer)
            }
        } else {
            let inside = Frame(title: "Queue empty").draw(in: parts.text, into: &buffer)
            Label.drawWrapped("There are no tasks waiting in this queue on this station. New tasks arrive with the next sync; press q to go back to your queues.", in: inside.inset(horizontal: 1, vertical: 0), into: &buffer)
        }
        if let message = state.message {
            Label.draw(" " + message, in: parts.message, style: .bold, into: &buffer)
        } else if state.isBusy {
            Label.draw(" Saving…", in: parts.message, style: .dim, into: &buffer)
        }
        // A spilled task takes no label: offer only the keys it takes.
        let choosing = state.isSpill ? [] : ["1-\(state.project.labels.count) choose", "Enter submit"]
        Chrome.drawHints(choosing + ["s skip", "u undo", "? help", "q back"], in: parts.hints, into: &buffer)
        let position = "\(state.doneToday + (state.current == nil ? 0 : 1)) of \(state.doneToday + state.waiting)"
        StatusBar(
            // The id, not the title: the header shows the title, and the sync state must fit at 80 columns.
            leading: [state.project.id, position, TimeText.duration(state.now.timeIntervalSince(state.startedAt)) + " on task"],
            trailing: [state.sync.text(in: state.timeZone)]
        ).draw(row: parts.status.y, in: &buffer)

        switch state.mode {
        case .help:
            let labels = state.project.labels.indices.map { index in
                (key: "\(index + 1)  \(state.keys.letters[index])", name: state.project.labels[index].name)
            }
            HelpOverlay.draw(title: "Keys on the task screen", entries: HelpOverlay.taskKeys(labels: labels, multiLabel: state.project.allowsMultipleLabels), in: area, into: &buffer)
        case .choosingSkipReason(let selected):
            let reasons = state.project.skipReasons.enumerated().map { "\($0.offset + 1)  \($0.element)" }
            let width = (reasons.map { CharacterWidth.of($0) }.max() ?? 20) + 2
            let inside = Dialog.draw(title: "Why skip this task?", contentWidth: max(width, 36), contentHeight: min(area.height - 4, reasons.count + 2), in: area, into: &buffer)
            SelectionList(items: reasons, selected: selected).draw(in: Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 2), into: &buffer)
            Label.draw("Enter skip  ·  Esc cancel", in: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1), alignment: .center, style: .dim, into: &buffer)
        case .labeling:
            break
        }
    }

    /// The task's text in a frame whose title is the project's instructions, so the
    /// question stays in sight on every task.
    private static func renderText(_ text: String, title: String, scroll: Int, in rect: Rect, into buffer: inout Buffer) {
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

    private static func renderLabels(_ state: State, in rect: Rect, into buffer: inout Buffer) {
        var x = rect.x + 1
        var y = rect.y
        let multi = state.project.allowsMultipleLabels
        for (index, label) in state.project.labels.enumerated() {
            let isChosen = state.chosen.contains(index)
            // Marks as well as reverse video, so the choice shows on a monochrome terminal.
            let mark = multi ? (isChosen ? "[x] " : "[ ] ") : (isChosen ? "(•) " : "( ) ")
            let text = " \(index + 1) \(mark)\(label.name) (\(state.keys.letters[index])) "
            let width = CharacterWidth.of(text)
            if x + width > rect.maxX, x > rect.x + 1 {
                x = rect.x + 1
                y += 1
            }
            guard y < rect.maxY else { break }
            buffer.write(text, x: x, y: y, style: isChosen ? Style.reverse.with(.bold) : .bold, limit: rect.maxX)
            x += width + 2
        }
    }
}
