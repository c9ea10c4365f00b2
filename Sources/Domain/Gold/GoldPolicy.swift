/// How a project mixes gold into the leases it hands each person. The hub alone holds
/// it: a station learns neither the rate nor which of its tasks are gold.
///
/// A person's first `onboarding` leases on a project are gold, served first. After
/// that, each lease of a batch is gold with probability `rate` (`provenRate` for a
/// person with a proven record), at random places, so a batch is as large as asked
/// and gold is `rate` of what is handed out; when ordinary work runs short the gold
/// shrinks with it, and a batch with no ordinary work carries no gold (a queue of
/// nothing but gold would give it away).
///
/// Quality acts on the Wilson 95% interval of a person's gold accuracy, and only after
/// `minimumGold` scored items: below `warnBelow` or `pauseBelow` only when the
/// interval's upper bound is, so a person is never paused on a bad day's noise. A
/// proven record (lower bound at `warnBelow` or above, after `minimumGold`) earns
/// `provenRate`.
public struct GoldPolicy: Codable, Equatable, Sendable {
    public var rate: Double
    public var onboarding: Int
    public var provenRate: Double
    public var minimumGold: Int
    public var warnBelow: Double
    public var pauseBelow: Double

    public init(
        rate: Double = 0.05, onboarding: Int = 10, provenRate: Double = 0.02, minimumGold: Int = 20, warnBelow: Double = 0.85,
        pauseBelow: Double = 0.7
    ) {
        self.rate = rate
        self.onboarding = onboarding
        self.provenRate = provenRate
        self.minimumGold = minimumGold
        self.warnBelow = warnBelow
        self.pauseBelow = pauseBelow
    }

    enum CodingKeys: String, CodingKey {
        case rate, onboarding, provenRate, minimumGold, warnBelow, pauseBelow
    }

    /// A policy stored before a setting existed reads it as its default.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = GoldPolicy()
        self.init(
            rate: try container.decodeIfPresent(Double.self, forKey: .rate) ?? defaults.rate,
            onboarding: try container.decodeIfPresent(Int.self, forKey: .onboarding) ?? defaults.onboarding,
            provenRate: try container.decodeIfPresent(Double.self, forKey: .provenRate) ?? defaults.provenRate,
            minimumGold: try container.decodeIfPresent(Int.self, forKey: .minimumGold) ?? defaults.minimumGold,
            warnBelow: try container.decodeIfPresent(Double.self, forKey: .warnBelow) ?? defaults.warnBelow,
            pauseBelow: try container.decodeIfPresent(Double.self, forKey: .pauseBelow) ?? defaults.pauseBelow)
    }

    /// A sentence per setting out of range.
    public func problems() -> [String] {
        var found: [String] = []
        if !(0...0.5).contains(rate) { found.append("the gold rate is a share between 0 and 0.5, not \(rate)") }
        if !(0...0.5).contains(provenRate) { found.append("the proven gold rate is a share between 0 and 0.5, not \(provenRate)") }
        if provenRate > rate { found.append("the proven gold rate (\(provenRate)) may not be above the gold rate (\(rate)): a proven record earns less checking, not more") }
        if onboarding < 0 { found.append("onboarding is a number of gold items, 0 or more, not \(onboarding)") }
        if minimumGold < 1 { found.append("quality acts after at least 1 scored gold item, not \(minimumGold)") }
        if !(0...1).contains(warnBelow) || !(0...1).contains(pauseBelow) {
            found.append("the warn and pause thresholds are accuracies between 0 and 1, not \(warnBelow) and \(pauseBelow)")
        } else if pauseBelow > warnBelow {
            found.append("the pause threshold (\(pauseBelow)) may not be above the warn threshold (\(warnBelow))")
        }
        return found
    }

    /// Of `wanted` leases for a person who has been handed `handedSoFar` on the project,
    /// how many are onboarding gold, given `available` gold items they have not seen.
    public func onboardingGold(wanted: Int, handedSoFar: Int, available: Int) -> Int {
        max(0, min(wanted, onboarding - handedSoFar, available))
    }

    /// How many of `slots` leases are gold, each slot gold with the person's share, at
    /// most `available`: the batch keeps the size the station asked for, so its size
    /// says nothing of how much gold it holds.
    public func gold<Random: RandomNumberGenerator>(among slots: Int, isProven: Bool, available: Int, random: inout Random) -> Int {
        let share = isProven ? provenRate : rate
        guard share > 0, slots > 0, available > 0 else { return 0 }
        var count = 0
        for _ in 0..<slots where Double.random(in: 0..<1, using: &random) < share { count += 1 }
        return min(count, available)
    }

    /// When the ordinary work ran short (`ordinary` leased where more were asked for), at
    /// most this much of the planned gold goes with it, keeping gold at its share of the
    /// batch; with no ordinary work, none.
    public func goldBeside(ordinary: Int, isProven: Bool) -> Int {
        let share = isProven ? provenRate : rate
        guard share > 0, share < 1 else { return 0 }
        return Int((Double(ordinary) * share / (1 - share)).rounded())
    }

    /// Where `gold` items go in a batch of `gold + ordinary`, in increasing order, every
    /// arrangement equally likely.
    public static func positions<Random: RandomNumberGenerator>(gold: Int, among ordinary: Int, random: inout Random) -> [Int] {
        let total = gold + ordinary
        guard gold > 0 else { return [] }
        // A partial Fisher-Yates shuffle of the slots picks `gold` of them uniformly.
        var slots = Array(0..<total)
        for index in 0..<gold {
            slots.swapAt(index, Int.random(in: index..<total, using: &random))
        }
        return slots.prefix(gold).sorted()
    }
}
