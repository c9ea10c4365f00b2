/// A p-chart of a proportion per period (gold accuracy per hour) with 3-sigma limits, and
/// the Western Electric run rules: what tells a shift lead a process changed, not noise.
///
/// The centre line is the pooled proportion of the samples (Σ successes / Σ trials), or
/// one given (a standard from earlier shifts). Each period's limits follow its own number
/// of trials, p̄ ± 3·√(p̄(1−p̄)/nᵢ) clipped to 0...1, so an hour with few gold answers is
/// not called out for the wide swings few answers make. The run rules read each period's
/// standardised distance zᵢ = (pᵢ − p̄)/σᵢ, which is what makes them fair across unequal
/// periods (Montgomery, *Introduction to Statistical Quality Control*, §7.3 and §5.3.6):
///
/// 1. one point beyond 3σ;
/// 2. two of three successive points beyond 2σ on the same side;
/// 3. four of five successive points beyond 1σ on the same side;
/// 4. eight successive points on the same side of the centre line.
///
/// A rule marks the point that completes its pattern, and only when that point is itself
/// one of the pattern's (beyond the line, on the side): so each marked hour is one where
/// something was seen, and a run goes on marking while it lasts. At the chart's start a
/// window holds the points there are (two hours beyond 2σ are two of three).
public struct PChart: Equatable, Sendable {
    /// One period's count: right answers (partial credit adds up) out of trials.
    public struct Sample: Equatable, Sendable {
        public var successes: Double
        public var trials: Int

        public init(successes: Double, trials: Int) {
            self.successes = successes
            self.trials = trials
        }
    }

    /// A Western Electric rule.
    public enum Rule: String, CaseIterable, Sendable {
        case beyondThreeSigma = "beyond 3 sigma"
        case twoOfThreeBeyondTwoSigma = "2 of 3 beyond 2 sigma"
        case fourOfFiveBeyondOneSigma = "4 of 5 beyond 1 sigma"
        case eightOnOneSide = "8 in a row on one side"
    }

    /// Which way a point is off the centre line.
    public enum Side: Equatable, Sendable {
        case above, below
    }

    /// One period on the chart.
    public struct Point: Equatable, Sendable {
        /// The sample's place in the list given (periods with no trials have no point).
        public var index: Int
        public var proportion: Double
        public var trials: Int
        /// The standard error at this period's trials: √(p̄(1−p̄)/n).
        public var sigma: Double
        /// The 3-sigma limits, within 0...1.
        public var lower: Double
        public var upper: Double
        /// (p − p̄)/σ; infinite when σ is 0 and the point is off the line, 0 on it.
        public var z: Double
        /// The rules this point completes, in the rules' order; with the side they are on.
        public var signals: [Rule]
        public var side: Side?
    }

    public var center: Double
    public var points: [Point]

    /// The chart of `samples` about their own pooled proportion (a first look at a shift).
    public init(_ samples: [Sample]) {
        let trials = samples.reduce(0) { $0 + max(0, $1.trials) }
        let successes = samples.reduce(0.0) { $0 + ($1.trials > 0 ? $1.successes : 0) }
        self.init(samples, center: trials > 0 ? successes / Double(trials) : 0)
    }

    /// The chart of `samples` about a centre line set beforehand.
    public init(_ samples: [Sample], center: Double) {
        self.center = center
        var points: [Point] = []
        for (index, sample) in samples.enumerated() where sample.trials > 0 {
            let proportion = sample.successes / Double(sample.trials)
            let sigma = (center * (1 - center) / Double(sample.trials)).squareRoot()
            let distance = proportion - center
            let z = sigma > 0 ? distance / sigma : (distance == 0 ? 0 : (distance > 0 ? Double.infinity : -Double.infinity))
            points.append(Point(
                index: index, proportion: proportion, trials: sample.trials, sigma: sigma,
                lower: max(0, center - 3 * sigma), upper: min(1, center + 3 * sigma), z: z, signals: [], side: nil))
        }
        for position in points.indices {
            let (signals, side) = Self.signals(at: position, z: points.map(\.z))
            points[position].signals = signals
            points[position].side = side
        }
        self.points = points
    }

    /// The points any rule marked.
    public var signalled: [Point] { points.filter { !$0.signals.isEmpty } }

    /// The rules the point at `position` completes, reading the standardised distances.
    static func signals(at position: Int, z: [Double]) -> ([Rule], Side?) {
        var rules: [Rule] = []
        var side: Side?
        for candidate in [Side.above, .below] {
            let sign: Double = candidate == .above ? 1 : -1
            func beyond(_ limit: Double, _ index: Int) -> Bool { sign * z[index] > limit }
            // The last `last` points, fewer at the start of the chart: two hours beyond 2σ
            // are two of three however the chart began.
            func count(beyond limit: Double, last: Int) -> Int {
                (max(0, position + 1 - last)...position).filter { beyond(limit, $0) }.count
            }
            var found: [Rule] = []
            if beyond(3, position) { found.append(.beyondThreeSigma) }
            if beyond(2, position), count(beyond: 2, last: 3) >= 2 { found.append(.twoOfThreeBeyondTwoSigma) }
            if beyond(1, position), count(beyond: 1, last: 5) >= 4 { found.append(.fourOfFiveBeyondOneSigma) }
            if position >= 7, ((position - 7)...position).allSatisfy({ beyond(0, $0) }) { found.append(.eightOnOneSide) }
            if !found.isEmpty {
                rules = found
                side = candidate
            }
        }
        return (rules, side)
    }
}
