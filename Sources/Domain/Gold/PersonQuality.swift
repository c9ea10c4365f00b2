/// One person's record on a project's gold: what was scored, the accuracy and its
/// Wilson interval, the errors by class, and where that leaves them under the policy.
public struct PersonQuality: Equatable, Sendable {
    /// Where a person stands; acted on only with enough evidence (`GoldPolicy`).
    public enum Standing: String, Sendable, CaseIterable {
        case tooFewItems = "too few gold items"
        case good
        case proven
        case warned
        case paused
    }

    public var username: String
    /// Gold answers scored, and the credit they earned (a partly right answer earns part).
    /// The hub keeps these up as answers arrive (`HubTransaction.goldTallies`).
    public var scored = 0
    public var credit = 0.0
    /// Answers exactly right.
    public var correct = 0
    /// Free-text gold answers waiting for a reviewer's verdict.
    public var awaitingReview = 0
    /// Gold items skipped: not scored, but counted (skipping only gold would show here).
    public var skipped = 0
    public var errors: [GoldErrorClass: Int] = [:]
    /// Seconds on gold items and their count, for the time against other work.
    public var goldSeconds = 0.0

    public init(username: String) {
        self.username = username
    }

    /// Credit over scored items; nil before any.
    public var accuracy: Double? { scored == 0 ? nil : credit / Double(scored) }

    /// The Wilson 95% interval of the accuracy.
    public var interval: WilsonInterval { WilsonInterval(successes: credit, trials: scored) }

    public func standing(under policy: GoldPolicy) -> Standing {
        guard scored >= policy.minimumGold else { return .tooFewItems }
        let interval = interval
        if interval.upper < policy.pauseBelow { return .paused }
        if interval.upper < policy.warnBelow { return .warned }
        return interval.lower >= policy.warnBelow ? .proven : .good
    }

    /// The sentence a lead reads for a warned or paused person; nil otherwise.
    public func reason(under policy: GoldPolicy) -> String? {
        let interval = interval
        func percent(_ value: Double) -> String { String(Int((value * 100).rounded())) + "%" }
        let figures = "\(percent(accuracy ?? 0)) on \(scored) gold items (95% interval \(percent(interval.lower))-\(percent(interval.upper)))"
        switch standing(under: policy) {
        case .paused: return "paused: \(figures), below the pause threshold of \(percent(policy.pauseBelow)) even at its best"
        case .warned: return "warned: \(figures), below the warn threshold of \(percent(policy.warnBelow)) even at its best"
        case .tooFewItems, .good, .proven: return nil
        }
    }
}

extension GoldErrorClass {
    /// Whether answers of this kind can make this error.
    public func applies(to kind: TaskKind) -> Bool {
        switch self {
        case .wrongLabel, .missingLabel, .extraLabel: kind == .classification
        case .boundary, .type, .boundaryAndType, .spurious: kind == .spans
        case .missed: kind == .spans || kind.isGeospatial
        case .wrongChoice, .tieAgainstPreference, .ratingOff: kind == .comparison
        case .classification, .localisation, .classificationAndLocalisation, .duplicate, .background: kind.isGeospatial
        case .reviewerMarkedDown: kind == .freeText
        case .wrongKind: false
        }
    }
}
