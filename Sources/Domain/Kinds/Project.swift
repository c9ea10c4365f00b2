import Foundation

/// One label a labeler can give (or, in a spans project, one entity type), with the
/// letter that picks it and the colour it is drawn in.
public struct LabelChoice: Codable, Equatable, Sendable {
    public var name: String
    /// A single lower-case letter that picks this label, if the project chose one.
    public var mnemonic: String?
    /// A colour name (`red`, `green`, `yellow`, `blue`, `magenta`, `cyan`, `orange`,
    /// `purple`, `teal`, `pink`) or `#rrggbb`; nil takes the next of the palette.
    public var color: String?
    /// A line shown in help and the legend.
    public var hint: String?

    public init(name: String, mnemonic: String? = nil, color: String? = nil, hint: String? = nil) {
        self.name = name
        self.mnemonic = mnemonic
        self.color = color
        self.hint = hint
    }
}

/// A quality of a model answer rated 1-7 in a comparison project (helpfulness...).
public struct RatingDimension: Codable, Equatable, Sendable {
    public var name: String
    /// What 1 and 7 mean, shown beside the rating.
    public var hint: String?

    public init(name: String, hint: String? = nil) {
        self.name = name
        self.hint = hint
    }
}

/// Whether a written rationale (comparison) must be given, and how long it must be.
public struct RationaleRule: Codable, Equatable, Sendable {
    public var required: Bool
    /// Characters (grapheme clusters), counted without leading and trailing white space.
    public var minimumLength: Int

    public init(required: Bool = false, minimumLength: Int = 0) {
        self.required = required
        self.minimumLength = minimumLength
    }
}

/// A labeling project: its kind and schema, how long leases last, what it asks.
public struct Project: Equatable, Sendable, Identifiable {
    /// A short slug people type on the command line (`sentiment`).
    public var id: String
    public var title: String
    public var kind: TaskKind
    /// Classification: the labels. Spans: the entity types. Boxes and polygons: the
    /// classes of the objects drawn. Unused by other kinds.
    public var labels: [LabelChoice]
    public var allowsMultipleLabels: Bool
    public var skipReasons: [String]
    /// The marking of a task that does not carry its own.
    public var defaultMarking: Marking
    /// How long a station holds a leased task before it goes back to the queue.
    public var leaseSeconds: Int
    /// The question the project asks, shown above every task.
    public var instructions: String
    /// Single-label classification: choosing a label submits it (the undo window still
    /// takes it back), so one key labels and moves on.
    public var submitOnChoose: Bool
    /// Spans: whether two spans may share characters.
    public var allowsOverlap: Bool
    /// Comparison: the qualities each answer is rated on, 1 to 7. Empty: no ratings.
    public var dimensions: [RatingDimension]
    /// Comparison: ask how much better the preferred answer is (slightly, clearly, much).
    public var asksStrength: Bool
    /// Comparison: the rationale's rule.
    public var rationale: RationaleRule
    /// Free text: the shortest answer accepted, in characters (grapheme clusters).
    public var minimumAnswerLength: Int
    /// Free text: the editor starts with the task's text, for a rewrite.
    public var answerStartsWithText: Bool
    /// Higher first: the order queues are offered in on a station's home screen. A
    /// shift lead changes it from the console.
    public var priority: Int
    /// How long a task may wait in the queue before the lead's console calls the
    /// backlog late, in minutes.
    public var waitTargetMinutes: Int

    public init(
        id: String, title: String, kind: TaskKind = .classification, labels: [LabelChoice] = [],
        allowsMultipleLabels: Bool = false, skipReasons: [String] = Project.standardSkipReasons,
        defaultMarking: Marking = .unclassified, leaseSeconds: Int = 3600, instructions: String = "",
        submitOnChoose: Bool = false, allowsOverlap: Bool = false, dimensions: [RatingDimension] = [],
        asksStrength: Bool = false, rationale: RationaleRule = RationaleRule(), minimumAnswerLength: Int = 0,
        answerStartsWithText: Bool = false, priority: Int = 0, waitTargetMinutes: Int = 60
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.labels = labels
        self.allowsMultipleLabels = allowsMultipleLabels
        self.skipReasons = skipReasons
        self.defaultMarking = defaultMarking
        self.leaseSeconds = leaseSeconds
        self.instructions = instructions
        self.submitOnChoose = submitOnChoose
        self.allowsOverlap = allowsOverlap
        self.dimensions = dimensions
        self.asksStrength = asksStrength
        self.rationale = rationale
        self.minimumAnswerLength = minimumAnswerLength
        self.answerStartsWithText = answerStartsWithText
        self.priority = priority
        self.waitTargetMinutes = waitTargetMinutes
    }

    public static let standardSkipReasons = [
        "Unclear or ambiguous",
        "Not in the language I label",
        "Text is broken or empty",
        "Offensive or distressing",
        "Needs a specialist",
    ]

    /// The keys the project's labels or entity types answer to.
    public func labelKeys() throws -> LabelKeys {
        try LabelKeys(labels: labels, reserved: LabelKeys.reserved(for: kind))
    }
}

extension Project: Codable {
    enum CodingKeys: String, CodingKey {
        case id, title, kind, labels, allowsMultipleLabels, skipReasons, defaultMarking, leaseSeconds, instructions
        case submitOnChoose, allowsOverlap, dimensions, asksStrength, rationale, minimumAnswerLength, answerStartsWithText
        case priority, waitTargetMinutes
    }

    /// Projects stored before a member existed read it as its default.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            kind: try container.decodeIfPresent(TaskKind.self, forKey: .kind) ?? .classification,
            labels: try container.decodeIfPresent([LabelChoice].self, forKey: .labels) ?? [],
            allowsMultipleLabels: try container.decodeIfPresent(Bool.self, forKey: .allowsMultipleLabels) ?? false,
            skipReasons: try container.decodeIfPresent([String].self, forKey: .skipReasons) ?? Project.standardSkipReasons,
            defaultMarking: try container.decodeIfPresent(Marking.self, forKey: .defaultMarking) ?? .unclassified,
            leaseSeconds: try container.decodeIfPresent(Int.self, forKey: .leaseSeconds) ?? 3600,
            instructions: try container.decodeIfPresent(String.self, forKey: .instructions) ?? "",
            submitOnChoose: try container.decodeIfPresent(Bool.self, forKey: .submitOnChoose) ?? false,
            allowsOverlap: try container.decodeIfPresent(Bool.self, forKey: .allowsOverlap) ?? false,
            dimensions: try container.decodeIfPresent([RatingDimension].self, forKey: .dimensions) ?? [],
            asksStrength: try container.decodeIfPresent(Bool.self, forKey: .asksStrength) ?? false,
            rationale: try container.decodeIfPresent(RationaleRule.self, forKey: .rationale) ?? RationaleRule(),
            minimumAnswerLength: try container.decodeIfPresent(Int.self, forKey: .minimumAnswerLength) ?? 0,
            answerStartsWithText: try container.decodeIfPresent(Bool.self, forKey: .answerStartsWithText) ?? false,
            priority: try container.decodeIfPresent(Int.self, forKey: .priority) ?? 0,
            waitTargetMinutes: try container.decodeIfPresent(Int.self, forKey: .waitTargetMinutes) ?? 60)
    }
}

extension Project {
    /// Checks a project before it is created; returns a sentence per problem.
    public func problems() -> [String] {
        var found: [String] = []
        if id.isEmpty || id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            found.append("project id \"\(id)\" may hold only letters, digits, '-' and '_'")
        }
        if title.allSatisfy(\.isWhitespace) { found.append("a project needs a title") }
        if leaseSeconds < 60 { found.append("a lease must last at least 60 seconds") }
        if waitTargetMinutes < 1 { found.append("\"waitTargetMinutes\" must be at least 1") }
        if skipReasons.isEmpty { found.append("a project needs at least one skip reason") }
        if skipReasons.count > 9 { found.append("a project may have at most 9 skip reasons (keys 1-9); it has \(skipReasons.count)") }
        switch kind {
        case .classification, .spans, .geoBox, .geoPolygon:
            let what = kind == .spans ? "entity type" : kind.isGeospatial ? "class" : "label"
            if labels.isEmpty { found.append("a \(kind.title) project needs at least one \(what)") }
            if labels.count > 9 { found.append("a project may have at most 9 \(what)s (keys 1-9); it has \(labels.count)") }
            let names = labels.map { $0.name.lowercased() }
            if Set(names).count != names.count { found.append("\(what) names must differ") }
            if labels.contains(where: { $0.name.allSatisfy(\.isWhitespace) }) { found.append("every \(what) needs a name") }
            for label in labels {
                if let color = label.color, LabelColor(text: color) == nil {
                    found.append("\(what) \"\(label.name)\" has colour \"\(color)\"; use one of \(LabelColor.names.joined(separator: ", ")) or #rrggbb")
                }
            }
            do { _ = try labelKeys() } catch { found.append("\(error)") }
            if submitOnChoose, allowsMultipleLabels { found.append("\"submitOnChoose\" needs a single-label project: a multi-label choice is not finished after one key") }
        case .comparison:
            if dimensions.count > 6 { found.append("a comparison may rate at most 6 dimensions; it has \(dimensions.count)") }
            let names = dimensions.map { $0.name.lowercased() }
            if Set(names).count != names.count { found.append("dimension names must differ") }
            if dimensions.contains(where: { $0.name.allSatisfy(\.isWhitespace) }) { found.append("every dimension needs a name") }
            if rationale.minimumLength < 0 { found.append("the rationale's minimum length cannot be negative") }
        case .freeText:
            if minimumAnswerLength < 0 { found.append("the minimum answer length cannot be negative") }
        }
        if kind != .classification, submitOnChoose { found.append("\"submitOnChoose\" is for classification projects only") }
        return found
    }
}
