import Foundation

/// What a person at a station is doing, as the station last said at a sync.
///
/// Only the station knows whether its screen is locked or which screen is open; the hub
/// keeps what each station reports (`SyncRequest.presence`) so the shift lead's console
/// can say "labeling sentiment", "in training" or "locked", and how long the keyboard
/// has been still.
public struct PersonPresence: Codable, Equatable, Sendable {
    public enum Activity: String, Codable, Sendable {
        /// On the home screen, between queues.
        case home
        /// On a task screen of `subject` (a project id).
        case labeling
        /// In a course, lesson, quiz or practice of `subject` (a course id).
        case training
        /// The screen is locked (idle lock or the person's own).
        case locked
    }

    public var username: String
    public var activity: Activity
    /// The project or course the activity is in; nil on home and when locked.
    public var subject: String?
    /// When the activity began.
    public var since: Date
    /// The person's last key; idleness is measured from it.
    public var lastInputAt: Date

    public init(username: String, activity: Activity, subject: String? = nil, since: Date, lastInputAt: Date) {
        self.username = username
        self.activity = activity
        self.subject = subject
        self.since = since
        self.lastInputAt = lastInputAt
    }
}
