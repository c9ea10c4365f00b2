import Domain
import Foundation

/// An attempt's marks, item by item and in all.
public struct AttemptGrade: Equatable, Sendable {
    /// What one item earned.
    public enum ItemMark: Equatable, Sendable {
        /// A quiz fraction (-1...1 for one chosen answer) or a practice task's gold score (0...1).
        case marked(Double)
        /// An essay or a free-text practice task: a trainer marks it.
        case awaitingTrainer
        /// Not answered: 0 of 1.
        case unanswered
    }

    /// By `AssessmentItem.key`, every item of the assessment.
    public var items: [String: ItemMark]
    /// Marks earned (never below 0 in all, as Moodle keeps a quiz's total).
    public var marks: Double
    /// Marks available: one per item, leaving out those awaiting a trainer.
    public var outOf: Double

    /// Marks over marks available, 0...1; 0 when nothing could be marked yet.
    public var share: Double { outOf > 0 ? marks / outOf : 0 }
    public var awaitingTrainer: Bool { items.values.contains(.awaitingTrainer) }

    /// Whether it passes `passMark` (0...1). An attempt waiting for a trainer's marks
    /// does not pass until they are given.
    public func passes(_ passMark: Double) -> Bool {
        !awaitingTrainer && share + 1e-9 >= passMark
    }
}

/// Grades attempts: the same on a station, offline, and at the hub.
public enum CourseGrading {
    /// Grades every item of the course's assessment against `responses`: quiz questions
    /// as Moodle's question types do (`GIFTQuestion.grade`), practice tasks with the gold
    /// scorers (`GoldScoring.score`), so practice is marked as real work on gold is.
    /// `trainerMarks` are a trainer's marks (0...1) for essays and free text, by item key.
    public static func grade(_ responses: [String: AttemptResponse], in course: Course, trainerMarks: [String: Double] = [:]) -> AttemptGrade {
        var items: [String: AttemptGrade.ItemMark] = [:]
        for item in course.assessment {
            items[item.key] = mark(item, responses[item.key], project: course.practice?.project, trainerMark: trainerMarks[item.key])
        }
        var marks = 0.0, outOf = 0.0
        for mark in items.values {
            switch mark {
            case .marked(let value): marks += value; outOf += 1
            case .unanswered: outOf += 1
            case .awaitingTrainer: break
            }
        }
        return AttemptGrade(items: items, marks: max(0, marks), outOf: outOf)
    }

    /// One item's mark.
    public static func mark(_ item: AssessmentItem, _ response: AttemptResponse?, project: Project?, trainerMark: Double? = nil) -> AttemptGrade.ItemMark {
        guard let response else { return .unanswered }
        switch (item, response) {
        case let (.question(_, question), .question(answer)):
            switch question.grade(answer) {
            case .fraction(let value): return .marked(value)
            case .needsTrainer: return trainerMark.map { .marked(min(1, max(0, $0))) } ?? .awaitingTrainer
            case .notGraded: return .marked(0)
            }
        case let (.practice(practice), .practice(answer)):
            guard let project else { return .marked(0) }
            switch GoldScoring.score(answer, against: practice.key, in: project, focus: practice.task.image?.focus) {
            case .scored(let score): return .marked(score.value)
            case .needsReviewer: return trainerMark.map { .marked(min(1, max(0, $0))) } ?? .awaitingTrainer
            }
        case (.question, .practice), (.practice, .question):
            // A response of the wrong shape for its item earns nothing, as in Moodle.
            return .marked(0)
        }
    }
}
