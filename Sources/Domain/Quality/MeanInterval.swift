import Foundation

/// A mean with its t interval: the paired interval when the values are differences.
///
/// For before-and-after figures of the same people the difference per person is the
/// unit: each person is their own control, so what they were already good at cancels,
/// and the t interval on the mean difference (n - 1 degrees of freedom, the sample
/// standard deviation over √n) is the textbook paired interval, as
/// `scipy.stats.ttest_1samp(differences).confidence_interval()` gives it.
public struct MeanInterval: Equatable, Sendable {
    public var count: Int
    /// The mean; nil with no values.
    public var mean: Double?
    /// The sample standard deviation (n - 1); nil below two values.
    public var standardDeviation: Double?
    /// The interval's ends; nil below two values, where a spread cannot be estimated.
    public var lower: Double?
    public var upper: Double?

    /// The t interval at `confidence` (two-sided, 0.95 by default).
    public init(_ values: [Double], confidence: Double = 0.95) {
        count = values.count
        guard !values.isEmpty else { return }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        self.mean = mean
        guard values.count >= 2 else { return }
        let sumOfSquares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let deviation = (sumOfSquares / (n - 1)).squareRoot()
        standardDeviation = deviation
        let half = StudentT.criticalValue(confidence: confidence, degreesOfFreedom: n - 1) * deviation / n.squareRoot()
        lower = mean - half
        upper = mean + half
    }
}
