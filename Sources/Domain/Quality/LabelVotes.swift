/// People's labels for tasks, as flat arrays of positions: what consensus is estimated from.
///
/// Tasks, people and classes are positions (0..<taskCount, 0..<personCount,
/// 0..<classCount) the caller maps its ids to, so the estimators run over plain integer
/// arrays with no dictionary in their loops. The same person may vote on a task more
/// than once (Dawid and Skene's own data has repeats); each vote counts.
public struct LabelVotes: Equatable, Sendable {
    public let taskCount: Int
    public let personCount: Int
    public let classCount: Int
    public private(set) var tasks: [Int32] = []
    public private(set) var people: [Int32] = []
    public private(set) var labels: [Int32] = []

    public init(taskCount: Int, personCount: Int, classCount: Int) {
        precondition(taskCount >= 0 && personCount >= 0 && classCount >= 0, "counts cannot be negative")
        precondition(taskCount <= Int(Int32.max) && personCount <= Int(Int32.max), "positions are stored as 32-bit integers")
        self.taskCount = taskCount
        self.personCount = personCount
        self.classCount = classCount
    }

    public var count: Int { tasks.count }

    public mutating func reserveCapacity(_ votes: Int) {
        tasks.reserveCapacity(votes)
        people.reserveCapacity(votes)
        labels.reserveCapacity(votes)
    }

    /// Records that `person` labeled `task` with class `label`.
    public mutating func add(task: Int, person: Int, label: Int) {
        precondition(task >= 0 && task < taskCount && person >= 0 && person < personCount && label >= 0 && label < classCount,
                     "vote (task \(task), person \(person), class \(label)) is outside \(taskCount) x \(personCount) x \(classCount)")
        tasks.append(Int32(task))
        people.append(Int32(person))
        labels.append(Int32(label))
    }
}

/// Ids mapped to the positions `LabelVotes` counts in, for callers that hold strings.
///
/// Classes keep the order given (the project's labels), which is also the order ties
/// are broken in; tasks and people are numbered as first seen.
public struct LabelVotesBuilder: Sendable {
    public let classNames: [String]
    public private(set) var taskIDs: [String] = []
    public private(set) var personIDs: [String] = []
    private var taskPositions: [String: Int] = [:]
    private var personPositions: [String: Int] = [:]
    private var classPositions: [String: Int] = [:]
    private var votes: [(task: Int, person: Int, label: Int)] = []

    public init(classNames: [String]) {
        self.classNames = classNames
        for (index, name) in classNames.enumerated() where classPositions[name] == nil { classPositions[name] = index }
    }

    /// Adds a vote; false (and nothing added) when `label` is not one of the classes.
    @discardableResult
    public mutating func add(task: String, person: String, label: String) -> Bool {
        guard let labelPosition = classPositions[label] else { return false }
        let taskPosition = taskPositions[task] ?? {
            taskIDs.append(task)
            taskPositions[task] = taskIDs.count - 1
            return taskIDs.count - 1
        }()
        let personPosition = personPositions[person] ?? {
            personIDs.append(person)
            personPositions[person] = personIDs.count - 1
            return personIDs.count - 1
        }()
        votes.append((taskPosition, personPosition, labelPosition))
        return true
    }

    /// The position of a task id, to name gold tasks for `DawidSkene.estimate(_:gold:)`.
    public func taskPosition(_ id: String) -> Int? { taskPositions[id] }
    public func classPosition(_ name: String) -> Int? { classPositions[name] }

    public func build() -> LabelVotes {
        var result = LabelVotes(taskCount: taskIDs.count, personCount: personIDs.count, classCount: classNames.count)
        result.reserveCapacity(votes.count)
        for vote in votes { result.add(task: vote.task, person: vote.person, label: vote.label) }
        return result
    }
}
