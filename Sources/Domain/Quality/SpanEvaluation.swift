/// Entity spans against a key, counted as nervaluate counts them (SemEval-2013 task 9.1).
///
/// Four schemes: strict (same boundaries and type), exact (same boundaries, any type),
/// partial (overlapping boundaries, any type; a partial earns half) and type (overlapping
/// with the same type; a wrong type is incorrect). Each is nervaluate 1.x's greedy
/// pairing, followed step by step so the counts are its counts: answer spans in turn,
/// each paired with the first unpaired key span it fits. That pairing depends on order,
/// so both sides are put in position order (start, end, type) first; the indices in
/// `errors` still name the spans as they were given.
public struct SpanEvaluation: Equatable, Sendable {
    public enum Scheme: String, CaseIterable, Sendable {
        case strict, exact, partial, type
    }

    /// One scheme's counts. Counts add up over answers (`+`), as nervaluate sums them
    /// over documents before computing its figures.
    public struct Counts: Equatable, Sendable {
        public var scheme: Scheme
        public var correct = 0
        public var incorrect = 0
        public var partial = 0
        public var missed = 0
        public var spurious = 0

        public init(scheme: Scheme, correct: Int = 0, incorrect: Int = 0, partial: Int = 0, missed: Int = 0, spurious: Int = 0) {
            self.scheme = scheme
            self.correct = correct
            self.incorrect = incorrect
            self.partial = partial
            self.missed = missed
            self.spurious = spurious
        }

        /// Spans the answer gave that were counted.
        public var actual: Int { correct + incorrect + partial + spurious }
        /// Spans the key has.
        public var possible: Int { correct + incorrect + partial + missed }

        /// Partial and type schemes credit a partial match with half, as nervaluate does.
        private var credited: Double {
            scheme == .partial || scheme == .type ? Double(correct) + 0.5 * Double(partial) : Double(correct)
        }

        /// 0 when nothing was given, as in nervaluate.
        public var precision: Double { actual > 0 ? credited / Double(actual) : 0 }
        /// 0 when the key has nothing, as in nervaluate.
        public var recall: Double { possible > 0 ? credited / Double(possible) : 0 }
        public var f1: Double {
            let p = precision, r = recall
            return p + r > 0 ? 2 * (p * r) / (p + r) : 0
        }

        public static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(scheme: lhs.scheme, correct: lhs.correct + rhs.correct, incorrect: lhs.incorrect + rhs.incorrect,
                   partial: lhs.partial + rhs.partial, missed: lhs.missed + rhs.missed, spurious: lhs.spurious + rhs.spurious)
        }
    }

    public var strict: Counts
    public var exact: Counts
    public var partial: Counts
    public var type: Counts
    /// Each span of the answer or key that is not strictly correct, classed from the strict
    /// pairing: `type` (same boundaries, wrong type), `boundary` (overlapping, right type),
    /// `boundaryAndType`, `missed` (a key span left unpaired), `spurious` (an answer span
    /// overlapping no unpaired key span).
    public var errors: [GoldError]
    public var answerCount: Int
    public var keyCount: Int

    public func counts(_ scheme: Scheme) -> Counts {
        switch scheme {
        case .strict: strict
        case .exact: exact
        case .partial: partial
        case .type: type
        }
    }

    /// The answer's score: strict F1, and 1 when the key and the answer are both empty.
    public var goldScore: GoldScore {
        let perfect = strict.correct == keyCount && answerCount == keyCount
        let value = answerCount == 0 && keyCount == 0 ? 1 : strict.f1
        return GoldScore(value: value, isCorrect: perfect, errors: errors, details: .spans(self))
    }

    /// Evaluates `answer` against `key` in all four schemes.
    ///
    /// `minimumOverlapPercentage` (1-100) is the share of a key span two spans must share
    /// to be paired at all, nervaluate's `min_overlap_percentage`.
    public static func evaluate(_ answer: [EntitySpan], against key: [EntitySpan], minimumOverlapPercentage: Double = 1) -> SpanEvaluation {
        let answerOrder = answer.indices.sorted { answer[$0] < answer[$1] }
        let keyOrder = key.indices.sorted { key[$0] < key[$1] }
        let given = answerOrder.map { answer[$0] }, expected = keyOrder.map { key[$0] }
        let pairing = Pairing(given: given, expected: expected, minimumOverlapPercentage: minimumOverlapPercentage)

        let strict = pairing.strict()
        var errors: [GoldError] = []
        for (answerPosition, keyPosition) in strict.incorrectPairs {
            let said = given[answerPosition], wanted = expected[keyPosition]
            let errorClass: GoldErrorClass =
                said.start == wanted.start && said.end == wanted.end ? .type : said.label == wanted.label ? .boundary : .boundaryAndType
            errors.append(GoldError(errorClass, expected: wanted.label, given: said.label,
                                    keyIndex: keyOrder[keyPosition], answerIndex: answerOrder[answerPosition]))
        }
        for keyPosition in strict.unpairedKey {
            errors.append(GoldError(.missed, expected: expected[keyPosition].label, keyIndex: keyOrder[keyPosition]))
        }
        for answerPosition in strict.unpairedAnswer {
            errors.append(GoldError(.spurious, given: given[answerPosition].label, answerIndex: answerOrder[answerPosition]))
        }
        return SpanEvaluation(
            strict: strict.counts, exact: pairing.exact(), partial: pairing.partial(), type: pairing.type(),
            errors: errors, answerCount: answer.count, keyCount: key.count)
    }

    /// The evaluation of each entity type on its own (only that type's spans on both
    /// sides), as nervaluate's per-entity results.
    public static func evaluateByType(_ answer: [EntitySpan], against key: [EntitySpan], minimumOverlapPercentage: Double = 1) -> [String: SpanEvaluation] {
        let types = Set(answer.map(\.label)).union(key.map(\.label))
        var result: [String: SpanEvaluation] = [:]
        for type in types {
            result[type] = evaluate(answer.filter { $0.label == type }, against: key.filter { $0.label == type },
                                    minimumOverlapPercentage: minimumOverlapPercentage)
        }
        return result
    }
}

/// nervaluate's four pairings, over spans already in position order.
private struct Pairing {
    let given: [EntitySpan]
    let expected: [EntitySpan]
    let minimumOverlapPercentage: Double

    struct Strict {
        var counts = SpanEvaluation.Counts(scheme: .strict)
        var incorrectPairs: [(Int, Int)] = []
        var unpairedKey: [Int] = []
        var unpairedAnswer: [Int] = []
    }

    /// nervaluate measures overlap in percent of the key span, ends inclusive; with our
    /// exclusive ends the same count is `min(end) - max(start)`. The arithmetic is its
    /// own, in its order, so a threshold compares the same way.
    func overlaps(_ said: EntitySpan, _ wanted: EntitySpan) -> Bool {
        let shared = min(said.end, wanted.end) - max(said.start, wanted.start)
        guard shared > 0, wanted.length > 0 else { return false }
        return (Double(shared) / Double(wanted.length)) * 100.0 >= minimumOverlapPercentage
    }

    func strict() -> Strict {
        var result = Strict()
        var paired = [Bool](repeating: false, count: expected.count)
        for (answerPosition, said) in given.enumerated() {
            var incorrect: Int?
            var found = false
            for (keyPosition, wanted) in expected.enumerated() where !paired[keyPosition] {
                if said == wanted {
                    result.counts.correct += 1
                    paired[keyPosition] = true
                    found = true
                    break
                }
                if incorrect == nil, overlaps(said, wanted) { incorrect = keyPosition }
            }
            if found { continue }
            if let keyPosition = incorrect {
                result.counts.incorrect += 1
                paired[keyPosition] = true
                result.incorrectPairs.append((answerPosition, keyPosition))
            } else {
                result.counts.spurious += 1
                result.unpairedAnswer.append(answerPosition)
            }
        }
        for keyPosition in expected.indices where !paired[keyPosition] { result.unpairedKey.append(keyPosition) }
        result.counts.missed = result.unpairedKey.count
        return result
    }

    func exact() -> SpanEvaluation.Counts {
        var counts = SpanEvaluation.Counts(scheme: .exact)
        var paired = [Bool](repeating: false, count: expected.count)
        for said in given {
            var incorrect: Int?
            var found = false
            for (keyPosition, wanted) in expected.enumerated() where !paired[keyPosition] {
                if said.start == wanted.start, said.end == wanted.end {
                    counts.correct += 1
                    paired[keyPosition] = true
                    found = true
                    break
                }
                if incorrect == nil, overlaps(said, wanted) { incorrect = keyPosition }
            }
            if found { continue }
            if let keyPosition = incorrect {
                counts.incorrect += 1
                paired[keyPosition] = true
            } else {
                counts.spurious += 1
            }
        }
        counts.missed = paired.filter { !$0 }.count
        return counts
    }

    func partial() -> SpanEvaluation.Counts {
        var counts = SpanEvaluation.Counts(scheme: .partial)
        var paired = [Bool](repeating: false, count: expected.count)
        for said in given {
            var partial: Int?
            var found = false
            for (keyPosition, wanted) in expected.enumerated() where !paired[keyPosition] {
                guard overlaps(said, wanted) else { continue }
                if said.start == wanted.start, said.end == wanted.end {
                    counts.correct += 1
                    paired[keyPosition] = true
                    found = true
                    break
                }
                if partial == nil { partial = keyPosition }
            }
            if found { continue }
            if let keyPosition = partial {
                counts.partial += 1
                paired[keyPosition] = true
            } else {
                counts.spurious += 1
            }
        }
        counts.missed = paired.filter { !$0 }.count
        return counts
    }

    /// The type scheme pairs a span with the overlapping key span of its type whose
    /// boundaries are nearest (sum of the two offsets' distances), as nervaluate does.
    func type() -> SpanEvaluation.Counts {
        var counts = SpanEvaluation.Counts(scheme: .type)
        var paired = [Bool](repeating: false, count: expected.count)
        for said in given {
            var best: (position: Int, distance: Int)?
            var incorrect: Int?
            for (keyPosition, wanted) in expected.enumerated() where !paired[keyPosition] {
                guard overlaps(said, wanted) else { continue }
                let distance = abs(said.start - wanted.start) + abs(said.end - wanted.end)
                if said.label == wanted.label {
                    if best.map({ distance < $0.distance }) ?? true { best = (keyPosition, distance) }
                } else if incorrect == nil {
                    incorrect = keyPosition
                }
            }
            if let best {
                counts.correct += 1
                paired[best.position] = true
            } else if let keyPosition = incorrect {
                counts.incorrect += 1
                paired[keyPosition] = true
            } else {
                counts.spurious += 1
            }
        }
        counts.missed = paired.filter { !$0 }.count
        return counts
    }
}
