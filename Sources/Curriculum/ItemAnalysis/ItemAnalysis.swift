/// An item analysis of one quiz: each question's statistics and the quiz's, by the
/// formulas of Moodle's quiz statistics report.
///
/// Pure: marks in, figures out. Every attempt in the table counts, once; Moodle counts
/// only finished attempts (and by default each person's first, or whichever its grading
/// method names), so a reader choosing which attempts go into the table decides that.
public struct ItemAnalysis: Equatable, Sendable {
    public var questions: [QuestionStatistics]
    public var quiz: QuizStatistics

    public init(questions: [QuestionStatistics], quiz: QuizStatistics) {
        self.questions = questions
        self.quiz = quiz
    }

    public init(_ table: MarksTable) {
        let totals = table.attempts.map { $0.marks.reduce(0, +) }
        let quizMaxMark = table.questions.reduce(0) { $0 + $1.maxMark }
        var questions = table.questions.indices.map {
            QuestionStatistics.computed(column: $0, of: table, totals: totals, quizMaxMark: quizMaxMark)
        }
        // As Moodle: a null covariance counts as 0 (PHP's null >= 0 holds, sqrt(null) is 0).
        let sumOfRootCovariance = questions.reduce(0.0) { sum, question in
            let covariance = question.covarianceWithTotal ?? 0
            return covariance >= 0 ? sum + covariance.squareRoot() : sum
        }
        for index in questions.indices {
            if sumOfRootCovariance != 0, !questions[index].negativeCovariance, let covariance = questions[index].covarianceWithTotal {
                questions[index].effectiveWeight = 100 * covariance.squareRoot() / sumOfRootCovariance
            }
            questions[index].flags = ItemFlag.flags(for: questions[index])
        }
        let sumOfMarkVariance = questions.reduce(0.0) { $0 + ($1.markVariance ?? 0) }
        self.questions = questions
        self.quiz = QuizStatistics.computed(
            totals: totals, questions: table.questions.count, maxMark: quizMaxMark, sumOfMarkVariance: sumOfMarkVariance)
    }
}
