import Domain

extension MarksTable {
    /// An attempt at a course, as the item analysis reads it: its responses and the
    /// trainer's marks it has.
    public struct CourseAttemptMarks: Sendable {
        public var id: String
        public var responses: [String: AttemptResponse]
        /// By item key, 0...1.
        public var trainerMarks: [String: Double]

        public init(id: String, responses: [String: AttemptResponse], trainerMarks: [String: Double] = [:]) {
            self.id = id
            self.responses = responses
            self.trainerMarks = trainerMarks
        }
    }

    /// The marks of attempts at one version of a course: a row per attempt, a column per
    /// item of its assessment (quiz questions, then practice tasks, named by their keys
    /// `q3` and `p:<task id>`), each out of 1.
    ///
    /// Marked as the hub grades (`CourseGrading.mark`, with the trainer's marks): a quiz
    /// question's fraction (negative for a wrong answer that costs, as Moodle counts
    /// it), a practice task's gold score. An item left unanswered or still waiting for a
    /// trainer scores 0, as Moodle counts a step whose fraction is null. A question's
    /// random guess score is its question type's; a practice task has none.
    public init(course: Course, attempts: [CourseAttemptMarks]) {
        let items = course.assessment
        let questions = items.map { item -> Question in
            switch item {
            case .question(_, let question): Question(name: item.key, maxMark: 1, randomGuessScore: question.randomGuessScore)
            case .practice: Question(name: item.key, maxMark: 1)
            }
        }
        let rows = attempts.map { attempt in
            Attempt(id: attempt.id, marks: items.map { item in
                let mark = CourseGrading.mark(item, attempt.responses[item.key], project: course.practice?.project, trainerMark: attempt.trainerMarks[item.key])
                if case .marked(let value) = mark { return value }
                return 0
            })
        }
        self.init(questions: questions, attempts: rows)
    }
}
