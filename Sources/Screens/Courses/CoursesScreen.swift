import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

/// The person's courses, each with where they stand in it; Enter opens one.
public enum CoursesScreen {
    public struct State: Equatable, Sendable {
        public var coursework: Coursework
        public var selected = 0
        public var now: Date
        public var timeZone: TimeZone
        public var showsHelp = false
        public var message: String?
        public var sync = SyncIndicator()

        public init(coursework: Coursework, now: Date, timeZone: TimeZone) {
            self.coursework = coursework
            self.now = now
            self.timeZone = timeZone
        }
    }

    public enum Effect: Equatable, Sendable {
        case openCourse(courseID: String)
        case back
    }

    public static let helpEntries: [HelpOverlay.Entry] = [
        .init("↑ ↓  j k", "choose a course"),
        .init("Enter", "open the chosen course: its lessons, quiz and past attempts"),
        .init("?", "this help"),
        .init("q  Esc", "back to your queues"),
    ]

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        if state.showsHelp {
            state.showsHelp = false
            return []
        }
        state.message = nil
        if let moved = SelectionList.move(state.selected, count: state.coursework.entries.count, key: key) {
            state.selected = moved
            return []
        }
        switch key {
        case .enter:
            guard state.coursework.entries.indices.contains(state.selected) else {
                state.message = "No courses are on this station for you yet."
                return []
            }
            return [.openCourse(courseID: state.coursework.entries[state.selected].id)]
        case .character("?"):
            state.showsHelp = true
        case .character("q"), .escape:
            return [.back]
        case .character(let character):
            state.message = "'\(character)' is not a key here. Press ? for the list of keys."
        default:
            break
        }
        return []
    }

    /// New standings or attempts: the list follows them, keeping the chosen course.
    public static func coursesLoaded(_ state: inout State, _ coursework: Coursework) {
        let chosen = state.coursework.entries.indices.contains(state.selected) ? state.coursework.entries[state.selected].id : nil
        state.coursework = coursework
        state.selected = chosen.flatMap { id in coursework.entries.firstIndex { $0.id == id } } ?? min(state.selected, max(0, coursework.entries.count - 1))
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: .unclassified, into: &buffer)
        guard area.height > 4 else { return }
        let (content, statusRow) = area.splitBottom(1)
        Label.draw("Your courses", in: Rect(x: 2, y: content.y + 1, width: content.width - 4, height: 1), style: .bold, into: &buffer)
        let frame = Frame(title: "Courses").draw(in: Rect(x: 1, y: content.y + 2, width: content.width - 2, height: max(3, content.height - 5)), into: &buffer)
        let work = state.coursework
        if work.entries.isEmpty {
            Label.draw("No courses are on this station for you yet.", in: Rect(x: frame.x + 2, y: frame.y, width: frame.width - 4, height: 1), style: .dim, into: &buffer)
        } else {
            Table(
                columns: [.init("Course"), .init("Lessons", width: 7, alignment: .trailing), .init("Status", width: min(44, frame.width / 2))],
                rows: work.entries.map { entry in
                    [entry.title, "\(entry.course.lessons.count)", CourseText.status(entry, in: work, now: state.now, zone: state.timeZone)]
                },
                selected: state.selected
            ).draw(in: frame, into: &buffer)
        }
        if let message = state.message {
            Label.draw(message, in: Rect(x: 2, y: content.maxY - 2, width: content.width - 4, height: 1), style: .bold, into: &buffer)
        }
        Chrome.drawHints(["↑↓ choose", "Enter open", "? help", "q back"], in: content, into: &buffer)
        StatusBar(leading: ["Courses"], trailing: [state.sync.text(in: state.timeZone)]).draw(row: statusRow.y, in: &buffer)
        if state.showsHelp {
            HelpOverlay.draw(title: "Keys on the course list", entries: helpEntries, in: area, into: &buffer)
        }
    }
}
