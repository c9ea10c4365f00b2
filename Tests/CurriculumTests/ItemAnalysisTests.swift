import Curriculum
import Foundation
import Testing

/// Item analysis held to Moodle's formulas: a 4 × 2 table worked on paper, and 40 seeded
/// attempts at 8 questions worked out by `Vectors/make_item_analysis_vectors.py` with
/// numpy and scipy (numpy 2.4.6, scipy 1.17.1).
@Suite struct ItemAnalysisTests {
    struct Vectors: Decodable {
        struct Question: Decodable {
            var name: String
            var maxMark: Double
            var attempts: Int
            var markAverage: Double
            var facility: Double?
            var standardDeviation: Double?
            var standardDeviationFraction: Double?
            var randomGuessScore: Double?
            var intendedWeight: Double?
            var effectiveWeight: Double?
            var negativeCovariance: Bool
            var discriminationIndex: Double?
            var discriminativeEfficiency: Double?
            var markVariance: Double?
            var covarianceWithTotal: Double?
            var maximumCovariance: Double?
        }

        struct Quiz: Decodable {
            var attempts: Int
            var questions: Int
            var maxMark: Double
            var mean: Double?
            var median: Double?
            var standardDeviation: Double?
            var skewness: Double?
            var kurtosis: Double?
            var internalConsistency: Double?
            var errorRatio: Double?
            var standardError: Double?
        }

        var marks: [[Double]]
        var names: [String]
        var maxMarks: [Double]
        var randomGuessScores: [Double?]
        var questions: [Question]
        var quiz: Quiz
    }

    static func vectors() throws -> Vectors {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/item_analysis_vectors.json")
        return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: file))
    }

    /// Equal to 1e-9 (relative for figures above 1), or both nil.
    static func close(_ ours: Double?, _ theirs: Double?) -> Bool {
        switch (ours, theirs) {
        case (nil, nil): true
        case let (ours?, theirs?): abs(ours - theirs) <= 1e-9 * max(1, abs(theirs))
        default: false
        }
    }

    @Test func fortySeededAttemptsGiveTheFiguresNumpyAndScipyGive() throws {
        // Given 40 attempts at 8 questions with max marks from 1 to 10, one everyone gets
        // right and one the stronger people get wrong
        let vectors = try Self.vectors()
        let table = MarksTable(
            questions: vectors.names.indices.map {
                MarksTable.Question(name: vectors.names[$0], maxMark: vectors.maxMarks[$0], randomGuessScore: vectors.randomGuessScores[$0])
            },
            attempts: vectors.marks.enumerated().map { MarksTable.Attempt(id: "attempt \($0.offset + 1)", marks: $0.element) })

        // When they are analysed
        let analysis = ItemAnalysis(table)

        // Then every question's figures are numpy's, nulls where Moodle has nulls
        #expect(analysis.questions.count == 8)
        for (ours, theirs) in zip(analysis.questions, vectors.questions) {
            let place = ours.name
            #expect(ours.name == theirs.name && ours.attempts == theirs.attempts && ours.maxMark == theirs.maxMark, "\(place)")
            #expect(Self.close(ours.markAverage, theirs.markAverage), "\(place) mark average")
            #expect(Self.close(ours.facility, theirs.facility), "\(place) facility")
            #expect(Self.close(ours.standardDeviation, theirs.standardDeviation), "\(place) sd")
            #expect(Self.close(ours.standardDeviationFraction, theirs.standardDeviationFraction), "\(place) sd fraction")
            #expect(Self.close(ours.randomGuessScore, theirs.randomGuessScore), "\(place) random guess")
            #expect(Self.close(ours.intendedWeight, theirs.intendedWeight), "\(place) intended weight")
            #expect(Self.close(ours.effectiveWeight, theirs.effectiveWeight), "\(place) effective weight \(String(describing: ours.effectiveWeight))")
            #expect(ours.negativeCovariance == theirs.negativeCovariance, "\(place) negcovar")
            #expect(Self.close(ours.discriminationIndex, theirs.discriminationIndex), "\(place) DI \(String(describing: ours.discriminationIndex))")
            #expect(Self.close(ours.discriminativeEfficiency, theirs.discriminativeEfficiency), "\(place) DE")
            #expect(Self.close(ours.markVariance, theirs.markVariance), "\(place) variance")
            #expect(Self.close(ours.covarianceWithTotal, theirs.covarianceWithTotal), "\(place) cov with total")
            #expect(Self.close(ours.maximumCovariance, theirs.maximumCovariance), "\(place) cov max")
        }
        // And the quiz's are scipy's
        let quiz = analysis.quiz, expected = vectors.quiz
        #expect(quiz.attempts == expected.attempts && quiz.questions == expected.questions && quiz.maxMark == expected.maxMark)
        #expect(Self.close(quiz.mean, expected.mean) && Self.close(quiz.median, expected.median))
        #expect(Self.close(quiz.standardDeviation, expected.standardDeviation))
        #expect(Self.close(quiz.skewness, expected.skewness), "skewness \(String(describing: quiz.skewness))")
        #expect(Self.close(quiz.kurtosis, expected.kurtosis), "kurtosis \(String(describing: quiz.kurtosis))")
        #expect(Self.close(quiz.internalConsistency, expected.internalConsistency))
        #expect(Self.close(quiz.errorRatio, expected.errorRatio) && Self.close(quiz.standardError, expected.standardError))

        // And the question everyone got right is too easy, the misleading one negatively discriminating
        #expect(analysis.questions[2].flags == [.tooEasy])
        #expect(analysis.questions[2].discriminationIndex == nil && analysis.questions[2].effectiveWeight == 0)
        #expect(analysis.questions[5].flags.contains(.negativelyDiscriminating) && analysis.questions[5].flags.contains(.dubious))
        #expect(analysis.questions[5].effectiveWeight == nil)
    }

    /// Worked on paper. Q1 out of 1, Q2 out of 2; four attempts:
    ///
    ///         Q1  Q2  total
    ///     A    1   2   3
    ///     B    1   1   2
    ///     C    0   1   1
    ///     D    0   0   0
    ///
    /// Q1: mean .5, facility 50%, variance (4 × .25)/3 = 1/3, sd .57735. Its rest is Q2:
    /// mean 1, variance (1+0+0+1)/3 = 2/3. cov(Q1, rest) = (.5·1 + .5·0 − .5·0 − .5·−1)/3 = 1/3,
    /// so DI = 100 (1/3) / sqrt(1/3 · 2/3) = 100/√2 = 70.7107. Sorted, Q1 0 0 1 1 against
    /// rest 0 1 1 2 gives (.5 + 0 + 0 + .5)/3 = 1/3 = cov max, DE = 100. Q2 alike: facility
    /// 1/2, sd √(2/3)/2 = .408248 of its max, DI 70.7107, DE 100.
    /// Covariance with the total (3 2 1 0, mean 1.5): Q1 (.75+.25+.25+.75)/3 = 2/3, Q2
    /// (1.5+0+0+1.5)/3 = 1; effective weights √(2/3)/(√(2/3)+1) = 44.949% and 55.051%;
    /// intended 33.33% and 66.67%.
    /// Quiz: mean 1.5, median (1+2)/2 = 1.5, Σd² = 5, sd √(5/3) = 1.290994; Σd³ = 0, so
    /// skewness 0; Σd⁴ = 10.25, m2 = 1.25, m4 = 2.5625, k2 = 5/3,
    /// k4 = 16 (5 · 2.5625 − 9 · 1.5625)/6 = −10/3, kurtosis = (−10/3)/(25/9) = −1.2.
    /// Alpha: 100 · 2/1 · (1 − (1/3 + 2/3)/(5/3)) = 80; error ratio 100 √.2 = 44.7214;
    /// standard error 44.7214 × 1.290994 / 100 = √(1/3) = .57735.
    @Test func fourAttemptsAtTwoQuestionsGiveWhatPaperGives() {
        let table = MarksTable(
            questions: [MarksTable.Question(name: "Q1", maxMark: 1), MarksTable.Question(name: "Q2", maxMark: 2)],
            attempts: [[1, 2], [1, 1], [0, 1], [0, 0]].enumerated().map { MarksTable.Attempt(id: "\($0.offset)", marks: $0.element) })
        let analysis = ItemAnalysis(table)
        let (q1, q2) = (analysis.questions[0], analysis.questions[1])
        #expect(Self.close(q1.facility, 0.5) && Self.close(q2.facility, 0.5))
        #expect(Self.close(q1.standardDeviationFraction, (1.0 / 3).squareRoot()) && Self.close(q2.standardDeviationFraction, (2.0 / 3).squareRoot() / 2))
        #expect(Self.close(q1.discriminationIndex, 100 / 2.0.squareRoot()) && Self.close(q2.discriminationIndex, 100 / 2.0.squareRoot()))
        #expect(Self.close(q1.discriminativeEfficiency, 100) && Self.close(q2.discriminativeEfficiency, 100))
        let root = (2.0 / 3).squareRoot()
        #expect(Self.close(q1.effectiveWeight, 100 * root / (root + 1)) && Self.close(q2.effectiveWeight, 100 / (root + 1)))
        #expect(Self.close(q1.intendedWeight, 100.0 / 3) && Self.close(q2.intendedWeight, 200.0 / 3))
        let quiz = analysis.quiz
        #expect(Self.close(quiz.mean, 1.5) && Self.close(quiz.median, 1.5))
        #expect(Self.close(quiz.standardDeviation, (5.0 / 3).squareRoot()))
        #expect(Self.close(quiz.skewness, 0) && Self.close(quiz.kurtosis, -1.2))
        #expect(Self.close(quiz.internalConsistency, 80) && Self.close(quiz.errorRatio, 100 * 0.2.squareRoot()))
        #expect(Self.close(quiz.standardError, (1.0 / 3).squareRoot()))
        #expect(Self.close(quiz.percentage(quiz.mean), 50))
        #expect(q1.flags.isEmpty && q2.flags.isEmpty)
    }

    @Test func tooFewAttemptsLeaveTheFiguresMoodleLeavesNull() {
        // Given one attempt, then three with the same total
        let questions = [MarksTable.Question(name: "a", maxMark: 1), MarksTable.Question(name: "b", maxMark: 1)]
        let one = ItemAnalysis(MarksTable(questions: questions, attempts: [MarksTable.Attempt(id: "1", marks: [1, 0])]))
        // Then one attempt has a mean and median and nothing that needs a spread
        #expect(one.quiz.mean == 1 && one.quiz.median == 1 && one.quiz.standardDeviation == nil && one.quiz.skewness == nil)
        #expect(one.questions[0].standardDeviation == nil && one.questions[0].discriminationIndex == nil)
        #expect(one.questions[0].effectiveWeight == nil && one.questions[0].facility == 1)
        let flat = ItemAnalysis(MarksTable(questions: questions, attempts: (0..<3).map { MarksTable.Attempt(id: "\($0)", marks: [1, 0]) }))
        // And totals that never vary have a deviation of 0, no skewness, kurtosis or alpha
        #expect(flat.quiz.standardDeviation == 0 && flat.quiz.skewness == nil && flat.quiz.kurtosis == nil && flat.quiz.internalConsistency == nil)
        // And no attempts at all give counts and nothing else
        let none = ItemAnalysis(MarksTable(questions: questions, attempts: []))
        #expect(none.quiz.attempts == 0 && none.quiz.mean == nil && none.questions[0].attempts == 0 && none.questions[0].facility == 0)
    }

    @Test func theRandomGuessScoreIsEachMoodleQuestionTypes() throws {
        // Single answer: the mean of every fraction, the negative one too
        #expect(try onlyQuestion("Which? {=a ~%-50%b ~c ~%50%d}").randomGuessScore == (1 - 0.5 + 0 + 0.5) / 4)
        // Missing word is one answer too
        #expect(try onlyQuestion("The sky is {=blue ~green ~red} today.").randomGuessScore == 1.0 / 3)
        // Several answers: Moodle does not try
        #expect(try onlyQuestion("Which? {~%50%a ~%50%b ~%-100%c}").randomGuessScore == nil)
        #expect(try onlyQuestion("True? {T}").randomGuessScore == 0.5)
        // Short answer: the fraction of a lone *, else 0
        #expect(try onlyQuestion("Name? {=Grant =%50%*}").randomGuessScore == 0.5)
        #expect(try onlyQuestion("Name? {=Grant}").randomGuessScore == 0)
        // Numerical: a GIFT import has a unit penalty of 1, so always 0
        #expect(try onlyQuestion("When? {#1822:1 ~#no}").randomGuessScore == 0)
        // Matching: one over the different answers, the extra wrong one included, "1" and "1.0" one
        #expect(try onlyQuestion("Match {=a -> 1 =b -> 2 =c -> 1.0 = -> 3}").randomGuessScore == 1.0 / 3)
        #expect(try onlyQuestion("Write. {}").randomGuessScore == 0)
        #expect(try onlyQuestion("Just text.").randomGuessScore == nil)
    }

    @Test func flagsFollowTheirThresholds() {
        // Given a true/false question at 50% (no better than guessing), and one at 95%
        let attempts = (0..<20).map { index in MarksTable.Attempt(id: "\(index)", marks: [index < 10 ? 1 : 0, index < 19 ? 1 : 0, Double(index % 3)]) }
        let analysis = ItemAnalysis(MarksTable(
            questions: [
                MarksTable.Question(name: "tf", maxMark: 1, randomGuessScore: 0.5), MarksTable.Question(name: "easy", maxMark: 1),
                MarksTable.Question(name: "other", maxMark: 2),
            ],
            attempts: attempts))
        #expect(analysis.questions[0].flags.contains(.tooHard))
        #expect(analysis.questions[1].flags.contains(.tooEasy))
        #expect(!analysis.questions[2].flags.contains(.tooEasy) && !analysis.questions[2].flags.contains(.tooHard))
    }
}
