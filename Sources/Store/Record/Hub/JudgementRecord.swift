import Domain
import Foundation
import GRDB

/// A row of the hub's `judgement` table: one annotation as received, canonical or not.
struct JudgementRecord: SnakeCaseRecord {
    static let databaseTableName = "judgement"

    var id: String
    var projectId: String
    var taskId: String
    var labels: String
    var skipReason: String?
    var username: String
    var stationId: String
    var leaseEpoch: Int
    var createdAt: Date
    var secondsOnTask: Double
    /// `Annotation.storedAnswer`: the answer of a kind other than classification.
    var answer: String?
    var flag: String?
    var predictionAccepted: Bool?
    /// `Annotation.canonicalContent` as received, compared byte for byte on a resend.
    var content: String
    var canonical: Bool
    /// The outcome given when it first arrived, given again for a resend.
    var outcome: String
    var receivedAt: Date

    init(_ judgement: Judgement) {
        let annotation = judgement.annotation
        id = annotation.storedID
        projectId = annotation.projectID
        taskId = annotation.taskID
        labels = annotation.storedLabels
        skipReason = annotation.skipReason
        username = annotation.username
        stationId = annotation.stationID
        leaseEpoch = annotation.leaseEpoch
        createdAt = annotation.createdAt
        secondsOnTask = annotation.secondsOnTask
        answer = annotation.storedAnswer
        flag = annotation.flag
        predictionAccepted = annotation.predictionAccepted
        content = judgement.content
        canonical = judgement.isCanonical
        outcome = judgement.firstOutcome.rawValue
        receivedAt = judgement.receivedAt
    }

    func judgement() throws -> Judgement {
        let annotation = try AnnotationRecord(
            id: id, projectId: projectId, taskId: taskId, labels: labels, skipReason: skipReason, username: username,
            stationId: stationId, leaseEpoch: leaseEpoch, createdAt: createdAt, secondsOnTask: secondsOnTask,
            answer: answer, flag: flag, predictionAccepted: predictionAccepted, outcome: nil
        ).annotation()
        guard let status = AnnotationOutcome.Status(rawValue: outcome) else {
            throw StoreError.unreadableRow(table: "judgement", problem: "judgement \(id) has unknown outcome \"\(outcome)\"")
        }
        return Judgement(
            annotation: annotation, content: content, isCanonical: canonical, firstOutcome: status, receivedAt: receivedAt)
    }
}
