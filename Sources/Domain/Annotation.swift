import Foundation

/// A labeler's judgement of one task: the answer given, or the reason it was skipped.
///
/// The station makes the id, so the hub can apply each annotation at most once however
/// often it is sent.
public struct Annotation: Equatable, Sendable, Identifiable {
    public var id: UUID
    public var taskID: String
    public var projectID: String
    /// What the labeler answered, in the shape of the project's kind. A skip carries the
    /// kind's empty answer.
    public var answer: Answer
    /// Why the labeler skipped the task; nil when labeled.
    public var skipReason: String?
    public var username: String
    public var stationID: String
    /// The lease epoch the station held when the work was done.
    public var leaseEpoch: Int
    public var createdAt: Date
    /// Active time only: not idle, not behind the lock, not reading help.
    public var secondsOnTask: Double
    /// A note for the shift lead, when the labeler flagged the task.
    public var flag: String?
    /// Whether the model's prediction was submitted unchanged; nil when none was shown.
    public var predictionAccepted: Bool?

    public init(
        id: UUID, taskID: String, projectID: String, answer: Answer, skipReason: String? = nil,
        username: String, stationID: String, leaseEpoch: Int, createdAt: Date, secondsOnTask: Double,
        flag: String? = nil, predictionAccepted: Bool? = nil
    ) {
        self.id = id
        self.taskID = taskID
        self.projectID = projectID
        self.answer = answer
        self.skipReason = skipReason
        self.username = username
        self.stationID = stationID
        self.leaseEpoch = leaseEpoch
        self.createdAt = createdAt
        self.secondsOnTask = secondsOnTask
        self.flag = flag
        self.predictionAccepted = predictionAccepted
    }

    /// A classification annotation.
    public init(
        id: UUID, taskID: String, projectID: String, labels: [String], skipReason: String? = nil,
        username: String, stationID: String, leaseEpoch: Int, createdAt: Date, secondsOnTask: Double
    ) {
        self.init(
            id: id, taskID: taskID, projectID: projectID, answer: .labels(labels), skipReason: skipReason,
            username: username, stationID: stationID, leaseEpoch: leaseEpoch, createdAt: createdAt,
            secondsOnTask: secondsOnTask)
    }

    public var isSkip: Bool { skipReason != nil }

    /// Chosen classification labels, in the project's order; empty for other kinds and skips.
    /// Setting them makes the answer a classification's.
    public var labels: [String] {
        get { answer.labels }
        set { answer = .labels(newValue) }
    }

    /// The answer as JSON text when it is not a classification's labels (which have a
    /// column of their own, as they always had).
    public var storedAnswer: String? {
        if case .labels = answer { return nil }
        return answer.canonicalText
    }
}

extension Annotation: Codable {
    enum CodingKeys: String, CodingKey {
        case id, taskID, projectID, labels, answer, skipReason, username, stationID, leaseEpoch, createdAt, secondsOnTask
        case flag, predictionAccepted
    }

    /// `labels` carries a classification's answer, as it always did; `answer` any other kind's.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let answer = try container.decodeIfPresent(Answer.self, forKey: .answer)
            ?? .labels(try container.decodeIfPresent([String].self, forKey: .labels) ?? [])
        self.init(
            id: try container.decode(UUID.self, forKey: .id),
            taskID: try container.decode(String.self, forKey: .taskID),
            projectID: try container.decode(String.self, forKey: .projectID),
            answer: answer,
            skipReason: try container.decodeIfPresent(String.self, forKey: .skipReason),
            username: try container.decode(String.self, forKey: .username),
            stationID: try container.decode(String.self, forKey: .stationID),
            leaseEpoch: try container.decode(Int.self, forKey: .leaseEpoch),
            createdAt: try container.decode(Date.self, forKey: .createdAt),
            secondsOnTask: try container.decode(Double.self, forKey: .secondsOnTask),
            flag: try container.decodeIfPresent(String.self, forKey: .flag),
            predictionAccepted: try container.decodeIfPresent(Bool.self, forKey: .predictionAccepted))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(taskID, forKey: .taskID)
        try container.encode(projectID, forKey: .projectID)
        try container.encode(labels, forKey: .labels)
        if storedAnswer != nil { try container.encode(answer, forKey: .answer) }
        try container.encodeIfPresent(skipReason, forKey: .skipReason)
        try container.encode(username, forKey: .username)
        try container.encode(stationID, forKey: .stationID)
        try container.encode(leaseEpoch, forKey: .leaseEpoch)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(secondsOnTask, forKey: .secondsOnTask)
        try container.encodeIfPresent(flag, forKey: .flag)
        try container.encodeIfPresent(predictionAccepted, forKey: .predictionAccepted)
    }
}
