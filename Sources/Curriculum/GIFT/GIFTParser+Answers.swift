/// The answers between the braces, one reader per question type, after the branches of
/// `qformat_gift::readquestion`'s `switch ($question->qtype)`.
extension QuestionReader {
    /// `~` and `=` answers. Moodle turns every `=` into `~=` and splits at `~`, so an `=`
    /// anywhere starts a right answer; the text before the first mark, if any, is an answer too.
    func multipleChoice(_ answers: Substring, format: GIFTTextFormat) throws(GIFTError) -> GIFTQuestion.MultipleChoice {
        var parts: [Substring] = []
        var partStart = answers.startIndex
        var index = answers.startIndex
        while index < answers.endIndex {
            if answers[index] == "~" {
                parts.append(answers[partStart..<index])
                partStart = answers.index(after: index)
            } else if answers[index] == "=" {
                parts.append(answers[partStart..<index])
                partStart = index
            }
            index = answers.index(after: index)
        }
        parts.append(answers[partStart...])
        parts = Self.withoutEmptyFirst(parts)
        guard parts.count >= 2 else {
            throw error(at: answers.startIndex, "a multiple-choice question needs at least two answers, each after ~ (or = for the right one); write \\~ for a tilde in an answer")
        }
        var choices: [GIFTQuestion.Choice] = []
        for part in parts {
            let answer = MoodleText.trim(part)
            var fraction = 0.0
            var body = answer
            if answer.first == "=" {
                fraction = 1
                body = answer.dropFirst()
            } else if let weighted = GIFTWeights.split(answer) {
                fraction = try self.fraction(weighted.weight, at: answer.startIndex)
                body = weighted.rest
            }
            let (text, feedback) = Self.answerAndFeedback(body, format: format)
            // Moodle's multiple-choice type does not save an answer with no text.
            if text.text.isEmpty { continue }
            choices.append(GIFTQuestion.Choice(text, fraction: fraction, feedback: feedback))
        }
        // Moodle would save one answer with a notice; a question with one answer is refused here.
        guard choices.count >= 2 else {
            throw error(at: answers.startIndex, "a multiple-choice question needs at least two answers with text; an answer here is empty")
        }
        return GIFTQuestion.MultipleChoice(allowsSeveral: !answers.contains("="), choices: choices)
    }

    /// `=prompt -> answer` pairs, split at every `=`.
    func matchingPairs(_ answers: Substring, format: GIFTTextFormat) throws(GIFTError) -> [GIFTQuestion.MatchingPair] {
        let parts = Self.withoutEmptyFirst(answers.split(separator: "=", omittingEmptySubsequences: false))
        guard parts.count >= 2 else {
            throw error(at: answers.startIndex, "a matching question needs at least two pairs written =prompt -> answer")
        }
        var pairs: [GIFTQuestion.MatchingPair] = []
        for part in parts {
            let pair = MoodleText.trim(part)
            guard let arrow = pair.firstRange(of: "->") else {
                throw error(at: pair.startIndex, "\"=\(GIFTEscapes.restore(pair))\" has no ->; write each pair as =prompt -> answer, or \\= for an equals sign")
            }
            pairs.append(GIFTQuestion.MatchingPair(
                Self.textWithFormat(pair[..<arrow.lowerBound], default: format),
                answer: MoodleText.trim(GIFTEscapes.restore(pair[arrow.upperBound...]))
            ))
        }
        // Moodle's importer counts an extra answer (`= -> Chat`) as a pair; its question form,
        // like this, wants two prompts to match.
        guard pairs.filter({ !$0.prompt.text.isEmpty }).count >= 2 else {
            throw error(at: answers.startIndex, "a matching question needs at least two prompts to match; a pair written = -> answer only adds a wrong answer")
        }
        return pairs
    }

    /// `T`, `TRUE`, `F` or `FALSE` (in capitals: Moodle compares exactly) before any `#`;
    /// nil for anything else, which makes a short answer. The first `#` gives the feedback for
    /// a wrong answer, the second for a right one.
    static func trueFalse(_ answers: Substring, format: GIFTTextFormat) -> GIFTQuestion.TrueFalse? {
        var check = answers
        if let hash = answers.firstIndex(of: "#"), hash > answers.startIndex {
            check = MoodleText.trim(answers[..<hash])
        }
        guard ["T", "TRUE", "F", "FALSE"].contains(check) else { return nil }
        let bits = answers.split(separator: "#", maxSplits: 2, omittingEmptySubsequences: false)
        let answer = textWithFormat(MoodleText.trim(bits[0]), default: format).text
        let wrong = bits.count > 1 ? textWithFormat(MoodleText.trim(bits[1]), default: format) : GIFTText("", format)
        let right = bits.count > 2 ? textWithFormat(MoodleText.trim(bits[2]), default: format) : GIFTText("", format)
        let isTrue = answer == "T" || answer == "TRUE"
        return GIFTQuestion.TrueFalse(answer: isTrue, feedbackForTrue: isTrue ? right : wrong, feedbackForFalse: isTrue ? wrong : right)
    }

    /// `=answer` items, full marks unless weighted; `[html]` before an answer is dropped.
    func shortAnswers(_ answers: Substring, format: GIFTTextFormat) throws(GIFTError) -> [GIFTQuestion.ShortAnswer] {
        let parts = Self.withoutEmptyFirst(answers.split(separator: "=", omittingEmptySubsequences: false))
        guard !parts.isEmpty else {
            throw error(at: answers.startIndex, "a short-answer question needs an answer after =")
        }
        var result: [GIFTQuestion.ShortAnswer] = []
        for part in parts {
            let answer = MoodleText.trim(part)
            var fraction = 1.0
            var body = answer
            if let weighted = GIFTWeights.split(answer) {
                fraction = try self.fraction(weighted.weight, at: answer.startIndex)
                body = weighted.rest
            }
            let (text, feedback) = Self.answerAndFeedback(body, format: format)
            // Moodle's short-answer type skips an empty answer with no weight and no feedback.
            if text.text.isEmpty, fraction == 0, feedback.text.isEmpty { continue }
            result.append(GIFTQuestion.ShortAnswer(text.text, fraction: fraction, feedback: feedback))
        }
        guard !result.isEmpty else {
            throw error(at: answers.startIndex, "a short-answer question needs an answer after =")
        }
        return result
    }

    /// `#` then `=` answers, each `value`, `value:tolerance` or `min..max`; a `~#feedback`
    /// after them is kept as an answer for any other number, worth nothing.
    func numericalAnswers(_ answers: Substring, format: GIFTTextFormat) throws(GIFTError) -> [GIFTQuestion.NumericalAnswer] {
        var body = answers.dropFirst()
        var otherwise: Substring?
        if let tilde = body.firstIndex(of: "~") {
            otherwise = body[tilde...]
            body = body[..<tilde]
        }
        let parts = Self.withoutEmptyFirst(body.split(separator: "=", omittingEmptySubsequences: false))
        guard !parts.isEmpty else {
            throw error(at: answers.startIndex, "a numerical question needs an answer after #, like {#42}, {#3.14:0.01} or {#1..5}")
        }
        var result: [GIFTQuestion.NumericalAnswer] = []
        for part in parts {
            let answer = MoodleText.trim(part)
            var fraction = 1.0
            var rest = answer
            if let weighted = GIFTWeights.split(answer) {
                fraction = try self.fraction(weighted.weight, at: answer.startIndex)
                rest = weighted.rest
            }
            let (text, feedback) = Self.answerAndFeedback(rest, format: format)
            let target = try numericalTarget(text.text[...], at: answer.startIndex)
            result.append(GIFTQuestion.NumericalAnswer(target, fraction: fraction, feedback: feedback))
        }
        if let otherwise {
            let (_, feedback) = Self.answerAndFeedback(otherwise, format: format)
            result.append(GIFTQuestion.NumericalAnswer(.anyValue, fraction: 0, feedback: feedback))
        }
        return result
    }

    /// `min..max` (not at the start), `value:tolerance` (not at the start) or `value`.
    ///
    /// Moodle checks only the tolerance: through a slip in its code
    /// (`is_numeric($ans) || $ans = '*'`) an answer that is not a number becomes `*`,
    /// anything right, and a range of words stops PHP 8 outright. Only `*` itself means
    /// any number here; other words are refused.
    private func numericalTarget(_ written: Substring, at index: String.Index) throws(GIFTError) -> GIFTQuestion.NumericalTarget {
        let example = "write a number, number:tolerance or min..max, like 1822, 3.14:0.01 or 1..5"
        if let dots = written.firstRange(of: ".."), dots.lowerBound > written.startIndex {
            let minimumText = MoodleText.trim(written[..<dots.lowerBound])
            let maximumText = MoodleText.trim(written[dots.upperBound...])
            guard let minimum = MoodleText.number(minimumText), let maximum = MoodleText.number(maximumText) else {
                throw error(at: index, "the range \"\(written)\" is not two numbers; \(example)")
            }
            let middle = (maximum + minimum) / 2
            return .value(middle, tolerance: maximum - middle)
        }
        var valueText = MoodleText.trim(written)
        var tolerance = 0.0
        if let colon = written.firstIndex(of: ":"), colon > written.startIndex {
            valueText = MoodleText.trim(written[..<colon])
            let toleranceText = MoodleText.trim(written[written.index(after: colon)...])
            guard let value = MoodleText.number(toleranceText) else {
                throw error(at: index, "the tolerance \"\(toleranceText)\" in \"\(written)\" is not a number; \(example)")
            }
            tolerance = value
        }
        if valueText == "*" { return .anyValue }
        guard let value = MoodleText.number(valueText) else {
            throw error(at: index, "\"\(valueText)\" is not a number; \(example)")
        }
        return .value(value, tolerance: tolerance)
    }

    /// The weight between `%` signs as one Moodle allows (see `GIFTWeights`).
    private func fraction(_ weight: Substring, at index: String.Index) throws(GIFTError) -> Double {
        // PHP divides the text by 100: `-50` is a number, `--50` stops PHP 8 with a TypeError.
        guard let percent = MoodleText.number(weight) else {
            throw error(at: index, "the weight %\(weight)% is not a number; write a percentage like %50% or %-25%")
        }
        guard let allowed = GIFTWeights.allowed(percent / 100) else {
            throw error(at: index, "Moodle does not allow a weight of \(GIFTWeights.percent(percent / 100))%; use one of \(GIFTWeights.listForPeople)")
        }
        return allowed
    }

    /// PHP's `$answers[0] = trim($answers[0]); if (empty($answers[0])) array_shift($answers);`.
    static func withoutEmptyFirst(_ parts: [Substring]) -> [Substring] {
        guard let first = parts.first, MoodleText.isEmpty(MoodleText.trim(first)) else { return parts }
        return Array(parts.dropFirst())
    }
}
