/// The marks an item analysis reads: one row per attempt, one column per question.
///
/// This is what Moodle's statistics calculator takes from its database (the latest step
/// of each question in each finished attempt, `fraction * maxmark`), so the same analysis
/// runs on a LabelDesk quiz, on Moodle's grades export, or on marks from anywhere else.
public struct MarksTable: Equatable, Sendable {
    public struct Question: Equatable, Sendable {
        public var name: String
        /// The most the question can score; 0 for one that scores nothing (Moodle then has no facility).
        public var maxMark: Double
        /// What a person guessing at random would score, as a fraction of `maxMark`; nil when
        /// it cannot be estimated (Moodle's `get_random_guess_score` returning null) or is unknown.
        public var randomGuessScore: Double?

        public init(name: String, maxMark: Double, randomGuessScore: Double? = nil) {
            self.name = name
            self.maxMark = maxMark
            self.randomGuessScore = randomGuessScore
        }
    }

    public struct Attempt: Equatable, Sendable {
        /// Who or which attempt, as the source names it.
        public var id: String
        /// One mark per question, in the order of `questions`. A question not answered or not
        /// yet graded scores 0, as Moodle counts a step whose fraction is null.
        public var marks: [Double]

        public init(id: String, marks: [Double]) {
            self.id = id
            self.marks = marks
        }
    }

    public var questions: [Question]
    public var attempts: [Attempt]

    /// Every attempt must have one mark per question; a table that breaks this is a bug in
    /// whoever built it, not bad input (readers refuse ragged rows with a line number).
    public init(questions: [Question], attempts: [Attempt]) {
        for attempt in attempts where attempt.marks.count != questions.count {
            fatalError("attempt \(attempt.id) has \(attempt.marks.count) marks for \(questions.count) questions")
        }
        self.questions = questions
        self.attempts = attempts
    }
}
