/// The whole quiz's figures in Moodle's statistics report.
///
/// As `quiz_statistics\calculator::calculate` computes them from each attempt's total
/// (`sumgrades`): the median as the middle total or the mean of the middle two; the
/// standard deviation over `s - 1`; skewness and kurtosis from the k-statistics
/// (`k3 / k2^1.5`, `k4 / k2²`); the coefficient of internal consistency (Cronbach's alpha,
/// out of 100) from the questions' summed sample variances, and the error ratio and
/// standard error from it. Each is nil where Moodle leaves it null: a median needs one
/// attempt, a deviation two, skewness three and a total variance that is not 0, kurtosis
/// four, and the coefficient two questions.
public struct QuizStatistics: Equatable, Sendable {
    /// Attempts counted.
    public var attempts: Int
    /// Questions (Moodle's `p`, the positions).
    public var questions: Int
    /// The most a whole attempt can score: the sum of the questions' max marks.
    public var maxMark: Double
    /// In marks; Moodle's report shows these as percentages of `maxMark`.
    public var mean: Double?
    public var median: Double?
    public var standardDeviation: Double?
    public var skewness: Double?
    public var kurtosis: Double?
    /// Cronbach's alpha × 100.
    public var internalConsistency: Double?
    /// `100 * sqrt(1 - alpha)`: the share of the deviation that is noise, out of 100. Nil
    /// also where rounding would put a negative under the root (PHP's NAN).
    public var errorRatio: Double?
    /// `errorRatio * standardDeviation / 100`, in marks.
    public var standardError: Double?

    public init(
        attempts: Int, questions: Int, maxMark: Double, mean: Double?, median: Double?, standardDeviation: Double?,
        skewness: Double?, kurtosis: Double?, internalConsistency: Double?, errorRatio: Double?, standardError: Double?
    ) {
        self.attempts = attempts
        self.questions = questions
        self.maxMark = maxMark
        self.mean = mean
        self.median = median
        self.standardDeviation = standardDeviation
        self.skewness = skewness
        self.kurtosis = kurtosis
        self.internalConsistency = internalConsistency
        self.errorRatio = errorRatio
        self.standardError = standardError
    }

    /// `value` in marks as a percentage of the quiz's max mark, as the report shows it.
    public func percentage(_ value: Double?) -> Double? {
        guard let value, maxMark != 0 else { return nil }
        return 100 * value / maxMark
    }
}

extension QuizStatistics {
    static func computed(totals: [Double], questions: Int, maxMark: Double, sumOfMarkVariance: Double) -> QuizStatistics {
        var result = QuizStatistics(
            attempts: totals.count, questions: questions, maxMark: maxMark, mean: nil, median: nil, standardDeviation: nil,
            skewness: nil, kurtosis: nil, internalConsistency: nil, errorRatio: nil, standardError: nil)
        let s = totals.count
        guard s != 0 else { return result }
        let mean = totals.reduce(0, +) / Double(s)
        result.mean = mean
        let sorted = totals.sorted()
        result.median = s % 2 == 0 ? (sorted[s / 2 - 1] + sorted[s / 2]) / 2 : sorted[s / 2]
        guard s > 1 else { return result }
        var power2 = 0.0, power3 = 0.0, power4 = 0.0
        for total in totals {
            let difference = total - mean
            power2 += difference * difference
            power3 += difference * difference * difference
            power4 += difference * difference * difference * difference
        }
        let deviation = (power2 / Double(s - 1)).squareRoot()
        result.standardDeviation = deviation
        guard s > 2 else { return result }
        let n = Double(s)
        let m2 = power2 / n, m3 = power3 / n, m4 = power4 / n
        let k2 = n * m2 / (n - 1)
        let k3 = n * n * m3 / ((n - 1) * (n - 2))
        guard k2 != 0 else { return result }
        result.skewness = k3 / (k2 * k2.squareRoot())
        if s > 3 {
            let k4 = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
            result.kurtosis = k4 / (k2 * k2)
        }
        if questions > 1 {
            let p = Double(questions)
            let alpha = (100 * p / (p - 1)) * (1 - sumOfMarkVariance / k2)
            result.internalConsistency = alpha
            let underRoot = 1 - alpha / 100
            if underRoot >= 0 {
                let errorRatio = 100 * underRoot.squareRoot()
                result.errorRatio = errorRatio
                result.standardError = errorRatio * deviation / 100
            }
        }
        return result
    }
}
