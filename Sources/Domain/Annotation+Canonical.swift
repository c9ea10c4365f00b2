import Foundation

extension Annotation {
    /// Everything the annotation says except its id, as canonical JSON.
    ///
    /// The hub keeps this text with each judgement: a resend of the same id must carry
    /// exactly the same content, and two texts are compared byte for byte. Times keep
    /// milliseconds, as both databases do.
    public var canonicalContent: String {
        JSONValue.object([
            "project_id": .string(projectID),
            "task_id": .string(taskID),
            "labels": .array(labels.map(JSONValue.string)),
            "skip_reason": skipReason.map(JSONValue.string) ?? .null,
            "username": .string(username),
            "station_id": .string(stationID),
            "lease_epoch": .integer(leaseEpoch),
            "created_at": .string(Timestamp.precise(createdAt)),
            "seconds_on_task": .double(secondsOnTask),
        ]).canonicalText
    }
}
