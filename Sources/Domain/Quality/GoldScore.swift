/// What scoring one answer against its gold key gives: a score, or a reviewer's turn.
///
/// Free text cannot be scored by a rule, so it is a case of its own rather than a
/// score of zero: the hub queues it for a reviewer, whose verdict becomes the score
/// (`GoldScore.reviewed(_:)`).
public enum GoldOutcome: Equatable, Sendable {
    case scored(GoldScore)
    /// Free text: a reviewer must score it.
    case needsReviewer

    /// The score when there is one.
    public var score: GoldScore? {
        if case .scored(let score) = self { return score }
        return nil
    }
}

/// One answer's score against its gold key, with the errors that cost it.
///
/// `value` is in 0...1 and is what running accuracy adds up (Wilson takes fractional
/// successes). `isCorrect` is the strict reading: the answer says exactly what the key
/// says (every label, span, shape; the choice and every rating within tolerance).
public struct GoldScore: Equatable, Sendable {
    public var value: Double
    public var isCorrect: Bool
    /// Each mistake, classed, with what the key expected and what was given: what the
    /// confusion matrices and the error-class reports count.
    public var errors: [GoldError]
    /// The figures behind `value`, per kind.
    public var details: Details

    public enum Details: Equatable, Sendable {
        /// Classification: exact match (single label) or Jaccard (multi-label).
        case labels(LabelScore)
        case spans(SpanEvaluation)
        case comparison(ComparisonScore)
        case shapes(ShapeEvaluation)
        /// Free text scored by a person.
        case reviewed
        /// The answer is not of the project's kind (the hub checks answers first, so
        /// this is a broken input, scored 0 rather than trapped).
        case wrongKind
    }

    public init(value: Double, isCorrect: Bool, errors: [GoldError], details: Details) {
        self.value = value
        self.isCorrect = isCorrect
        self.errors = errors
        self.details = details
    }

    /// A reviewer's verdict on a free-text answer, `value` in 0...1; correct at 1.
    public static func reviewed(_ value: Double) -> GoldScore {
        let clamped = min(1, max(0, value))
        return GoldScore(value: clamped, isCorrect: clamped == 1, errors: clamped == 1 ? [] : [GoldError(.reviewerMarkedDown)], details: .reviewed)
    }
}

/// The classes of mistake the reports count, across every kind.
///
/// Raw values are the words reports print. Spans follow the SemEval-2013 / nervaluate
/// scheme; shapes follow TIDE (Bolya et al., 2020); `missed` serves both: the key had
/// something the answer lacks.
public enum GoldErrorClass: String, Codable, CaseIterable, Sendable {
    // classification
    case wrongLabel = "wrong label"
    case missingLabel = "missing label"
    case extraLabel = "extra label"
    // spans
    case boundary = "boundary"
    case type = "type"
    case boundaryAndType = "boundary and type"
    case spurious = "spurious"
    // spans and shapes
    case missed = "missed"
    // comparison
    case wrongChoice = "wrong choice"
    case tieAgainstPreference = "tie against a preference"
    case ratingOff = "rating off"
    // shapes (TIDE)
    case classification = "classification"
    case localisation = "localisation"
    case classificationAndLocalisation = "classification and localisation"
    case duplicate = "duplicate"
    case background = "background"
    // free text
    case reviewerMarkedDown = "marked down by reviewer"
    // any kind
    case wrongKind = "wrong kind of answer"
}

/// One mistake in an answer.
public struct GoldError: Equatable, Hashable, Sendable {
    public var errorClass: GoldErrorClass
    /// What the key says at this place: a label, an entity type, a class, a preference,
    /// or for `ratingOff` the dimension and side (`"helpfulness (a)"`).
    public var expected: String?
    /// What the answer says there, in the same terms.
    public var given: String?
    /// The position of the item in the key (span, shape), when the error has one.
    public var keyIndex: Int?
    /// The position of the item in the answer, when the error has one.
    public var answerIndex: Int?

    public init(_ errorClass: GoldErrorClass, expected: String? = nil, given: String? = nil, keyIndex: Int? = nil, answerIndex: Int? = nil) {
        self.errorClass = errorClass
        self.expected = expected
        self.given = given
        self.keyIndex = keyIndex
        self.answerIndex = answerIndex
    }
}
