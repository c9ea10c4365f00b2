import Domain
import Foundation
import Store

extension Hub {
    /// Every task of a project that has an answer (labels or a skip), in import order.
    public func exportRows(projectID: String) throws -> [ExportRow] {
        try database.read { transaction in try Self.exportRows(projectID: projectID, in: transaction) }
    }

    private static func exportRows(projectID: String, in transaction: HubTransaction) throws -> [ExportRow] {
        guard try transaction.project(id: projectID) != nil else { throw HubError.noSuchProject(projectID: projectID) }
        return try transaction.canonicalJudgements(projectID: projectID).map { task, judgement in
            let annotation = judgement.annotation
            return ExportRow(
                id: task.task.id, text: task.task.text, marking: task.task.marking, labels: annotation.labels,
                skipReason: annotation.skipReason, annotator: annotation.username, station: annotation.stationID,
                annotatedAt: annotation.createdAt, secondsOnTask: annotation.secondsOnTask, meta: task.task.meta)
        }
    }
}
