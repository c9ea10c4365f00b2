/// The thresholds scoring uses, per project.
public struct GoldScoringRules: Equatable, Sendable {
    /// Shapes: the IoU at or above which an answer's shape matches a key's (TIDE's
    /// foreground threshold).
    public var shapeMatchThreshold: Double
    /// Shapes: below this IoU with every key shape, a shape is background (TIDE's 0.1).
    public var shapeBackgroundThreshold: Double
    /// Comparison: how far a rating may be from the key's and still count (1 point).
    public var ratingTolerance: Int
    /// Spans: the least overlap, in percent of the key span, for two spans to be
    /// paired as partial or incorrect (nervaluate's `min_overlap_percentage`, 1-100).
    public var spanOverlapPercentage: Double

    public init(shapeMatchThreshold: Double = 0.5, shapeBackgroundThreshold: Double = 0.1, ratingTolerance: Int = 1, spanOverlapPercentage: Double = 1) {
        self.shapeMatchThreshold = shapeMatchThreshold
        self.shapeBackgroundThreshold = shapeBackgroundThreshold
        self.ratingTolerance = ratingTolerance
        self.spanOverlapPercentage = spanOverlapPercentage
    }
}

/// Scores answers against gold keys: the one place scoring dispatches on the task kind.
public enum GoldScoring {
    /// Scores `answer` against the gold `key` by the rules of `project`'s kind.
    ///
    /// Classification: exact match, or Jaccard when the project allows several labels.
    /// Spans: strict entity F1 (both empty is 1). Comparison: the choice, half for a tie
    /// against a preference, and the ratings within tolerance. Free text: a reviewer's
    /// turn. Boxes and polygons: F1 of an optimal one-to-one IoU matching (both empty is 1).
    public static func score(_ answer: Answer, against key: Answer, in project: Project, rules: GoldScoringRules = GoldScoringRules()) -> GoldOutcome {
        switch (project.kind, answer, key) {
        case let (.classification, .labels(given), .labels(expected)):
            return .scored(LabelScore.score(given, against: expected, multipleLabels: project.allowsMultipleLabels))
        case let (.spans, .spans(given), .spans(expected)):
            return .scored(SpanEvaluation.evaluate(given, against: expected, minimumOverlapPercentage: rules.spanOverlapPercentage).goldScore)
        case let (.comparison, .comparison(given), .comparison(expected)):
            return .scored(ComparisonScore.score(given, against: expected, tolerance: rules.ratingTolerance))
        case (.freeText, _, _):
            return .needsReviewer
        case let (.geoBox, .shapes(given), .shapes(expected)), let (.geoPolygon, .shapes(given), .shapes(expected)):
            let evaluation = ShapeEvaluation.evaluate(
                given, against: expected, matchThreshold: rules.shapeMatchThreshold, backgroundThreshold: rules.shapeBackgroundThreshold)
            return .scored(evaluation.goldScore)
        case (.classification, _, _), (.spans, _, _), (.comparison, _, _), (.geoBox, _, _), (.geoPolygon, _, _):
            return .scored(GoldScore(value: 0, isCorrect: false, errors: [GoldError(.wrongKind, expected: key.kind.rawValue, given: answer.kind.rawValue)], details: .wrongKind))
        }
    }
}
