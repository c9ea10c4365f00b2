import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

/// The home screen: the person's queues, their courses and their review.
///
/// A queue a course locks says which course opens it instead of opening; `c` opens the
/// courses, `v` the practice items due for review. What the courses panel says is worked
/// out here from the `Coursework` (the hub's standings and the attempts made here) at the
/// time on the clock, so a retry wait counts down and ends on screen.
public enum HomeScreen {
    /// One queue as the home screen lists it.
    public struct Queue: Equatable, Sendable {
        public var projectID: String
        public var title: String
        public var marking: Marking
        /// Tasks ready to show here, and waiting at the hub.
        public var waiting: Int
        public var doneToday: Int
        /// Tasks cached here whose imagery has not arrived or been verified yet.
        public var waitingForImagery: Int
        /// The hub paused this person here on their gold record: the queue stays shut.
        public var isPaused: Bool
        /// Courses (by id) the person must pass before the queue opens to them.
        public var lockedBehind: [String]
        /// A shift lead's words when the lead paused the person or moved them elsewhere.
        public var leadSentence: String?

        public init(
            projectID: String, title: String, marking: Marking, waiting: Int, doneToday: Int, waitingForImagery: Int = 0, isPaused: Bool = false,
            lockedBehind: [String] = [], leadSentence: String? = nil
        ) {
            self.leadSentence = leadSentence
            self.projectID = projectID
            self.title = title
            self.marking = marking
            self.waiting = waiting
            self.doneToday = doneToday
            self.waitingForImagery = waitingForImagery
            self.isPaused = isPaused
            self.lockedBehind = lockedBehind
        }
    }

    public struct State: Equatable, Sendable {
        public var displayName: String
        public var previousLogonAt: Date?
        public var queues: [Queue] = []
        /// The person's courses and review; nil until loaded.
        public var coursework: Coursework?
        /// The time on the clock, for retry waits and due dates; set by ticks.
        public var now: Date
        public var selected = 0
        public var showsHelp = false
        public var message: String?
        public var sync = SyncIndicator()
        public var timeZone: TimeZone
        /// Waiting for the queues to load, or for a chosen queue to open: keys typed
        /// meanwhile wait in `deferredKeys` and replay (on home, or on the task screen).
        public var isLoading = true
        public var isOpening = false
        public var deferredKeys: [Key] = []
        /// A lead, trainer or admin: `g` opens the selected project's gold candidates.
        public var reviewsGold = false
        /// A trainer, lead or admin (`Role.mayTeach` or `mayAssignCourses`): `t` opens the
        /// trainer's screen, the hub's courses and where their people stand.
        public var trains = false
        /// A shift lead or admin (`Role.mayLead`): `f` opens the lead's console, the floor.
        public var leads = false

        public var isWaiting: Bool { isLoading || isOpening }

        public init(displayName: String, previousLogonAt: Date?, timeZone: TimeZone, now: Date = Date(timeIntervalSince1970: 0)) {
            self.displayName = displayName
            self.previousLogonAt = previousLogonAt
            self.timeZone = timeZone
            self.now = now
        }

        /// The banner covers what the list shows: each listed project's default marking.
        public var marking: Marking { Marking.highest(queues.map(\.marking)) }
    }

    public enum Effect: Equatable, Sendable {
        case openQueue(projectID: String)
        /// Open the list of the person's courses.
        case openCourses
        /// Open the practice items due for review now.
        case openReview
        case reviewGold(projectID: String, title: String, marking: Marking)
        /// Open the trainer's screen.
        case openTrainer
        case openLead
        case refresh
        case logOut
        case quit
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        switch key {
        case .control("c"), .control("q"): return [.quit]
        default: break
        }
        if state.isWaiting {
            state.deferredKeys.append(key)
            return []
        }
        return handle(key, &state)
    }

    /// The queues arrived: show them, drop a sentence about an empty list that no
    /// longer holds, and play back the keys typed while they loaded.
    public static func loaded(_ state: inout State, queues: [Queue]) -> [Effect] {
        let wasLoading = state.isLoading
        state.queues = queues
        state.selected = min(state.selected, max(0, queues.count - 1))
        state.isLoading = false
        if !queues.isEmpty, state.message == emptyListSentence { state.message = nil }
        guard wasLoading else { return [] }
        return DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isWaiting) { state, key in handle(key, &state) }
    }

    /// The person's courses arrived (or changed): the panel shows them.
    public static func coursesLoaded(_ state: inout State, _ coursework: Coursework) {
        state.coursework = coursework
    }

    /// The clock moved: retry waits count down.
    public static func ticked(_ state: inout State, _ now: Date) {
        state.now = now
    }

    /// Loading or opening failed: the screen stops waiting, says why, and drops the keys
    /// typed meanwhile (they were meant for what did not come).
    public static func failed(_ state: inout State, message: String) {
        state.isOpening = false
        state.isLoading = false
        state.deferredKeys = []
        state.message = message
    }

    static let emptyListSentence = "No queues yet. An admin adds projects with: labeldesk project create"

    /// Tasks are never shown before their imagery is here and checked; this says so.
    static func imagerySentence(_ count: Int) -> String {
        count == 1
            ? "1 task waits for imagery: it opens once its image is here and checked."
            : "\(count) tasks wait for imagery: they open once it is here and checked."
    }

    private static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        if state.showsHelp {
            state.showsHelp = false
            return []
        }
        state.message = nil
        if let moved = SelectionList.move(state.selected, count: state.queues.count, key: key) {
            state.selected = moved
            return []
        }
        switch key {
        case .enter:
            guard state.queues.indices.contains(state.selected) else {
                state.message = emptyListSentence
                return []
            }
            let queue = state.queues[state.selected]
            guard !queue.isPaused else {
                state.message = Self.pausedSentence(queue)
                return []
            }
            guard queue.lockedBehind.isEmpty else {
                state.message = CourseText.lockSentence(queue.lockedBehind, in: state.coursework) + ". Press c for your courses."
                return []
            }
            guard queue.waiting > 0 else {
                state.message = queue.waitingForImagery > 0
                    ? "\(queue.title): \(Self.imagerySentence(queue.waitingForImagery))"
                    : "\(queue.title) has nothing waiting. Try again after the next sync."
                return []
            }
            state.isOpening = true
            return [.openQueue(projectID: queue.projectID)]
        case .character("g") where state.reviewsGold:
            guard state.queues.indices.contains(state.selected) else {
                state.message = emptyListSentence
                return []
            }
            let queue = state.queues[state.selected]
            return [.reviewGold(projectID: queue.projectID, title: queue.title, marking: queue.marking)]
        case .character("t") where state.trains:
            return [.openTrainer]
        case .character("f") where state.leads:
            return [.openLead]
        case .character("c"):
            guard let work = state.coursework, !work.entries.isEmpty else {
                state.message = "No courses are on this station for you yet. They come with the next sync."
                return []
            }
            return [.openCourses]
        case .character("v"):
            let due = state.coursework?.dueReviews(now: state.now) ?? []
            guard due.isEmpty else { return [.openReview] }
            if let next = state.coursework?.reviews.first {
                state.message = "Nothing to review yet: your next practice item comes back at \(TimeText.dateTime(next.due, in: state.timeZone))."
            } else {
                state.message = "Nothing to review: practice items you get wrong come back here to try again."
            }
            return []
        case .character("r"): return [.refresh]
        case .character("?"): state.showsHelp = true
        case .character("l"): return [.logOut]
        case .character("q"): return [.quit]
        default: break
        }
        return []
    }

    /// The courses panel: what is due for review, then each course and where it stands.
    static func courseLines(_ state: State, width: Int) -> (heading: String, lines: [String]) {
        guard let work = state.coursework, !work.entries.isEmpty else {
            return ("Your courses", [state.coursework == nil && state.isLoading ? "Loading your courses…" : "No courses are assigned to you."])
        }
        let due = work.dueReviews(now: state.now).count
        var lines: [String] = []
        if due > 0 { lines.append(due == 1 ? "1 practice item is due for review: press v" : "\(due) practice items are due for review: press v") }
        let titleWidth = min(max(work.entries.map { CharacterWidth.of($0.title) }.max() ?? 0, 10), max(10, width / 2))
        for entry in work.entries {
            let title = WrappedText.truncate(entry.title, width: titleWidth)
            let padding = String(repeating: " ", count: max(0, titleWidth - CharacterWidth.of(title)))
            lines.append(title + padding + "  " + CourseText.status(entry, in: work, now: state.now, zone: state.timeZone))
        }
        return ("Your courses (c to open)", lines)
    }

    /// What a person paused on a queue reads: who to see, not the figures (the lead has those).
    static func pausedSentence(_ queue: Queue) -> String {
        if let lead = queue.leadSentence { return "\(lead) \(queue.title) opens again when they resume you." }
        return "Your work on \(queue.title) is paused: please see your shift lead. It opens again once they lift the pause."
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: state.marking, into: &buffer)
        guard area.height > 4 else { return }
        let (content, statusRow) = area.splitBottom(1)
        var y = content.y + 1
        Label.draw("Welcome, \(state.displayName)", in: Rect(x: 2, y: y, width: content.width - 4, height: 1), style: .bold, into: &buffer)
        y += 1
        let logon = state.previousLogonAt.map { "Last successful logon: " + TimeText.dateTime($0, in: state.timeZone) } ?? "This is your first logon."
        Label.draw(logon, in: Rect(x: 2, y: y, width: content.width - 4, height: 1), style: .dim, into: &buffer)
        y += 2
        let refusals = state.sync.refusals
        // What most needs the labeler's eye takes the panel: a hub that refuses the whole
        // station, then work it refused, then assigned work.
        let heading: String
        let assigned: [String]
        if state.sync.link == .refused, let reason = state.sync.stationRefusal {
            heading = "The hub refuses this station: your work is kept here; tell your admin"
            assigned = WrappedText.lines(reason, width: content.width - 8)
        } else if let paused = state.queues.first(where: \.isPaused) {
            heading = "Paused: please see your shift lead"
            assigned = WrappedText.lines(Self.pausedSentence(paused), width: content.width - 8)
        } else if !refusals.isEmpty {
            heading = "Refused by the hub: \(refusals.count) (not counted; tell your shift lead)"
            assigned = refusals.suffix(4).map { "task \($0.taskID): \($0.reason)" }
        } else {
            (heading, assigned) = courseLines(state, width: content.width - 8)
        }
        let assignedHeight = 2 + min(4, max(1, assigned.count))
        let tableHeight = max(2, content.maxY - y - assignedHeight - 3)
        let queuesFrame = Frame(title: "Your queues").draw(in: Rect(x: 1, y: y, width: content.width - 2, height: tableHeight + 2), into: &buffer)
        if state.isLoading, state.queues.isEmpty {
            Label.draw("Loading your queues…", in: Rect(x: queuesFrame.x + 2, y: queuesFrame.y, width: queuesFrame.width - 4, height: 1), style: .dim, into: &buffer)
        } else if state.queues.isEmpty {
            Label.draw("No queues yet. An admin adds projects and tasks at the hub.", in: Rect(x: queuesFrame.x + 2, y: queuesFrame.y, width: queuesFrame.width - 4, height: 1), style: .dim, into: &buffer)
        } else {
            Table(
                columns: [.init("Project"), .init("Marking", width: 15), .init("Waiting", width: 8, alignment: .trailing), .init("Done today", width: 10, alignment: .trailing)],
                rows: state.queues.map { [$0.title, $0.marking.rawValue, $0.isPaused ? "paused" : !$0.lockedBehind.isEmpty ? "locked" : "\($0.waiting)", "\($0.doneToday)"] },
                selected: state.selected
            ).draw(in: queuesFrame, into: &buffer)
            // Below the table's rows, inside the frame, when there is a row to spare.
            let waitingForImagery = state.queues.reduce(0) { $0 + $1.waitingForImagery }
            if waitingForImagery > 0, state.queues.count + 2 < queuesFrame.height {
                Label.draw(
                    Self.imagerySentence(waitingForImagery),
                    in: Rect(x: queuesFrame.x + 1, y: queuesFrame.maxY - 1, width: queuesFrame.width - 2, height: 1), style: .dim,
                    into: &buffer)
            }
        }
        y += tableHeight + 2
        Label.draw(heading, in: Rect(x: 2, y: y, width: content.width - 4, height: 1), style: .bold, into: &buffer)
        for (index, line) in assigned.prefix(max(0, content.maxY - y - 3)).enumerated() {
            Label.draw("  " + line, in: Rect(x: 2, y: y + 1 + index, width: content.width - 4, height: 1), style: .dim, into: &buffer)
        }
        if let message = state.message {
            Label.draw(message, in: Rect(x: 2, y: content.maxY - 2, width: content.width - 4, height: 1), style: .bold, into: &buffer)
        }
        var hints = ["↑↓ choose", "Enter start", "c courses"] + (state.reviewsGold ? ["g gold review"] : []) + (state.trains ? ["t trainer"] : []) + (state.leads ? ["f floor"] : [])
            + ["r refresh", "? help", "l log out", "q quit"]
        // Too narrow for a trainer's keys: drop hints the help lists anyway before the
        // last ones (help, quit) are cut.
        for spare in ["↑↓ choose", "l log out"] where CharacterWidth.of(hints.joined(separator: "·")) > content.width - 2 {
            hints.removeAll { $0 == spare }
        }
        Chrome.drawHints(hints, in: content, into: &buffer)
        StatusBar(leading: ["Home"], trailing: [state.sync.text(in: state.timeZone)]).draw(row: statusRow.y, in: &buffer)
        if state.showsHelp {
            let entries = HelpOverlay.homeKeys.filter { ($0.keys != "g" || state.reviewsGold) && ($0.keys != "t" || state.trains) && ($0.keys != "f" || state.leads) }
            HelpOverlay.draw(title: "Keys on the home screen", entries: entries, in: area, into: &buffer)
        }
    }
}
