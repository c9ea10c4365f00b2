import Domain

/// The mark for one response, as Moodle's question types give it.
public enum GIFTGrade: Equatable, Sendable {
    /// -1...1 for one chosen answer (a single-answer weight may be negative), else 0...1.
    case fraction(Double)
    /// An essay: a trainer marks it.
    case needsTrainer
    /// A description asks nothing.
    case notGraded
}

extension GIFTQuestion {
    /// Grades one response the way Moodle's question types do.
    ///
    /// One answer chosen: its weight (`qtype_multichoice_single`). Several: the sum of their
    /// weights, kept within 0...1 (`qtype_multichoice_multi`). Short answer: the weight of
    /// the first answer that matches, ignoring case as GIFT imports set it, with `*` for any
    /// run of characters. Numerical: the first answer whose value the number is within
    /// (Moodle's nominal tolerance, with its 1e-14 slack). Matching: the share of prompts
    /// given their answer. A response of the wrong shape, or naming no answer, earns 0.
    public func grade(_ response: GIFTResponse) -> GIFTGrade {
        switch kind {
        case .description:
            return .notGraded
        case .essay:
            return .needsTrainer
        case .multipleChoice(let multipleChoice):
            let chosen: Set<Int>
            switch response {
            case .choice(let index): chosen = [index]
            case .choices(let indices): chosen = indices
            default: return .fraction(0)
            }
            let fractions = chosen.compactMap { multipleChoice.choices.indices.contains($0) ? multipleChoice.choices[$0].fraction : nil }
            guard multipleChoice.allowsSeveral else {
                return .fraction(fractions.count == 1 ? fractions[0] : 0)
            }
            return .fraction(min(max(fractions.reduce(0, +), 0), 1))
        case .trueFalse(let trueFalse):
            guard case .truth(let answer) = response else { return .fraction(0) }
            return .fraction(answer == trueFalse.answer ? 1 : 0)
        case .shortAnswer(let answers):
            guard case .text(let typed) = response else { return .fraction(0) }
            let trimmed = MoodleText.trim(typed)
            guard !trimmed.isEmpty else { return .fraction(0) }
            return .fraction(answers.first { Self.matches(trimmed, pattern: $0.pattern) }?.fraction ?? 0)
        case .numerical(let answers):
            guard case .text(let typed) = response, let value = MoodleText.number(typed[...]) else { return .fraction(0) }
            return .fraction(answers.first { Self.accepts($0.target, value) }?.fraction ?? 0)
        case .matching(let pairs):
            guard case .pairs(let chosen) = response else { return .fraction(0) }
            let prompts = pairs.indices.filter { !pairs[$0].prompt.text.isEmpty }
            guard !prompts.isEmpty else { return .fraction(0) }
            let right = prompts.filter { chosen[$0] == pairs[$0].answer }.count
            return .fraction(Double(right) / Double(prompts.count))
        }
    }

    /// The feedback written for what a response chose or matched, in the question's order.
    ///
    /// What a quiz shows beside the general feedback once someone has answered: the chosen
    /// choices' feedback, true's or false's, that of the first short or numerical answer the
    /// response matches (the one `grade` used). Empty feedback is left out; matching pairs
    /// and essays carry none.
    public func feedback(for response: GIFTResponse) -> [GIFTText] {
        let written: [GIFTText]
        switch (kind, response) {
        case (.multipleChoice(let multipleChoice), .choice(let index)):
            written = multipleChoice.choices.indices.contains(index) ? [multipleChoice.choices[index].feedback] : []
        case (.multipleChoice(let multipleChoice), .choices(let indices)):
            written = multipleChoice.choices.indices.filter { indices.contains($0) }.map { multipleChoice.choices[$0].feedback }
        case (.trueFalse(let trueFalse), .truth(let answer)):
            written = [answer ? trueFalse.feedbackForTrue : trueFalse.feedbackForFalse]
        case (.shortAnswer(let answers), .text(let typed)):
            let trimmed = MoodleText.trim(typed)
            written = trimmed.isEmpty ? [] : answers.first { Self.matches(trimmed, pattern: $0.pattern) }.map { [$0.feedback] } ?? []
        case (.numerical(let answers), .text(let typed)):
            guard let value = MoodleText.number(typed[...]) else { return [] }
            written = answers.first { Self.accepts($0.target, value) }.map { [$0.feedback] } ?? []
        default:
            written = []
        }
        return written.filter { !$0.text.isEmpty }
    }

    /// `qtype_numerical_answer::within_tolerance` for the nominal tolerance GIFT gives.
    static func accepts(_ target: NumericalTarget, _ value: Double) -> Bool {
        switch target {
        case .anyValue:
            return true
        case .value(let answer, let tolerance):
            // PHP's `precision` of 14: seemingly equal numbers must compare equal (MDL-3225).
            let epsilon = 1e-14
            let width = abs(tolerance) + epsilon * max(abs(tolerance), abs(answer), epsilon)
            return answer - width <= value && value <= answer + width
        }
    }

    /// `qtype_shortanswer::compare_string_with_wildcard` without case: runs of `*` match
    /// anything, `\*` is a star, the rest must match exactly.
    static func matches(_ typed: String, pattern: String) -> Bool {
        let pieces = wildcardPieces(pattern)
        let text = Array(typed.lowercased())
        let parts = pieces.map { Array($0.lowercased()) }
        guard parts.count > 1 else { return text == parts[0] }
        guard text.starts(with: parts[0]) else { return false }
        var position = parts[0].count
        for part in parts.dropFirst().dropLast() {
            guard let found = firstIndex(of: part, in: text, from: position) else { return false }
            position = found + part.count
        }
        let last = parts[parts.count - 1]
        return text.count - position >= last.count && text.suffix(last.count).elementsEqual(last)
    }

    /// A short answer's pattern cut at its wildcards: the literal text between runs of `*`
    /// (`\*` a star in it); one piece when there is no wildcard.
    static func wildcardPieces(_ pattern: String) -> [String] {
        var pieces: [String] = [""]
        var index = pattern.startIndex
        var previousWasStar = false
        while index < pattern.endIndex {
            let character = pattern[index]
            let next = pattern.index(after: index)
            if character == "\\", next < pattern.endIndex, pattern[next] == "*" {
                pieces[pieces.count - 1].append("*")
                index = pattern.index(after: next)
                previousWasStar = false
                continue
            }
            if character == "*" {
                if !previousWasStar { pieces.append("") }
                previousWasStar = true
            } else {
                pieces[pieces.count - 1].append(character)
                previousWasStar = false
            }
            index = next
        }
        return pieces
    }

    private static func firstIndex(of part: [Character], in text: [Character], from start: Int) -> Int? {
        guard !part.isEmpty else { return start }
        var index = start
        while index + part.count <= text.count {
            if text[index..<(index + part.count)].elementsEqual(part) { return index }
            index += 1
        }
        return nil
    }
}
