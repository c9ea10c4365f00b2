import Domain
import Foundation

/// One exported task: its text and its canonical judgement.
public struct ExportRow: Equatable, Sendable {
    public var id: String
    public var text: String
    public var marking: Marking
    /// Empty when the task was skipped.
    public var labels: [String]
    public var skipReason: String?
    public var annotator: String
    public var station: String
    public var annotatedAt: Date
    public var secondsOnTask: Double
    /// The task's meta object as sorted-keys JSON.
    public var meta: String?

    public init(
        id: String, text: String, marking: Marking, labels: [String], skipReason: String?, annotator: String,
        station: String, annotatedAt: Date, secondsOnTask: Double, meta: String?
    ) {
        self.id = id
        self.text = text
        self.marking = marking
        self.labels = labels
        self.skipReason = skipReason
        self.annotator = annotator
        self.station = station
        self.annotatedAt = annotatedAt
        self.secondsOnTask = secondsOnTask
        self.meta = meta
    }

    /// The row as one line of JSON with sorted keys: `skip_reason` only when skipped,
    /// `meta` only when the task has one, `annotated_at` in ISO 8601 (UTC, seconds).
    public var jsonLine: String {
        var fields: [String: JSONValue] = [
            "id": .string(id),
            "text": .string(text),
            "marking": .string(marking.rawValue),
            "labels": .array(labels.map(JSONValue.string)),
            "annotator": .string(annotator),
            "station": .string(station),
            "annotated_at": .string(Timestamp.seconds(annotatedAt)),
            "seconds_on_task": .double(secondsOnTask),
        ]
        if let skipReason { fields["skip_reason"] = .string(skipReason) }
        if let meta {
            // Stored meta is canonical JSON already; reading it back keeps the line one document.
            fields["meta"] = (try? JSONValue.parse(meta)) ?? .string(meta)
        }
        return JSONValue.object(fields).canonicalText
    }
}
