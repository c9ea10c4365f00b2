import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

/// Practice tasks on the parts real work uses: each kind's body (classification, spans,
/// comparison, free text, boxes and polygons), then the mark the gold scorers give, the
/// explanation, and what the key holds, drawn by the same kind.
///
/// Used inside a course attempt (the quiz hands over once its questions are done) and on
/// its own for the spaced review of items a person got wrong. When it pauses after each
/// answer follows the course's `feedback`: after each question always, at the end or
/// never only in review, where the mark is all there is to learn from.
public enum PracticeScreen {
    public enum Mode: Equatable, Sendable {
        /// Part of an attempt: answers are the attempt's, marked when it is handed in.
        case attempt
        /// The spaced review: each answer moves the item's card.
        case review
    }

    public enum Phase: Equatable, Sendable {
        case answering
        /// Answered: the mark (0...1, nil while it waits for a trainer) and which answer is drawn.
        case explained(mark: Double?, showingKey: Bool)
    }

    public struct State: Equatable, Sendable {
        public var courseTitle: String
        public var project: Project
        public var keys: LabelKeys?
        public var items: [PracticeItem]
        public var position = 0
        public var mode: Mode
        public var feedback: CourseManifest.Feedback
        public var phase: Phase = .answering
        /// The person's work on the current item.
        public var work: KindWork?
        /// The key of the current item, drawn by the kind, once answered.
        public var keyWork: KindWork?
        public var bodySize: Size
        public var colorDepth: ColorDepth = .indexed256
        public var message: String?
        public var showsHelp = false

        public init(courseTitle: String, project: Project, items: [PracticeItem], mode: Mode, feedback: CourseManifest.Feedback, size: Size) {
            self.courseTitle = courseTitle
            self.project = project
            self.keys = try? project.labelKeys()
            self.items = items
            self.mode = mode
            self.feedback = feedback
            self.bodySize = PracticeScreen.bodySize(for: size)
            self.work = context(key: false).map(KindWork.begin)
        }

        public var current: PracticeItem? { items.indices.contains(position) ? items[position] : nil }

        /// The context of the current item: the task as it is, or with its key pre-filled.
        func context(key: Bool) -> KindContext? {
            guard let item = current, let keys else { return nil }
            let prediction = key ? Prediction(model: "answer key", answer: item.key) : item.task.predictions.first { $0.answer.fits(project.kind) }
            return KindContext(project: project, task: item.task, keys: keys, prediction: prediction, bodySize: bodySize, colorDepth: colorDepth)
        }

        /// Whether the key is what is drawn now.
        var showsKey: Bool {
            if case .explained(_, let showingKey) = phase { return showingKey }
            return false
        }
    }

    public enum Effect: Equatable, Sendable {
        /// An item answered: `item` is its `AssessmentItem.key`, `mark` what the gold
        /// scorers give it (nil: a trainer marks it).
        case answered(item: String, Answer, mark: Double?)
        /// Every item answered.
        case finished
        /// Esc: the person wants to stop.
        case leave
        case loadViewport(ViewportRequest)
        case locateCursor(CursorRequest)
        case notifyWhenRested(serial: Int)
        case refineView(RefineRequest)
    }

    /// Whether it stops after each answer to show the mark and, unless the course gives
    /// none, the explanation and the key.
    static func pausesAfterEach(_ state: State) -> Bool {
        state.mode == .review || state.feedback == .afterEachQuestion
    }

    /// The rows of the screen: header, body, message, hints, status, as the task screen has them.
    static func layout(_ area: Rect) -> (header: Rect, body: Rect, message: Rect, hints: Rect, status: Rect) {
        TaskScreen.layout(area)
    }

    public static func bodySize(for size: Size) -> Size {
        TaskScreen.bodySize(for: size)
    }

    /// What the kind needs first (a geo task's pixels).
    public static func start(_ state: inout State) -> [Effect] {
        requests(&state)
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        if state.showsHelp {
            state.showsHelp = false
            return []
        }
        guard let item = state.current else { return key == .escape || key == .enter ? [.leave] : [] }
        guard state.keys != nil, let context = state.context(key: false), var work = state.work else {
            state.message = "This practice set's labels clash, so it cannot be shown; tell your trainer."
            return key == .escape ? [.leave] : []
        }
        switch state.phase {
        case .explained(let mark, let showingKey):
            switch key {
            case .enter: return next(&state)
            case .tab, .backTab:
                state.phase = .explained(mark: mark, showingKey: !showingKey)
                return requests(&state)
            case .escape: return [.leave]
            case .character("?"): state.showsHelp = true
            default: break
            }
            return []
        case .answering:
            state.message = nil
            let capturing = work.isCapturingText
            // Esc stops the practice unless the kind takes it first (a geo task drops
            // the box being drawn, the move, the selection, as on the task screen).
            let screenKey = key == .escape || key == .character("?")
            var reply = KindReply.ignored
            if capturing || !screenKey || work.takesFirst(key) {
                reply = work.handle(key, context)
                state.work = work
            }
            switch reply {
            case .handled: return requests(&state)
            case .refused(let sentence):
                state.message = sentence
                return requests(&state)
            case .submit: return submit(item, &state)
            case .ignored: break
            }
            switch key {
            case .enter: return submit(item, &state)
            case .escape: return [.leave]
            case .character("?"): state.showsHelp = true
            case .character(let character) where !capturing:
                state.message = "'\(character)' is not a key here. Press ? for the list of keys."
            default: break
            }
            return []
        }
    }

    /// The terminal changed size.
    public static func resized(_ state: inout State, to size: Size) -> [Effect] {
        state.bodySize = bodySize(for: size)
        return requests(&state)
    }

    /// An answer to one of the kind's requests, for whichever work is drawn.
    public static func deliver(_ event: KindEvent, _ state: inout State) -> [Effect] {
        let keyShown = state.showsKey
        guard let context = state.context(key: keyShown) else { return [] }
        if keyShown {
            state.keyWork?.receive(event, context)
        } else {
            state.work?.receive(event, context)
        }
        return requests(&state)
    }

    static func requests(_ state: inout State) -> [Effect] {
        let keyShown = state.showsKey
        guard let context = state.context(key: keyShown) else { return [] }
        let pending: [KindRequest]
        if keyShown {
            pending = state.keyWork?.pendingRequests(context) ?? []
        } else {
            pending = state.work?.pendingRequests(context) ?? []
        }
        return pending.map { request in
            switch request {
            case .loadViewport(let viewport): .loadViewport(viewport)
            case .locateCursor(let cursor): .locateCursor(cursor)
            case .notifyWhenRested(let serial): .notifyWhenRested(serial: serial)
            case .refineView(let request): .refineView(request)
            }
        }
    }

    private static func submit(_ item: PracticeItem, _ state: inout State) -> [Effect] {
        guard let work = state.work, let context = state.context(key: false) else { return [] }
        switch work.answer(context) {
        case .failure(let refusal):
            state.message = refusal.sentence
            return []
        case .success(let answer):
            let mark: Double? = switch CourseGrading.mark(.practice(item), .practice(answer), project: state.project) {
            case .marked(let value): value
            case .awaitingTrainer: nil
            case .unanswered: 0
            }
            let answered = Effect.answered(item: AssessmentItem.practice(item).key, answer, mark: mark)
            guard pausesAfterEach(state) else { return [answered] + next(&state) }
            state.phase = .explained(mark: mark, showingKey: state.feedback != .none)
            state.keyWork = state.context(key: true).map(KindWork.begin)
            return [answered] + requests(&state)
        }
    }

    private static func next(_ state: inout State) -> [Effect] {
        state.position += 1
        state.phase = .answering
        state.keyWork = nil
        state.message = nil
        guard state.current != nil else {
            state.work = nil
            return [.finished]
        }
        state.work = state.context(key: false).map(KindWork.begin)
        return requests(&state)
    }

    /// Whether a mark counts as right: the whole mark (a spaced review brings back anything less).
    public static func isRight(_ mark: Double?) -> Bool {
        (mark ?? 0) >= 1 - 1e-9
    }
}
