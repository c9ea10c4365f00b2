import Domain
import Foundation

/// A person's gold record on one remediation trigger: the scored items that bear on it
/// and what they earned, and whether that calls for its lesson.
///
/// On a label (entity type, class) the items are those whose key holds it and the
/// credit is what the answers earned (a partly right answer earns part, as accuracy
/// counts it); on an error class the items are those whose kind can show it and the
/// credit is one for each answer free of it.
public struct TriggerRecord: Equatable, Sendable {
    public typealias Trigger = CourseManifest.Remediation.Trigger

    public var trigger: Trigger
    public var items: Int
    public var credit: Double

    public init(trigger: Trigger, items: Int, credit: Double) {
        self.trigger = trigger
        self.items = items
        self.credit = credit
    }

    /// Credit over items; nil before any.
    public var accuracy: Double? { items == 0 ? nil : credit / Double(items) }

    /// The Wilson 95% interval of the accuracy.
    public var interval: WilsonInterval { WilsonInterval(successes: credit, trials: items) }

    /// Whether the policy remediates it: remediation is on, there are enough items, and
    /// even the interval's upper bound is below the threshold (the rule warn and pause
    /// follow, so a lesson is not assigned on a bad day's noise).
    public func callsForRemediation(under policy: GoldPolicy) -> Bool {
        guard let threshold = policy.remediationBelow, items >= policy.remediationMinimum else { return false }
        return interval.upper < threshold
    }

    /// What one scored answer adds to each trigger it bears on: each label its key holds
    /// (for shapes, those inside `focus`, as scoring counts them) with the answer's
    /// credit, and each error class the kind can show with 1 when the answer is free of it.
    public static func contributions(of score: GoldScore, key: Answer, kind: TaskKind, focus: PixelWindow? = nil) -> [(trigger: Trigger, credit: Double)] {
        let labels: Set<String>
        switch key {
        case .labels(let names): labels = Set(names)
        case .spans(let spans): labels = Set(spans.map(\.label))
        case .shapes(let shapes): labels = Set(shapes.filter { shape in focus.map { GoldScoring.isInside(shape, $0) } ?? true }.map(\.label))
        case .comparison, .text: labels = []
        }
        let present = Set(score.errors.map(\.errorClass))
        return labels.sorted().map { (Trigger.label($0), score.value) }
            + GoldErrorClass.allCases.filter { $0.applies(to: kind) }.map { (Trigger.errorClass($0), present.contains($0) ? 0.0 : 1.0) }
    }
}

extension CourseManifest.Remediation.Trigger {
    /// The words a `course.conf` writes after "remediate" ("label negative", "error
    /// missed"): how the hub stores a trigger and a remediation assignment names it.
    public var words: String {
        switch self {
        case .label(let name): "label \(name)"
        case .errorClass(let errorClass): "error \(errorClass.rawValue)"
        }
    }

    /// A trigger from its words; nil for words that name none.
    public init?(words: String) {
        if words.hasPrefix("label "), words.count > 6 {
            self = .label(String(words.dropFirst(6)))
        } else if words.hasPrefix("error "), let errorClass = GoldErrorClass(rawValue: String(words.dropFirst(6))) {
            self = .errorClass(errorClass)
        } else {
            return nil
        }
    }

    /// For a person: "the label negative", "the error class missed".
    public var phrase: String {
        switch self {
        case .label(let name): "the label \(name)"
        case .errorClass(let errorClass): "the error class \(errorClass.rawValue)"
        }
    }
}
