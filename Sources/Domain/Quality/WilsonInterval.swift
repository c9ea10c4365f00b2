/// The Wilson score interval for a proportion: an honest bound on a person's accuracy.
///
/// Unlike the normal approximation it stays inside 0...1 and does not collapse to a
/// point at 0 or n successes, which matters for a new labeler with five gold items.
/// The arithmetic is statsmodels' `proportion_confint(method="wilson")`, clipped to 0...1
/// as it is. Successes may be fractional: partial credit (Jaccard, F1) adds up as well.
public struct WilsonInterval: Equatable, Sendable {
    public var successes: Double
    public var trials: Int
    public var lower: Double
    public var upper: Double

    /// The observed proportion; 0 with no trials.
    public var proportion: Double { trials > 0 ? successes / Double(trials) : 0 }

    /// The interval at `confidence` (two-sided, 0.95 by default).
    public init(successes: Double, trials: Int, confidence: Double = 0.95) {
        self.init(successes: successes, trials: trials, z: StandardNormal.criticalValue(confidence: confidence))
    }

    /// The interval for a critical value `z` (1.96 for 95%).
    ///
    /// With no trials there is no evidence, and the interval is all of 0...1.
    public init(successes: Double, trials: Int, z: Double) {
        self.successes = successes
        self.trials = trials
        guard trials > 0 else {
            lower = 0
            upper = 1
            return
        }
        let n = Double(trials)
        let q = successes / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (q + z2 / (2 * n)) / denominator
        let distance = z * (q * (1.0 - q) / n + z2 / (4.0 * n * n)).squareRoot() / denominator
        lower = min(1, max(0, center - distance))
        upper = min(1, max(0, center + distance))
    }
}
