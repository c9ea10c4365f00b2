import Domain
import Foundation

/// An annotation as the hub received and kept it.
public struct Judgement: Equatable, Sendable {
    public var annotation: Annotation
    /// `annotation.canonicalContent` as it first arrived from a station, compared byte for
    /// byte when the station resends it. Empty for work imported from a file: no station
    /// sent it, and none can resend it (its id is made at the hub), so a resend naming it
    /// is refused as different content; its answer and fields are in the row's columns.
    public var content: String
    /// Whether this is the task's answer; at most one judgement per task is.
    public var isCanonical: Bool
    /// The outcome given when it first arrived; a resend gets the same answer.
    public var firstOutcome: AnnotationOutcome.Status
    public var receivedAt: Date

    public init(annotation: Annotation, content: String, isCanonical: Bool, firstOutcome: AnnotationOutcome.Status, receivedAt: Date) {
        self.annotation = annotation
        self.content = content
        self.isCanonical = isCanonical
        self.firstOutcome = firstOutcome
        self.receivedAt = receivedAt
    }
}
