/// Each task's estimated true class, with a probability for every class.
public struct Consensus: Equatable, Sendable {
    public let taskCount: Int
    public let classCount: Int
    /// Task-major: `probabilities[task * classCount + class]`. All zero for a task nobody labeled.
    public let probabilities: [Double]
    /// Votes per task.
    public let voteCounts: [Int]

    public init(taskCount: Int, classCount: Int, probabilities: [Double], voteCounts: [Int]) {
        precondition(probabilities.count == taskCount * classCount && voteCounts.count == taskCount, "one row of probabilities and one count per task")
        self.taskCount = taskCount
        self.classCount = classCount
        self.probabilities = probabilities
        self.voteCounts = voteCounts
    }

    /// The most probable class, the first on a tie; nil for a task nobody labeled.
    public func label(of task: Int) -> Int? {
        guard voteCounts[task] > 0, classCount > 0 else { return nil }
        let row = task * classCount
        var best = 0
        for c in 1..<max(classCount, 1) where probabilities[row + c] > probabilities[row + best] { best = c }
        return best
    }

    /// The probability of the most probable class: the consensus's confidence.
    public func confidence(of task: Int) -> Double? {
        label(of: task).map { probabilities[task * classCount + $0] }
    }

    public func probability(of label: Int, for task: Int) -> Double { probabilities[task * classCount + label] }

    /// Every task's label, -1 for a task nobody labeled.
    public var labels: [Int] { (0..<taskCount).map { label(of: $0) ?? -1 } }
}

/// The majority vote: each task's class shares among its votes, as crowd-kit's `MajorityVote`.
public enum MajorityVote {
    public static func consensus(_ votes: LabelVotes) -> Consensus {
        let k = votes.classCount
        var probabilities = [Double](repeating: 0, count: votes.taskCount * k)
        var counts = [Int](repeating: 0, count: votes.taskCount)
        for index in 0..<votes.count {
            let task = Int(votes.tasks[index])
            probabilities[task * k + Int(votes.labels[index])] += 1
            counts[task] += 1
        }
        for task in 0..<votes.taskCount where counts[task] > 0 {
            let total = Double(counts[task])
            for c in 0..<k { probabilities[task * k + c] /= total }
        }
        return Consensus(taskCount: votes.taskCount, classCount: k, probabilities: probabilities, voteCounts: counts)
    }
}
