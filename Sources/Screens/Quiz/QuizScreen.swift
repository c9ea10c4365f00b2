import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

/// A course attempt: its quiz one question at a time, then its practice tasks (handed
/// to `PracticeScreen`), then the mark.
///
/// Each question's feedback shows as the course's `feedback` says: after each answer,
/// all at the end, or never (the mark only). The attempt is handed in with the last
/// answer; the app saves it with the grade the station gives it in one transaction
/// before the mark shows (keys typed meanwhile wait and replay). Esc asks before
/// leaving: an attempt with answers in it is handed in as it stands, so feedback seen
/// on the way is never free.
public enum QuizScreen {
    /// One thing the quiz shows in turn: a question of the quiz file, by its place.
    public struct Step: Equatable, Sendable {
        public var index: Int
        public var question: GIFTQuestion

        /// How the attempt's responses name it (`AssessmentItem.key`).
        public var key: String { "q\(index)" }
    }

    public enum Phase: Equatable, Sendable {
        case answering
        /// Answered, with feedback on: its grade, shown until Enter.
        case feedback(GIFTGrade)
        /// Esc was pressed: hand in (or leave) or go on.
        case confirmingLeave(previous: PhaseBeforeLeave)
        /// Handed in; waiting for the save.
        case saving
        /// Saved: the mark, and where that leaves the person.
        case finished(AttemptResult)
    }

    /// Where the quiz was when Esc was pressed, to go back to.
    public enum PhaseBeforeLeave: Equatable, Sendable {
        case answering
        case feedback(GIFTGrade)
        case practising
    }

    /// What the saved attempt came to.
    public struct AttemptResult: Equatable, Sendable {
        public var record: AttemptRecord
        public var grade: AttemptGrade
        /// The person's standing in the course with this attempt counted.
        public var state: CourseState

        public init(record: AttemptRecord, grade: AttemptGrade, state: CourseState) {
            self.record = record
            self.grade = grade
            self.state = state
        }
    }

    public struct State: Equatable, Sendable {
        public var course: Course
        public var username: String
        public var startedAt: Date
        public var now: Date
        public var timeZone: TimeZone
        public var size: Size
        /// The quiz's questions in file order, descriptions included.
        public var steps: [Step]
        public var position = 0
        public var input: QuizInput = .none
        public var phase: Phase = .answering
        /// The practice tasks, once the questions are done.
        public var practice: PracticeScreen.State?
        public var responses: [String: AttemptResponse] = [:]
        public var message: String?
        public var showsHelp = false
        public var deferredKeys: [Key] = []
        /// The finished attempt's page, paged and searchable.
        public var resultText: PagedText?

        public init(course: Course, username: String, now: Date, timeZone: TimeZone, size: Size) {
            self.course = course
            self.username = username
            self.startedAt = now
            self.now = now
            self.timeZone = timeZone
            self.size = size
            self.steps = (course.quiz?.questions ?? []).enumerated().map { Step(index: $0.offset, question: $0.element) }
            if let first = steps.first { input = QuizInput.begin(first.question) }
        }

        public var current: Step? { practice == nil && steps.indices.contains(position) ? steps[position] : nil }

        /// Questions that ask something (descriptions left out), for "question 2 of 5".
        var questionSteps: [Step] { steps.filter { $0.question.kind != .description } }

        public var isWaiting: Bool { phase == .saving }
    }

    public enum Effect: Equatable, Sendable {
        /// Hand the attempt in: the app grades and saves it, and answers with `recorded`.
        case handIn(responses: [String: AttemptResponse], startedAt: Date)
        /// Back to the course page.
        case back
        /// What the practice part needs from outside (a geo task's pixels).
        case practice(PracticeScreen.Effect)
    }

    public static let helpEntries: [HelpOverlay.Entry] = [
        .init("a b c  1 2 3", "choose an answer (several answers: toggle)"),
        .init("↑ ↓  Space", "move, toggle"),
        .init("t  f", "true, false"),
        .init("← →", "matching: the answer for the chosen prompt"),
        .init("Enter", "hand in the answer; then go on"),
        .init("Tab", "essay: stop or start writing"),
        .init("Esc", "leave the quiz (asks first)"),
        .init("?", "this help"),
    ]

    /// What the first step needs (a quiz with no questions starts in its practice).
    public static func start(_ state: inout State) -> [Effect] {
        state.steps.isEmpty ? beginPractice(&state) : []
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        if state.isWaiting {
            state.deferredKeys.append(key)
            return []
        }
        return handle(key, &state)
    }

    private static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        if state.showsHelp {
            state.showsHelp = false
            return []
        }
        switch state.phase {
        case .saving:
            return []
        case .finished:
            if state.resultText?.handle(key) == true { return [] }
            switch key {
            case .enter, .escape, .character("q"): return [.back]
            default: return []
            }
        case .confirmingLeave(let previous):
            switch key {
            case .character("y"), .character("Y"):
                return state.responses.isEmpty ? [.back] : handIn(&state)
            case .character("n"), .character("N"), .escape:
                switch previous {
                case .answering, .practising: state.phase = .answering
                case .feedback(let grade): state.phase = .feedback(grade)
                }
                return []
            default:
                return []
            }
        case .feedback(let grade):
            switch key {
            case .enter: return advance(&state)
            case .escape:
                state.phase = .confirmingLeave(previous: .feedback(grade))
            case .character("?"): state.showsHelp = true
            default: break
            }
            return []
        case .answering:
            if var practice = state.practice {
                let effects = PracticeScreen.update(&practice, key)
                state.practice = practice
                return practiceEffects(effects, &state)
            }
            return answer(key, &state)
        }
    }

    private static func answer(_ key: Key, _ state: inout State) -> [Effect] {
        guard let step = state.current else { return [] }
        state.message = nil
        // Esc stops writing an essay; anywhere else it asks to leave.
        if key == .escape, !isWritingEssay(state.input) {
            state.phase = .confirmingLeave(previous: .answering)
            return []
        }
        var input = state.input
        if input.handle(key, question: step.question) {
            state.input = input
            return []
        }
        switch key {
        case .enter:
            guard step.question.kind != .description else { return advance(&state) }
            switch state.input.response(to: step.question) {
            case .failure(let refusal):
                state.message = refusal.sentence
                return []
            case .success(let response):
                state.responses[step.key] = .question(response)
                guard state.course.manifest.feedback == .afterEachQuestion else { return advance(&state) }
                state.phase = .feedback(step.question.grade(response))
                return []
            }
        case .character("?") where !state.input.isTyping:
            state.showsHelp = true
        case .character(let character) where !state.input.isTyping:
            state.message = "'\(character)' is not an answer here. Press ? for the list of keys."
        default:
            break
        }
        return []
    }

    private static func isWritingEssay(_ input: QuizInput) -> Bool {
        if case .essay(_, true) = input { return true }
        return false
    }

    /// On to the next question, then the practice, then the mark.
    private static func advance(_ state: inout State) -> [Effect] {
        state.phase = .answering
        state.message = nil
        state.position += 1
        if let next = state.current {
            state.input = QuizInput.begin(next.question)
            return []
        }
        state.input = .none
        return beginPractice(&state)
    }

    private static func beginPractice(_ state: inout State) -> [Effect] {
        guard let practice = state.course.practice, !practice.items.isEmpty else { return handIn(&state) }
        var screen = PracticeScreen.State(
            courseTitle: state.course.title, project: practice.project, items: practice.items, mode: .attempt,
            feedback: state.course.manifest.feedback, size: state.size)
        let effects = PracticeScreen.start(&screen)
        state.practice = screen
        return practiceEffects(effects, &state)
    }

    private static func practiceEffects(_ effects: [PracticeScreen.Effect], _ state: inout State) -> [Effect] {
        effects.flatMap { effect -> [Effect] in
            switch effect {
            case let .answered(item, answer, _):
                state.responses[item] = .practice(answer)
                return []
            case .finished:
                return handIn(&state)
            case .leave:
                state.phase = .confirmingLeave(previous: .practising)
                return []
            default:
                return [.practice(effect)]
            }
        }
    }

    private static func handIn(_ state: inout State) -> [Effect] {
        state.phase = .saving
        return [.handIn(responses: state.responses, startedAt: state.startedAt)]
    }

    /// The attempt is saved: show the mark and what comes next, then replay keys typed meanwhile.
    public static func recorded(_ state: inout State, _ result: AttemptResult) -> [Effect] {
        state.phase = .finished(result)
        state.practice = nil
        state.resultText = PagedText(lines: resultLines(state, result, width: max(10, state.size.width - 4)), areaHeight: resultHeight(for: state.size))
        return DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isWaiting) { state, key in handle(key, &state) }
    }

    /// Saving failed: the answers are still here; Enter hands them in again.
    public static func saveFailed(_ state: inout State, message: String) {
        state.phase = .confirmingLeave(previous: .answering)
        state.deferredKeys = []
        state.message = message + " Press y to try handing it in again."
    }

    public static func ticked(_ state: inout State, _ now: Date) {
        state.now = now
    }

    public static func resized(_ state: inout State, to size: Size) -> [Effect] {
        state.size = size
        if case .finished(let result) = state.phase {
            let lines = resultLines(state, result, width: max(10, size.width - 4))
            state.resultText?.replace(lines: lines, areaHeight: resultHeight(for: size))
        }
        guard var practice = state.practice else { return [] }
        let effects = PracticeScreen.resized(&practice, to: size)
        state.practice = practice
        return practiceEffects(effects, &state)
    }

    /// An answer to the practice part's requests.
    public static func deliver(_ event: KindEvent, _ state: inout State) -> [Effect] {
        guard var practice = state.practice else { return [] }
        let effects = PracticeScreen.deliver(event, &practice)
        state.practice = practice
        return practiceEffects(effects, &state)
    }

    static func resultHeight(for size: Size) -> Int { max(2, size.height - 7) }
}
