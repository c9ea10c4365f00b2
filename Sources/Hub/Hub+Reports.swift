import Domain
import Foundation
import Store

/// A flagged task as the hub lists it for the shift lead.
public struct FlagRow: Equatable, Sendable {
    public var projectID: String
    public var taskID: String
    public var note: String
    public var username: String
    public var stationID: String
    public var skipReason: String?
    public var flaggedAt: Date
}

extension Hub {
    /// Flagged work, newest first; in one project when `projectID` is given.
    public func flags(projectID: String?) throws -> [FlagRow] {
        try database.read { transaction in
            if let projectID, try transaction.project(id: projectID) == nil { throw HubError.noSuchProject(projectID: projectID) }
            return try transaction.flaggedJudgements(projectID: projectID).map { judgement in
                let annotation = judgement.annotation
                return FlagRow(
                    projectID: annotation.projectID, taskID: annotation.taskID, note: annotation.flag ?? "",
                    username: annotation.username, stationID: annotation.stationID, skipReason: annotation.skipReason,
                    flaggedAt: annotation.createdAt)
            }
        }
    }

    /// How often a project's predictions were accepted unchanged, per label, model and person.
    public func predictionReport(projectID: String) throws -> PredictionReport {
        try database.read { transaction in
            guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            let entries = try transaction.judgementsOnPredictions(projectID: projectID).compactMap { task, judgement -> PredictionReport.Entry? in
                let annotation = judgement.annotation
                guard !annotation.isSkip, let accepted = annotation.predictionAccepted,
                      let prediction = task.task.predictions.first(where: { $0.answer.fits(project.kind) })
                else { return nil }
                return PredictionReport.Entry(prediction: prediction, annotator: annotation.username, accepted: accepted)
            }
            return PredictionReport(entries: entries)
        }
    }
}
