import Foundation

/// What a person answered to one quiz question (GIFT's question types).
///
/// Here rather than in `Curriculum`, beside the attempt that carries it, because
/// attempts travel in sync messages and those are `Domain`'s.
public enum GIFTResponse: Codable, Equatable, Hashable, Sendable {
    /// The index of the chosen answer (multiple choice).
    case choice(Int)
    /// The indices of the chosen answers (multiple choice that allows several).
    case choices(Set<Int>)
    case truth(Bool)
    /// Typed text (short answer, numerical, essay).
    case text(String)
    /// For each prompt's index in `matching`, the answer chosen for it.
    case pairs([Int: String])
}

/// One response in an attempt: to a quiz question, or a practice task's answer.
public enum AttemptResponse: Codable, Equatable, Sendable {
    case question(GIFTResponse)
    case practice(Answer)
}

/// A person's attempt at a course's assessment (its quiz, then its practice tasks).
///
/// Made on the station, graded there at once from the course it holds, and sent to the
/// hub with the next sync like an annotation: idempotent by `id`, graded again at the
/// hub from the same course version, which keeps the record.
public struct CourseAttempt: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var courseID: String
    /// `CoursePackage.version` of the course answered.
    public var courseVersion: String
    public var username: String
    public var stationID: String
    public var startedAt: Date
    public var finishedAt: Date
    /// By item (`AssessmentItem.key`: `q3`, `p:<task id>`); an item left out was not answered.
    public var responses: [String: AttemptResponse]

    public init(
        id: UUID, courseID: String, courseVersion: String, username: String, stationID: String, startedAt: Date, finishedAt: Date,
        responses: [String: AttemptResponse]
    ) {
        self.id = id
        self.courseID = courseID
        self.courseVersion = courseVersion
        self.username = username
        self.stationID = stationID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.responses = responses
    }
}
