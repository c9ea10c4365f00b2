import Domain
import Foundation
import Store

/// How far people agree on a project's ordinary tasks: `labeldesk report agreement`.
public struct AgreementReport: Equatable, Sendable {
    /// Two people on the tasks both labelled.
    public struct Pair: Equatable, Sendable {
        public var first: String
        public var second: String
        public var shared: Int
        /// Cohen's kappa (labels, comparison choices) or matched F1 (spans, shapes).
        public var value: Double?
    }

    public var project: Project
    /// Tasks labelled by two people or more, and the labels on them.
    public var tasks: Int
    public var labels: Int
    /// Krippendorff's alpha (nominal) and Fleiss' kappa over those tasks: labels and
    /// comparison choices only. Fleiss needs the same number of labels on every task.
    public var alpha: Double?
    public var fleiss: Double?
    /// What the pairs' `value` is: "Cohen's kappa" or "matched F1".
    public var pairMeasure: String
    public var pairs: [Pair]
    /// Why a figure is missing, for the reader.
    public var notes: [String]
}

/// The consensus answer of each ordinary task: `labeldesk report consensus`.
public struct ConsensusReport: Equatable, Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case majority
        case dawidSkene = "dawid-skene"
    }

    public struct Row: Equatable, Sendable {
        public var taskID: String
        public var label: String?
        public var confidence: Double?
        public var votes: Int
    }

    public var project: Project
    public var method: Method
    public var rows: [Row]
    /// Gold items whose keys anchored the estimate (Dawid-Skene).
    public var anchors: Int
}

extension Hub {
    /// Labels, or a comparison's choice, as the nominal label agreement and consensus use.
    static func nominal(_ answer: Answer) -> String? {
        switch answer {
        case .labels(let labels): labels.count == 1 ? labels[0] : nil
        case .comparison(let comparison): comparison.preference.rawValue
        case .spans, .text, .shapes: nil
        }
    }

    /// The labels a consensus (and a gold candidate's key) takes in a project: its
    /// classes for single-label classification, `a`, `b` and `tie` for comparison; nil
    /// where consensus is not a vote among labels.
    public static func consensusLabels(of project: Project) -> [String]? {
        switch project.kind {
        case .classification: project.allowsMultipleLabels ? nil : project.labels.map(\.name)
        case .comparison: ComparisonAnswer.Preference.allCases.map(\.rawValue)
        case .spans, .freeText, .geoBox, .geoPolygon: nil
        }
    }

    /// One answer per person per task (their last), skips left out.
    static func answersByTask(_ judgements: [Judgement]) -> [String: [String: Answer]] {
        var byTask: [String: [String: Answer]] = [:]
        for judgement in judgements where !judgement.annotation.isSkip {
            byTask[judgement.annotation.taskID, default: [:]][judgement.annotation.username] = judgement.annotation.answer
        }
        return byTask
    }

    public func agreementReport(projectID: String) throws -> AgreementReport {
        try database.read { transaction in
            guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            let shared = Self.answersByTask(try transaction.judgements(projectID: projectID)).filter { $0.value.count >= 2 }
            let taskIDs = shared.keys.sorted()
            let people = Array(Set(shared.values.flatMap(\.keys))).sorted()
            var report = AgreementReport(
                project: project, tasks: taskIDs.count, labels: shared.values.reduce(0) { $0 + $1.count }, alpha: nil, fleiss: nil,
                pairMeasure: "Cohen's kappa", pairs: [], notes: [])
            if let classes = Self.consensusLabels(of: project) {
                // [rater][unit], nil where a person did not label the task.
                let ratings: [[String?]] = people.map { person in taskIDs.map { shared[$0]?[person].flatMap(Self.nominal) } }
                report.alpha = Agreement.krippendorffAlpha(nominal: ratings)
                let perTask = taskIDs.map { id in (shared[id] ?? [:]).values.compactMap { Self.nominal($0).flatMap(classes.firstIndex(of:)) } }
                if Set(perTask.map(\.count)).count == 1 {
                    report.fleiss = Agreement.fleissKappa(counts: Agreement.categoryCounts(perTask, categories: classes.count))
                } else if !perTask.isEmpty {
                    report.notes.append("Fleiss' kappa needs the same number of labels on every task; these tasks have \(Set(perTask.map(\.count)).sorted().map(String.init).joined(separator: ", "))")
                }
            } else if project.kind == .spans || project.kind.isGeospatial {
                report.pairMeasure = "matched F1"
                report.notes.append("alpha and Fleiss' kappa are for labels; spans and shapes agree by matched F1 between pairs")
            } else {
                report.notes.append("agreement is not computed for \(project.kind.title) projects")
                return report
            }
            for (index, first) in people.enumerated() {
                for second in people[(index + 1)...] {
                    let both = taskIDs.compactMap { id -> (Answer, Answer)? in
                        guard let a = shared[id]?[first], let b = shared[id]?[second] else { return nil }
                        return (a, b)
                    }
                    guard !both.isEmpty else { continue }
                    var value: Double?
                    switch project.kind {
                    case .spans:
                        value = Agreement.spanF1(both.map { pair in
                            guard case .spans(let a) = pair.0, case .spans(let b) = pair.1 else { return (first: [], second: []) }
                            return (first: a, second: b)
                        })
                    case .geoBox, .geoPolygon:
                        value = Agreement.shapeF1(both.map { pair in
                            guard case .shapes(let a) = pair.0, case .shapes(let b) = pair.1 else { return (first: [], second: []) }
                            return (first: a, second: b)
                        })
                    case .classification, .comparison, .freeText:
                        let labelled = both.compactMap { pair -> (String, String)? in
                            guard let a = Self.nominal(pair.0), let b = Self.nominal(pair.1) else { return nil }
                            return (a, b)
                        }
                        value = labelled.isEmpty ? nil : Agreement.cohenKappa(labelled.map(\.0), labelled.map(\.1), categories: Self.consensusLabels(of: project))
                    }
                    report.pairs.append(AgreementReport.Pair(first: first, second: second, shared: both.count, value: value))
                }
            }
            return report
        }
    }

    /// Each labelled task's consensus label by majority vote or by Dawid-Skene, whose
    /// per-person confusion estimate is anchored by the gold answers' keys.
    public func consensusReport(projectID: String, method: ConsensusReport.Method) throws -> ConsensusReport {
        try database.read { transaction in try Self.consensusReport(projectID: projectID, method: method, in: transaction) }
    }

    static func consensusReport(projectID: String, method: ConsensusReport.Method, in transaction: HubTransaction) throws -> ConsensusReport {
        guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
        guard let classes = Self.consensusLabels(of: project) else {
            throw HubError.refused("consensus is for single-label classification and comparison projects; \(projectID) is a \(project.kind.title) project")
        }
        var builder = LabelVotesBuilder(classNames: classes)
        let byTask = Self.answersByTask(try transaction.judgements(projectID: projectID))
        for taskID in byTask.keys.sorted() {
            for (person, answer) in byTask[taskID] ?? [:] {
                if let label = Self.nominal(answer) { builder.add(task: taskID, person: person, label: label) }
            }
        }
        let ordinary = builder.taskIDs.count
        var anchors: [String: Int] = [:]
        if method == .dawidSkene {
            // Gold answers are votes on tasks whose truth is known: they teach the
            // estimate each person's confusions.
            var keys: [String: String] = [:]
            for item in try transaction.goldItems(projectID: projectID, includingRetired: true) { keys[item.task.id] = Self.nominal(item.key) }
            for answer in try transaction.goldAnswers(projectID: projectID) where !answer.annotation.isSkip {
                let id = "gold:" + answer.annotation.taskID
                guard let key = keys[answer.annotation.taskID], let label = Self.nominal(answer.annotation.answer),
                      builder.add(task: id, person: answer.annotation.username, label: label),
                      let truth = builder.classPosition(key) else { continue }
                anchors[id] = truth
            }
        }
        let votes = builder.build()
        let consensus: Consensus
        switch method {
        case .majority: consensus = MajorityVote.consensus(votes)
        case .dawidSkene:
            var gold: [Int: Int] = [:]
            for (id, truth) in anchors { if let position = builder.taskPosition(id) { gold[position] = truth } }
            consensus = DawidSkene().estimate(votes, gold: gold).consensus
        }
        let rows = (0..<ordinary).map { position in
            ConsensusReport.Row(
                taskID: builder.taskIDs[position], label: consensus.label(of: position).map { classes[$0] },
                confidence: consensus.confidence(of: position), votes: consensus.voteCounts[position])
        }
        return ConsensusReport(project: project, method: method, rows: rows, anchors: anchors.count)
    }

    /// A consensus label as the answer it stands for: the label, or a comparison's choice.
    static func answer(consensus label: String, in project: Project) -> Answer {
        project.kind == .comparison
            ? .comparison(ComparisonAnswer(preference: ComparisonAnswer.Preference(rawValue: label) ?? .tie))
            : .labels([label])
    }
}
