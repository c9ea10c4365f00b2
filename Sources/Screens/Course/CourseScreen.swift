import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

/// One course: its lessons in order, the start of its quiz (refused with the reason
/// when the rules refuse it), and the person's past attempts with their marks.
///
/// Everything it says comes from the `Coursework` at the time on the clock, so a retry
/// wait counts down and the start opens when it ends, with or without a network.
public enum CourseScreen {
    public struct State: Equatable, Sendable {
        public var coursework: Coursework
        public var courseID: String
        public var username: String
        /// The row chosen: a lesson, or (last) the start of the quiz.
        public var selected = 0
        public var now: Date
        public var timeZone: TimeZone
        public var showsHelp = false
        public var message: String?
        public var sync = SyncIndicator()

        public init(coursework: Coursework, courseID: String, username: String, now: Date, timeZone: TimeZone) {
            self.coursework = coursework
            self.courseID = courseID
            self.username = username
            self.now = now
            self.timeZone = timeZone
        }

        public var entry: Coursework.Entry? { coursework.entry(courseID) }

        /// Rows: the lessons, then the start of the assessment when the course has one.
        var rowCount: Int {
            guard let entry else { return 0 }
            return entry.course.lessons.count + (entry.course.assessment.isEmpty ? 0 : 1)
        }
    }

    public enum Effect: Equatable, Sendable {
        /// Open a lesson (by its file); the app shows the version `showsVariant` picks.
        case openLesson(file: String)
        /// Begin an attempt: the rules allow it now.
        case startAttempt(courseID: String)
        case back
    }

    public static let helpEntries: [HelpOverlay.Entry] = [
        .init("↑ ↓  j k", "choose a lesson or the quiz"),
        .init("Enter", "read the chosen lesson, or start the quiz"),
        .init("1-9", "read that lesson"),
        .init("s", "start the quiz"),
        .init("?", "this help"),
        .init("q  Esc", "back to your courses"),
    ]

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        if state.showsHelp {
            state.showsHelp = false
            return []
        }
        state.message = nil
        guard let entry = state.entry else {
            if case .character("?") = key { state.showsHelp = true; return [] }
            return key == .escape || key == .character("q") ? [.back] : []
        }
        if let moved = SelectionList.move(state.selected, count: state.rowCount, key: key) {
            state.selected = moved
            return []
        }
        let lessons = entry.course.lessons
        switch key {
        case .enter:
            if lessons.indices.contains(state.selected) { return [.openLesson(file: lessons[state.selected].file)] }
            return start(entry, &state)
        case .character("s"):
            return start(entry, &state)
        case .character("?"):
            state.showsHelp = true
        case .character("q"), .escape:
            return [.back]
        case .character(let character):
            if let digit = character.wholeNumberValue, character.isASCII, lessons.indices.contains(digit - 1) {
                state.selected = digit - 1
                return [.openLesson(file: lessons[digit - 1].file)]
            }
            state.message = "'\(character)' is not a key here. Press ? for the list of keys."
        default:
            break
        }
        return []
    }

    private static func start(_ entry: Coursework.Entry, _ state: inout State) -> [Effect] {
        if let refusal = CourseText.startRefusal(entry, in: state.coursework, now: state.now, zone: state.timeZone) {
            state.message = refusal
            return []
        }
        return [.startAttempt(courseID: entry.id)]
    }

    public static func coursesLoaded(_ state: inout State, _ coursework: Coursework) {
        state.coursework = coursework
        state.selected = min(state.selected, max(0, state.rowCount - 1))
    }

    public static func ticked(_ state: inout State, _ now: Date) {
        state.now = now
    }

    /// "10 s", "10 min", "2 h", "1 d": how long a retry waits.
    static func waitText(_ seconds: Int) -> String {
        if seconds % 86_400 == 0, seconds >= 86_400 { return "\(seconds / 86_400) d" }
        if seconds % 3600 == 0, seconds >= 3600 { return "\(seconds / 3600) h" }
        if seconds % 60 == 0, seconds >= 60 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }

    /// The rules of the course in a line: pass mark, attempts, retry wait.
    static func rulesLine(_ entry: Coursework.Entry) -> String {
        let manifest = entry.course.manifest
        var parts = ["pass mark " + CourseText.percent(manifest.passMark)]
        if let allowed = manifest.attemptsAllowed {
            parts.append("\(allowed) \(allowed == 1 ? "attempt" : "attempts") allowed")
        }
        if manifest.retryWaitSeconds > 0 { parts.append("wait \(waitText(manifest.retryWaitSeconds)) after a failed attempt") }
        return parts.joined(separator: " · ")
    }

    /// What the start row says: what the attempt holds.
    static func startLabel(_ course: Course) -> String {
        let questions = course.assessment.filter { if case .question = $0 { true } else { false } }.count
        let practice = course.assessment.count - questions
        var parts: [String] = []
        if questions > 0 { parts.append("\(questions) \(questions == 1 ? "question" : "questions")") }
        if practice > 0 { parts.append("\(practice) practice \(practice == 1 ? "task" : "tasks")") }
        return (questions > 0 ? "Start the quiz" : "Start the practice") + " (" + parts.joined(separator: ", ") + ")"
    }

    /// A retest quality assigned is said in yellow: to be acted on, not an error.
    public static let remediationStyle = Style(foreground: .yellow, attributes: .bold)

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: .unclassified, into: &buffer)
        guard area.height > 6 else { return }
        let (content, statusRow) = area.splitBottom(1)
        let width = content.width - 4
        guard let entry = state.entry else {
            Label.draw("This course is no longer on this station. Press q to go back.", in: Rect(x: 2, y: content.y + 1, width: width, height: 1), style: .bold, into: &buffer)
            return
        }
        let work = state.coursework
        var y = content.y + 1
        Label.draw(entry.title, in: Rect(x: 2, y: y, width: width, height: 1), style: .bold, into: &buffer)
        y += 1
        Label.draw("Status: " + CourseText.status(entry, in: work, now: state.now, zone: state.timeZone), in: Rect(x: 2, y: y, width: width, height: 1), into: &buffer)
        y += 1
        Label.draw(rulesLine(entry), in: Rect(x: 2, y: y, width: width, height: 1), style: .dim, into: &buffer)
        y += 1
        let remediation = CourseText.remediationNote(entry, in: work, now: state.now)
        if let remediation {
            Label.draw(remediation, in: Rect(x: 2, y: y, width: width, height: 1), style: Self.remediationStyle, into: &buffer)
        }
        y += 1

        let course = entry.course
        let remedialLesson: String? = if case .remediation(_, _, let lesson)? = entry.assignment?.reason, remediation != nil { lesson } else { nil }
        var rows = course.lessons.enumerated().map { index, lesson in
            let read = entry.lessonsRead.contains(lesson.file) ? "  ✓ read" : ""
            let again = remedialLesson.map { $0 == lesson.file || $0 == lesson.variant?.file } == true ? "  ← read again" : ""
            return "\(index + 1). \(lesson.title)\(read)\(again)"
        }
        if !course.assessment.isEmpty { rows.append("▶ " + startLabel(course)) }
        let attemptLines = attemptLines(entry, zone: state.timeZone)
        let attemptsHeight = min(max(1, attemptLines.count), max(1, (content.maxY - y - 4) / 3)) + 2
        let listHeight = max(3, content.maxY - y - attemptsHeight - 3)
        let lessons = Frame(title: "Lessons").draw(in: Rect(x: 1, y: y, width: content.width - 2, height: min(listHeight, rows.count + 2)), into: &buffer)
        SelectionList(items: rows, selected: state.selected).draw(in: lessons, into: &buffer)
        y = lessons.maxY + 1
        let attempts = Frame(title: "Your attempts").draw(in: Rect(x: 1, y: y, width: content.width - 2, height: attemptsHeight), into: &buffer)
        for (row, line) in (attemptLines.isEmpty ? ["None yet."] : attemptLines).suffix(attempts.height).enumerated() {
            Label.draw(line, in: Rect(x: attempts.x + 1, y: attempts.y + row, width: attempts.width - 2, height: 1), style: attemptLines.isEmpty ? .dim : .plain, into: &buffer)
        }
        if let message = state.message {
            let lines = WrappedText.lines(message, width: width)
            for (index, line) in lines.suffix(2).enumerated() {
                Label.draw(line, in: Rect(x: 2, y: content.maxY - 3 + index + (lines.count > 1 ? 0 : 1), width: width, height: 1), style: .bold, into: &buffer)
            }
        }
        Chrome.drawHints(["↑↓ choose", "Enter open", "s start", "? help", "q back"], in: content, into: &buffer)
        StatusBar(leading: ["Course"], trailing: [state.sync.text(in: state.timeZone)]).draw(row: statusRow.y, in: &buffer)
        if state.showsHelp {
            HelpOverlay.draw(title: "Keys on a course", entries: helpEntries, in: area, into: &buffer)
        }
    }

    /// One line per attempt, oldest first: when, the mark, passed or not, and whether
    /// the hub has it yet; those it refused, with why.
    static func attemptLines(_ entry: Coursework.Entry, zone: TimeZone) -> [String] {
        var lines = entry.attempts.map { record in
            let outcome = record.awaitingTrainer ? "awaiting a trainer" : record.passed ? "passed" : "not passed"
            let sent = entry.unsent.contains(record.id) ? " · not yet sent" : ""
            return "\(TimeText.dateTime(record.finishedAt, in: zone))  \(CourseText.percent(record.share))  \(outcome)\(sent)"
        }
        lines += entry.refused.map { refused in
            "\(TimeText.dateTime(refused.record.finishedAt, in: zone))  \(CourseText.percent(refused.record.share))  refused by the hub: \(refused.reason)"
        }
        return lines
    }
}
