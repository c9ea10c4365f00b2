import Domain
import Foundation
import TerminalCore
import Widgets

/// The task screen: the same frame for every task kind, with the kind's part inside.
///
/// The screen owns what every kind shares: the header, the message line, key hints, the
/// status bar, skipping, flagging, undo, help, time on task, and the keys that wait
/// while a submission is being saved. The kind (`KindWork`) owns the body and the answer.
/// While a submission or undo is being saved, further keys wait in `deferredKeys` and
/// are played back in order once the next task is on screen, so a fast typist loses nothing.
public enum TaskScreen {
    public enum Mode: Equatable, Sendable {
        case labeling
        case choosingSkipReason(selected: Int)
        case writingFlag(TextField)
        case help
    }

    /// A gap between keys longer than this is not counted as time on task.
    public static let idleGapSeconds: TimeInterval = 60

    public struct State: Equatable, Sendable {
        public var project: Project
        public var keys: LabelKeys
        /// The task on screen; nil when the queue is empty.
        public var current: LeasedTask?
        /// The kind's work on the current task; nil when the queue is empty.
        public var work: KindWork?
        public var mode: Mode = .labeling
        /// The note for the shift lead, once the labeler has flagged the task.
        public var flagNote: String?
        /// A save or undo is under way.
        public var isBusy = false
        public var deferredKeys: [Key] = []
        public var startedAt: Date
        public var now: Date
        /// Time on the current task that counts: keys within `idleGapSeconds` of each
        /// other, outside help, while the screen was not locked (the app sends no ticks then).
        public var activeSeconds: Double = 0
        public var lastKeyAt: Date
        public var doneToday: Int
        public var waiting: Int
        public var message: String?
        public var sync = SyncIndicator()
        public var timeZone: TimeZone
        /// The body's size at this terminal size; set by the app on resize.
        public var bodySize = Size(width: 78, height: 16)
        /// The highest marking this station may hold; a task above it is not shown.
        /// Asked for when the state is made, so no caller can forget it and show a spill.
        public var systemHigh: Marking
        /// How many colours the terminal shows, for kinds that draw imagery; set by the app.
        public var colorDepth: ColorDepth = .indexed256

        public init(
            project: Project, keys: LabelKeys, current: LeasedTask?, now: Date, doneToday: Int, waiting: Int, timeZone: TimeZone,
            systemHigh: Marking, bodySize: Size = Size(width: 78, height: 16)
        ) {
            self.bodySize = bodySize
            self.project = project
            self.systemHigh = systemHigh
            self.keys = keys
            self.startedAt = now
            self.now = now
            self.lastKeyAt = now
            self.doneToday = doneToday
            self.waiting = waiting
            self.timeZone = timeZone
            TaskScreen.show(current, in: &self, at: now)
        }

        /// The banner shows the task's marking; with no task, the project's default.
        public var marking: Marking { current?.task.marking ?? project.defaultMarking }

        /// The task on screen is marked above what this station may hold.
        public var isSpill: Bool { (current?.task.marking ?? .unclassified) > systemHigh }

        /// The model answer offered on this task: its first prediction of the project's kind.
        public var prediction: Prediction? {
            current?.task.predictions.first { $0.answer.fits(project.kind) }
        }

        var context: KindContext? {
            guard let current else { return nil }
            return KindContext(
                project: project, task: current.task, keys: keys, prediction: prediction, bodySize: bodySize, colorDepth: colorDepth)
        }
    }

    /// A labeler's decision on a task: the answer, or a skip.
    public struct Decision: Equatable, Sendable {
        public var task: LeasedTask
        public var answer: Answer
        public var skipReason: String?
        public var secondsOnTask: Double
        public var flag: String?
        public var predictionAccepted: Bool?

        public init(
            task: LeasedTask, answer: Answer, skipReason: String? = nil, secondsOnTask: Double, flag: String? = nil,
            predictionAccepted: Bool? = nil
        ) {
            self.task = task
            self.answer = answer
            self.skipReason = skipReason
            self.secondsOnTask = secondsOnTask
            self.flag = flag
            self.predictionAccepted = predictionAccepted
        }
    }

    public enum Action: Equatable, Sendable {
        case key(Key)
        case tick(Date)
        /// The last submission is saved and the next task is ready (nil: queue empty).
        case taskArrived(LeasedTask?, at: Date)
        /// An undo put this task back on screen; nil when nothing could be undone.
        case undone(LeasedTask?, at: Date)
        /// The counts, as the station's database has them: the one source for them.
        case countsChanged(waiting: Int, doneToday: Int)
        case saveFailed(String)
        case syncChanged(SyncIndicator)
        /// The terminal changed size: the body is now this big (`TaskScreen.bodySize(for:)`).
        case bodyResized(Size)
        /// The pixels a `.loadViewport` asked for; stale ones are ignored.
        case viewportLoaded(ViewportRequest, PixelImage)
        /// The readout a `.locateCursor` asked for; stale ones are ignored.
        case cursorLocated(ImageReadout)
        /// No key came for `restMilliseconds` after the `.notifyWhenRested` with this serial.
        case viewRested(serial: Int)
        /// The cells a `.refineView` drew; stale ones are ignored.
        case viewRefined(RefinedView)
    }

    public enum Effect: Equatable, Sendable {
        /// Save the decision; the app answers with `.taskArrived`.
        case save(Decision)
        /// Undo the last submission; the app answers with `.undone`.
        case undo
        case back
        /// Read a window of the task's chip at the canvas's size; answer with `.viewportLoaded`.
        case loadViewport(ViewportRequest)
        /// Read one pixel's value and coordinates; answer with `.cursorLocated`.
        case locateCursor(CursorRequest)
        /// Send `.viewRested(serial)` once `restMilliseconds` pass with no key (a later
        /// request replaces an earlier one): the picture may then be refined.
        case notifyWhenRested(serial: Int)
        /// Draw the resting view with chafa's symbols away from the run loop
        /// (`RefineRequest.render`); answer with `.viewRefined`.
        case refineView(RefineRequest)
    }

    /// How long the view must rest before its picture is refined (chafa's symbols
    /// instead of half blocks): long enough that keys held down stay on the fast path.
    public static let restMilliseconds = 150

    /// What the task on screen needs from outside before it can be drawn fully (a geo
    /// task's first pixels): the app runs these right after making the state.
    public static func start(_ state: inout State) -> [Effect] {
        kindRequests(&state)
    }

    /// The kind's pending requests as the screen's effects.
    static func kindRequests(_ state: inout State) -> [Effect] {
        guard var work = state.work, let context = state.context, !state.isSpill else { return [] }
        let requests = work.pendingRequests(context)
        state.work = work
        return requests.map { request in
            switch request {
            case .loadViewport(let viewport): .loadViewport(viewport)
            case .locateCursor(let cursor): .locateCursor(cursor)
            case .notifyWhenRested(let serial): .notifyWhenRested(serial: serial)
            case .refineView(let request): .refineView(request)
            }
        }
    }

    /// Hands an answer to the kind, then asks what it needs next.
    static func deliver(_ event: KindEvent, _ state: inout State) -> [Effect] {
        guard var work = state.work, let context = state.context else { return [] }
        work.receive(event, context)
        state.work = work
        return kindRequests(&state)
    }

    public static func update(_ state: inout State, _ action: Action) -> [Effect] {
        switch action {
        case .bodyResized(let size):
            state.bodySize = size
            return kindRequests(&state)
        case let .viewportLoaded(request, image):
            return deliver(.viewportLoaded(request, image), &state)
        case .cursorLocated(let readout):
            return deliver(.cursorLocated(readout), &state)
        case .viewRested(let serial):
            return deliver(.viewRested(serial: serial), &state)
        case .viewRefined(let view):
            return deliver(.viewRefined(view), &state)
        case .tick(let now):
            // Since the last tick, count what lies within `idleGapSeconds` of the last key.
            if state.current != nil, state.mode != .help {
                let activeUntil = min(now, state.lastKeyAt.addingTimeInterval(idleGapSeconds))
                state.activeSeconds += max(0, activeUntil.timeIntervalSince(state.now))
            }
            state.now = max(state.now, now)
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
            show(task, in: &state, at: at)
            state.message = task == nil ? "All done: this queue is empty. Press q to go back." : nil
            return kindRequests(&state) + replayDeferredKeys(&state)
        case let .undone(task, at):
            if let task {
                show(task, in: &state, at: at)
                state.message = "Undone. This task is back; label it again."
            } else {
                state.isBusy = false
                state.message = "Nothing to undo: your last submission has already been sent to the hub."
            }
            return kindRequests(&state) + replayDeferredKeys(&state)
        case .key(let key):
            if state.isBusy {
                state.deferredKeys.append(key)
                return []
            }
            state.lastKeyAt = state.now
            return handle(key, &state)
        }
    }

    static func show(_ task: LeasedTask?, in state: inout State, at: Date) {
        state.current = task
        state.mode = .labeling
        state.isBusy = false
        state.flagNote = nil
        state.startedAt = at
        state.now = at
        state.lastKeyAt = at
        state.activeSeconds = 0
        state.work = state.context.map(KindWork.begin)
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
        case .writingFlag(var field):
            return handleFlag(key, field: &field, &state)
        case .labeling:
            return handleLabeling(key, &state)
        }
    }

    private static func handleLabeling(_ key: Key, _ state: inout State) -> [Effect] {
        state.message = nil
        guard let task = state.current, var work = state.work, let context = state.context else {
            if let effects = screenCommand(key, &state, allowing: ["q", "?", "u"]) { return effects }
            state.message = "This queue is empty. Press q to go back."
            return []
        }
        if state.isSpill {
            if let effects = screenCommand(key, &state, allowing: ["q", "u", "s"]) { return effects }
            state.message = "This task may not be labeled on this station: skip it with s and report it."
            return []
        }
        // An editor with focus takes every key first; the screen's keys work once it lets go.
        let capturing = work.isCapturingText
        var reply = KindReply.ignored
        if capturing || !isScreenKey(key) || work.takesFirst(key) {
            reply = work.handle(key, context)
            state.work = work
        }
        switch reply {
        case .handled:
            return kindRequests(&state)
        case .refused(let sentence):
            state.message = sentence
            return kindRequests(&state)
        case .submit:
            return submit(task, &state)
        case .ignored:
            break
        }
        if let effects = screenCommand(key, &state, allowing: screenKeys) { return effects }
        switch key {
        case .enter:
            return submit(task, &state)
        case .character(let character) where !capturing:
            state.message = "'\(character)' is not a key here. Press ? for the list of keys."
            return []
        default:
            return []
        }
    }

    /// The keys the screen answers before the kind sees them, unless an editor has focus.
    static let screenKeys: Set<Character> = ["q", "?", "u", "s", "f"]

    private static func isScreenKey(_ key: Key) -> Bool {
        if case .character(let character) = key { return screenKeys.contains(character) }
        return false
    }

    /// Does the screen's own command for `key`, if it is one of `allowed`; nil otherwise.
    private static func screenCommand(_ key: Key, _ state: inout State, allowing allowed: Set<Character>) -> [Effect]? {
        guard case .character(let character) = key, allowed.contains(character) else { return nil }
        switch character {
        case "q":
            return [.back]
        case "?":
            state.mode = .help
            return []
        case "u":
            state.isBusy = true
            return [.undo]
        case "s":
            state.mode = .choosingSkipReason(selected: 0)
            return []
        case "f":
            state.mode = .writingFlag(TextField(text: state.flagNote ?? "", maximumLength: 500))
            return []
        default:
            return nil
        }
    }

    private static func submit(_ task: LeasedTask, _ state: inout State) -> [Effect] {
        guard let work = state.work, let context = state.context else { return [] }
        switch work.answer(context) {
        case .failure(let refusal):
            state.message = refusal.sentence
            return []
        case .success(let answer):
            state.isBusy = true
            let accepted = state.prediction.map { answer.agrees(with: $0.answer) }
            return [.save(Decision(
                task: task, answer: answer, secondsOnTask: state.activeSeconds, flag: state.flagNote, predictionAccepted: accepted))]
        }
    }

    private static func handleFlag(_ key: Key, field: inout TextField, _ state: inout State) -> [Effect] {
        switch key {
        case .escape:
            state.mode = .labeling
        case .enter:
            let note = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
            state.flagNote = note.isEmpty ? nil : note
            state.mode = .labeling
            state.message = note.isEmpty
                ? "Flag removed."
                : "Flagged for the shift lead. The note goes with this task when you submit or skip it."
        default:
            _ = field.handle(key)
            state.mode = .writingFlag(field)
        }
        return []
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
        return [.save(Decision(
            task: task, answer: .empty(state.project.kind), skipReason: reasons[pick], secondsOnTask: state.activeSeconds,
            flag: state.flagNote))]
    }
}
