import Foundation

/// What kind of labeling a project's tasks ask for.
public enum TaskKind: String, Codable, Sendable, CaseIterable {
    case classification
}

/// One label a labeler can give, with the letter that picks it.
public struct LabelChoice: Codable, Equatable, Sendable {
    public var name: String
    /// A single lower-case letter that picks this label, if the project chose one.
    public var mnemonic: String?

    public init(name: String, mnemonic: String? = nil) {
        self.name = name
        self.mnemonic = mnemonic
    }
}

/// A labeling project: what its tasks ask, which labels exist, how long leases last.
public struct Project: Codable, Equatable, Sendable, Identifiable {
    /// A short slug people type on the command line (`sentiment`).
    public var id: String
    public var title: String
    public var kind: TaskKind
    public var labels: [LabelChoice]
    public var allowsMultipleLabels: Bool
    public var skipReasons: [String]
    /// The marking of a task that does not carry its own.
    public var defaultMarking: Marking
    /// How long a station holds a leased task before it goes back to the queue.
    public var leaseSeconds: Int
    public var instructions: String

    public init(
        id: String, title: String, kind: TaskKind = .classification, labels: [LabelChoice],
        allowsMultipleLabels: Bool = false, skipReasons: [String] = Project.standardSkipReasons,
        defaultMarking: Marking = .unclassified, leaseSeconds: Int = 3600, instructions: String = ""
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
    }

    public static let standardSkipReasons = [
        "Unclear or ambiguous",
        "Not in the language I label",
        "Text is broken or empty",
        "Offensive or distressing",
        "Needs a specialist",
    ]
}

extension Project {
    /// Checks what a person typed when creating a project; returns a sentence per problem.
    public func problems() -> [String] {
        var found: [String] = []
        if id.isEmpty || id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            found.append("project id \"\(id)\" may hold only letters, digits, '-' and '_'")
        }
        if labels.isEmpty { found.append("a project needs at least one label") }
        if labels.count > 9 { found.append("a project may have at most 9 labels (keys 1-9); it has \(labels.count)") }
        let names = labels.map { $0.name.lowercased() }
        if Set(names).count != names.count { found.append("label names must differ") }
        if leaseSeconds < 60 { found.append("a lease must last at least 60 seconds") }
        do { _ = try LabelKeys(labels: labels) } catch { found.append("\(error)") }
        return found
    }
}
