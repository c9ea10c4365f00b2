/// A model's answer to a task, shown to the labeler pre-filled and marked as the model's.
///
/// The labeler accepts it as it is (Enter) or edits it; the annotation records which,
/// so acceptance can be reported per label, per model version and per person.
public struct Prediction: Codable, Equatable, Sendable {
    /// The model and its version, as the importer named it (`bert-ner v3`).
    public var model: String?
    /// The model's confidence in the whole answer, 0 to 1, when it gave one.
    public var score: Double?
    public var answer: Answer

    public init(model: String? = nil, score: Double? = nil, answer: Answer) {
        self.model = model
        self.score = score
        self.answer = answer
    }

    public var json: JSONValue {
        var members: [String: JSONValue] = ["answer": answer.json]
        if let model { members["model"] = .string(model) }
        if let score { members["score"] = .double(score) }
        return .object(members)
    }

    public init(json: JSONValue) throws(Answer.Unreadable) {
        guard let answer = json["answer"] else { throw Answer.Unreadable(description: "a prediction needs an \"answer\"") }
        self.init(model: json["model"]?.stringValue, score: json["score"]?.doubleValue, answer: try Answer(json: answer))
    }
}
