import TerminalCore
import Widgets

/// A box listing every key of a screen; any key closes it.
public enum HelpOverlay {
    public struct Entry: Equatable, Sendable {
        public var keys: String
        public var meaning: String
        public init(_ keys: String, _ meaning: String) {
            self.keys = keys
            self.meaning = meaning
        }
    }

    public static let homeKeys: [Entry] = [
        .init("↑ ↓  j k", "choose a queue"),
        .init("Home End PgUp PgDn", "jump in the list"),
        .init("Enter", "start labeling the chosen queue"),
        .init("c", "your courses: lessons, quizzes, practice"),
        .init("v", "practice items due for review"),
        .init("g", "review the chosen project's gold candidates"),
        .init("t", "trainer: courses, who has passed, item analysis, essays to mark"),
        .init("f", "shift lead: the floor's queues, quality, people and alerts, live"),
        .init("r", "refresh the queues"),
        .init("?", "this help"),
        .init("l", "log out"),
        .init("q  Ctrl-Q", "quit LabelDesk"),
    ]

    /// The task screen's own keys, the same for every kind; the kind's come before them.
    public static let taskKeys: [Entry] = [
        .init("s", "skip, with a reason"),
        .init("f", "flag the task for the shift lead, with a note"),
        .init("u", "undo your last submission (until it is synced)"),
        .init("?", "this help"),
        .init("q", "back to your queues"),
    ]

    public static func draw(title: String, entries: [Entry], in area: Rect, into buffer: inout Buffer) {
        let keyWidth = min(22, entries.map { CharacterWidth.of($0.keys) }.max() ?? 0)
        let meaningWidth = entries.map { CharacterWidth.of($0.meaning) }.max() ?? 0
        let width = min(area.width - 6, keyWidth + 3 + meaningWidth)
        let inside = Dialog.draw(title: title, contentWidth: width, contentHeight: min(area.height - 4, entries.count + 2), in: area, into: &buffer)
        for (row, entry) in entries.prefix(max(0, inside.height - 2)).enumerated() {
            let y = inside.y + row
            Label.draw(entry.keys, in: Rect(x: inside.x, y: y, width: keyWidth, height: 1), style: .bold, into: &buffer)
            Label.draw(entry.meaning, in: Rect(x: inside.x + keyWidth + 3, y: y, width: inside.width - keyWidth - 3, height: 1), into: &buffer)
        }
        Label.draw("Press any key to close", in: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1), alignment: .center, style: .dim, into: &buffer)
    }
}
