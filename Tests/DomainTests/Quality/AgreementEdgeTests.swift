import Domain
import Testing

/// The statistics at their edges: no evidence, complete agreement, a single rater, ties.
@Suite struct AgreementEdgeTests {
    @Test func wilsonWithNoTrialsIsTheWholeRangeAndStaysInside() {
        let nothing = WilsonInterval(successes: 0, trials: 0)
        #expect(nothing.lower == 0 && nothing.upper == 1 && nothing.proportion == 0)
        // Given five gold items all right, the lower bound (statsmodels: 0.5655...) is far from 1: not enough evidence yet
        let five = WilsonInterval(successes: 5, trials: 5)
        #expect(five.upper == 1 && abs(five.lower - 0.5655175352168252) < 1e-12)
        let none = WilsonInterval(successes: 0, trials: 5)
        #expect(none.lower == 0 && none.upper > 0.4)
        // A wider confidence is a wider interval
        let ninetyNine = WilsonInterval(successes: 40, trials: 50, confidence: 0.99)
        let ninetyFive = WilsonInterval(successes: 40, trials: 50)
        #expect(ninetyNine.lower < ninetyFive.lower && ninetyNine.upper > ninetyFive.upper)
        #expect(WilsonInterval(successes: 40, trials: 50, z: 1.959963984540054) == ninetyFive)
    }

    @Test func cohensKappaUndefinedWhenThereIsNothingToAgreeOn() {
        #expect(Agreement.cohenKappa([Int](), []) == nil)
        // Both always say the same single label: chance agreement is complete
        #expect(Agreement.cohenKappa(["a", "a", "a"], ["a", "a", "a"]) == nil)
        #expect(Agreement.cohenKappa(["a", "b", "a"], ["a", "b", "a"]) == 1)
        // Ordered categories: a near miss costs less with weights
        let first = [1, 2, 3, 4, 5, 1, 2], second = [1, 2, 3, 5, 4, 2, 1]
        let plain = Agreement.cohenKappa(first, second) ?? 0
        let quadratic = Agreement.cohenKappa(first, second, weighting: .quadratic) ?? 0
        #expect(quadratic > plain)
        // Categories given: the order the weights use
        #expect(Agreement.cohenKappa(["low", "high"], ["low", "mid"], categories: ["low", "mid", "high"], weighting: .linear) != nil)
    }

    @Test func fleissKappaNeedsTheSameRatersPerItemAndSomeVariation() {
        #expect(Agreement.fleissKappa(counts: []) == nil)
        #expect(Agreement.fleissKappa(counts: [[1, 0], [0, 1]]) == nil, "a single rater")
        #expect(Agreement.fleissKappa(counts: [[2, 1], [1, 1]]) == nil, "3 raters then 2")
        #expect(Agreement.fleissKappa(counts: [[3, 0], [3, 0]]) == nil, "everyone always one category")
        #expect(Agreement.fleissKappa(counts: [[3, 0], [0, 3]]) == 1)
        #expect(Agreement.categoryCounts([[0, 0, 1], [2, 2, 2]], categories: 3) == [[2, 1, 0], [0, 0, 3]])
    }

    @Test func krippendorffHandlesMissingValuesAndASingleRater() {
        // A single rater pairs nothing
        #expect(Agreement.krippendorffAlpha([[1, 2, 3]], level: .nominal) == nil)
        // Units with one value are ignored, not counted as disagreement
        let withGaps = Agreement.krippendorffAlpha([[1, 2, nil, 1], [1, 2, 3, nil]], level: .nominal)
        #expect(withGaps == 1)
        // A value outside the given domain is refused
        #expect(Agreement.krippendorffAlpha([[1, 2], [1, 9]], level: .ordinal, domain: [1, 2, 3]) == nil)
    }
}

/// Majority vote and Dawid-Skene on small hand-made cases.
@Suite struct ConsensusTests {
    func votes(_ triples: [(Int, Int, Int)], tasks: Int, people: Int, classes: Int) -> LabelVotes {
        var result = LabelVotes(taskCount: tasks, personCount: people, classCount: classes)
        for (task, person, label) in triples { result.add(task: task, person: person, label: label) }
        return result
    }

    @Test func majorityVoteSharesAndTies() {
        // Given task 0 with 2 votes for class 1 of 3, task 1 tied, task 2 unlabeled
        let consensus = MajorityVote.consensus(votes([(0, 0, 1), (0, 1, 1), (0, 2, 0), (1, 0, 2), (1, 1, 0)], tasks: 3, people: 3, classes: 3))
        #expect(consensus.label(of: 0) == 1 && consensus.confidence(of: 0) == 2.0 / 3)
        // Then a tie goes to the first class in the caller's order
        #expect(consensus.label(of: 1) == 0 && consensus.confidence(of: 1) == 0.5)
        #expect(consensus.label(of: 2) == nil && consensus.confidence(of: 2) == nil)
        #expect(consensus.labels == [1, 0, -1])
    }

    @Test func dawidSkeneWithNoVotesAndWithAllAgreeing() {
        let empty = DawidSkene().estimate(LabelVotes(taskCount: 2, personCount: 1, classCount: 2))
        #expect(empty.iterations == 0 && empty.consensus.label(of: 0) == nil)
        // Everyone agrees on every task: the consensus is certain and each person's accuracy near 1
        let agreed = DawidSkene().estimate(votes([(0, 0, 0), (0, 1, 0), (1, 0, 1), (1, 1, 1), (2, 0, 0), (2, 1, 0)], tasks: 3, people: 2, classes: 2))
        #expect(agreed.consensus.labels == [0, 1, 0])
        #expect((agreed.consensus.confidence(of: 0) ?? 0) > 0.999)
        #expect(agreed.accuracy(of: 0) > 0.999)
    }

    @Test func goldAnchorsTheEstimate() {
        // Given person 0 always right and person 1 always saying the opposite, on two classes,
        // the data alone cannot tell which is which
        var triples: [(Int, Int, Int)] = []
        for task in 0..<20 {
            let truth = task % 2
            triples += [(task, 0, truth), (task, 1, 1 - truth)]
        }
        let data = votes(triples, tasks: 20, people: 2, classes: 2)
        // When two tasks' true classes are known
        let anchored = DawidSkene().estimate(data, gold: [0: 0, 1: 1])
        // Then the estimate follows person 0, and person 1's confusion matrix is the swap
        #expect(anchored.consensus.labels == (0..<20).map { $0 % 2 })
        #expect(anchored.accuracy(of: 0) > 0.99 && anchored.accuracy(of: 1) < 0.01)
        #expect(anchored.errorRate(person: 1, answered: 1, truth: 0) > 0.99)
        // And gold given the other way round follows person 1
        let reversed = DawidSkene().estimate(data, gold: [0: 1, 1: 0])
        #expect(reversed.consensus.label(of: 5) == 0)
    }

    @Test func theBuilderMapsIdsToPositions() {
        var builder = LabelVotesBuilder(classNames: ["neg", "pos"])
        let first = builder.add(task: "t1", person: "ann", label: "pos")
        let second = builder.add(task: "t1", person: "bob", label: "pos")
        let third = builder.add(task: "t2", person: "ann", label: "neg")
        let refused = builder.add(task: "t2", person: "bob", label: "maybe")
        #expect(first && second && third)
        #expect(!refused, "a label outside the classes is refused")
        let built = builder.build()
        #expect(built.count == 3 && built.taskCount == 2 && built.personCount == 2 && built.classCount == 2)
        #expect(builder.taskPosition("t2") == 1 && builder.classPosition("pos") == 1 && builder.personIDs == ["ann", "bob"])
        #expect(MajorityVote.consensus(built).label(of: 0) == 1)
    }
}

@Suite struct MatchedAgreementTests {
    @Test func spansAndShapesAgreeByPooledMatchedF1BothWays() {
        let first = [EntitySpan(start: 0, end: 4, label: "PER"), EntitySpan(start: 6, end: 9, label: "LOC")]
        let second = [EntitySpan(start: 0, end: 4, label: "PER")]
        #expect(Agreement.spanF1([(first, second), ([], [])]) == 2.0 / 3)
        #expect(Agreement.spanF1([(second, first)]) == 2.0 / 3)
        #expect(Agreement.spanF1([([], [])]) == nil)
        let box = Shape(label: "car", geometry: .box(PixelPoint(x: 0, y: 0), PixelPoint(x: 10, y: 10)))
        let moved = Shape(label: "car", geometry: .box(PixelPoint(x: 1, y: 0), PixelPoint(x: 11, y: 10)))
        #expect(Agreement.shapeF1([([box], [moved]), ([box], [])]) == 2.0 / 3)
        #expect(Agreement.shapeF1([([], [])]) == nil)
    }
}
