import Domain
import Foundation
import Interchange
import Store

/// The station name imported work is kept under: work done in another tool, by people
/// the file names, at no station of this hub.
public let importedWorkStation = "import"

extension Hub {
    /// Imports a file's tasks, and the work already done on them elsewhere, all or nothing.
    ///
    /// Each imported annotation is kept as a judgement by the person the file names
    /// (`completed_by`, `annotator`) at the station `import`, so work done in another tool
    /// counts in agreement and quality reports; the first becomes the task's answer.
    /// Answer keys (`ground_truth`) are refused: they belong in the gold pool, never among
    /// tasks a station may lease. Returns (tasks, annotations) imported.
    @discardableResult
    public func importRecords(
        _ records: [InterchangeRecord], projectID: String, actor: String, now: Date
    ) throws -> (tasks: Int, annotations: Int) {
        guard let project = try project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
        // Each answer checked against the project on every core; refused below in
        // record order, among the other checks, as a pass from the top would find it.
        let refusals = try PieceWork.map(count: records.count) { index -> String? in
            let record = records[index]
            guard !record.annotations.isEmpty else { return nil }
            let length = record.task.text.scalarCount
            for annotation in record.annotations {
                if let problem = project.answerProblem(
                    annotation.answer, isSkip: annotation.skipReason != nil, textLength: length, chip: record.task.image.map(ChipSize.init)) {
                    return "task \"\(record.task.id)\", annotation by \(annotation.annotator): \(problem)"
                }
            }
            return nil
        }
        var seen = Set<String>(minimumCapacity: records.count)
        for (index, record) in records.enumerated() {
            guard record.task.projectID == projectID else {
                throw HubError.taskInOtherProject(taskID: record.task.id, taskProjectID: record.task.projectID, importProjectID: projectID)
            }
            guard seen.insert(record.task.id).inserted else { throw HubError.duplicateTaskInImport(taskID: record.task.id) }
            if let source = record.imageSource {
                throw HubError.importRefused(
                    "task \"\(record.task.id)\" names its image by file (\(source.path)); its chip must be cut and stored first, which labeldesk import does")
            }
            if record.annotations.contains(where: \.isGroundTruth) {
                throw HubError.importRefused(
                    "task \"\(record.task.id)\" carries a ground_truth annotation, an answer key; answer keys go into the gold pool, not among tasks: import this file with labeldesk gold import, or remove the key")
            }
            if let refusal = refusals[index] { throw HubError.importRefused(refusal) }
        }
        // Made on the other core while this one builds and inserts the tasks: the
        // judgements' content, ids and row texts are most of what an import of work builds.
        let judgements = BackgroundValue {
            PreparedJudgements(Hub.judgements(importedWith: records, projectID: projectID, now: now))
        }
        // Token layouts coded on every core (most of a CoNLL record's own work here).
        let tasks = try PieceWork.map(count: records.count) { index -> LabelTask in
            let record = records[index]
            var task = record.task
            task.layout = record.layout.map { TokenLayoutCoding.json($0, of: record.task.text) }
            return task
        }
        // A task with work goes in done (or skipped, when its first annotation is a skip)
        // with its canonical judgement in the same transaction, rather than open and then
        // changed a row at a time.
        let states = records.map { record -> HubTask.State in
            guard let first = record.annotations.first else { return .open }
            return first.skipReason == nil ? .done : .skipped
        }
        return try HubError.translating {
            try database.write { transaction in
                try transaction.insertTasks(tasks, projectID: projectID, states: states, importedAt: now)
                let made = judgements.value()
                try transaction.insertJudgements(made)
                try transaction.appendAudit(AuditEvent(
                    kind: .importTasks, actor: actor,
                    detail: "imported \(records.count) tasks and \(made.count) annotations into \(projectID)", at: now))
                return (records.count, made.count)
            }
        }
    }

    /// Each record's imported annotations as judgements at the station `import`, in file
    /// order: the first of a task canonical (`accepted`), the rest `superseded`.
    static func judgements(importedWith records: [InterchangeRecord], projectID: String, now: Date) -> [Judgement] {
        // Ids in file order, one after another; the rest (the canonical content above all)
        // on every core.
        var ids = TimeOrderedIDs(at: now)
        var annotations: [(annotation: Annotation, isFirst: Bool)] = []
        annotations.reserveCapacity(records.reduce(0) { $0 + $1.annotations.count })
        for record in records {
            for (index, imported) in record.annotations.enumerated() {
                annotations.append((Annotation(
                    id: ids.next(), taskID: record.task.id, projectID: projectID, answer: imported.answer,
                    skipReason: imported.skipReason, username: imported.annotator, stationID: importedWorkStation,
                    leaseEpoch: 0, createdAt: imported.createdAt ?? now, secondsOnTask: imported.secondsOnTask ?? 0,
                    flag: imported.flag, predictionAccepted: imported.predictionAccepted), index == 0))
            }
        }
        return PieceWork.map(count: annotations.count) { index in
            let (annotation, isFirst) = annotations[index]
            return Judgement(annotation: annotation, content: annotation.canonicalContent, isCanonical: isFirst,
                             firstOutcome: isFirst ? .accepted : .superseded, receivedAt: now)
        }
    }

    /// A project's tasks as records, each with its work (the answer first): every task
    /// when `all`, else only the answered ones. The export and its audit entry are one
    /// transaction, so the entry counts exactly what left.
    public func exportRecords(projectID: String, all: Bool, actor: String, now: Date) throws -> (project: Project, records: [InterchangeRecord]) {
        try database.write { transaction in
            guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            // Made into records on every core as the rows are decoded.
            let records = try transaction.tasksWithWork(projectID: projectID, answeredOnly: !all) { task, work in
                var labelTask = task.task
                let layout = labelTask.layout.flatMap { TokenLayoutCoding.layout($0, of: labelTask.text) }
                labelTask.layout = nil
                return InterchangeRecord(
                    task: labelTask,
                    annotations: work.map { done in
                        ImportedAnnotation(
                            answer: done.answer, skipReason: done.skipReason, annotator: done.username, createdAt: done.createdAt,
                            secondsOnTask: done.secondsOnTask, flag: done.flag, predictionAccepted: done.predictionAccepted)
                    },
                    layout: layout)
            }
            let withConsensus = try Self.consensusFirst(in: records, project: project, at: now, transaction: transaction)
            try transaction.appendAudit(AuditEvent(
                kind: .export, actor: actor, detail: "exported \(records.count) \(all ? "" : "answered ")tasks of \(projectID)", at: now))
            return (project, withConsensus)
        }
    }
}

extension Hub {
    /// The annotator an export names for a task's consensus answer.
    public static let consensusAnnotator = "consensus"

    /// When the project's policy asks for the consensus as each task's answer, each
    /// record with one gets it as its first annotation, by `consensus` (the answer a
    /// one-answer format such as CSV or CoNLL writes), before everyone's own.
    static func consensusFirst(
        in records: [InterchangeRecord], project: Project, at now: Date, transaction: HubTransaction
    ) throws -> [InterchangeRecord] {
        let method: ConsensusReport.Method
        switch try transaction.goldPolicy(projectID: project.id).exportAnswer {
        case .first: return records
        case .majority: method = .majority
        case .dawidSkene: method = .dawidSkene
        }
        let report = try consensusReport(projectID: project.id, method: method, in: transaction)
        var labels: [String: String] = [:]
        for row in report.rows { labels[row.taskID] = row.label }
        return records.map { record in
            guard let label = labels[record.task.id] else { return record }
            var changed = record
            changed.annotations.insert(
                ImportedAnnotation(answer: answer(consensus: label, in: project), annotator: consensusAnnotator, createdAt: now), at: 0)
            return changed
        }
    }
}

/// `TokenLayout` as the JSON a task keeps in its body.
///
/// Tokens that are the text's words between white space (every CoNLL sentence's, most
/// others') are left out and made again from the text on reading: writing and reading
/// a pair of numbers per token was most of importing and exporting CoNLL and Prodigy.
enum TokenLayoutCoding {
    /// Every token written, for a layout whose text is not at hand.
    static func json(_ layout: TokenLayout) -> JSONValue { json(layout, of: nil) }

    static func json(_ layout: TokenLayout, of text: String?) -> JSONValue {
        var members: [String: JSONValue] = [:]
        if text.map({ layout.tokens != TokenLayout.words(of: $0) }) ?? true {
            members["tokens"] = .array(layout.tokens.map { .array([.integer($0.start), .integer($0.end)]) })
        }
        if let tags = layout.writtenTags { members["tags"] = .array(tags.map(JSONValue.string)) }
        if let separator = layout.separatorAfter { members["separator"] = .string(separator) }
        return .object(members)
    }

    static func layout(_ json: JSONValue, of text: String) -> TokenLayout? {
        guard case .object = json else { return nil }
        guard let tokens = json["tokens"]?.arrayValue else {
            return TokenLayout(tokens: TokenLayout.words(of: text), writtenTags: json["tags"]?.arrayValue?.compactMap(\.stringValue),
                               separatorAfter: json["separator"]?.stringValue)
        }
        return TokenLayout(
            tokens: tokens.compactMap { pair in
                guard let bounds = pair.arrayValue, bounds.count == 2, let start = bounds[0].intValue, let end = bounds[1].intValue else { return nil }
                return TextToken(start: start, end: end)
            },
            writtenTags: json["tags"]?.arrayValue?.compactMap(\.stringValue),
            separatorAfter: json["separator"]?.stringValue)
    }
}

extension Hub {
    /// Every task of a project, in import order: what shapes from a file are placed onto.
    public func tasks(projectID: String) throws -> [LabelTask] {
        try database.read { transaction in
            try transaction.tasksWithJudgements(projectID: projectID, answeredOnly: false).map(\.task.task)
        }
    }

    /// Attaches a model's predictions to open tasks, in one transaction with its audit entry.
    /// Returns the ids of the tasks changed.
    @discardableResult
    public func attachPredictions(_ predictions: [(taskID: String, prediction: Prediction)], projectID: String, actor: String, now: Date) throws -> [String] {
        try HubError.translating {
            try database.write { transaction in
                let changed = try transaction.attachPredictions(predictions, projectID: projectID)
                let models = Set(predictions.compactMap(\.prediction.model)).sorted().joined(separator: ", ")
                try transaction.appendAudit(AuditEvent(
                    kind: .predictionsImport, actor: actor,
                    detail: "attached predictions of \(models) to \(changed.count) open tasks of \(projectID)", at: now))
                return changed
            }
        }
    }
}
