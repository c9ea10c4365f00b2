extension Agreement {
    /// Agreement between two people's spans over the items both labeled: strict F1 of one
    /// against the other, counts pooled over the items. Symmetric (an exact match is one
    /// either way). Nil when neither marked anything.
    public static func spanF1(_ items: [(first: [EntitySpan], second: [EntitySpan])]) -> Double? {
        var correct = 0, marked = 0
        for item in items {
            let strict = SpanEvaluation.evaluate(item.first, against: item.second).strict
            correct += strict.correct
            marked += strict.actual + strict.possible
        }
        return marked > 0 ? 2 * Double(correct) / Double(marked) : nil
    }

    /// Agreement between two people's shapes over the items both drew on: F1 of the
    /// optimal matching at `matchThreshold`, pooled over the items. Symmetric. Nil when
    /// neither drew anything.
    public static func shapeF1(_ items: [(first: [Shape], second: [Shape])], matchThreshold: Double = 0.5) -> Double? {
        var matched = 0, drawn = 0
        for item in items {
            let counts = ShapeEvaluation.evaluate(item.first, against: item.second, matchThreshold: matchThreshold).counts
            matched += counts.matched
            drawn += counts.answerShapes + counts.keyShapes
        }
        return drawn > 0 ? 2 * Double(matched) / Double(drawn) : nil
    }
}
