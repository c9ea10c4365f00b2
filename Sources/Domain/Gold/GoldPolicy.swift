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
///
/// The same policy says how a project measures agreement on its ordinary work: a share
/// `overlap` of its tasks is labelled by `overlapPeople` different people (see
/// `isOverlapped`), and a task whose consensus has at least `candidateVotes` votes and a
/// confidence of `candidateConfidence` or more is offered as a gold candidate. An
/// export gives as each task's answer the first one it got, or, when `exportAnswer`
/// asks, the consensus of everyone's.
public struct GoldPolicy: Codable, Equatable, Sendable {
    /// What an export gives as a task's answer.
    public enum ExportAnswer: String, Codable, CaseIterable, Sendable {
        /// The task's canonical judgement: the first answer, by the canonical rule.
        case first
        /// The label most people gave.
        case majority
        /// Dawid-Skene's estimate, weighing each person by their confusions (anchored by gold).
        case dawidSkene = "dawid-skene"
    }

    public var rate: Double
    public var onboarding: Int
    public var provenRate: Double
    public var minimumGold: Int
    public var warnBelow: Double
    public var pauseBelow: Double
    public var overlap: Double
    public var overlapPeople: Int
    public var candidateVotes: Int
    public var candidateConfidence: Double
    public var exportAnswer: ExportAnswer
    /// The accuracy on a label or error class below which its lesson is assigned; nil: no remediation.
    public var remediationBelow: Double?
    /// Scored items on a label or error class before remediation looks at it.
    public var remediationMinimum: Int

    public init(
        rate: Double = 0.05, onboarding: Int = 10, provenRate: Double = 0.02, minimumGold: Int = 20, warnBelow: Double = 0.85,
        pauseBelow: Double = 0.7, overlap: Double = 0, overlapPeople: Int = 2, candidateVotes: Int = 3, candidateConfidence: Double = 0.95,
        exportAnswer: ExportAnswer = .first, remediationBelow: Double? = nil, remediationMinimum: Int = 10
    ) {
        self.rate = rate
        self.onboarding = onboarding
        self.provenRate = provenRate
        self.minimumGold = minimumGold
        self.warnBelow = warnBelow
        self.pauseBelow = pauseBelow
        self.overlap = overlap
        self.overlapPeople = overlapPeople
        self.candidateVotes = candidateVotes
        self.candidateConfidence = candidateConfidence
        self.exportAnswer = exportAnswer
        self.remediationBelow = remediationBelow
        self.remediationMinimum = remediationMinimum
    }

    enum CodingKeys: String, CodingKey {
        case rate, onboarding, provenRate, minimumGold, warnBelow, pauseBelow, overlap, overlapPeople, candidateVotes, candidateConfidence, exportAnswer
        case remediationBelow, remediationMinimum
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
            pauseBelow: try container.decodeIfPresent(Double.self, forKey: .pauseBelow) ?? defaults.pauseBelow,
            overlap: try container.decodeIfPresent(Double.self, forKey: .overlap) ?? defaults.overlap,
            overlapPeople: try container.decodeIfPresent(Int.self, forKey: .overlapPeople) ?? defaults.overlapPeople,
            candidateVotes: try container.decodeIfPresent(Int.self, forKey: .candidateVotes) ?? defaults.candidateVotes,
            candidateConfidence: try container.decodeIfPresent(Double.self, forKey: .candidateConfidence) ?? defaults.candidateConfidence,
            exportAnswer: try container.decodeIfPresent(ExportAnswer.self, forKey: .exportAnswer) ?? defaults.exportAnswer,
            remediationBelow: try container.decodeIfPresent(Double.self, forKey: .remediationBelow) ?? defaults.remediationBelow,
            remediationMinimum: try container.decodeIfPresent(Int.self, forKey: .remediationMinimum) ?? defaults.remediationMinimum)
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
        if !(0...1).contains(overlap) { found.append("overlap is the share of tasks labelled by several people, between 0 and 1, not \(overlap)") }
        if !(2...10).contains(overlapPeople) { found.append("an overlapped task is labelled by 2 to 10 people, not \(overlapPeople)") }
        if candidateVotes < 2 { found.append("a gold candidate needs at least 2 votes, not \(candidateVotes)") }
        if !(0.5...1).contains(candidateConfidence) {
            found.append("a gold candidate's consensus confidence is between 0.5 and 1, not \(candidateConfidence)")
        }
        if let remediationBelow, !(0...1).contains(remediationBelow) {
            found.append("the remediation threshold is an accuracy between 0 and 1, not \(remediationBelow)")
        }
        if remediationMinimum < 1 { found.append("remediation looks at a label or error class after at least 1 scored gold item, not \(remediationMinimum)") }
        return found
    }

    /// Whether a project's task is among the share `overlap` that several people label.
    ///
    /// Decided by a hash of the task's id, so the choice is the same at every sync and
    /// for every hub, needs nothing stored, and holds the share to within sampling
    /// noise; raising the share later adds tasks to the overlapped set, never removes one.
    public func isOverlapped(taskID: String) -> Bool {
        guard overlap > 0 else { return false }
        guard overlap < 1 else { return true }
        // FNV-1a, 64 bits, over the id's UTF-8.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in taskID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Double(hash % 1_000_000) / 1_000_000 < overlap
    }

    /// How many different people label the task before it is done.
    public func peopleNeeded(taskID: String) -> Int {
        isOverlapped(taskID: taskID) ? overlapPeople : 1
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
