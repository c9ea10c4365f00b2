import Foundation

/// One item of work: a text to label, a prompt to answer, or two answers to compare.
///
/// Named `LabelTask` so it never shadows Swift's `Task`. A gold item is an ordinary
/// `LabelTask`: nothing here may tell the two apart.
public struct LabelTask: Equatable, Sendable, Identifiable {
    public var id: String
    public var projectID: String
    /// The text to classify or tag; the prompt, for comparison and free text.
    public var text: String
    public var marking: Marking
    /// Higher goes first.
    public var priority: Int
    /// Free-form JSON object carried with the task, as text.
    public var meta: String?
    /// Comparison: the two model answers, in the order they were imported. The screen
    /// may show them the other way round; the annotation records which.
    public var responses: [String]
    /// Model answers shown pre-filled; the first is the one offered.
    public var predictions: [Prediction]
    /// How the file the task came from cut its text into tokens (CoNLL, Prodigy), as
    /// JSON only `Interchange` reads: kept so an export gives the file's tokens back.
    public var layout: JSONValue?
    /// Geospatial kinds: the image chip the task is drawn on.
    public var image: TaskImage?

    public init(
        id: String, projectID: String, text: String, marking: Marking, priority: Int = 0, meta: String? = nil,
        responses: [String] = [], predictions: [Prediction] = [], layout: JSONValue? = nil, image: TaskImage? = nil
    ) {
        self.layout = layout
        self.image = image
        self.id = id
        self.projectID = projectID
        self.text = text
        self.marking = marking
        self.priority = priority
        self.meta = meta
        self.responses = responses
        self.predictions = predictions
    }
}

extension LabelTask {
    /// The media files a station must hold, verified, before it may show the task.
    public var mediaNeeded: [MediaReference] { image.map { [$0.media] } ?? [] }

    /// What a task holds beyond its text, as one JSON object both databases store in a
    /// `body` column; nil when there is nothing (a classification task without predictions).
    public var storedBody: String? {
        guard !responses.isEmpty || !predictions.isEmpty || layout != nil || image != nil else { return nil }
        var members: [String: JSONValue] = [:]
        if !responses.isEmpty { members["responses"] = .array(responses.map(JSONValue.string)) }
        if !predictions.isEmpty { members["predictions"] = .array(predictions.map(\.json)) }
        if let layout { members["layout"] = layout }
        if let image { members["image"] = image.json }
        return JSONValue.object(members).canonicalText
    }

    /// Reads back what `storedBody` wrote.
    public mutating func restoreBody(_ body: String?) throws(Answer.Unreadable) {
        guard let body else { return }
        let value: JSONValue
        do { value = try JSONValue.parse(body) } catch { throw Answer.Unreadable(description: "task body is not JSON: \(error)") }
        responses = value["responses"]?.arrayValue?.compactMap(\.stringValue) ?? []
        layout = value["layout"]
        image = try value["image"].map { value throws(Answer.Unreadable) in try TaskImage(json: value) }
        predictions = []
        for item in value["predictions"]?.arrayValue ?? [] { predictions.append(try Prediction(json: item)) }
    }
}

extension LabelTask: Codable {
    enum CodingKeys: String, CodingKey {
        case id, projectID, text, marking, priority, meta, responses, predictions, layout, image
    }

    /// Older messages carry no responses or predictions: read them as empty.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            projectID: try container.decode(String.self, forKey: .projectID),
            text: try container.decode(String.self, forKey: .text),
            marking: try container.decode(Marking.self, forKey: .marking),
            priority: try container.decode(Int.self, forKey: .priority),
            meta: try container.decodeIfPresent(String.self, forKey: .meta),
            responses: try container.decodeIfPresent([String].self, forKey: .responses) ?? [],
            predictions: try container.decodeIfPresent([Prediction].self, forKey: .predictions) ?? [],
            layout: try container.decodeIfPresent(JSONValue.self, forKey: .layout),
            image: try container.decodeIfPresent(TaskImage.self, forKey: .image))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(projectID, forKey: .projectID)
        try container.encode(text, forKey: .text)
        try container.encode(marking, forKey: .marking)
        try container.encode(priority, forKey: .priority)
        try container.encodeIfPresent(meta, forKey: .meta)
        if !responses.isEmpty { try container.encode(responses, forKey: .responses) }
        if !predictions.isEmpty { try container.encode(predictions, forKey: .predictions) }
        try container.encodeIfPresent(layout, forKey: .layout)
        try container.encodeIfPresent(image, forKey: .image)
    }
}

/// A task handed to a station until `expiresAt`.
///
/// The epoch rises every time the hub leases the task again, so late work can be told
/// from current work.
public struct LeasedTask: Codable, Equatable, Sendable {
    public var task: LabelTask
    public var epoch: Int
    public var expiresAt: Date
    /// The one person the station may serve it to (`SyncRequest.people`); nil: anyone.
    public var assignee: String?

    public init(task: LabelTask, epoch: Int, expiresAt: Date, assignee: String? = nil) {
        self.task = task
        self.epoch = epoch
        self.expiresAt = expiresAt
        self.assignee = assignee
    }
}
