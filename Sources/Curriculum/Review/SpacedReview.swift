import Foundation

/// When a practice item a person got wrong comes back: the FSRS scheduler (version 6),
/// as the `fsrs` package on PyPI schedules it, so the same review history gives the
/// same intervals.
///
/// A card starts in `learning`, steps through short `learningSteps` (minutes), then is
/// in `review`, due after whole days that grow with its stability; forgetting it there
/// (`again`) sends it through `relearningSteps`. Stability and difficulty follow the
/// FSRS-6 model with its 21 default parameters. Fuzz (a random spread of long intervals)
/// is left out: a schedule a test, a trainer and the person can all foresee is worth more
/// here than spreading a day's reviews.
public struct SpacedReview: Equatable, Sendable {
    public enum Rating: Int, Codable, CaseIterable, Sendable {
        case again = 1, hard, good, easy
    }

    public enum State: Int, Codable, Sendable {
        case learning = 1, review, relearning
    }

    /// An item's place in the schedule.
    public struct Card: Codable, Equatable, Sendable {
        public var state: State
        /// The learning or relearning step; nil in review.
        public var step: Int?
        public var stability: Double?
        public var difficulty: Double?
        public var due: Date
        public var lastReview: Date?

        /// A new item, due at once.
        public init(due: Date) {
            self.state = .learning
            self.step = 0
            self.due = due
        }
    }

    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483,
        0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    public var parameters: [Double]
    public var desiredRetention: Double
    public var learningSteps: [TimeInterval]
    public var relearningSteps: [TimeInterval]
    /// The longest interval in review, in days.
    public var maximumInterval: Int

    public init(
        parameters: [Double] = SpacedReview.defaultParameters, desiredRetention: Double = 0.9, learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600], maximumInterval: Int = 36500
    ) {
        precondition(parameters.count == 21, "FSRS-6 takes 21 parameters")
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
    }

    private var decay: Double { -parameters[20] }
    private var factor: Double { pow(0.9, 1 / decay) - 1 }
    private static let minimumStability = 0.001

    /// The chance the person recalls the card at `date`.
    public func retrievability(of card: Card, at date: Date) -> Double {
        guard let last = card.lastReview, let stability = card.stability else { return 0 }
        let days = max(0, Self.wholeDays(from: last, to: date))
        return pow(1 + factor * Double(days) / stability, decay)
    }

    /// The card after a review rated `rating` at `date`.
    public func review(_ card: Card, rating: Rating, at date: Date) -> Card {
        var card = card
        let daysSince = card.lastReview.map { Self.wholeDays(from: $0, to: date) }
        let next: TimeInterval
        switch card.state {
        case .learning, .relearning:
            let steps = card.state == .learning ? learningSteps : relearningSteps
            let step = card.step ?? 0
            if let stability = card.stability, let difficulty = card.difficulty {
                if let daysSince, daysSince < 1 {
                    card.stability = shortTermStability(stability, rating)
                } else {
                    card.stability = nextStability(difficulty, stability, retrievability(of: card, at: date), rating)
                }
                card.difficulty = nextDifficulty(difficulty, rating)
            } else {
                card.stability = max(parameters[rating.rawValue - 1], Self.minimumStability)
                card.difficulty = clampDifficulty(initialDifficulty(rating))
            }
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                next = graduate(&card)
            } else {
                switch rating {
                case .again:
                    card.step = 0
                    next = steps[0]
                case .hard:
                    next = step == 0 ? (steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2) : steps[step]
                case .good:
                    if step + 1 == steps.count {
                        next = graduate(&card)
                    } else {
                        card.step = step + 1
                        next = steps[step + 1]
                    }
                case .easy:
                    next = graduate(&card)
                }
            }
        case .review:
            let stability = card.stability ?? Self.minimumStability, difficulty = card.difficulty ?? 5
            if let daysSince, daysSince < 1 {
                card.stability = shortTermStability(stability, rating)
            } else {
                card.stability = nextStability(difficulty, stability, retrievability(of: card, at: date), rating)
            }
            card.difficulty = nextDifficulty(difficulty, rating)
            if rating == .again, !relearningSteps.isEmpty {
                card.state = .relearning
                card.step = 0
                next = relearningSteps[0]
            } else {
                next = Double(interval(card.stability ?? Self.minimumStability)) * 86_400
            }
        }
        card.due = date.addingTimeInterval(next)
        card.lastReview = date
        return card
    }

    /// Into review, due after the interval its stability earns.
    private func graduate(_ card: inout Card) -> TimeInterval {
        card.state = .review
        card.step = nil
        return Double(interval(card.stability ?? Self.minimumStability)) * 86_400
    }

    /// Whole days, as Python's `timedelta.days` counts them (rounded down).
    static func wholeDays(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
    }

    func interval(_ stability: Double) -> Int {
        let days = stability / factor * (pow(desiredRetention, 1 / decay) - 1)
        // Python's round: halves to even.
        return min(max(Int(days.rounded(.toNearestOrEven)), 1), maximumInterval)
    }

    private func initialDifficulty(_ rating: Rating) -> Double {
        parameters[4] - exp(parameters[5] * Double(rating.rawValue - 1)) + 1
    }

    private func clampDifficulty(_ difficulty: Double) -> Double { min(max(difficulty, 1), 10) }

    private func shortTermStability(_ stability: Double, _ rating: Rating) -> Double {
        var increase = exp(parameters[17] * (Double(rating.rawValue) - 3 + parameters[18])) * pow(stability, -parameters[19])
        if rating != .again { increase = max(increase, 1) }
        return max(stability * increase, Self.minimumStability)
    }

    private func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
        let delta = -(parameters[6] * (Double(rating.rawValue) - 3))
        let damped = difficulty + (10 - difficulty) * delta / 9
        return clampDifficulty(parameters[7] * initialDifficulty(.easy) + (1 - parameters[7]) * damped)
    }

    private func nextStability(_ difficulty: Double, _ stability: Double, _ retrievability: Double, _ rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = parameters[11] * pow(difficulty, -parameters[12]) * (pow(stability + 1, parameters[13]) - 1)
                * exp((1 - retrievability) * parameters[14])
            next = min(longTerm, stability / exp(parameters[17] * parameters[18]))
        } else {
            let hardPenalty = rating == .hard ? parameters[15] : 1
            let easyBonus = rating == .easy ? parameters[16] : 1
            next = stability * (1 + exp(parameters[8]) * (11 - difficulty) * pow(stability, -parameters[9])
                * (exp((1 - retrievability) * parameters[10]) - 1) * hardPenalty * easyBonus)
        }
        return max(next, Self.minimumStability)
    }
}
