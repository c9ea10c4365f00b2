import Curriculum
import Domain
import TerminalCore
import Widgets

/// What a person is giving as the answer to one quiz question, in its kind's shape.
///
/// Multiple choice is picked by letter or number and handed in with Enter (two keys, as
/// labels are); several answers are toggled; true or false by `t`/`f`; short answers and
/// numbers are typed; matching takes an answer for each prompt; an essay is written in
/// the multi-line editor.
public enum QuizInput: Equatable, Sendable {
    /// A description: nothing to answer.
    case none
    case choice(selected: Int?)
    case choices(cursor: Int, chosen: Set<Int>)
    case truth(Bool?)
    case typed(TextField, numeric: Bool)
    /// For each prompt (by its index among the pairs) the option chosen (by index into `options`).
    case matching(cursor: Int, chosen: [Int: Int], options: [String])
    case essay(TextEditor, editing: Bool)

    /// The empty answer of a question.
    static func begin(_ question: GIFTQuestion) -> QuizInput {
        switch question.kind {
        case .description: return .none
        case .essay: return .essay(TextEditor(maximumLength: 20_000, placeholder: "Write your answer here."), editing: true)
        case .multipleChoice(let multipleChoice):
            return multipleChoice.allowsSeveral ? .choices(cursor: 0, chosen: []) : .choice(selected: nil)
        case .trueFalse: return .truth(nil)
        case .shortAnswer: return .typed(TextField(maximumLength: 200), numeric: false)
        case .numerical: return .typed(TextField(maximumLength: 60), numeric: true)
        case .matching(let pairs):
            return .matching(cursor: 0, chosen: [:], options: options(of: pairs))
        }
    }

    /// A matching question's answers to choose from: every pair's, extras included, in order, once each.
    static func options(of pairs: [GIFTQuestion.MatchingPair]) -> [String] {
        var seen: Set<String> = []
        return pairs.map(\.answer).filter { seen.insert($0).inserted }.sorted()
    }

    /// The prompts of a matching question, by their index among its pairs.
    static func prompts(of pairs: [GIFTQuestion.MatchingPair]) -> [Int] {
        pairs.indices.filter { !pairs[$0].prompt.text.isEmpty }
    }

    /// Whether keys go to a text being typed (the screen's letter keys are then text).
    var isTyping: Bool {
        switch self {
        case .typed: true
        case .essay(_, let editing): editing
        default: false
        }
    }

    /// `a`, `b`, `c`... for the choice at `index`.
    static func letter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(97 + index))) : "\(index + 1)"
    }

    /// The choice a letter or digit names, if any.
    static func pick(_ character: Character, count: Int) -> Int? {
        if let digit = character.wholeNumberValue, character.isASCII, digit >= 1, digit <= count { return digit - 1 }
        if let ascii = character.asciiValue, (97...122).contains(ascii), Int(ascii) - 97 < count { return Int(ascii) - 97 }
        return nil
    }

    /// Takes a key; true when it was the input's.
    mutating func handle(_ key: Key, question: GIFTQuestion) -> Bool {
        switch (self, question.kind) {
        case (.choice(let selected), .multipleChoice(let multipleChoice)):
            let count = multipleChoice.choices.count
            switch key {
            case .up: self = .choice(selected: max(0, (selected ?? 0) - 1))
            case .down: self = .choice(selected: min(count - 1, (selected ?? -1) + 1))
            case .character(let character):
                guard let index = Self.pick(character, count: count) else { return false }
                self = .choice(selected: index)
            default: return false
            }
            return true
        case (.choices(let cursor, var chosen), .multipleChoice(let multipleChoice)):
            let count = multipleChoice.choices.count
            switch key {
            case .up: self = .choices(cursor: max(0, cursor - 1), chosen: chosen)
            case .down: self = .choices(cursor: min(count - 1, cursor + 1), chosen: chosen)
            case .character(" "):
                if chosen.remove(cursor) == nil { chosen.insert(cursor) }
                self = .choices(cursor: cursor, chosen: chosen)
            case .character(let character):
                guard let index = Self.pick(character, count: count) else { return false }
                if chosen.remove(index) == nil { chosen.insert(index) }
                self = .choices(cursor: index, chosen: chosen)
            default: return false
            }
            return true
        case (.truth(let value), .trueFalse):
            switch key {
            case .character("t"), .character("1"): self = .truth(true)
            case .character("f"), .character("2"): self = .truth(false)
            case .up, .down: self = .truth(!(value ?? false))
            default: return false
            }
            return true
        case (.typed(var field, let numeric), _):
            guard field.handle(key) else { return false }
            self = .typed(field, numeric: numeric)
            return true
        case (.matching(let cursor, var chosen, let options), .matching(let pairs)):
            let prompts = Self.prompts(of: pairs)
            guard !prompts.isEmpty, !options.isEmpty else { return false }
            let prompt = prompts[min(cursor, prompts.count - 1)]
            switch key {
            case .up: self = .matching(cursor: max(0, cursor - 1), chosen: chosen, options: options)
            case .down: self = .matching(cursor: min(prompts.count - 1, cursor + 1), chosen: chosen, options: options)
            case .right, .left:
                let step = key == .right ? 1 : options.count - 1
                chosen[prompt] = ((chosen[prompt] ?? (key == .right ? -1 : 0)) + step) % options.count
                self = .matching(cursor: cursor, chosen: chosen, options: options)
            case .character(let character):
                guard let digit = character.wholeNumberValue, character.isASCII, digit >= 1, digit <= options.count else { return false }
                chosen[prompt] = digit - 1
                self = .matching(cursor: min(prompts.count - 1, cursor + 1), chosen: chosen, options: options)
            default: return false
            }
            return true
        case (.essay(var editor, let editing), _):
            if editing {
                if key == .tab || key == .backTab || key == .escape {
                    self = .essay(editor, editing: false)
                    return true
                }
                guard editor.handle(key) else { return false }
                self = .essay(editor, editing: true)
                return true
            }
            switch key {
            case .tab, .backTab, .character("i"), .character("e"):
                self = .essay(editor, editing: true)
                return true
            default: return false
            }
        default:
            return false
        }
    }

    /// The response to hand in, or a sentence saying what is missing.
    func response(to question: GIFTQuestion) -> Result<GIFTResponse, KindRefusal> {
        switch (self, question.kind) {
        case (.choice(let selected), _):
            guard let selected else { return .failure(KindRefusal("Choose an answer first: press its letter or number.")) }
            return .success(.choice(selected))
        case (.choices(_, let chosen), _):
            guard !chosen.isEmpty else { return .failure(KindRefusal("Choose at least one answer: its letter or number toggles it.")) }
            return .success(.choices(chosen))
        case (.truth(let value), _):
            guard let value else { return .failure(KindRefusal("Answer true or false first: press t or f.")) }
            return .success(.truth(value))
        case (.typed(let field, let numeric), _):
            let text = field.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return .failure(KindRefusal(numeric ? "Type a number first." : "Type your answer first.")) }
            if numeric, Double(text) == nil {
                return .failure(KindRefusal("\"\(text)\" is not a number; type it with digits, like 3.14 or -2."))
            }
            return .success(.text(text))
        case (.matching(_, let chosen, let options), .matching(let pairs)):
            let prompts = Self.prompts(of: pairs)
            let missing = prompts.filter { chosen[$0] == nil }.count
            guard missing == 0 else {
                return .failure(KindRefusal(missing == 1 ? "Choose an answer for the last prompt: its number, or ← →." : "Choose an answer for every prompt (\(missing) left): its number, or ← →."))
            }
            var pairsChosen: [Int: String] = [:]
            for prompt in prompts { pairsChosen[prompt] = chosen[prompt].map { options[$0] } }
            return .success(.pairs(pairsChosen))
        case (.essay(let editor, _), _):
            guard !editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .failure(KindRefusal("Write an answer first: press i to edit it."))
            }
            return .success(.text(editor.text))
        default:
            return .failure(KindRefusal("This question takes no answer; press Enter to go on."))
        }
    }

    /// Key hints for the bottom line.
    var hints: [String] {
        switch self {
        case .none: ["Enter go on"]
        case .choice: ["a b c / 1 2 3 choose", "↑↓ move", "Enter hand in"]
        case .choices: ["a b c / 1 2 3 toggle", "Space toggle", "Enter hand in"]
        case .truth: ["t true", "f false", "Enter hand in"]
        case .typed: ["type your answer", "Enter hand in"]
        case .matching: ["↑↓ prompt", "1 2 3 / ← → answer", "Enter hand in"]
        case .essay(_, let editing): editing ? ["Enter new line", "Tab stop writing"] : ["i write", "Enter hand in"]
        }
    }
}
