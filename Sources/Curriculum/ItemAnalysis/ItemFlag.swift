/// Why a question in an item analysis wants a trainer's look.
///
/// Moodle marks one thing itself: its report shows a question as "dubious" when the
/// discriminative efficiency is below 15% (`is_dubious_question` in
/// `mod/quiz/report/statistics/statistics_table.php`). It colours nothing for facility or
/// a negative discrimination, so those thresholds are ours, set by the bands of MoodleDocs'
/// "Quiz report statistics" page (facility 90-94 "very easy", 95-100 "extremely easy",
/// 6-10 "very difficult", 5 or less "extremely difficult"): a facility above 90% is too
/// easy, below 10% (or no better than guessing) too hard, and a discrimination index
/// below 0 means the people who did well on the rest of the quiz did worse on this question.
public enum ItemFlag: String, Equatable, Sendable, CaseIterable {
    /// Facility above `ItemFlag.tooEasyAbove`.
    case tooEasy = "too-easy"
    /// Facility below `ItemFlag.tooHardBelow`, or not above the random guess score.
    case tooHard = "too-hard"
    /// Discrimination index below 0.
    case negativelyDiscriminating = "negative-discrimination"
    /// Discriminative efficiency below 15: Moodle's own mark.
    case dubious = "dubious"

    public static let tooEasyAbove = 0.90
    public static let tooHardBelow = 0.10
    public static let dubiousEfficiencyBelow = 15.0

    /// The flags a question's figures earn, in the order of `allCases`.
    static func flags(for question: QuestionStatistics) -> [ItemFlag] {
        var flags: [ItemFlag] = []
        if let facility = question.facility {
            if facility > tooEasyAbove { flags.append(.tooEasy) }
            let guessing = question.randomGuessScore.map { facility <= $0 } ?? false
            if facility < tooHardBelow || guessing { flags.append(.tooHard) }
        }
        if let index = question.discriminationIndex, index < 0 { flags.append(.negativelyDiscriminating) }
        if let efficiency = question.discriminativeEfficiency, efficiency < dubiousEfficiencyBelow { flags.append(.dubious) }
        return flags
    }

    /// A few words for a person.
    public var explanation: String {
        switch self {
        case .tooEasy: "too easy: facility above 90%"
        case .tooHard: "too hard: facility below 10% or no better than guessing"
        case .negativelyDiscriminating: "negatively discriminating: those who did well elsewhere did worse here"
        case .dubious: "discriminative efficiency below 15% (Moodle's dubious mark)"
        }
    }
}
