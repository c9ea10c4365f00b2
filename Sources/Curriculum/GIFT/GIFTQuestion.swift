/// One question of a GIFT quiz, as Moodle's importer makes it.
///
/// The members are what `qformat_gift::readquestion` (Moodle's
/// `question/format/gift/format.php`) fills in and Moodle then keeps: the name, the text
/// and general feedback with their text formats, the answers with their fractions and
/// feedback, the `$CATEGORY` in force, and the id number and tags written in the
/// question's comment lines. Marks and penalties are left out: Moodle gives every
/// imported question the same defaults, and a course here sets its own.
public struct GIFTQuestion: Equatable, Sendable {
    /// `::name::`, or the start of the text (80 characters at most) when there is none.
    public var name: String
    /// The question text. A missing word question keeps its blank as `_____`, where the
    /// answers stood, with the text before and after it.
    public var text: GIFTText
    /// `####...` before the closing brace: shown to everyone after they answer.
    public var generalFeedback: GIFTText
    public var kind: Kind
    /// The path of the last `$CATEGORY:` before the question, nil when there was none.
    public var category: String?
    /// `[id:...]` in a comment line of the question, empty when there is none.
    public var idNumber: String
    /// `[tag:...]` in the question's comment lines, in order.
    public var tags: [String]
    /// The line the question starts on, counting from 1 (comment lines before it not counted).
    public var line: Int

    public init(
        name: String, text: GIFTText, generalFeedback: GIFTText, kind: Kind, category: String? = nil,
        idNumber: String = "", tags: [String] = [], line: Int
    ) {
        self.name = name
        self.text = text
        self.generalFeedback = generalFeedback
        self.kind = kind
        self.category = category
        self.idNumber = idNumber
        self.tags = tags
        self.line = line
    }
}

/// How a piece of question text is to be read: `[html]`, `[moodle]`, `[markdown]` or
/// `[plain]` before it, as in Moodle.
public enum GIFTTextFormat: String, Equatable, Sendable, CaseIterable {
    /// Moodle's own auto-format (paragraphs from blank lines, links made live): GIFT's default.
    case moodle
    case html
    case plain
    case markdown
}

/// Text with the format it is written in.
public struct GIFTText: Equatable, Sendable {
    public var text: String
    public var format: GIFTTextFormat

    public init(_ text: String, _ format: GIFTTextFormat = .moodle) {
        self.text = text
        self.format = format
    }
}

extension GIFTQuestion {
    /// The question types GIFT can write, with their answers.
    public enum Kind: Equatable, Sendable {
        /// Text with no braces (Moodle's "description"): shown, never answered.
        case description
        /// `{}`: a free answer, graded by a trainer.
        case essay
        /// `{=right ~wrong}`; with no `=`, weights like `~%50%` and several answers may be chosen.
        case multipleChoice(MultipleChoice)
        /// `{T}`, `{TRUE}`, `{F}`, `{FALSE}`, each with optional `#wrong#right` feedback.
        case trueFalse(TrueFalse)
        /// `{=answer =%50%near miss}`: typed answers compared without regard to case, `*` a wildcard.
        case shortAnswer([ShortAnswer])
        /// `{#42}`, `{#3.14:0.01}`, `{#1..5}`, or several `=` answers with weights.
        case numerical([NumericalAnswer])
        /// `{=prompt -> answer ...}`; a pair with no prompt is an extra wrong answer.
        case matching([MatchingPair])
    }

    public struct MultipleChoice: Equatable, Sendable {
        /// True when no answer starts with `=`: each chosen answer's weight is added
        /// (Moodle's "multiple answers"); otherwise exactly one is chosen.
        public var allowsSeveral: Bool
        public var choices: [Choice]

        public init(allowsSeveral: Bool, choices: [Choice]) {
            self.allowsSeveral = allowsSeveral
            self.choices = choices
        }
    }

    public struct Choice: Equatable, Sendable {
        public var text: GIFTText
        /// -1...1: 1 for `=`, the weight for `~%w%`, 0 for a plain `~`.
        public var fraction: Double
        public var feedback: GIFTText

        public init(_ text: GIFTText, fraction: Double, feedback: GIFTText) {
            self.text = text
            self.fraction = fraction
            self.feedback = feedback
        }
    }

    public struct TrueFalse: Equatable, Sendable {
        /// The right answer.
        public var answer: Bool
        /// Shown to someone who answers true (right or wrong as `answer` says).
        public var feedbackForTrue: GIFTText
        public var feedbackForFalse: GIFTText

        public init(answer: Bool, feedbackForTrue: GIFTText, feedbackForFalse: GIFTText) {
            self.answer = answer
            self.feedbackForTrue = feedbackForTrue
            self.feedbackForFalse = feedbackForFalse
        }
    }

    public struct ShortAnswer: Equatable, Sendable {
        /// Compared with the typed answer ignoring case; `*` stands for any run of characters
        /// and `\*` for a star.
        public var pattern: String
        public var fraction: Double
        public var feedback: GIFTText

        public init(_ pattern: String, fraction: Double, feedback: GIFTText) {
            self.pattern = pattern
            self.fraction = fraction
            self.feedback = feedback
        }
    }

    public struct NumericalAnswer: Equatable, Sendable {
        public var target: NumericalTarget
        public var fraction: Double
        public var feedback: GIFTText

        public init(_ target: NumericalTarget, fraction: Double, feedback: GIFTText) {
            self.target = target
            self.fraction = fraction
            self.feedback = feedback
        }
    }

    /// What a numerical answer accepts. A range `min..max` is kept as Moodle keeps it: its
    /// middle with half its width as the tolerance.
    public enum NumericalTarget: Equatable, Sendable {
        case value(Double, tolerance: Double)
        /// `*`, and the `~#feedback` Moodle adds for every other number.
        case anyValue
    }

    public struct MatchingPair: Equatable, Sendable {
        /// Empty for an extra answer that matches no prompt.
        public var prompt: GIFTText
        public var answer: String

        public init(_ prompt: GIFTText, answer: String) {
            self.prompt = prompt
            self.answer = answer
        }
    }
}
