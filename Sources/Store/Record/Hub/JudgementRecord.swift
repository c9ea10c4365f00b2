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

    /// The columns `init(raw:)` reads, in its order.
    static let selection = """
        id, project_id, task_id, labels, skip_reason, username, station_id, lease_epoch, created_at,
        seconds_on_task, content, canonical, outcome, received_at, answer, flag, prediction_accepted
        """

    /// Read by position through SQLite's C interface from a row that selects `selection`,
    /// dates through the fast reader of the hub's own text: an export reads a hundred
    /// thousand judgements.
    init(raw row: RawRow) throws {
        id = row.requiredText(0)
        projectId = row.requiredText(1)
        taskId = row.requiredText(2)
        labels = row.requiredText(3)
        skipReason = row.text(4)
        username = row.requiredText(5)
        stationId = row.requiredText(6)
        leaseEpoch = row.int(7)
        createdAt = try row.requiredDate(8, table: "judgement")
        secondsOnTask = row.double(9)
        content = row.requiredText(10)
        canonical = row.int(11) != 0
        outcome = row.requiredText(12)
        receivedAt = try row.requiredDate(13, table: "judgement")
        answer = row.text(14)
        flag = row.text(15)
        predictionAccepted = row.optionalBool(16)
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
