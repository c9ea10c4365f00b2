/// One question's figures in Moodle's quiz statistics report.
///
/// Computed as `core_question\statistics\questions\calculator` computes them (its
/// `initial_question_walker`, `secondary_steps_walker` and `secondary_question_walker`),
/// with the same divisions by `s - 1` and the same nulls: a figure is nil exactly where
/// Moodle leaves it null or blank. Percentages are kept as Moodle shows them: facility,
/// `standardDeviationFraction` and random guess score as fractions of the max mark (the
/// report multiplies by 100), the weights, discrimination index and efficiency already
/// out of 100.
public struct QuestionStatistics: Equatable, Sendable {
    public var name: String
    public var maxMark: Double
    /// Attempts counted (Moodle's `s`).
    public var attempts: Int
    /// The mean mark, in marks.
    public var markAverage: Double
    /// The mean of the rest of the test (the attempt's total less this question).
    public var otherMarkAverage: Double
    /// Mean mark / max mark; nil when the max mark is 0.
    public var facility: Double?
    /// The sample standard deviation of the marks, in marks; nil with fewer than 2 attempts.
    public var standardDeviation: Double?
    /// `standardDeviation / maxMark`, the column Moodle's report shows.
    public var standardDeviationFraction: Double?
    public var randomGuessScore: Double?
    /// Max mark as a percentage of the quiz's max mark; nil when the quiz's is 0.
    public var intendedWeight: Double?
    /// `100 * sqrt(cov(mark, total)) / Σ sqrt(cov(markᵢ, total))`; nil when the covariance
    /// with the total is negative (`negativeCovariance`) or every covariance is 0.
    public var effectiveWeight: Double?
    /// Moodle's `negcovar`: the mark goes down as the total goes up.
    public var negativeCovariance: Bool
    /// `100 * cov(mark, rest) / sqrt(var(mark) var(rest))`: the correlation with the rest of the test.
    public var discriminationIndex: Double?
    /// `100 * cov(mark, rest) / cov_max`, where `cov_max` pairs the sorted marks with the sorted rests.
    public var discriminativeEfficiency: Double?
    /// The sample variance of the marks (Moodle's `markvariance`), summed for Cronbach's alpha.
    public var markVariance: Double?
    /// Moodle's `covariancewithoverallmark`.
    public var covarianceWithTotal: Double?
    /// Moodle's `covariancemax`.
    public var maximumCovariance: Double?
    /// Why the question wants a look; empty when nothing is wrong.
    public var flags: [ItemFlag]

    public init(
        name: String, maxMark: Double, attempts: Int, markAverage: Double, otherMarkAverage: Double, facility: Double?,
        standardDeviation: Double?, standardDeviationFraction: Double?, randomGuessScore: Double?, intendedWeight: Double?,
        effectiveWeight: Double?, negativeCovariance: Bool, discriminationIndex: Double?, discriminativeEfficiency: Double?,
        markVariance: Double?, covarianceWithTotal: Double?, maximumCovariance: Double?, flags: [ItemFlag]
    ) {
        self.name = name
        self.maxMark = maxMark
        self.attempts = attempts
        self.markAverage = markAverage
        self.otherMarkAverage = otherMarkAverage
        self.facility = facility
        self.standardDeviation = standardDeviation
        self.standardDeviationFraction = standardDeviationFraction
        self.randomGuessScore = randomGuessScore
        self.intendedWeight = intendedWeight
        self.effectiveWeight = effectiveWeight
        self.negativeCovariance = negativeCovariance
        self.discriminationIndex = discriminationIndex
        self.discriminativeEfficiency = discriminativeEfficiency
        self.markVariance = markVariance
        self.covarianceWithTotal = covarianceWithTotal
        self.maximumCovariance = maximumCovariance
        self.flags = flags
    }
}

extension QuestionStatistics {
    /// The figures of question `column` of `table`, before effective weight (which needs
    /// every question's covariance) and flags are filled in.
    static func computed(column: Int, of table: MarksTable, totals: [Double], quizMaxMark: Double) -> QuestionStatistics {
        let question = table.questions[column]
        let marks = table.attempts.map { $0.marks[column] }
        let others = zip(totals, marks).map { $0 - $1 }
        let s = marks.count
        let markAverage = s == 0 ? 0 : marks.reduce(0, +) / Double(s)
        let otherMarkAverage = s == 0 ? 0 : others.reduce(0, +) / Double(s)
        // Moodle divides a `totalsummarks` it never adds to, so the total is not centred
        // here; the covariance comes out the same because the mark differences sum to 0.
        let summarksAverage = 0.0
        var markVarianceSum = 0.0, otherVarianceSum = 0.0, covarianceSum = 0.0, maximumSum = 0.0, withTotalSum = 0.0
        let sortedMarks = marks.sorted(), sortedOthers = others.sorted()
        for index in 0..<s {
            let markDifference = marks[index] - markAverage
            let otherDifference = totals[index] - marks[index] - otherMarkAverage
            let totalDifference = totals[index] - summarksAverage
            markVarianceSum += markDifference * markDifference
            otherVarianceSum += otherDifference * otherDifference
            covarianceSum += markDifference * otherDifference
            maximumSum += (sortedMarks[index] - markAverage) * (sortedOthers[index] - otherMarkAverage)
            withTotalSum += markDifference * totalDifference
        }
        var markVariance: Double?, otherVariance: Double?, covariance: Double?, maximum: Double?, withTotal: Double?, deviation: Double?
        if s > 1 {
            let n = Double(s - 1)
            markVariance = markVarianceSum / n
            otherVariance = otherVarianceSum / n
            covariance = covarianceSum / n
            maximum = maximumSum / n
            withTotal = withTotalSum / n
            deviation = (markVarianceSum / n).squareRoot()
        }
        var discrimination: Double?
        if let markVariance, let otherVariance, let covariance, markVariance * otherVariance != 0 {
            discrimination = 100 * covariance / (markVariance * otherVariance).squareRoot()
        }
        var efficiency: Double?
        if let maximum, let covariance, maximum != 0 {
            efficiency = 100 * covariance / maximum
        }
        return QuestionStatistics(
            name: question.name, maxMark: question.maxMark, attempts: s, markAverage: markAverage, otherMarkAverage: otherMarkAverage,
            facility: question.maxMark != 0 ? markAverage / question.maxMark : nil,
            standardDeviation: deviation,
            standardDeviationFraction: question.maxMark != 0 ? deviation.map { $0 / question.maxMark } : nil,
            randomGuessScore: question.randomGuessScore,
            intendedWeight: quizMaxMark != 0 ? 100 * question.maxMark / quizMaxMark : nil,
            effectiveWeight: nil, negativeCovariance: (withTotal ?? 0) < 0,
            discriminationIndex: discrimination, discriminativeEfficiency: efficiency,
            markVariance: markVariance, covarianceWithTotal: withTotal, maximumCovariance: maximum, flags: [])
    }
}
