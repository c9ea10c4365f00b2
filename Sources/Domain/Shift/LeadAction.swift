import Foundation

/// A change a shift lead asks the hub for from the console or the command line.
///
/// Each is checked against the lead's role at the hub (`Role.mayLead`), lands in the
/// audit log, and reaches stations at their next sync: a pause or a move as the
/// person's `QueuePause` list, a project's priority as its project record.
public enum LeadAction: Codable, Equatable, Sendable {
    /// Stop a person's work on every project until resumed; `note` is shown on their station.
    case pause(username: String, note: String)
    case resume(username: String)
    /// Send a person to one project: every other queue is paused for them until resumed.
    case move(username: String, projectID: String)
    /// The share of each batch that is gold, 0...0.5.
    case setGoldRate(projectID: String, rate: Double)
    /// The share of ordinary tasks labeled by more than one person, 0...1.
    case setOverlap(projectID: String, overlap: Double)
    /// Higher first: the order queues are offered in on every station's home screen.
    case setPriority(projectID: String, priority: Int)
    /// The lead's answer to a labeler's flag, shown in `flags list` and the console.
    case answerFlag(annotationID: UUID, answer: String)
    case assignCourse(courseID: String, username: String, dueAt: Date?)

    /// Whom or what the action is about, for the audit log and confirmations.
    public var subject: String {
        switch self {
        case .pause(let username, _), .resume(let username), .move(let username, _): username
        case .setGoldRate(let projectID, _), .setOverlap(let projectID, _), .setPriority(let projectID, _): projectID
        case .answerFlag(let annotationID, _): annotationID.uuidString
        case .assignCourse(_, let username, _): username
        }
    }

    /// The question the console asks before it sends the action.
    public var confirmation: String {
        switch self {
        case let .pause(username, note): "Pause \(username) on every project" + (note.isEmpty ? "" : " (\"\(note)\")") + "?"
        case .resume(let username): "Resume \(username)'s work?"
        case let .move(username, projectID): "Move \(username) to \(projectID) only?"
        case let .setGoldRate(projectID, rate): "Set \(projectID)'s gold rate to \(Self.percent(rate))?"
        case let .setOverlap(projectID, overlap): "Set \(projectID)'s overlap to \(Self.percent(overlap))?"
        case let .setPriority(projectID, priority): "Set \(projectID)'s priority to \(priority)?"
        case .answerFlag(_, let answer): "Answer the flag with \"\(answer)\"?"
        case let .assignCourse(courseID, username, _): "Assign \(courseID) to \(username)?"
        }
    }

    public static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? String(format: "%.0f%%", value) : String(format: "%.1f%%", value)
    }
}
