import Foundation

/// A person opened a lesson: when, and which version they were shown.
///
/// Recorded on the station and sent with the next sync beside the attempts; the hub
/// keeps it (idempotent by `id`) so the training report can set a person's gold
/// accuracy before a lesson against after it, and compare a lesson's two versions.
public struct LessonReading: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var username: String
    public var stationID: String
    public var courseID: String
    /// The lesson's file (its id in the course).
    public var lesson: String
    /// Whether they were shown the lesson's second version.
    public var variant: Bool
    public var at: Date

    public init(id: UUID, username: String, stationID: String, courseID: String, lesson: String, variant: Bool, at: Date) {
        self.id = id
        self.username = username
        self.stationID = stationID
        self.courseID = courseID
        self.lesson = lesson
        self.variant = variant
        self.at = at
    }
}
