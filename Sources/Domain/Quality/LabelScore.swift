/// A classification answer against its key: exact match, or Jaccard for several labels.
///
/// Labels are compared as sets: the order a person picked them in says nothing.
public struct LabelScore: Equatable, Sendable {
    /// Labels in both the answer and the key.
    public var agreed: Int
    /// Labels in either.
    public var either: Int
    /// Whether the project allows several labels, so the score is Jaccard, not exact match.
    public var multipleLabels: Bool

    /// |A ∩ B| / |A ∪ B|, 1 when both are empty (nothing to find, nothing said).
    public var jaccard: Double { either == 0 ? 1 : Double(agreed) / Double(either) }

    /// Scores `given` against `expected`: 1 or 0 for a single-label project, Jaccard otherwise.
    public static func score(_ given: [String], against expected: [String], multipleLabels: Bool) -> GoldScore {
        // The common case (one label each) without building sets: scoring runs over
        // every annotation a report covers.
        if given.count <= 1, expected.count <= 1 {
            let same = given.first == expected.first
            var errors: [GoldError] = []
            switch (expected.first, given.first) {
            case let (wanted?, said?) where wanted != said: errors.append(GoldError(.wrongLabel, expected: wanted, given: said))
            case let (wanted?, nil): errors.append(GoldError(.missingLabel, expected: wanted))
            case let (nil, said?): errors.append(GoldError(.extraLabel, given: said))
            default: break
            }
            let shared = same && !given.isEmpty ? 1 : 0
            let score = LabelScore(agreed: shared, either: given.isEmpty && expected.isEmpty ? 0 : (same ? 1 : given.count + expected.count), multipleLabels: multipleLabels)
            return GoldScore(value: same ? 1 : 0, isCorrect: same, errors: errors, details: .labels(score))
        }
        let givenSet = Set(given), expectedSet = Set(expected)
        let agreed = givenSet.intersection(expectedSet).count
        let score = LabelScore(agreed: agreed, either: givenSet.union(expectedSet).count, multipleLabels: multipleLabels)
        let same = givenSet == expectedSet
        var errors: [GoldError] = []
        let missing = expectedSet.subtracting(givenSet).sorted(), extra = givenSet.subtracting(expectedSet).sorted()
        if !multipleLabels, missing.count == 1, extra.count == 1 {
            errors.append(GoldError(.wrongLabel, expected: missing[0], given: extra[0]))
        } else {
            errors += missing.map { GoldError(.missingLabel, expected: $0) }
            errors += extra.map { GoldError(.extraLabel, given: $0) }
        }
        return GoldScore(value: multipleLabels ? score.jaccard : (same ? 1 : 0), isCorrect: same, errors: errors, details: .labels(score))
    }
}
