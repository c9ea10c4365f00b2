/// The difference of two independent proportions with Newcombe's hybrid score interval.
///
/// Newcombe (1998, method 10) puts together the Wilson interval of each proportion: the
/// lower end is the difference less √((p₁ - l₁)² + (u₂ - p₂)²), the upper end the
/// difference plus √((p₂ - l₂)² + (u₁ - p₁)²). It stays inside -1...1, keeps close to
/// its nominal coverage with small groups and with proportions near 0 or 1 (where the
/// Wald interval does not), and needs no iteration. The arithmetic is statsmodels'
/// `confint_proportions_2indep(compare="diff", method="newcomb")`. Successes may be
/// fractional, as partial credit on gold is.
public struct NewcombeInterval: Equatable, Sendable {
    public var first: WilsonInterval
    public var second: WilsonInterval
    /// The first proportion less the second.
    public var difference: Double
    public var lower: Double
    public var upper: Double

    /// The interval for p₁ - p₂ at `confidence`; nil when either group has no trials.
    public init?(successes first: Double, trials firstTrials: Int, minus second: Double, trials secondTrials: Int, confidence: Double = 0.95) {
        guard firstTrials > 0, secondTrials > 0 else { return nil }
        let one = WilsonInterval(successes: first, trials: firstTrials, confidence: confidence)
        let two = WilsonInterval(successes: second, trials: secondTrials, confidence: confidence)
        let p1 = one.proportion, p2 = two.proportion
        self.first = one
        self.second = two
        difference = p1 - p2
        lower = difference - ((p1 - one.lower) * (p1 - one.lower) + (two.upper - p2) * (two.upper - p2)).squareRoot()
        upper = difference + ((p2 - two.lower) * (p2 - two.lower) + (one.upper - p1) * (one.upper - p1)).squareRoot()
    }
}
