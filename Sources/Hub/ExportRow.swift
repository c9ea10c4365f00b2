import Domain
import Foundation

/// One answered task with its canonical judgement: a compact view of what the hub holds,
/// for checks and tests; files are written through `Interchange` (`Hub.exportRecords`).
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
}
