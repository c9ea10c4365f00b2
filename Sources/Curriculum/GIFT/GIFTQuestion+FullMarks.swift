import Domain

extension GIFTQuestion {
    /// A response that earns the question's best mark: the answer key as a person would
    /// give it.
    ///
    /// Used where work must be shown already done (the demo's labeler has passed their
    /// courses) and by tests that hold the key to the grader. Multiple choice: the best
    /// answer, or every answer of positive weight when several may be chosen; short
    /// answer: the best pattern with its wildcards taken out; numerical: the best
    /// answer's value; matching: every prompt's answer. Nil for a description (nothing
    /// to answer) and an essay (a trainer marks it), and for a question with no answers.
    public var fullMarkResponse: GIFTResponse? {
        switch kind {
        case .description, .essay:
            return nil
        case .multipleChoice(let multipleChoice):
            let choices = multipleChoice.choices
            if multipleChoice.allowsSeveral {
                let positive = choices.indices.filter { choices[$0].fraction > 0 }
                return positive.isEmpty ? nil : .choices(Set(positive))
            }
            return choices.indices.max { choices[$0].fraction < choices[$1].fraction }.map { .choice($0) }
        case .trueFalse(let trueFalse):
            return .truth(trueFalse.answer)
        case .shortAnswer(let answers):
            return answers.max { $0.fraction < $1.fraction }.map { .text(Self.literal($0.pattern)) }
        case .numerical(let answers):
            return answers.max { $0.fraction < $1.fraction }.map { answer in
                switch answer.target {
                case .value(let value, _): .text(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value))
                case .anyValue: .text("0")
                }
            }
        case .matching(let pairs):
            let prompts = pairs.indices.filter { !pairs[$0].prompt.text.isEmpty }
            return prompts.isEmpty ? nil : .pairs(Dictionary(uniqueKeysWithValues: prompts.map { ($0, pairs[$0].answer) }))
        }
    }

    /// A short answer's pattern as text that matches it: `*` (any run) left out, `\*` a star.
    static func literal(_ pattern: String) -> String {
        wildcardPieces(pattern).joined()
    }
}
