import Foundation

/// Dawid and Skene's EM estimate of each task's true class and each person's confusion
/// matrix (Dawid & Skene, 1979), as crowd-kit's `DawidSkene(n_iter, tol)`.
///
/// It starts from the majority vote and alternates: each person's confusion matrix
/// from the current class probabilities (M), then each task's class probabilities from
/// the priors and the confusion matrices of those who labeled it (E, in base-2 logs,
/// each row shifted to its maximum before exponentiating). It stops after
/// `maximumIterations` or when crowd-kit's evidence lower bound per vote rises by less
/// than `tolerance`; its bound (which adds the log prior once per vote) and its
/// clipping at 1e-10 are followed exactly, so the same data stops at the same iteration
/// with the same estimates.
///
/// Gold tasks anchor the estimate: their known class is fixed (probability 1) at the
/// start and after every E step, as crowd-kit does with `true_labels`, so the confusion
/// matrices are learned partly from answers whose truth is known.
///
/// Everything runs over flat arrays (`LabelVotes`): 100,000 tasks x 5 people x 3
/// classes is half a million votes, and a dictionary in the loop would cost more than
/// the arithmetic.
public struct DawidSkene: Sendable {
    public var maximumIterations: Int
    public var tolerance: Double

    public init(maximumIterations: Int = 100, tolerance: Double = 1e-5) {
        self.maximumIterations = maximumIterations
        self.tolerance = tolerance
    }

    /// crowd-kit's floor for probabilities and confusion-matrix cells.
    public static let floor = 1e-10

    public struct Estimate: Equatable, Sendable {
        public let consensus: Consensus
        /// The estimated share of each class among the tasks.
        public let priors: [Double]
        /// `errorRates[(person * classCount + answered) * classCount + truth]`: the
        /// probability that `person` answers `answered` when the truth is `truth`. Only
        /// classes a person gave at least once have rates (each column of those sums to
        /// 1); the others are 0.
        public let errorRates: [Double]
        public let personCount: Int
        /// EM iterations run (after the majority-vote start).
        public let iterations: Int
        /// The evidence lower bound per vote after each iteration.
        public let lowerBounds: [Double]

        public var classCount: Int { consensus.classCount }

        public func errorRate(person: Int, answered: Int, truth: Int) -> Double {
            let k = classCount
            return errorRates[(person * k + answered) * k + truth]
        }

        /// A person's estimated accuracy: the chance their answer is the true class,
        /// over the estimated class shares.
        public func accuracy(of person: Int) -> Double {
            (0..<classCount).reduce(0) { $0 + priors[$1] * errorRate(person: person, answered: $1, truth: $1) }
        }
    }

    /// Estimates from `votes`; `gold` maps a task's position to its known class.
    ///
    /// A gold task nobody labeled is left out, and a task nobody labeled has no consensus
    /// and no weight in the priors, as in crowd-kit (which never sees such tasks). A class
    /// nobody gave keeps a probability at the floor's order (1e-10), where crowd-kit
    /// would have no column for it.
    public func estimate(_ votes: LabelVotes, gold: [Int: Int] = [:]) -> Estimate {
        let t = votes.taskCount, w = votes.personCount, k = votes.classCount, n = votes.count
        let start = MajorityVote.consensus(votes)
        guard n > 0, k > 0 else {
            return Estimate(consensus: start, priors: [Double](repeating: 0, count: k), errorRates: [Double](repeating: 0, count: w * k * k),
                            personCount: w, iterations: 0, lowerBounds: [])
        }
        let voteCounts = start.voteCounts
        let labeledTasks = voteCounts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var goldClass = [Int32](repeating: -1, count: t)
        for (task, label) in gold where task >= 0 && task < t && label >= 0 && label < k && voteCounts[task] > 0 {
            goldClass[task] = Int32(label)
        }
        var gave = [Bool](repeating: false, count: w * k)
        for index in 0..<n { gave[Int(votes.people[index]) * k + Int(votes.labels[index])] = true }

        var model = Model(votes: votes, classCount: k, personCount: w, voteCounts: voteCounts, labeledTasks: labeledTasks,
                          goldClass: goldClass, gave: gave, posteriors: start.probabilities)
        model.anchorGold()
        var priors = model.priors()
        var errors = model.confusion()
        var previous = -Double.infinity
        var bounds: [Double] = []
        for _ in 0..<maximumIterations {
            model.expect(priors: priors, errors: errors)
            model.anchorGold()
            priors = model.priors()
            errors = model.confusion()
            let bound = model.lowerBound(priors: priors, errors: errors) / Double(n)
            bounds.append(bound)
            if bound - previous < tolerance { break }
            previous = bound
        }
        let clippedPriors = priors.map { Swift.max($0, Self.floor) }
        return Estimate(consensus: Consensus(taskCount: t, classCount: k, probabilities: model.posteriors, voteCounts: voteCounts),
                        priors: clippedPriors, errorRates: errors, personCount: w, iterations: bounds.count, lowerBounds: bounds)
    }

    /// The EM state over flat arrays.
    private struct Model {
        let tasks: [Int32]
        let people: [Int32]
        let labels: [Int32]
        let classCount: Int
        let personCount: Int
        let voteCounts: [Int]
        let labeledTasks: Int
        let goldClass: [Int32]
        /// Whether person p ever gave class c, at `p * classCount + c`.
        let gave: [Bool]
        var posteriors: [Double]

        init(votes: LabelVotes, classCount: Int, personCount: Int, voteCounts: [Int], labeledTasks: Int, goldClass: [Int32], gave: [Bool], posteriors: [Double]) {
            tasks = votes.tasks
            people = votes.people
            labels = votes.labels
            self.classCount = classCount
            self.personCount = personCount
            self.voteCounts = voteCounts
            self.labeledTasks = labeledTasks
            self.goldClass = goldClass
            self.gave = gave
            self.posteriors = posteriors
        }

        mutating func anchorGold() {
            let k = classCount
            for task in goldClass.indices where goldClass[task] >= 0 {
                for c in 0..<k { posteriors[task * k + c] = 0 }
                posteriors[task * k + Int(goldClass[task])] = 1
            }
        }

        /// The mean class probabilities over the tasks anyone labeled.
        func priors() -> [Double] {
            let k = classCount
            var sums = [Double](repeating: 0, count: k)
            for task in voteCounts.indices where voteCounts[task] > 0 {
                for c in 0..<k { sums[c] += posteriors[task * k + c] }
            }
            return sums.map { $0 / Double(labeledTasks) }
        }

        /// M step: each person's column-normalised confusion matrix, cells they used floored.
        func confusion() -> [Double] {
            let k = classCount
            var errors = [Double](repeating: 0, count: personCount * k * k)
            errors.withUnsafeMutableBufferPointer { errors in
                posteriors.withUnsafeBufferPointer { posteriors in
                    for index in tasks.indices {
                        let row = (Int(people[index]) * k + Int(labels[index])) * k
                        let task = Int(tasks[index]) * k
                        for c in 0..<k { errors[row + c] += posteriors[task + c] }
                    }
                }
                for person in 0..<personCount {
                    for answered in 0..<k where gave[person * k + answered] {
                        let row = (person * k + answered) * k
                        for c in 0..<k { errors[row + c] = Swift.max(errors[row + c], DawidSkene.floor) }
                    }
                    for truth in 0..<k {
                        var sum = 0.0
                        for answered in 0..<k where gave[person * k + answered] { sum += errors[(person * k + answered) * k + truth] }
                        guard sum > 0 else { continue }
                        for answered in 0..<k where gave[person * k + answered] { errors[(person * k + answered) * k + truth] /= sum }
                    }
                }
            }
            return errors
        }

        /// E step: each labeled task's class probabilities.
        mutating func expect(priors: [Double], errors: [Double]) {
            let k = classCount
            let logErrors = errors.map { $0 > 0 ? log2($0) : 0 }
            let logPriors = priors.map { log2(Swift.max($0, DawidSkene.floor)) }
            var sums = [Double](repeating: 0, count: posteriors.count)
            sums.withUnsafeMutableBufferPointer { sums in
                logErrors.withUnsafeBufferPointer { logErrors in
                    for index in tasks.indices {
                        let row = (Int(people[index]) * k + Int(labels[index])) * k
                        let task = Int(tasks[index]) * k
                        for c in 0..<k { sums[task + c] += logErrors[row + c] }
                    }
                }
                posteriors.withUnsafeMutableBufferPointer { posteriors in
                    for task in voteCounts.indices where voteCounts[task] > 0 {
                        let base = task * k
                        var largest = -Double.infinity
                        for c in 0..<k {
                            sums[base + c] = logPriors[c] + sums[base + c]
                            largest = Swift.max(largest, sums[base + c])
                        }
                        var total = 0.0
                        for c in 0..<k {
                            let scaled = exp2(sums[base + c] - largest)
                            posteriors[base + c] = scaled
                            total += scaled
                        }
                        for c in 0..<k { posteriors[base + c] /= total }
                    }
                }
            }
        }

        /// crowd-kit's evidence lower bound (not yet divided by the votes).
        func lowerBound(priors: [Double], errors: [Double]) -> Double {
            let k = classCount
            let logErrors = errors.map { $0 > 0 ? log($0) : 0 }
            let logPriors = priors.map { log(Swift.max($0, DawidSkene.floor)) }
            var joint = 0.0
            posteriors.withUnsafeBufferPointer { posteriors in
                for index in tasks.indices {
                    let row = (Int(people[index]) * k + Int(labels[index])) * k
                    let task = Int(tasks[index]) * k
                    for c in 0..<k { joint += posteriors[task + c] * (logErrors[row + c] + logPriors[c]) }
                }
            }
            var entropy = 0.0
            for task in voteCounts.indices where voteCounts[task] > 0 {
                for c in 0..<k {
                    let p = Swift.max(posteriors[task * k + c], DawidSkene.floor)
                    entropy -= log(p) * p
                }
            }
            return joint + entropy
        }
    }
}
