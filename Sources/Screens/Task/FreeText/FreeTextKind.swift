import Domain
import Foundation
import TerminalCore
import Widgets

/// Free text: the prompt in a frame titled with the project's instructions, and an
/// editor for the answer.
///
/// The editor has focus when a task opens, so a labeler starts typing at once. Esc (or
/// Tab) lets go of it: then Enter submits, `s` skips, `j`/`k` scroll the prompt, and `i`
/// (or Tab) goes back to editing. Enter inside the editor is a new line, since answers
/// may have paragraphs.
public enum FreeTextKind: TaskKindScreen {
    public struct Work: Equatable, Sendable {
        public var editor: TextEditor
        public var isEditing = true
        /// The prompt's scroll offset.
        public var scroll = 0
    }

    /// The longest answer taken, in characters.
    static let maximumAnswerLength = 20_000

    static func begin(_ context: KindContext) -> Work {
        var draft = ""
        if context.project.answerStartsWithText {
            draft = context.task.text
        } else if case .text(let text)? = context.prediction?.answer {
            draft = text
        }
        var editor = TextEditor(text: draft, maximumLength: maximumAnswerLength, placeholder: "Type your answer here.")
        editor.viewport = layout(Rect(x: 0, y: 0, width: context.bodySize.width, height: context.bodySize.height), context).editor.size
        return Work(editor: editor)
    }

    static func isCapturingText(_ work: Work) -> Bool { work.isEditing }

    static func handle(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        let parts = layout(Rect(x: 0, y: 0, width: context.bodySize.width, height: context.bodySize.height), context)
        if work.editor.viewport != parts.editor.size { work.editor.viewport = parts.editor.size }
        if work.isEditing {
            switch key {
            case .escape, .tab, .backTab:
                work.isEditing = false
                return .handled
            default:
                return work.editor.handle(key) ? .handled : .ignored
            }
        }
        let prompt = ScrollPane(title: nil, text: context.task.text)
        if TextScroll.handle(key, scroll: &work.scroll, rows: parts.prompt.height - 2) {
            work.scroll = min(work.scroll, prompt.maximumScroll(in: parts.prompt.size))
            return .handled
        }
        switch key {
        case .character("i"), .character("e"), .tab, .backTab:
            work.isEditing = true
            return .handled
        case .paste:
            // A paste is text, never keys: it goes into the answer, which takes focus.
            work.isEditing = true
            _ = work.editor.handle(key)
            return .handled
        default:
            return .ignored
        }
    }

    static func answer(_ work: Work, _ context: KindContext) -> Result<Answer, KindRefusal> {
        let length = trimmedLength(work.editor.text)
        let minimum = context.project.minimumAnswerLength
        if length == 0 { return .failure(KindRefusal("Write an answer first: press i to edit it.")) }
        if length < minimum {
            return .failure(KindRefusal("Write at least \(minimum) characters (\(length) so far); press i to edit."))
        }
        let answer = Answer.text(work.editor.text)
        if let problem = context.project.answerProblem(answer, isSkip: false, textLength: nil) {
            return .failure(KindRefusal(problem.prefix(1).uppercased() + problem.dropFirst() + "."))
        }
        return .success(answer)
    }

    /// Characters as the hub counts them: grapheme clusters, without surrounding white space.
    static func trimmedLength(_ text: String) -> Int {
        text.trimmingCharacters(in: .whitespacesAndNewlines).count
    }

    /// The counter under the editor: "123 characters (at least 50)".
    static func counter(_ work: Work, _ context: KindContext) -> String {
        let length = trimmedLength(work.editor.text)
        let noun = length == 1 ? "character" : "characters"
        let minimum = context.project.minimumAnswerLength
        return minimum > 0 ? "\(length) \(noun) (at least \(minimum))" : "\(length) \(noun)"
    }

    /// Prompt on top (at most half the body, less when it is short), the answer below.
    static func layout(_ rect: Rect, _ context: KindContext) -> (prompt: Rect, answer: Rect, editor: Rect) {
        let promptLines = ScrollPane(title: nil, text: context.task.text).lines(outerWidth: rect.width).count
        let promptHeight = min(promptLines + 2, max(3, rect.height / 2))
        let (prompt, answer) = rect.splitTop(promptHeight)
        return (prompt, answer, answer.inset(horizontal: 2, vertical: 1))
    }

    static func render(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        let parts = layout(rect, context)
        let promptStyle: Style = work.isEditing ? .plain : focusedFrame
        ScrollPane(title: context.project.instructions.isEmpty ? "Prompt" : context.project.instructions, text: context.task.text, frameStyle: promptStyle)
            .draw(in: parts.prompt, scroll: work.scroll, into: &buffer)
        let answerStyle: Style = work.isEditing ? focusedFrame : .plain
        Frame(title: work.isEditing ? "Your answer (editing; Esc to stop)" : "Your answer (i to edit)", style: answerStyle).draw(in: parts.answer, into: &buffer)
        let cursor = work.editor.draw(in: parts.editor, focused: work.isEditing, into: &buffer)
        if let cursor { buffer.cursor = cursor }
        let length = trimmedLength(work.editor.text)
        let short = length < context.project.minimumAnswerLength
        let counter = " " + counter(work, context) + " "
        Label.draw(counter, in: Rect(x: parts.answer.x + 2, y: parts.answer.maxY - 1, width: max(0, parts.answer.width - 4), height: 1), alignment: .trailing, style: short ? answerStyle.with(.bold) : answerStyle.with(.dim), into: &buffer)
    }

    /// The focused part's frame: bold cyan, so focus shows in colour and, bold, in monochrome.
    static let focusedFrame = Style(foreground: .cyan, attributes: .bold)

    static func hints(_ work: Work, _ context: KindContext) -> [String] {
        work.isEditing
            ? ["Esc stop editing", "Enter new line", "Ctrl-Z undo", "Ctrl-Y redo"]
            : ["Enter submit", "i edit", "j k scroll prompt"]
    }

    static func helpEntries(_ context: KindContext) -> [HelpOverlay.Entry] {
        [
            .init("typing", "writes the answer (editing on start)"),
            .init("Esc  Tab", "stop editing: then Enter submits"),
            .init("i  e  Tab", "edit the answer again"),
            .init("Enter", "editing: a new line"),
            .init("← → ↑ ↓  Home End", "move (↑ ↓ by displayed line)"),
            .init("Ctrl-B  Ctrl-F", "a word back, forward"),
            .init("Ctrl-A  Ctrl-E", "start, end of the line"),
            .init("Ctrl-W  Ctrl-U  Ctrl-K", "delete word, to start, to end"),
            .init("Ctrl-Z  Ctrl-Y", "undo, redo an edit"),
            .init("j k  PgUp PgDn", "not editing: scroll the prompt"),
        ]
    }
}
