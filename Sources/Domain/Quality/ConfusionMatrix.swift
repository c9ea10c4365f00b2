/// Counts of which label a person gave when the key said which: a confusion matrix.
///
/// Rows are the key's labels, columns the answers', both in the order of `labels` (the
/// project's). Counts add up over answers and people (`+`), for per-person and
/// per-project matrices alike. A label outside `labels` is not counted.
public struct ConfusionMatrix: Equatable, Sendable {
    public let labels: [String]
    /// Row-major: `counts[expected * labels.count + given]`.
    public private(set) var counts: [Int]
    private let positions: [String: Int]

    public init(labels: [String]) {
        self.labels = labels
        counts = [Int](repeating: 0, count: labels.count * labels.count)
        var positions: [String: Int] = [:]
        for (index, label) in labels.enumerated() where positions[label] == nil { positions[label] = index }
        self.positions = positions
    }

    /// Counts one answer: the key said `expected`, the person gave `given`.
    public mutating func record(expected: String, given: String) {
        guard let row = positions[expected], let column = positions[given] else { return }
        counts[row * labels.count + column] += 1
    }

    /// Counts a single-label classification answer against its key; an empty side is not counted.
    public mutating func record(_ answer: [String], key: [String]) {
        guard let given = answer.first, let expected = key.first else { return }
        record(expected: expected, given: given)
    }

    public func count(expected: String, given: String) -> Int {
        guard let row = positions[expected], let column = positions[given] else { return 0 }
        return counts[row * labels.count + column]
    }

    /// Items whose key said `label`.
    public func keyed(_ label: String) -> Int {
        guard let row = positions[label] else { return 0 }
        return counts[(row * labels.count)..<((row + 1) * labels.count)].reduce(0, +)
    }

    /// The share of items keyed `label` that were given `label` (recall on it); nil with none keyed.
    public func accuracy(on label: String) -> Double? {
        let total = keyed(label)
        return total > 0 ? Double(count(expected: label, given: label)) / Double(total) : nil
    }

    /// Cohen's kappa between the key and the answers, in scikit-learn's arithmetic.
    public func kappa(weighting: Agreement.KappaWeighting = .unweighted) -> Double? {
        Agreement.cohenKappa(confusion: counts.map(Double.init), categories: labels.count, weighting: weighting)
    }

    public static func + (lhs: ConfusionMatrix, rhs: ConfusionMatrix) -> ConfusionMatrix {
        precondition(lhs.labels == rhs.labels, "confusion matrices add up only over the same labels")
        var sum = lhs
        for index in sum.counts.indices { sum.counts[index] += rhs.counts[index] }
        return sum
    }
}
