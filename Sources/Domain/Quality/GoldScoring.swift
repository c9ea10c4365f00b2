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
    ///
    /// `focus` is the part of a chip the task is about (`TaskImage.focus`): with it, only
    /// shapes whose bounds have their middle inside it count, in the key and the answer
    /// alike, since the margin around it is context a labeler is not asked to mark (a key
    /// cut from a file holds every clipped piece on the chip, down to slivers at its edge).
    public static func score(
        _ answer: Answer, against key: Answer, in project: Project, focus: PixelWindow? = nil, rules: GoldScoringRules = GoldScoringRules()
    ) -> GoldOutcome {
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
            let counted = { (shapes: [Shape]) in focus.map { window in shapes.filter { isInside($0, window) } } ?? shapes }
            let evaluation = ShapeEvaluation.evaluate(
                counted(given), against: counted(expected), matchThreshold: rules.shapeMatchThreshold, backgroundThreshold: rules.shapeBackgroundThreshold)
            return .scored(evaluation.goldScore)
        case (.classification, _, _), (.spans, _, _), (.comparison, _, _), (.geoBox, _, _), (.geoPolygon, _, _):
            return .scored(GoldScore(value: 0, isCorrect: false, errors: [GoldError(.wrongKind, expected: key.kind.rawValue, given: answer.kind.rawValue)], details: .wrongKind))
        }
    }

    /// Whether the middle of a shape's bounds lies inside `window` (its right and bottom
    /// edges excluded, so a shape on the line between two chips' focuses counts in one).
    public static func isInside(_ shape: Shape, _ window: PixelWindow) -> Bool {
        let points = shape.geometry.vertices
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return false }
        let x = (minX + maxX) / 2, y = (minY + maxY) / 2
        return x >= Double(window.x) && x < Double(window.x + window.width) && y >= Double(window.y) && y < Double(window.y + window.height)
    }
}
