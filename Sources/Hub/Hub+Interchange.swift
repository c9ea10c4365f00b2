import Domain
import Foundation
import Interchange
import Store

/// The station name imported work is kept under: work done in another tool, by people
/// the file names, at no station of this hub.
public let importedWorkStation = "import"

extension Hub {
    /// Imports records (a file's tasks, and the work already done on them elsewhere),
    /// all or nothing.
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
        return try importing(into: project, fileName: nil, actor: actor, now: now, onEveryCore: true) { prepare, consume in
            let place = FilePiece(number: 0, count: 1, bytes: 0..<0, fileBytes: 0, lines: [])
            try consume(prepare(records, place), place)
        }
    }

    /// Reads a file and imports it as `importRecords` does, storing each piece of it
    /// while the next are read (see `TaskFormat.readPieces`), in one transaction: a bad
    /// record anywhere rolls back what went before, so nothing of the file stays.
    /// `progress` is told after each piece how many of the file's bytes are in.
    @discardableResult
    public func importFile(
        _ data: Data, as format: any TaskFormat.Type, fileName: String, projectID: String, options: InterchangeOptions,
        actor: String, now: Date, progress: ((_ done: Int, _ of: Int) -> Void)? = nil
    ) throws -> (tasks: Int, annotations: Int) {
        guard let project = try project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
        return try importing(into: project, fileName: fileName, actor: actor, now: now, onEveryCore: false) { prepare, consume in
            try Formats.readPieces(data, as: format, fileName: fileName, project: project, options: options, prepare: prepare) { piece, place in
                try consume(piece, place)
                progress?(place.bytes.upperBound, place.fileBytes)
            }
        }
    }

    /// The one import: pieces made ready by `ImportPiece` wherever `read` has them made
    /// (the checks of each record against the project, the rows), then inserted in
    /// order on the connection's thread, where the primary key refuses an id given
    /// twice (named by its lines in `fileName`, when the format gives them).
    private func importing(
        into project: Project, fileName: String?, actor: String, now: Date, onEveryCore: Bool,
        read: (_ prepare: @escaping @Sendable ([InterchangeRecord], FilePiece) -> ImportPiece,
               _ consume: (ImportPiece, FilePiece) throws -> Void) throws -> Void
    ) throws -> (tasks: Int, annotations: Int) {
        let ids = TimeOrderedIDs(at: now)
        let prepare: @Sendable ([InterchangeRecord], FilePiece) -> ImportPiece = { records, place in
            ImportPiece(records, project: project, ids: ids.forPiece(place.number), now: now, onEveryCore: onEveryCore)
        }
        return try HubError.translating {
            try database.write { transaction in
                var lines: [Int] = []
                let counts = try transaction.bulkImport(projectID: project.id, importedAt: now) { bulk in
                    try read(prepare) { piece, place in
                        lines += place.lines
                        // The guess of the whole import's size, from this piece's share of the file.
                        let scale = Double(max(1, place.fileBytes)) / Double(max(1, place.bytes.count))
                        do {
                            // The records before a refused one go in first: an id among them given twice is the earlier problem.
                            try bulk.insertTasks(piece.tasks, prefix: piece.refusal?.index, expectedTotal: Int(Double(piece.tasks.count) * scale))
                        } catch StoreError.taskIDUsedTwice(_, let taskID, let first, let second) where fileName != nil && second < lines.count {
                            throw Formats.idUsedTwice(taskID, fileName: fileName ?? "", line: lines[second], firstLine: lines[first])
                        }
                        if let refusal = piece.refusal { throw refusal.error }
                        // A task with work goes in done (or skipped) with its canonical
                        // judgement in the same transaction, rather than open and then
                        // changed a row at a time.
                        try bulk.insertJudgements(piece.judgements, expectedTotal: Int(Double(piece.judgements.count) * scale))
                    }
                    return (tasks: bulk.taskCount, annotations: bulk.judgementCount)
                }
                try transaction.appendAudit(AuditEvent(
                    kind: .importTasks, actor: actor,
                    detail: "imported \(counts.tasks) tasks and \(counts.annotations) annotations into \(project.id)", at: now))
                return counts
            }
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
