extension GIFTQuestion {
    /// What a person answering at random scores on average, as a fraction of the max
    /// mark, as Moodle's question type estimates it (`get_random_guess_score`); nil where
    /// Moodle returns null.
    ///
    /// Each type as its `questiontype.php` has it:
    /// - multiple choice, one answer (missing word too): the mean of every choice's fraction,
    ///   negative ones included (`qtype_multichoice`);
    /// - multiple answers: null, "pretty much impossible to compute";
    /// - true/false: 0.5;
    /// - short answer: the fraction of an answer that is `*` alone, else 0;
    /// - numerical: for a `*` answer, its fraction less the unit penalty, at least 0, else 0.
    ///   A GIFT import sets no unit penalty, so `qtype_numerical::save_unit_options` stores 1
    ///   and the score is always 0;
    /// - matching: 1 over the number of different answers, extra wrong ones included
    ///   (`qtype_match` makes its choices with PHP's loose `array_search`, so "1" and "1.0"
    ///   are one choice);
    /// - essay: 0, the `question_type` default it keeps;
    /// - description: nil; it is not a question and Moodle leaves it out of the analysis.
    public var randomGuessScore: Double? {
        switch kind {
        case .description:
            return nil
        case .essay:
            return 0
        case .trueFalse:
            return 0.5
        case .multipleChoice(let choice):
            guard !choice.allowsSeveral, !choice.choices.isEmpty else { return nil }
            return choice.choices.reduce(0) { $0 + $1.fraction } / Double(choice.choices.count)
        case .shortAnswer(let answers):
            return answers.first { MoodleText.trim($0.pattern[...]) == "*" }?.fraction ?? 0
        case .numerical(let answers):
            let unitPenalty = 1.0
            return answers.first { $0.target == .anyValue }.map { max($0.fraction - unitPenalty, 0) } ?? 0
        case .matching(let pairs):
            var choices: [String] = []
            for pair in pairs where !choices.contains(where: { Self.phpLooselyEqual($0, pair.answer) }) {
                choices.append(pair.answer)
            }
            return choices.isEmpty ? nil : 1 / Double(choices.count)
        }
    }

    /// PHP 8's `==` between two strings: as numbers when both are numeric strings, else byte for byte.
    static func phpLooselyEqual(_ left: String, _ right: String) -> Bool {
        if let a = MoodleText.number(left[...]), let b = MoodleText.number(right[...]) { return a == b }
        return left == right
    }
}
