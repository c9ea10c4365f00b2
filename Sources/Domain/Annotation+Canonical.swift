import Foundation

extension Annotation {
    /// Everything the annotation says except its id, as canonical JSON.
    ///
    /// The hub keeps this text with each judgement: a resend of the same id must carry
    /// exactly the same content, and two texts are compared byte for byte. Times keep
    /// milliseconds, as both databases do.
    ///
    /// Written member by member, keys already in sorted order, rather than by building
    /// a `JSONValue` object and sorting its keys: the hub writes one per annotation it
    /// receives. A test holds it to `JSONValue`'s canonical text, byte for byte, since
    /// stored judgements were written that way.
    ///
    /// Members added with later kinds (`answer`, `flag`, `prediction_accepted`) are
    /// written only when present, so a classification annotation keeps the bytes it
    /// always had and a resend of old work still matches.
    public var canonicalContent: String {
        var text = "{"
        if let storedAnswer {
            text += "\"answer\":"
            text += storedAnswer
            text += ","
        }
        text += "\"created_at\":"
        JSONValue.writeQuoted(Timestamp.precise(createdAt), into: &text)
        if let flag {
            text += ",\"flag\":"
            JSONValue.writeQuoted(flag, into: &text)
        }
        text += ",\"labels\":["
        for (index, label) in labels.enumerated() {
            if index > 0 { text += "," }
            JSONValue.writeQuoted(label, into: &text)
        }
        text += "],\"lease_epoch\":"
        text += String(leaseEpoch)
        if let predictionAccepted { text += predictionAccepted ? ",\"prediction_accepted\":true" : ",\"prediction_accepted\":false" }
        text += ",\"project_id\":"
        JSONValue.writeQuoted(projectID, into: &text)
        text += ",\"seconds_on_task\":"
        JSONValue.double(secondsOnTask).write(into: &text)
        text += ",\"skip_reason\":"
        if let skipReason { JSONValue.writeQuoted(skipReason, into: &text) } else { text += "null" }
        text += ",\"station_id\":"
        JSONValue.writeQuoted(stationID, into: &text)
        text += ",\"task_id\":"
        JSONValue.writeQuoted(taskID, into: &text)
        text += ",\"username\":"
        JSONValue.writeQuoted(username, into: &text)
        text += "}"
        return text
    }
}
