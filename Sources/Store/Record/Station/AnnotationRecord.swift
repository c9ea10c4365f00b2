import Domain
import Foundation
import GRDB

/// A row of the station's `annotation` table: the labeler's work, kept after it is
/// synced so the day's counts survive.
struct AnnotationRecord: SnakeCaseRecord {
    static let databaseTableName = "annotation"

    var id: String
    var projectId: String
    var taskId: String
    /// The chosen labels as a JSON array of strings.
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
    /// The hub's answer (`accepted`, `superseded`, `rejected`) once it has come.
    var outcome: String?

    /// Read by column name rather than through `Decodable`: a sync reads a whole batch.
    init(row: Row) throws {
        id = row["id"]
        projectId = row["project_id"]
        taskId = row["task_id"]
        labels = row["labels"]
        skipReason = row["skip_reason"]
        username = row["username"]
        stationId = row["station_id"]
        leaseEpoch = row["lease_epoch"]
        createdAt = row["created_at"]
        secondsOnTask = row["seconds_on_task"]
        answer = row["answer"]
        flag = row["flag"]
        predictionAccepted = row["prediction_accepted"]
        outcome = row["outcome"]
    }

    init(
        id: String, projectId: String, taskId: String, labels: String, skipReason: String?, username: String,
        stationId: String, leaseEpoch: Int, createdAt: Date, secondsOnTask: Double, answer: String?, flag: String?,
        predictionAccepted: Bool?, outcome: String?
    ) {
        self.id = id
        self.projectId = projectId
        self.taskId = taskId
        self.labels = labels
        self.skipReason = skipReason
        self.username = username
        self.stationId = stationId
        self.leaseEpoch = leaseEpoch
        self.createdAt = createdAt
        self.secondsOnTask = secondsOnTask
        self.answer = answer
        self.flag = flag
        self.predictionAccepted = predictionAccepted
        self.outcome = outcome
    }

    func annotation() throws -> Annotation {
        guard let uuid = UUID(uuidString: id) else {
            throw StoreError.unreadableRow(table: "annotation", problem: "\"\(id)\" is not a UUID")
        }
        let answer = try Self.answer(stored: self.answer, labels: labels, id: id)
        return Annotation(
            id: uuid, taskID: taskId, projectID: projectId, answer: answer, skipReason: skipReason, username: username,
            stationID: stationId, leaseEpoch: leaseEpoch, createdAt: createdAt, secondsOnTask: secondsOnTask, flag: flag,
            predictionAccepted: predictionAccepted)
    }
}

extension AnnotationRecord {
    /// The answer a row stores: its `answer` column, or for classification work stored
    /// before answers had their own column, its `labels`.
    static func answer(stored: String?, labels: String, id: String) throws -> Answer {
        if let stored {
            do { return try Answer(canonicalText: stored) } catch {
                throw StoreError.unreadableRow(table: "annotation", problem: "annotation \(id) has an unreadable answer: \(error.description)")
            }
        }
        guard case .array(let items)? = try? JSONValue.parse(labels) else {
            throw StoreError.unreadableRow(table: "annotation", problem: "annotation \(id) has unreadable labels")
        }
        return .labels(items.compactMap { item -> String? in
            if case .string(let name) = item { return name }
            return nil
        })
    }
}

extension Annotation {
    /// The labels as the JSON array both databases store.
    var storedLabels: String { JSONValue.array(labels.map(JSONValue.string)).canonicalText }

    /// The id as both databases store it: upper-case text, readable in a SQL shell.
    var storedID: String { id.uuidString }
}
