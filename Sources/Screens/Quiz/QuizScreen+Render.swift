import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

extension QuizScreen {
    public static func render(_ state: State, into buffer: inout Buffer) {
        if let practice = state.practice, state.phase == .answering {
            PracticeScreen.render(practice, into: &buffer)
            return
        }
        let area = Chrome.draw(marking: .unclassified, into: &buffer)
        guard area.height >= 7 else {
            Label.draw("Make the terminal taller to take the quiz.", in: area, into: &buffer)
            return
        }
        let parts = TaskScreen.layout(area)
        Label.draw(" " + state.course.title + " · quiz", in: parts.header, style: .bold, into: &buffer)
        var hints: [String] = []
        switch state.phase {
        case .finished(let result):
            Label.draw(result.record.passed ? "passed " : result.record.awaitingTrainer ? "awaiting a trainer " : "not passed ", in: parts.header, alignment: .trailing, style: .bold, into: &buffer)
            drawResult(state, result, in: Rect(x: parts.body.x + 1, y: parts.body.y, width: parts.body.width - 2, height: parts.body.height + 1), into: &buffer)
            hints = ["PgUp PgDn page", "/ search", "Enter back to the course"]
        case .saving:
            Label.draw("Handing in your attempt…", in: parts.body.inset(horizontal: 2, vertical: 1), style: .dim, into: &buffer)
        case .answering, .feedback, .confirmingLeave:
            if let step = state.current {
                let numbered = state.questionSteps
                if let number = numbered.firstIndex(of: step) {
                    Label.draw("question \(number + 1) of \(numbered.count) ", in: parts.header, alignment: .trailing, style: .dim, into: &buffer)
                }
                let grade: GIFTGrade? = if case .feedback(let grade) = state.phase { grade } else { nil }
                if case .confirmingLeave(.feedback(let shown)) = state.phase {
                    drawQuestion(step, state: state, grade: shown, in: parts.body, into: &buffer)
                } else {
                    drawQuestion(step, state: state, grade: grade, in: parts.body, into: &buffer)
                }
                hints = grade == nil ? state.input.hints + ["Esc leave", "? help"] : ["Enter go on", "Esc leave"]
            }
        }
        if let message = state.message {
            Label.draw(" " + message, in: parts.message, style: .bold, into: &buffer)
        }
        Chrome.drawHints(hints, in: parts.hints, into: &buffer)
        let answered = state.responses.count
        // The clock stops when the attempt is handed in.
        let end: Date = if case .finished(let result) = state.phase { result.record.finishedAt } else { state.now }
        StatusBar(leading: [state.course.id, "\(answered) answered", TimeText.duration(end.timeIntervalSince(state.startedAt)) + " in the quiz"], trailing: [])
            .draw(row: parts.status.y, in: &buffer)
        if case .confirmingLeave = state.phase {
            buffer.cursor = nil
            let text = state.responses.isEmpty
                ? "Leave the quiz? Nothing is answered yet, so it does not count as an attempt."
                : "Leave now? What you answered is handed in as it stands; questions not answered earn no marks."
            let width = min(area.width - 8, 60)
            let lines = WrappedText.lines(text, width: width)
            let inside = Dialog.draw(title: "Leave the quiz", contentWidth: width, contentHeight: lines.count + 2, in: area, into: &buffer)
            for (row, line) in lines.enumerated() {
                Label.draw(line, in: Rect(x: inside.x, y: inside.y + row, width: inside.width, height: 1), into: &buffer)
            }
            Label.draw(state.responses.isEmpty ? "y leave  ·  n stay" : "y hand in  ·  n keep going", in: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1), alignment: .center, style: .dim, into: &buffer)
        }
        if state.showsHelp {
            buffer.cursor = nil
            HelpOverlay.draw(title: "Keys in a quiz", entries: helpEntries, in: area, into: &buffer)
        }
    }

    /// The question's text as lines at a width: Markdown laid out as a lesson is, other
    /// formats as plain paragraphs (HTML without its tags).
    static func textLines(_ text: GIFTText, width: Int) -> [StyledLine] {
        switch text.format {
        case .markdown:
            return LessonLayout.layout(MarkdownParser.parse(text.text), width: width).lines
        case .html:
            return plainLines(QuizText.withoutTags(text.text), width: width)
        case .moodle, .plain:
            return plainLines(text.text, width: width)
        }
    }

    static func plainLines(_ text: String, width: Int) -> [StyledLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph -> [StyledLine] in
            let trimmed = paragraph.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? [.blank] : WrappedText.lines(trimmed, width: width).map { StyledLine($0) }
        }
    }

    static func drawQuestion(_ step: Step, state: State, grade: GIFTGrade?, in body: Rect, into buffer: inout Buffer) {
        let title = step.question.kind == .description ? "Read this" : "Question"
        let inside = Frame(title: title).draw(in: body, into: &buffer).inset(horizontal: 1, vertical: 0)
        guard inside.height > 0, inside.width > 4 else { return }
        // Each answer line: its marks before the text, then the text, wrapped under itself.
        var answerLines: [(prefix: String, text: String, style: Style)] = []
        var cursor: Point?
        let question = step.question
        switch (state.input, question.kind) {
        case (.choice(let selected), .multipleChoice(let multipleChoice)):
            for (index, choice) in multipleChoice.choices.enumerated() {
                let mark = index == selected ? "▸ " : "  "
                answerLines.append((mark + QuizInput.letter(index) + ") ", QuizText.plain(choice.text), index == selected ? .bold : .plain))
            }
        case (.choices(let at, let chosen), .multipleChoice(let multipleChoice)):
            answerLines.append(("", "Choose every answer that is right.", .dim))
            for (index, choice) in multipleChoice.choices.enumerated() {
                let box = chosen.contains(index) ? "[x] " : "[ ] "
                answerLines.append(((index == at ? "▸ " : "  ") + box + QuizInput.letter(index) + ") ", QuizText.plain(choice.text), chosen.contains(index) ? .bold : .plain))
            }
        case (.truth(let value), _):
            answerLines.append(((value == true ? "▸ " : "  ") + "t) ", "True", value == true ? .bold : .plain))
            answerLines.append(((value == false ? "▸ " : "  ") + "f) ", "False", value == false ? .bold : .plain))
        case (.matching(let at, let chosen, let options), .matching(let pairs)):
            let prompts = QuizInput.prompts(of: pairs)
            let promptWidth = min(inside.width / 2, prompts.map { CharacterWidth.of(QuizText.plain(pairs[$0].prompt)) }.max() ?? 10)
            for (row, prompt) in prompts.enumerated() {
                let text = WrappedText.truncate(QuizText.plain(pairs[prompt].prompt), width: promptWidth)
                let padding = String(repeating: " ", count: max(0, promptWidth - CharacterWidth.of(text)))
                let answer = chosen[prompt].map { "\($0 + 1). " + options[$0] } ?? "(choose)"
                answerLines.append(((row == at ? "▸ " : "  ") + text + padding + "  →  ", answer, row == at ? .bold : .plain))
            }
            answerLines.append(("", "", .plain))
            answerLines.append(("Answers: ", options.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: " · "), .dim))
        default:
            break
        }
        var feedback: [(String, Style)] = []
        if let grade {
            feedback.append((verdict(grade), .bold))
            if case .question(let response)? = state.responses[step.key] {
                for text in question.feedback(for: response) { feedback.append((QuizText.plain(text), .plain)) }
            }
            if !question.generalFeedback.text.isEmpty { feedback.append((QuizText.plain(question.generalFeedback), .dim)) }
        }
        // The answer area keeps its rows; the question's text takes what is left, cut at its end.
        let editorRows: Int = switch state.input {
        case .essay: min(8, max(3, inside.height / 2))
        case .typed: 1
        default: 0
        }
        let feedbackLines = feedback.flatMap { text, style in WrappedText.lines(text, width: inside.width).map { ($0, style) } }
        let answerRows = answerLines.flatMap { prefix, text, style -> [(String, Style)] in
            let indent = CharacterWidth.of(prefix)
            let wrapped = text.isEmpty ? [""] : WrappedText.lines(text, width: max(4, inside.width - indent))
            return wrapped.enumerated().map { ($0.offset == 0 ? prefix + $0.element : String(repeating: " ", count: indent) + $0.element, style) }
        }
        let reserved = answerRows.count + editorRows + (feedbackLines.isEmpty ? 0 : feedbackLines.count + 1) + 1
        var lines = textLines(question.text, width: inside.width)
        let room = max(1, inside.height - reserved)
        if lines.count > room { lines = Array(lines.prefix(room - 1)) + [StyledLine("…", style: .dim)] }
        var y = inside.y
        for line in lines {
            line.draw(x: inside.x, y: y, limit: inside.maxX, into: &buffer)
            y += 1
        }
        y += 1
        for (text, style) in answerRows where y < inside.maxY {
            Label.draw(text, in: Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style, into: &buffer)
            y += 1
        }
        switch state.input {
        case .typed(let field, let numeric) where y < inside.maxY:
            let label = numeric ? "Your number: " : "Your answer: "
            Label.draw(label, in: Rect(x: inside.x, y: y, width: inside.width, height: 1), into: &buffer)
            let labelWidth = CharacterWidth.of(label)
            cursor = field.draw(in: Rect(x: inside.x + labelWidth, y: y, width: max(4, min(50, inside.width - labelWidth)), height: 1), focused: grade == nil, into: &buffer)
            y += 1
        case .essay(let editor, let editing):
            let frame = Rect(x: inside.x, y: y, width: inside.width, height: min(editorRows + 2, inside.maxY - y))
            if frame.height >= 3 {
                let editorArea = Frame(title: editing ? "Your answer (writing; Tab to stop)" : "Your answer (i to write)").draw(in: frame, into: &buffer)
                cursor = editor.draw(in: editorArea, focused: editing && grade == nil, into: &buffer)
                y = frame.maxY
            }
        default:
            break
        }
        if !feedbackLines.isEmpty {
            y += 1
            for (text, style) in feedbackLines where y < inside.maxY {
                Label.draw(text, in: Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style, into: &buffer)
                y += 1
            }
        }
        buffer.cursor = cursor
    }

    static func verdict(_ grade: GIFTGrade) -> String {
        switch grade {
        case .fraction(let value) where value >= 1 - 1e-9: return "Right."
        case .fraction(let value) where value > 0: return "Partly right: " + CourseText.percent(value) + " of the marks."
        case .fraction: return "Not right."
        case .needsTrainer: return "Handed in: a trainer marks essays."
        case .notGraded: return ""
        }
    }

    static func drawResult(_ state: State, _ result: AttemptResult, in rect: Rect, into buffer: inout Buffer) {
        var y = rect.y + 1
        let record = result.record
        let headline = record.awaitingTrainer ? "Handed in: waiting for a trainer's marks" : record.passed ? "Passed" : "Not passed"
        Label.draw(headline, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .bold, into: &buffer)
        y += 1
        let mark = "Your mark: " + CourseText.mark(result.grade.marks, outOf: result.grade.outOf) + " · pass mark " + CourseText.percent(state.course.manifest.passMark)
        Label.draw(mark, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), into: &buffer)
        y += 1
        Label.draw(nextStep(state, result), in: Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .bold, into: &buffer)
        y += 2
        guard let text = state.resultText, y < rect.maxY else { return }
        buffer.cursor = text.draw(in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), into: &buffer)
    }

    /// What the person can do now, with the time when it is a wait.
    static func nextStep(_ state: State, _ result: AttemptResult) -> String {
        switch result.state {
        case .passed:
            let opens = state.course.manifest.qualifies
            return opens.isEmpty ? "Well done." : "This opens your work on: " + opens.joined(separator: ", ") + "."
        case .waiting(let until):
            return "You can try again at \(CourseText.clock(until, state.timeZone)) (in \(TimeText.duration(max(0, until.timeIntervalSince(state.now)).rounded(.up))))."
        case .open:
            return "You can try again now."
        case .outOfAttempts:
            return "That was your last attempt: ask your trainer to assign the course again."
        case .awaitingTrainer:
            return "A trainer marks your written answers; the course page shows the result."
        case .locked:
            return "Pass its prerequisites, then try again."
        }
    }

    /// The page under the mark: each item's mark, and (feedback at the end) what it says.
    static func resultLines(_ state: State, _ result: AttemptResult, width: Int) -> [StyledLine] {
        let feedback = state.course.manifest.feedback
        guard feedback != .none else { return [StyledLine("This course shows only the mark.", style: .dim)] }
        var lines: [StyledLine] = []
        var number = 0
        for item in state.course.assessment {
            let mark = result.grade.items[item.key] ?? .unanswered
            let markText: String = switch mark {
            case .marked(let value): CourseText.percent(value)
            case .awaitingTrainer: "for a trainer"
            case .unanswered: "not answered"
            }
            switch item {
            case .question(_, let question):
                number += 1
                lines.append(StyledLine([StyledRun("Question \(number): ", style: .bold), StyledRun(markText)]))
                guard feedback == .atTheEnd else { continue }
                lines += plainLines(QuizText.plain(question.text), width: width).map { StyledLine($0.runs.map { StyledRun($0.text, style: .dim) }) }
                if case .question(let response)? = state.responses[item.key] {
                    for text in question.feedback(for: response) { lines += plainLines(QuizText.plain(text), width: width) }
                }
                if !question.generalFeedback.text.isEmpty { lines += plainLines(QuizText.plain(question.generalFeedback), width: width) }
                lines.append(.blank)
            case .practice(let practice):
                lines.append(StyledLine([StyledRun("Practice \(practice.task.id): ", style: .bold), StyledRun(markText)]))
                guard feedback == .atTheEnd, let project = state.course.practice?.project else { continue }
                lines += plainLines(practice.explanation, width: width)
                lines += plainLines("The key: " + PracticeScreen.keyText(practice.key, task: practice.task, project: project), width: width)
                lines.append(.blank)
            }
        }
        return lines
    }
}

/// Question text as plain words.
enum QuizText {
    static func plain(_ text: GIFTText) -> String {
        text.format == .html ? withoutTags(text.text) : text.text
    }

    /// HTML as text: tags out (line breaks and paragraphs as new lines), the common entities read.
    static func withoutTags(_ html: String) -> String {
        var text = ""
        var inTag = false
        var tag = ""
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
                    if name.hasPrefix("br") || name.hasPrefix("p") || name.hasPrefix("li") || name.hasPrefix("div") { text.append("\n") }
                    tag = ""
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
            } else {
                text.append(character)
            }
        }
        // `&amp;` last, so "&amp;lt;" reads "&lt;" as it should.
        let entities = [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")]
        for (entity, value) in entities { text = text.replacingOccurrences(of: entity, with: value) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
