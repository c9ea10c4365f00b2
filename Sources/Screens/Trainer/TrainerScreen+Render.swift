import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

extension TrainerScreen {
    /// Colour where it carries meaning; the words say the same for a terminal without it.
    static let alarm = Style(foreground: .red, attributes: .bold)
    static let caution = Style(foreground: .yellow)
    static let good = Style(foreground: .green)

    /// Draws the list or a course's page. Pure.
    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: state.marking, into: &buffer)
        guard area.height > 6 else { return }
        let (content, statusRow) = area.splitBottom(1)
        // The hints on the last row, a message above them.
        let body = Rect(x: 0, y: content.y + 1, width: content.width, height: max(0, content.height - 4))
        let hints: [String]
        if state.openCourseID != nil {
            hints = drawCourse(state, in: body, into: &buffer)
        } else {
            hints = drawList(state, in: body, into: &buffer)
        }
        if let message = state.message {
            Label.draw(message, in: Rect(x: 2, y: content.maxY - 2, width: content.width - 4, height: 1), style: .bold, into: &buffer)
        }
        Chrome.drawHints(hints, in: content, into: &buffer)
        let updated = state.updatedAt.map { "live · updated \(TimeText.time($0, in: state.timeZone))" } ?? (state.isWaiting ? "asking the hub…" : nil)
        StatusBar(leading: ["Trainer", state.openCourseID.map { _ in state.view?.title ?? "course" } ?? "Courses"], trailing: [state.username] + [updated].compactMap { $0 })
            .draw(row: statusRow.y, in: &buffer)
    }

    private static func drawList(_ state: State, in body: Rect, into buffer: inout Buffer) -> [String] {
        let width = body.width - 4
        Label.draw("Courses at the hub", in: Rect(x: 2, y: body.y, width: width, height: 1), style: .bold, into: &buffer)
        Label.draw(
            "Who has each course and where they stand. Enter opens one, kept up to date.",
            in: Rect(x: 2, y: body.y + 1, width: width, height: 1), style: .dim, into: &buffer)
        let y = body.y + 3
        let height = body.maxY - y
        if state.courses.isEmpty {
            let text = state.isLoading ? "Asking the hub for its courses…" : (state.updatedAt == nil ? "" : noCoursesSentence)
            for (index, line) in WrappedText.lines(text, width: width).prefix(max(0, height)).enumerated() {
                Label.draw(line, in: Rect(x: 2, y: y + index, width: width, height: 1), style: .dim, into: &buffer)
            }
        } else {
            let counted = { (count: Int, style: Style) -> Style? in count > 0 ? style : nil }
            Table(
                columns: [
                    .init("Course"), .init("Assigned", width: 8, alignment: .trailing), .init("Started", width: 7, alignment: .trailing),
                    .init("Passed", width: 6, alignment: .trailing), .init("Failed", width: 6, alignment: .trailing),
                    .init("Overdue", width: 7, alignment: .trailing), .init("Essays", width: 6, alignment: .trailing),
                ],
                rows: state.courses.map { course in
                    ["\(course.title) (\(course.courseID))", String(course.assigned), String(course.started), String(course.passed), String(course.failed),
                     String(course.overdue), String(course.essays)]
                },
                selected: state.selectedCourse,
                cellStyles: state.courses.map { course in
                    [nil, nil, nil, counted(course.passed, good), counted(course.failed, alarm), counted(course.overdue, alarm), counted(course.essays, caution)]
                }
            ).draw(in: Rect(x: 1, y: y, width: body.width - 2, height: min(height, state.courses.count + 1)), into: &buffer)
        }
        return ["↑↓ choose", "Enter open", "r refresh", "q back"]
    }

    private static func drawCourse(_ state: State, in body: Rect, into buffer: inout Buffer) -> [String] {
        let width = body.width - 4
        guard let view = state.view else {
            let title = state.currentCourse.map { "\($0.title) (\($0.courseID))" } ?? state.openCourseID ?? ""
            Label.draw(title, in: Rect(x: 2, y: body.y, width: width, height: 1), style: .bold, into: &buffer)
            if state.isLoading {
                Label.draw("Asking the hub for the course…", in: Rect(x: 2, y: body.y + 2, width: width, height: 1), style: .dim, into: &buffer)
            }
            return ["r refresh", "q back"]
        }
        Label.draw("\(view.title) (\(view.courseID))", in: Rect(x: 2, y: body.y, width: width, height: 1), style: .bold, into: &buffer)
        let attempts = view.attemptsAllowed.map { $0 == 1 ? "1 attempt" : "\($0) attempts" } ?? "unlimited attempts"
        Label.draw(
            "Version \(view.version.prefix(12)) · pass mark \(TrainerText.percent(view.passMark)) · \(attempts)",
            in: Rect(x: 2, y: body.y + 1, width: width, height: 1), style: .dim, into: &buffer)
        // The panes, the chosen one reversed.
        var x = 2
        for tab in Tab.allCases {
            let count: String = switch tab {
            case .people: " (\(view.people.count))"
            case .items: ""
            case .essays: " (\(view.essays.count))"
            }
            let text = " \(tab.rawValue + 1) \(tab.title)\(count) "
            let style: Style = tab == state.tab ? .reverse.with(.bold) : (tab == .essays && !view.essays.isEmpty ? caution : .plain)
            x = buffer.write(text, x: x, y: body.y + 3, style: style, limit: body.maxX - 1) + 1
        }
        let pane = Rect(x: 1, y: body.y + 5, width: body.width - 2, height: max(0, body.maxY - body.y - 5))
        if let form = state.assignForm {
            drawAssignForm(form, view, state, in: pane, into: &buffer)
            return state.isSending ? ["assigning…"] : ["Tab next field", "Enter assign", "Esc back"]
        }
        switch state.tab {
        case .people:
            drawPeople(view, state, in: pane, into: &buffer)
            return ["Tab pane", "↑↓ choose", "a assign", "r refresh", "q back"]
        case .items:
            drawItems(view, state, in: pane, into: &buffer)
            return ["Tab pane", "↑↓ choose", "a assign", "r refresh", "q back"]
        case .essays:
            if let open = state.openEssay {
                drawEssay(open, state, in: pane, into: &buffer)
                return state.isSending ? ["sending the mark…"] : ["type the mark", "Enter confirm", "Esc back"]
            }
            drawEssays(view, state, in: pane, into: &buffer)
            return ["Tab pane", "↑↓ choose", "Enter open the essay", "a assign", "r refresh", "q back"]
        }
    }

    private static func drawPeople(_ view: CourseView, _ state: State, in pane: Rect, into buffer: inout Buffer) {
        guard !view.people.isEmpty else {
            let text = "Nobody is assigned \(view.courseID) or has attempted it yet; labeldesk course assign \(view.courseID) --to USER assigns it."
            drawDim(text, in: pane, into: &buffer)
            return
        }
        Table(
            columns: [
                .init("Person"), .init("Assigned"), .init("Due", width: 16), .init("State", width: 14), .init("Tries", width: 5, alignment: .trailing),
                .init("Best", width: 5, alignment: .trailing), .init("", width: 7),
            ],
            rows: view.people.map { person in
                let tries = view.attemptsAllowed.map { "\(person.attempts)/\($0)" } ?? String(person.attempts)
                return [person.username, person.how, person.dueAt.map { TimeText.dateTime($0, in: state.timeZone) } ?? "-",
                        TrainerText.state(person, in: state.timeZone), tries, TrainerText.percent(person.best), person.isOverdue ? "OVERDUE" : ""]
            },
            selected: state.selectedRow[.people] ?? 0,
            cellStyles: view.people.map { person in
                let stateStyle: Style? = switch person.state {
                case .passed: good
                case .outOfAttempts: alarm
                case .awaitingTrainer, .waiting: caution
                case .open, .locked: nil
                }
                return [nil, nil, person.isOverdue ? alarm : nil, stateStyle, nil, nil, person.isOverdue ? alarm : nil]
            }
        ).draw(in: Rect(x: pane.x, y: pane.y, width: pane.width, height: min(pane.height, view.people.count + 1)), into: &buffer)
    }

    private static func drawItems(_ view: CourseView, _ state: State, in pane: Rect, into buffer: inout Buffer) {
        guard let items = view.items, !items.isEmpty else {
            drawDim(
                "No counted attempt at version \(view.version.prefix(12)) yet: the item analysis reads the counted attempts at the current version.",
                in: pane, into: &buffer)
            return
        }
        let tableHeight = min(max(2, pane.height - 3), items.count + 1)
        Table(
            columns: [
                .init("Item", width: 8), .init("Question"), .init("N", width: 4, alignment: .trailing), .init("Facility", width: 8, alignment: .trailing),
                .init("Discr.", width: 6, alignment: .trailing), .init("Flags"),
            ],
            rows: items.map { item in
                [item.key, item.title, String(item.attempts), TrainerText.percent(item.facility),
                 item.discrimination.map { String(format: "%.0f", $0) } ?? "-", item.flags.map(TrainerText.flag).joined(separator: ", ")]
            },
            selected: state.selectedRow[.items] ?? 0,
            cellStyles: items.map { item in
                let hardOrEasy = item.flags.contains(.tooEasy) || item.flags.contains(.tooHard)
                let negative = item.flags.contains(.negativelyDiscriminating)
                let flags: Style? = negative ? alarm : (item.flags.isEmpty ? nil : caution)
                return [nil, nil, nil, hardOrEasy ? caution : nil, negative ? alarm : nil, flags]
            }
        ).draw(in: Rect(x: pane.x, y: pane.y, width: pane.width, height: tableHeight), into: &buffer)
        var y = pane.y + tableHeight + 1
        let width = pane.width - 2
        let analysed = view.analysed == 1 ? "1 counted attempt" : "\(view.analysed) counted attempts"
        let leftOut = view.leftOut > 0 ? "; \(view.leftOut) left out (uncounted or older version)" : ""
        if y < pane.maxY {
            Label.draw("\(analysed) at this version\(leftOut).", in: Rect(x: pane.x + 1, y: y, width: width, height: 1), style: .dim, into: &buffer)
            y += 1
        }
        let chosen = items.indices.contains(state.selectedRow[.items] ?? 0) ? items[state.selectedRow[.items] ?? 0] : nil
        for flag in chosen?.flags ?? [] where y < pane.maxY {
            Label.draw("\(chosen?.key ?? ""): \(flag.explanation)", in: Rect(x: pane.x + 1, y: y, width: width, height: 1), style: .dim, into: &buffer)
            y += 1
        }
    }

    private static func drawEssays(_ view: CourseView, _ state: State, in pane: Rect, into buffer: inout Buffer) {
        guard !view.essays.isEmpty else {
            drawDim("No essays wait for a mark on this course.", in: pane, into: &buffer)
            return
        }
        Table(
            columns: [.init("Person"), .init("Item", width: 8), .init("Question"), .init("Finished", width: 16)],
            rows: view.essays.map { [$0.username, $0.item, $0.question, TimeText.dateTime($0.finishedAt, in: state.timeZone)] },
            selected: state.selectedRow[.essays] ?? 0
        ).draw(in: Rect(x: pane.x, y: pane.y, width: pane.width, height: min(pane.height, view.essays.count + 1)), into: &buffer)
    }

    private static func drawEssay(_ open: OpenEssay, _ state: State, in pane: Rect, into buffer: inout Buffer) {
        let essay = open.essay
        let frame = Frame(title: "\(essay.username) · \(essay.item) · \(TimeText.dateTime(essay.finishedAt, in: state.timeZone))")
            .draw(in: pane, into: &buffer)
        guard frame.height > 2 else { return }
        let width = frame.width - 2
        // The mark's row at the bottom; the question and the answer above it, the answer cut last.
        var lines: [(String, Style)] = WrappedText.lines(essay.question, width: width).map { ($0, Style.bold) }
        lines.append(("", .plain))
        let answer = essay.answer.isEmpty ? ["(no answer)"] : essay.answer.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { WrappedText.lines(String($0), width: width) }
        lines += answer.map { ($0, .plain) }
        for (index, line) in lines.prefix(max(0, frame.height - 2)).enumerated() {
            Label.draw(line.0, in: Rect(x: frame.x + 1, y: frame.y + index, width: width, height: 1), style: line.1, into: &buffer)
        }
        let prompt = "Mark, 0 to 1 or a percentage: "
        let row = frame.maxY - 1
        let end = buffer.write(prompt, x: frame.x + 1, y: row, style: .plain, limit: frame.maxX)
        let cursor = open.field.draw(in: Rect(x: end, y: row, width: min(10, max(1, frame.maxX - end - 1)), height: 1), focused: !state.isSending, into: &buffer)
        buffer.cursor = cursor
    }

    private static func drawAssignForm(_ form: AssignForm, _ view: CourseView, _ state: State, in pane: Rect, into buffer: inout Buffer) {
        let frame = Frame(title: "Assign \(view.courseID)").draw(in: Rect(x: pane.x, y: pane.y, width: pane.width, height: min(pane.height, 7)), into: &buffer)
        guard frame.height >= 3 else { return }
        let labelWidth = 34
        let fieldWidth = max(1, min(30, frame.width - labelWidth - 3))
        var cursor: Point?
        for (index, (label, field, focused)) in [("To (a username, or cohort NAME):", form.to, !form.onDue), ("Due (2026-12-15, 3d, or nothing):", form.due, form.onDue)].enumerated() {
            let y = frame.y + index
            Label.draw(label, in: Rect(x: frame.x + 1, y: y, width: labelWidth, height: 1), style: focused ? .bold : .plain, into: &buffer)
            let at = field.draw(in: Rect(x: frame.x + labelWidth + 2, y: y, width: fieldWidth, height: 1), focused: focused && !state.isSending, into: &buffer)
            if focused { cursor = at }
        }
        if frame.height >= 4 {
            _ = Label.drawWrapped(
                "Assigning again a course someone has not passed starts their attempts afresh. A cohort's later members are given it as they join.",
                in: Rect(x: frame.x + 1, y: frame.y + 3, width: frame.width - 2, height: frame.height - 3), style: .dim, into: &buffer)
        }
        buffer.cursor = cursor
    }

    private static func drawDim(_ text: String, in pane: Rect, into buffer: inout Buffer) {
        for (index, line) in WrappedText.lines(text, width: pane.width - 2).prefix(max(0, pane.height)).enumerated() {
            Label.draw(line, in: Rect(x: pane.x + 1, y: pane.y + index, width: pane.width - 2, height: 1), style: .dim, into: &buffer)
        }
    }
}
