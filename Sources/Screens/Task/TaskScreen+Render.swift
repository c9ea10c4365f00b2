import Domain
import Foundation
import TerminalCore
import Widgets

extension TaskScreen {
    /// The rows of the screen: header, the kind's body, message, hints, status.
    static func layout(_ area: Rect) -> (header: Rect, body: Rect, message: Rect, hints: Rect, status: Rect) {
        let (top, rest) = area.splitTop(1)
        let (middle, status) = rest.splitBottom(1)
        let (aboveHints, hints) = middle.splitBottom(1)
        let (body, message) = aboveHints.splitBottom(1)
        return (top, body, message, hints, status)
    }

    /// The size of the kind's body at this terminal size.
    public static func bodySize(for size: Size) -> Size {
        let body = layout(Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))).body
        return Size(width: body.width, height: max(1, body.height))
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: state.marking, handling: Chrome.handlingNote(meta: state.current?.task.meta), into: &buffer)
        guard area.height >= 7 else {
            Label.draw("Make the terminal taller to label.", in: area, into: &buffer)
            return
        }
        let parts = layout(area)
        var hints: [String] = []
        var headerNote = ""
        if let task = state.current {
            let refused = state.sync.refusals.count
            var notes: [String] = []
            if state.flagNote != nil { notes.append("⚑ flagged") }
            if state.prediction != nil { notes.append("model's answer pre-filled") }
            if refused > 0 { notes.append("⚠ \(refused) refused by the hub (see Home)") }
            headerNote = notes.map { $0 + " · " }.joined() + "task \(task.task.id) "
            Label.draw(headerNote, in: parts.header, alignment: .trailing, style: refused > 0 ? .bold : .dim, into: &buffer)
            if state.isSpill {
                let inside = Frame(title: "Marked above this station", style: .bold).draw(in: parts.body, into: &buffer)
                Label.drawWrapped(
                    "This task is marked \(task.task.marking.rawValue), above this station's \(state.systemHigh.rawValue). Its text is not shown. Press s to skip it, choose a reason, and report task \(task.task.id) to your security officer.",
                    in: inside.inset(horizontal: 1, vertical: 0), style: .bold, into: &buffer)
            } else if let work = state.work, let context = state.context {
                work.render(context, in: parts.body, into: &buffer)
                hints = work.hints(context)
            }
        } else {
            let inside = Frame(title: "Queue empty").draw(in: parts.body, into: &buffer)
            Label.drawWrapped("There are no tasks waiting in this queue on this station. New tasks arrive with the next sync; press q to go back to your queues.", in: inside.inset(horizontal: 1, vertical: 0), into: &buffer)
        }
        // The title gets what the note leaves, so the two never run into each other.
        let noteWidth = min(CharacterWidth.of(headerNote), max(0, parts.header.width - 12))
        Label.draw(" " + state.project.title, in: Rect(x: parts.header.x, y: parts.header.y, width: parts.header.width - noteWidth - 1, height: 1), style: .bold, into: &buffer)
        if let message = state.message {
            Label.draw(" " + message, in: parts.message, style: .bold, into: &buffer)
        } else if state.isBusy {
            Label.draw(" Saving…", in: parts.message, style: .dim, into: &buffer)
        }
        // An editor with focus types letters: the screen's letter keys are not offered then.
        let capturing = state.work?.isCapturingText ?? false
        if state.current != nil, !state.isSpill, !capturing { hints += ["s skip", "f flag"] }
        if !capturing { hints += ["u undo", "? help", "q back"] }
        Chrome.drawHints(hints, in: parts.hints, into: &buffer)
        let position = "\(state.doneToday + (state.current == nil ? 0 : 1)) of \(state.doneToday + state.waiting)"
        StatusBar(
            // The id, not the title: the header shows the title, and the sync state must fit at 80 columns.
            leading: [state.project.id, position, TimeText.duration(state.activeSeconds) + " on task"],
            trailing: [state.sync.text(in: state.timeZone)]
        ).draw(row: parts.status.y, in: &buffer)

        // A dialog over the body hides the kind's editor: its cursor must not show through.
        if state.mode != .labeling { buffer.cursor = nil }
        switch state.mode {
        case .help:
            let kindEntries = state.context.map(KindWork.helpEntries) ?? []
            HelpOverlay.draw(title: "Keys on the task screen", entries: kindEntries + HelpOverlay.taskKeys, in: area, into: &buffer)
        case .choosingSkipReason(let selected):
            let reasons = state.project.skipReasons.enumerated().map { "\($0.offset + 1)  \($0.element)" }
            let width = (reasons.map { CharacterWidth.of($0) }.max() ?? 20) + 2
            let inside = Dialog.draw(title: "Why skip this task?", contentWidth: max(width, 36), contentHeight: min(area.height - 4, reasons.count + 2), in: area, into: &buffer)
            SelectionList(items: reasons, selected: selected).draw(in: Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 2), into: &buffer)
            Label.draw("Enter skip  ·  Esc cancel", in: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1), alignment: .center, style: .dim, into: &buffer)
        case .writingFlag(let field):
            let width = min(area.width - 8, 60)
            let inside = Dialog.draw(title: "Flag this task for the shift lead", contentWidth: width, contentHeight: 4, in: area, into: &buffer)
            Label.draw("What should the lead know?", in: Rect(x: inside.x, y: inside.y, width: inside.width, height: 1), into: &buffer)
            buffer.cursor = field.draw(in: Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: 1), focused: true, into: &buffer)
            Label.draw("Enter flag  ·  empty Enter removes  ·  Esc cancel", in: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1), alignment: .center, style: .dim, into: &buffer)
        case .labeling:
            break
        }
    }
}
