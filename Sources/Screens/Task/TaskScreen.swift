import Domain
import Foundation
import TerminalCore
import Widgets

/// The text classification task screen.
///
/// Label keys choose (or, in multi-label projects, toggle) labels; Enter submits. While
/// a submission or undo is being saved, further keys wait in `deferredKeys` and are
/// played back in order once the next task is on screen, so a fast typist loses nothing.
public enum TaskScreen {
    public enum Mode: Equatable, Sendable {
        case labeling
        case choosingSkipReason(selected: Int)
        case help
    }

    public struct State: Equatable, Sendable {
        public var project: Project
        public var keys: LabelKeys
        /// The task on screen; nil when the queue is empty.
        public var current: LeasedTask?
        public var chosen: Set<Int> = []
        public var scroll = 0
        public var mode: Mode = .labeling
        /// A save or undo is under way.
        public var isBusy = false
        public var deferredKeys: [Key] = []
        public var startedAt: Date
        public var now: Date
        public var doneToday: Int
        public var waiting: Int
        public var message: String?
        public var sync = SyncIndicator()
        public var timeZone: TimeZone
        /// Rows the text view had at the last render, for paging; set by the app on resize.
        public var textRows = 10
        /// The highest marking this station may hold; a task above it is not shown.
        /// Asked for when the state is made, so no caller can forget it and show a spill.
        public var systemHigh: Marking

        public init(
            project: Project, keys: LabelKeys, current: LeasedTask?, now: Date, doneToday: Int, waiting: Int, timeZone: TimeZone,
            systemHigh: Marking
        ) {
            self.project = project
            self.systemHigh = systemHigh
            self.keys = keys
            self.current = current
            self.startedAt = now
            self.now = now
            self.doneToday = doneToday
            self.waiting = waiting
            self.timeZone = timeZone
        }

        /// The banner shows the task's marking; with no task, the project's default.
        public var marking: Marking { current?.task.marking ?? project.defaultMarking }

        /// The task on screen is marked above what this station may hold.
        public var isSpill: Bool { (current?.task.marking ?? .unclassified) > systemHigh }

        public var chosenLabelNames: [String] {
            project.labels.indices.filter { chosen.contains($0) }.map { project.labels[$0].name }
        }
    }

    public enum Action: Equatable, Sendable {
        case key(Key)
        case tick(Date)
        /// The last submission is saved and the next task is ready (nil: queue empty).
        case taskArrived(LeasedTask?, at: Date)
        /// An undo put this task back on screen; nil when nothing could be undone.
        case undone(LeasedTask?, at: Date)
        /// Exact counts, after a sync; between syncs the screen counts for itself.
        case countsChanged(waiting: Int, doneToday: Int)
        case saveFailed(String)
        case syncChanged(SyncIndicator)
    }

    public enum Effect: Equatable, Sendable {
        /// Save the chosen labels for `task`; the app answers with `.taskArrived`.
        case submit(task: LeasedTask, labels: [String], secondsOnTask: Double)
        case skip(task: LeasedTask, reason: String, secondsOnTask: Double)
        /// Undo the last submission; the app answers with `.undone`.
        case undo
        case back
    }

    public static func update(_ state: inout State, _ action: Action) -> [Effect] {
        switch action {
        case .tick(let now):
            state.now = now
            return []
        case .syncChanged(let sync):
            state.sync = sync
            return []
        case .saveFailed(let message):
            state.isBusy = false
            state.deferredKeys = []
            state.message = message
            return []
        case let .countsChanged(waiting, doneToday):
            state.waiting = waiting
            state.doneToday = doneToday
            return []
        case let .taskArrived(task, at):
            show(task, in: &state, waiting: max(0, state.waiting - 1), doneToday: state.doneToday + 1, at: at)
            state.message = task == nil ? "All done: this queue is empty. Press q to go back." : nil
            return replayDeferredKeys(&state)
        case let .undone(task, at):
            if let task {
                show(task, in: &state, waiting: state.waiting + 1, doneToday: max(0, state.doneToday - 1), at: at)
                state.message = "Undone. This task is back; label it again."
            } else {
                state.isBusy = false
                state.message = "Nothing to undo: your last submission has already been sent to the hub."
            }
            return replayDeferredKeys(&state)
        case .key(let key):
            if state.isBusy {
                state.deferredKeys.append(key)
                return []
            }
            return handle(key, &state)
        }
    }

    private static func show(_ task: LeasedTask?, in state: inout State, waiting: Int, doneToday: Int, at: Date) {
        state.current = task
        state.chosen = []
        state.scroll = 0
        state.mode = .labeling
        state.isBusy = false
        state.startedAt = at
        state.now = at
        state.waiting = waiting
        state.doneToday = doneToday
    }

    private static func replayDeferredKeys(_ state: inout State) -> [Effect] {
        DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isBusy) { state, key in handle(key, &state) }
    }

    private static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        switch state.mode {
        case .help:
            state.mode = .labeling
            return []
        case .choosingSkipReason(let selected):
            return handleSkipReason(key, selected: selected, &state)
        case .labeling:
            return handleLabeling(key, &state)
        }
    }

    private static func handleLabeling(_ key: Key, _ state: inout State) -> [Effect] {
        state.message = nil
        switch key {
        case .character("q"):
            return [.back]
        case .character("?"):
            state.mode = .help
            return []
        case .character("u"):
            state.isBusy = true
            return [.undo]
        case .up, .character("k"):
            state.scroll = max(0, state.scroll - 1)
            return []
        case .down, .character("j"):
            state.scroll += 1
            return []
        case .pageUp:
            state.scroll = max(0, state.scroll - max(1, state.textRows - 1))
            return []
        case .pageDown:
            state.scroll += max(1, state.textRows - 1)
            return []
        case .home:
            state.scroll = 0
            return []
        case .escape:
            state.chosen = []
            return []
        default:
            break
        }
        guard let task = state.current else {
            state.message = "This queue is empty. Press q to go back."
            return []
        }
        switch key {
        case .character("s"):
            state.mode = .choosingSkipReason(selected: 0)
            return []
        case _ where state.isSpill:
            state.message = "This task may not be labeled on this station: skip it with s and report it."
            return []
        case .enter:
            guard !state.chosen.isEmpty else {
                state.message = "Choose a label first: press 1-\(state.project.labels.count) or its letter."
                return []
            }
            state.isBusy = true
            return [.submit(task: task, labels: state.chosenLabelNames, secondsOnTask: state.now.timeIntervalSince(state.startedAt))]
        case .character(let character):
            guard let index = state.keys.labelIndex(for: character) else {
                state.message = "'\(character)' is not a key here. Press ? for the list of keys."
                return []
            }
            if state.project.allowsMultipleLabels {
                if state.chosen.contains(index) { state.chosen.remove(index) } else { state.chosen.insert(index) }
            } else {
                state.chosen = [index]
            }
            return []
        default:
            return []
        }
    }

    private static func handleSkipReason(_ key: Key, selected: Int, _ state: inout State) -> [Effect] {
        let reasons = state.project.skipReasons
        if let moved = SelectionList.move(selected, count: reasons.count, key: key) {
            state.mode = .choosingSkipReason(selected: moved)
            return []
        }
        var pick: Int?
        switch key {
        case .escape, .character("q"):
            state.mode = .labeling
            return []
        case .enter:
            pick = selected
        case .character(let character):
            if let digit = character.wholeNumberValue, character.isASCII, digit >= 1, digit <= reasons.count { pick = digit - 1 }
        default:
            break
        }
        guard let pick, reasons.indices.contains(pick), let task = state.current else { return [] }
        state.mode = .labeling
        state.isBusy = true
        return [.skip(task: task, reason: reasons[pick], secondsOnTask: state.now.timeIntervalSince(state.startedAt))]
    }
}
