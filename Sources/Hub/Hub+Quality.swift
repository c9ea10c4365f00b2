import Curriculum
import Domain
import Foundation
import Store

/// A project's gold record per person: what `labeldesk report quality` prints.
public struct QualityReport: Equatable, Sendable {
    public var project: Project
    public var policy: GoldPolicy
    /// Everyone who answered gold, by username.
    public var people: [PersonQuality]
    /// Signs of rushing, per person: how long they take on gold against other work, and
    /// how many of their answers came much faster than their own median.
    public var pace: [String: Pace] = [:]

    public struct Pace: Equatable, Sendable {
        public var goldMedianSeconds: Double?
        public var otherMedianSeconds: Double?
        /// Answers (gold and other) in under a third of the person's own median time.
        public var fast: Int
        public var answers: Int
        /// "Much faster": under this share of the person's own median.
        public static let fastShare = 1.0 / 3.0
    }
}

extension Hub {
    /// Every person's gold record on a project, scored now against the keys (one engine
    /// for every kind: `GoldScoring`).
    /// Added up from the scores stored as answers arrived; `withPace` adds the signs of
    /// rushing, which read every judgement of the project (slow on a big one).
    public func qualityReport(projectID: String, username: String? = nil, withPace: Bool = false) throws -> QualityReport {
        try database.read { transaction in
            guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            var report = QualityReport(
                project: project, policy: try transaction.goldPolicy(projectID: projectID),
                people: try transaction.goldTallies(projectID: projectID, username: username))
            if withPace { report.pace = try Self.pace(projectID: projectID, people: Set(report.people.map(\.username)), in: transaction) }
            return report
        }
    }

    static func pace(projectID: String, people: Set<String>, in transaction: HubTransaction) throws -> [String: QualityReport.Pace] {
        let (gold, other) = try transaction.secondsOnTask(projectID: projectID)
        func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        var pace: [String: QualityReport.Pace] = [:]
        for person in people {
            let all = (gold[person] ?? []) + (other[person] ?? [])
            let threshold = (median(all) ?? 0) * QualityReport.Pace.fastShare
            pace[person] = QualityReport.Pace(
                goldMedianSeconds: median(gold[person] ?? []), otherMedianSeconds: median(other[person] ?? []),
                fast: all.filter { $0 < threshold }.count, answers: all.count)
        }
        return pace
    }

}

/// The errors people make on a project's gold and why: `labeldesk report errors`.
public struct ErrorReport: Equatable, Sendable {
    /// A gold item answered wrongly at least once, with the wrong answers given.
    public struct MissedItem: Equatable, Sendable {
        public var goldID: String
        public var key: String
        public var answered: Int
        public var credit: Double
        /// Each wrong answer (its summary) and how many gave it, most given first.
        public var wrongAnswers: [WrongAnswer]
    }

    public struct WrongAnswer: Equatable, Sendable {
        public var answer: String
        public var count: Int
    }

    /// Where a person is below the project's warn threshold with enough evidence: on items
    /// keyed one label (classification), or free of one error class (other kinds).
    public struct WeakSpot: Equatable, Sendable {
        public var username: String
        public var what: String
        public var items: Int
        public var credit: Double
        public var interval: WilsonInterval
    }

    public var project: Project
    public var policy: GoldPolicy
    /// Classification: which label was given when the key said which, over everyone and per person.
    public var confusion: ConfusionMatrix?
    public var confusionByPerson: [String: ConfusionMatrix]
    public var errorClasses: [GoldErrorClass: Int]
    /// Worst first (lowest share of credit), then most answered.
    public var missed: [MissedItem]
    public var weakSpots: [WeakSpot]

    /// Items a label or error class needs before a weak spot is named.
    public static let minimumItems = 5
}

extension Hub {
    public func errorReport(projectID: String, username: String? = nil) throws -> ErrorReport {
        try database.read { transaction in
            guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            let policy = try transaction.goldPolicy(projectID: projectID)
            var keys: [String: Answer] = [:]
            var focuses: [String: PixelWindow] = [:]
            for item in try transaction.goldItems(projectID: projectID, includingRetired: true) {
                keys[item.task.id] = item.key
                focuses[item.task.id] = item.task.image?.focus
            }
            let isLabels = project.kind == .classification
            let labels = project.labels.map(\.name)
            var confusion = isLabels ? ConfusionMatrix(labels: labels) : nil
            var byPerson: [String: ConfusionMatrix] = [:]
            var classes: [GoldErrorClass: Int] = [:]
            var items: [String: (answered: Int, credit: Double, wrong: [String: Int])] = [:]
            // Per person and label (or error class): items and credit.
            var spots: [String: [String: (items: Int, credit: Double)]] = [:]
            for answer in try transaction.goldAnswers(projectID: projectID, username: username) {
                let annotation = answer.annotation
                guard !annotation.isSkip, let key = keys[annotation.taskID],
                      let score = GoldScoring.score(annotation.answer, against: key, in: project, focus: focuses[annotation.taskID]).score else { continue }
                var item = items[annotation.taskID] ?? (0, 0, [:])
                item.answered += 1
                item.credit += score.value
                if !score.isCorrect { item.wrong[annotation.answer.summary, default: 0] += 1 }
                items[annotation.taskID] = item
                for error in score.errors { classes[error.errorClass, default: 0] += 1 }
                if isLabels, case .labels(let given) = annotation.answer, case .labels(let expected) = key {
                    confusion?.record(given, key: expected)
                    byPerson[annotation.username, default: ConfusionMatrix(labels: labels)].record(given, key: expected)
                    for label in expected {
                        spots[annotation.username, default: [:]]["label " + label, default: (0, 0)].items += 1
                        spots[annotation.username, default: [:]]["label " + label, default: (0, 0)].credit += score.value
                    }
                } else {
                    let present = Set(score.errors.map(\.errorClass))
                    for errorClass in GoldErrorClass.allCases where errorClass.applies(to: project.kind) {
                        spots[annotation.username, default: [:]]["free of " + errorClass.rawValue, default: (0, 0)].items += 1
                        if !present.contains(errorClass) { spots[annotation.username, default: [:]]["free of " + errorClass.rawValue, default: (0, 0)].credit += 1 }
                    }
                }
            }
            let missed = items.compactMap { id, item -> ErrorReport.MissedItem? in
                guard !item.wrong.isEmpty else { return nil }
                return ErrorReport.MissedItem(
                    goldID: id, key: keys[id]?.summary ?? "", answered: item.answered, credit: item.credit,
                    wrongAnswers: item.wrong.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ErrorReport.WrongAnswer(answer: $0.key, count: $0.value) })
            }.sorted { ($0.credit / Double($0.answered), -$0.answered, $0.goldID) < ($1.credit / Double($1.answered), -$1.answered, $1.goldID) }
            var weak: [ErrorReport.WeakSpot] = []
            for (person, byWhat) in spots {
                for (what, tally) in byWhat where tally.items >= ErrorReport.minimumItems {
                    let interval = WilsonInterval(successes: tally.credit, trials: tally.items)
                    if interval.upper < policy.warnBelow {
                        weak.append(ErrorReport.WeakSpot(username: person, what: what, items: tally.items, credit: tally.credit, interval: interval))
                    }
                }
            }
            weak.sort { ($0.username, $0.what) < ($1.username, $1.what) }
            return ErrorReport(
                project: project, policy: policy, confusion: confusion, confusionByPerson: byPerson, errorClasses: classes, missed: missed, weakSpots: weak)
        }
    }
}

extension Hub {
    /// Free-text gold answers waiting for a reviewer: each with the item's key to judge it by.
    public func goldAwaitingReview(projectID: String) throws -> [(answer: GoldAnswer, key: Answer)] {
        try database.read { transaction in
            guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            var keys: [String: Answer] = [:]
            var focuses: [String: PixelWindow] = [:]
            for item in try transaction.goldItems(projectID: projectID, includingRetired: true) {
                keys[item.task.id] = item.key
                focuses[item.task.id] = item.task.image?.focus
            }
            return try transaction.goldAnswers(projectID: projectID).compactMap { answer in
                guard answer.verdict == nil, !answer.annotation.isSkip, let key = keys[answer.annotation.taskID],
                      GoldScoring.score(answer.annotation.answer, against: key, in: project) == .needsReviewer else { return nil }
                return (answer, key)
            }
        }
    }

    /// A reviewer's score (0 to 1) for a free-text gold answer, audited; it then counts in
    /// the person's quality like any score.
    public func reviewGoldAnswer(_ answerID: UUID, projectID: String, score: Double, actor: String, now: Date) throws {
        guard (0...1).contains(score) else { throw HubError.refused("a verdict is a score from 0 (wrong) to 1 (right), not \(score)") }
        try database.write { transaction in
            guard let change = try transaction.setGoldVerdict(answerID: answerID, projectID: projectID, score: score, by: actor, at: now) else {
                throw HubError.refused("no gold answer \(answerID.uuidString) of \(projectID) waits for a reviewer; see labeldesk gold review --project \(projectID)")
            }
            // The shift's figures take the verdict in the hour the answer was made (an earlier verdict out).
            try transaction.addGoldCredit(
                projectID: projectID, username: change.username, madeAt: change.answeredAt, scored: change.earlier == nil ? 1 : 0,
                credit: score - (change.earlier ?? 0))
            // The answer's part of the record per remediation trigger moves with the verdict.
            if change.countsInRecord, let project = try transaction.project(id: projectID), let item = try transaction.goldItem(projectID: projectID, id: change.goldID) {
                func contributions(_ verdict: Double) -> [(trigger: String, credit: Double)] {
                    TriggerRecord.contributions(of: .reviewed(verdict), key: item.key, kind: project.kind).map { ($0.trigger.words, $0.credit) }
                }
                if let earlier = change.earlier {
                    try transaction.addToTriggerRecord(
                        projectID: projectID, username: change.username, contributions: contributions(earlier), sign: -1, answeredAt: change.answeredAt)
                }
                try transaction.addToTriggerRecord(
                    projectID: projectID, username: change.username, contributions: contributions(score), sign: 1, answeredAt: change.answeredAt)
                try Self.remediate(
                    username: change.username, projectID: projectID, policy: try transaction.goldPolicy(projectID: projectID), transaction: transaction, now: now)
            }
            try transaction.appendAudit(AuditEvent(
                kind: .goldReview, actor: actor, detail: "scored gold answer \(answerID.uuidString) of \(projectID): \(score)", at: now))
        }
    }
}
