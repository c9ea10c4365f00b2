/// A comparison answer against its key: the choice, and the ratings within a tolerance.
///
/// `ComparisonAnswer.preference` already names the responses as the task stores them,
/// whatever side the screen showed them on, so the key and the answer are compared
/// as they are; `shownSwapped` only matters for position bias. The rationale is not
/// scored, nor is the strength of a preference.
public struct ComparisonScore: Equatable, Sendable {
    /// 1 for the key's choice, 0.5 for a tie against a preference or a preference
    /// against a tie, 0 for the other response.
    public var choiceCredit: Double
    /// Ratings the key gives (both responses, every dimension it rates).
    public var ratingsKeyed: Int
    /// Of those, the ones the answer gives within the tolerance.
    public var ratingsWithinTolerance: Int

    /// The share of keyed ratings within tolerance; 1 when the key rates nothing.
    public var ratingShare: Double { ratingsKeyed == 0 ? 1 : Double(ratingsWithinTolerance) / Double(ratingsKeyed) }

    /// The answer's score: the choice's credit when the key has no ratings, otherwise
    /// the mean of the choice's credit and the share of ratings within tolerance, so
    /// the choice weighs as much as all the ratings together.
    public var value: Double { ratingsKeyed == 0 ? choiceCredit : (choiceCredit + ratingShare) / 2 }

    public static func score(_ given: ComparisonAnswer, against expected: ComparisonAnswer, tolerance: Int = 1) -> GoldScore {
        var errors: [GoldError] = []
        let credit: Double
        switch (expected.preference, given.preference) {
        case let (wanted, said) where wanted == said: credit = 1
        case (.tie, _), (_, .tie): credit = 0.5
        default: credit = 0
        }
        if credit < 1 {
            errors.append(GoldError(credit == 0.5 ? .tieAgainstPreference : .wrongChoice,
                                    expected: expected.preference.rawValue, given: given.preference.rawValue))
        }
        var keyed = 0, within = 0
        for (side, keyRatings, givenRatings) in [("a", expected.ratingsA, given.ratingsA), ("b", expected.ratingsB, given.ratingsB)] {
            for (dimension, wanted) in keyRatings.sorted(by: { $0.key < $1.key }) {
                keyed += 1
                if let said = givenRatings[dimension], abs(said - wanted) <= tolerance {
                    within += 1
                } else {
                    errors.append(GoldError(.ratingOff, expected: "\(dimension) (\(side)) \(wanted)", given: givenRatings[dimension].map { "\(dimension) (\(side)) \($0)" }))
                }
            }
        }
        let score = ComparisonScore(choiceCredit: credit, ratingsKeyed: keyed, ratingsWithinTolerance: within)
        return GoldScore(value: score.value, isCorrect: credit == 1 && within == keyed, errors: errors, details: .comparison(score))
    }
}
