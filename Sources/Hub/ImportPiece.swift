import Domain
import Foundation
import Interchange
import Store

/// A piece of an import made ready for the insert, off the connection's thread: every
/// record checked on its own, the tasks' rows and the judgements' rows made. What needs
/// the pieces before (an id given twice) is left to the primary key, at the insert.
struct ImportPiece: Sendable {
    let tasks: PreparedTasks
    let judgements: PreparedJudgements
    /// The first record refused on its own (of another project, or not importable as
    /// it is), by its place in the piece, and the error.
    let refusal: (index: Int, error: HubError)?

    /// `ids` are this piece's run of judgement ids (`TimeOrderedIDs.forPiece`), so ids
    /// grow in file order across pieces made on different threads. `onEveryCore` spreads
    /// the work over every core: for a whole import made in one piece.
    init(_ records: [InterchangeRecord], project: Project, ids: TimeOrderedIDs, now: Date, onEveryCore: Bool) {
        let refusals = PieceWork.map(count: records.count, onEveryCore: onEveryCore) { Self.refusal(of: records[$0], project: project) }
        refusal = refusals.firstIndex { $0 != nil }.flatMap { index in refusals[index].map { (index, $0) } }
        // Token layouts coded here (most of a CoNLL record's own work at the hub).
        let tasks = PieceWork.map(count: records.count, onEveryCore: onEveryCore) { index -> LabelTask in
            var task = records[index].task
            task.layout = records[index].layout.map { TokenLayoutCoding.json($0, of: records[index].task.text) }
            return task
        }
        let states = records.map { record -> HubTask.State in
            guard let first = record.annotations.first else { return .open }
            return first.skipReason == nil ? .done : .skipped
        }
        self.tasks = PreparedTasks(tasks, projectID: project.id, states: states, onEveryCore: onEveryCore)
        judgements = PreparedJudgements(
            Self.judgements(importedWith: records, projectID: project.id, ids: ids, now: now), onEveryCore: onEveryCore)
    }

    /// Why a record cannot be imported as it is, seen from the record alone.
    static func refusal(of record: InterchangeRecord, project: Project) -> HubError? {
        guard record.task.projectID == project.id else {
            return .taskInOtherProject(taskID: record.task.id, taskProjectID: record.task.projectID, importProjectID: project.id)
        }
        return reason(toRefuse: record, project: project).map(HubError.importRefused)
    }

    private static func reason(toRefuse record: InterchangeRecord, project: Project) -> String? {
        if let source = record.imageSource {
            return "task \"\(record.task.id)\" names its image by file (\(source.path)); its chip must be cut and stored first, which labeldesk import does"
        }
        if record.annotations.contains(where: \.isGroundTruth) {
            return "task \"\(record.task.id)\" carries a ground_truth annotation, an answer key; answer keys go into the gold pool, not among tasks: import this file with labeldesk gold import, or remove the key"
        }
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

    /// Each record's imported annotations as judgements at the station `import`, in file
    /// order: the first of a task canonical (`accepted`), the rest `superseded`. Their
    /// content is empty (see `Judgement.content`): it was a quarter of a CoNLL import's
    /// bytes written, for a comparison that never comes.
    static func judgements(importedWith records: [InterchangeRecord], projectID: String, ids: TimeOrderedIDs, now: Date) -> [Judgement] {
        var ids = ids
        var judgements: [Judgement] = []
        // By index: taking each record whole would copy every task of a file of tasks alone.
        judgements.reserveCapacity(records.indices.reduce(0) { $0 + records[$1].annotations.count })
        for place in records.indices where !records[place].annotations.isEmpty {
            let taskID = records[place].task.id
            for (index, imported) in records[place].annotations.enumerated() {
                let annotation = Annotation(
                    id: ids.next(), taskID: taskID, projectID: projectID, answer: imported.answer,
                    skipReason: imported.skipReason, username: imported.annotator, stationID: importedWorkStation,
                    leaseEpoch: 0, createdAt: imported.createdAt ?? now, secondsOnTask: imported.secondsOnTask ?? 0,
                    flag: imported.flag, predictionAccepted: imported.predictionAccepted)
                judgements.append(Judgement(
                    annotation: annotation, content: "", isCanonical: index == 0, firstOutcome: index == 0 ? .accepted : .superseded, receivedAt: now))
            }
        }
        return judgements
    }
}
