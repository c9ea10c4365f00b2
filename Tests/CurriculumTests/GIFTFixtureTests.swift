import Curriculum
import Testing

/// The three GIFT files in `shared/fixtures/gift/`, read whole, against what Moodle's importer
/// makes of them. No PHP runs here: each expected question was worked out by hand from
/// `qformat_default::readquestions` and `qformat_gift::readquestion` (Moodle's current
/// `question/format/gift/format.php`), following the PHP line by line. Where that gives
/// something surprising, a comment says which rule does it.
@Suite("Moodle's GIFT files")
struct GIFTFixtureTests {
    static let grantMultipleChoice = GIFTQuestion.Kind.multipleChoice(.init(allowsSeveral: false, choices: [
        choice("Grant", 0), choice("Jefferson", 0), choice("no one", 1),
    ]))
    static let grantMissingWord = GIFTQuestion.Kind.multipleChoice(.init(allowsSeveral: false, choices: [
        choice("buried", 0), choice("entombed", 1), choice("living", 0),
    ]))
    static let grantShortAnswer = GIFTQuestion.Kind.shortAnswer([short("no one", 1), short("nobody", 1)])
    static let grantFalse = GIFTQuestion.Kind.trueFalse(.init(answer: false, feedbackForTrue: text(""), feedbackForFalse: text("")))
    static let thanksgiving = GIFTQuestion.Kind.multipleChoice(.init(allowsSeveral: false, choices: [
        choice("second", 0), choice("third", 0), choice("fourth", 1),
    ]))
    static let jesusShortAnswer = GIFTQuestion.Kind.shortAnswer([
        short("Nazareth", 1, "Yes! That's right!"), short("Nazereth", 0.75, "Right, but misspelled."),
        short("Bethlehem", 0.25, "He was born here, but not raised here."),
    ])

    /// A question with no name, so named after its text, and no general feedback.
    static func unnamed(_ questionText: String, _ kind: GIFTQuestion.Kind, line: Int) -> GIFTQuestion {
        GIFTQuestion(name: questionText, text: text(questionText), generalFeedback: text(""), kind: kind, line: line)
    }

    static func named(_ name: String, _ questionText: String, _ kind: GIFTQuestion.Kind, line: Int) -> GIFTQuestion {
        GIFTQuestion(name: name, text: text(questionText), generalFeedback: text(""), kind: kind, line: line)
    }

    @Test func examplesFileGivesMoodlesFortyThreeQuestions() throws {
        // Given Moodle's question/format/gift/examples.txt
        let source = try Fixtures.text("gift/examples.txt")

        // When it is read
        let questions = try GIFTParser.parse(source, fileName: "examples.txt")

        // Then each block between blank lines is a question, comment-only blocks are skipped
        let pi = (3.142 + 3.141) / 2
        let expected: [GIFTQuestion] = [
            // Examples from the class description.
            Self.unnamed("Who's buried in Grant's tomb?", Self.grantMultipleChoice, line: 8),
            // Answers inside the text: the missing word format keeps the text around a blank.
            Self.unnamed("Grant is _____ in Grant's tomb.", Self.grantMissingWord, line: 10),
            Self.unnamed("Grant is buried in Grant's tomb.", Self.grantFalse, line: 12),
            Self.unnamed("Who's buried in Grant's tomb?", Self.grantShortAnswer, line: 14),
            Self.unnamed("When was Ulysses S. Grant born?", .numerical([number(1822, tolerance: 1)]), line: 16),
            // Examples from the documentation: multiple choice.
            Self.unnamed("Who's buried in Grant's tomb?", Self.grantMultipleChoice, line: 25),
            Self.unnamed("Grant is _____ in Grant's tomb.", Self.grantMissingWord, line: 27),
            // Longer than 80 characters: `shorten_text` cuts the name after the last space and adds "...".
            GIFTQuestion(
                name: "The American holiday of Thanksgiving is celebrated on the _____ Thursday of ...",
                text: text("The American holiday of Thanksgiving is celebrated on the _____ Thursday of November."),
                generalFeedback: text(""), kind: Self.thanksgiving, line: 29
            ),
            Self.unnamed("Japanese characters originally came from what country?", .multipleChoice(.init(allowsSeveral: false, choices: [
                choice("India", 0), choice("China", 1), choice("Korea", 0), choice("Egypt", 0),
            ])), line: 35),
            // Short answer.
            Self.unnamed("Who's buried in Grant's tomb?", Self.grantShortAnswer, line: 43),
            Self.unnamed("Two plus two equals _____.", .shortAnswer([short("four", 1), short("4", 1)]), line: 45),
            // True-false.
            Self.unnamed("Grant is buried in Grant's tomb.", Self.grantFalse, line: 49),
            Self.unnamed("The sun rises in the east.", .trueFalse(.init(answer: true, feedbackForTrue: text(""), feedbackForFalse: text(""))), line: 51),
            // Matching.
            Self.unnamed("Matching Question.", .matching([
                pair("subquestion1", "subanswer1"), pair("subquestion2", "subanswer2"), pair("subquestion3", "subanswer3"),
            ]), line: 55),
            Self.unnamed("Match the following countries with their corresponding capitals.", .matching([
                pair("Canada", "Ottawa"), pair("Italy", "Rome"), pair("Japan", "Tokyo"), pair("India", "New Delhi"),
            ]), line: 61),
            // Numerical: a value, a tolerance, a range (kept as its middle and half-width), weights.
            Self.unnamed("When was Ulysses S. Grant born?", .numerical([number(1822)]), line: 70),
            Self.unnamed("What is the value of pi (to 3 decimal places)? _____.", .numerical([number(3.1415, tolerance: 0.0005)]), line: 72),
            Self.unnamed("What is the value of pi (to 3 decimal places)? _____.", .numerical([number(pi, tolerance: 3.142 - pi)]), line: 74),
            Self.unnamed("When was Ulysses S. Grant born?", .numerical([number(1822, tolerance: 0, 1), number(1822, tolerance: 2, 0.5)]), line: 76),
            // A comment line above a question belongs to its block and is dropped.
            Self.unnamed("What's 2 plus 2?", .numerical([number(4)]), line: 85),
            // Question names; the line break inside the text stays.
            Self.named("Kanji Origins", "Japanese characters originally\ncame from what country?", .shortAnswer([short("China", 1)]), line: 90),
            Self.named("Thanksgiving Date", "The American holiday of Thanksgiving is\ncelebrated on the _____ Thursday of November.", Self.thanksgiving, line: 93),
            // Feedback.
            Self.unnamed("What's the answer to this multiple-choice question?", .multipleChoice(.init(allowsSeveral: false, choices: [
                choice("wrong answer", 0, "feedback comment on the wrong answer"),
                choice("another wrong answer", 0, "feedback comment on this wrong answer"),
                choice("right answer", 1, "Very good!"),
            ])), line: 98),
            Self.unnamed("Who's buried in Grant's tomb?", .shortAnswer([short("no one", 1, "excellent answer!"), short("nobody", 1, "excellent answer!")]), line: 103),
            // [markdown]: the text's format is the default for its answers' feedback too.
            GIFTQuestion(
                name: "Who's buried in **Grant's tomb**?", text: text("Who's buried in **Grant's tomb**?", .markdown), generalFeedback: text("", .markdown),
                kind: .shortAnswer([short("no one", 1, "excellent answer!", .markdown), short("nobody", 1, "excellent answer!", .markdown)]),
                line: 108
            ),
            // Percentage answer weights. FALSE#feedback: the one feedback is for a wrong answer, true.
            Self.unnamed("Grant is buried in Grant's tomb.", .trueFalse(.init(answer: false, feedbackForTrue: text("No one is buried in Grant's tomb."), feedbackForFalse: text(""))), line: 113),
            Self.unnamed("Difficult question.", .multipleChoice(.init(allowsSeveral: false, choices: [
                choice("wrong answer", 0), choice("half credit answer", 0.5), choice("full credit answer", 1),
            ])), line: 115),
            Self.named("Jesus' hometown", "Jesus Christ was from _____.", .multipleChoice(.init(allowsSeveral: false, choices: [
                choice("Jerusalem", 0, "This was an important city, but the wrong answer."),
                choice("Bethlehem", 0.25, "He was born here, but not raised here."),
                choice("Galilee", 0.5, "You need to be more specific."),
                choice("Nazareth", 1, "Yes! That's right!"),
            ])), line: 117),
            Self.named("Jesus' hometown", "Jesus Christ was from", Self.jesusShortAnswer, line: 123),
            // Multiple answers: no `=`, so several may be chosen.
            Self.unnamed("What two people are entombed in Grant's tomb?", .multipleChoice(.init(allowsSeveral: true, choices: [
                choice("No one", 0), choice("Grant", 0.5), choice("Grant's wife", 0.5), choice("Grant's father", 0),
            ])), line: 130),
            Self.unnamed("What two people are entombed in Grant's tomb?", .multipleChoice(.init(allowsSeveral: true, choices: [
                choice("No one", -0.5), choice("Grant", 0.5), choice("Grant's wife", 0.5), choice("Grant's father", -0.5),
            ])), line: 136),
            // Special characters: escaped, they are text.
            Self.unnamed("Which answer equals 5?", .multipleChoice(.init(allowsSeveral: false, choices: [
                choice("= 2 + 2", 0), choice("= 2 + 3", 1), choice("= 2 + 4", 0),
            ])), line: 143),
            // Every line is trimmed before the question is read, so the feedback's indentation goes.
            Self.named("GIFT Control Characters", "Which of the following is NOT a control character for the GIFT import format?", .multipleChoice(.init(allowsSeveral: false, choices: [
                choice("~", 0, "~ is a control character."),
                choice("=", 0, "= is a control character."),
                choice("#", 0, "# is a control character."),
                choice("{", 0, "{ is a control character."),
                choice("}", 0, "} is a control character."),
                choice("\\", 1, "Correct! \\ (backslash) is not a control character. BUT,\nit is used to escape the control characters. So, to specify\na literal backslash, you must escape it with a backslash\n(as shown in this example)."),
            ])), line: 148),
            // Examples from gift/format.php.
            Self.unnamed("Who's buried in Grant's tomb?", Self.grantMultipleChoice, line: 167),
            Self.unnamed("Grant is _____ in Grant's tomb.", Self.grantMissingWord, line: 169),
            Self.unnamed("Grant is buried in Grant's tomb.", Self.grantFalse, line: 171),
            Self.unnamed("Who's buried in Grant's tomb?", Self.grantShortAnswer, line: 173),
            Self.unnamed("When was Ulysses S. Grant born?", .numerical([number(1822, tolerance: 5)]), line: 175),
            Self.unnamed("Match the following countries with their corresponding\ncapitals.", .matching([
                pair("Canada", "Ottawa"), pair("Italy", "Rome"), pair("Japan", "Tokyo"),
            ]), line: 177),
            // More complicated examples.
            Self.named("Grant's Tomb", "Grant is _____ in Grant's tomb.", .multipleChoice(.init(allowsSeveral: false, choices: [
                choice("buried", 0, "No one is buried there."), choice("entombed", 1, "Right answer!"), choice("living", 0, "We hope not!"),
            ])), line: 184),
            Self.unnamed("Difficult multiple choice question.", .multipleChoice(.init(allowsSeveral: false, choices: [
                choice("wrong answer", 0, "comment on wrong answer"), choice("half credit answer", 0.5, "comment on answer"),
                choice("full credit answer", 1, "well done!"),
            ])), line: 190),
            Self.named("Jesus' hometown (Short answer ex.)", "Jesus Christ was from _____.", Self.jesusShortAnswer, line: 195),
            Self.named("Numerical example", "When was Ulysses S. Grant born?", .numerical([
                number(1822, tolerance: 0, 1, "Correct! 100% credit"),
                number(1822, tolerance: 2, 0.5, "He was born in 1822.\nYou get 50% credit for being close."),
            ]), line: 202),
        ]
        #expect(questions.count == expected.count)
        for (found, wanted) in zip(questions, expected) {
            #expect(found == wanted)
        }
    }

    @Test func importerTestFileGivesItsNineQuestions() throws {
        // Given question/format/gift/tests/fixtures/questions.gift.txt (Moodle's import.feature
        // expects "Importing 9 questions from file")
        let source = try Fixtures.text("gift/questions.gift.txt")

        // When it is read
        let questions = try GIFTParser.parse(source, fileName: "questions.gift.txt")

        // Then
        let expected: [GIFTQuestion] = [
            Self.named("Q8", "How are you?", .essay, line: 2),
            GIFTQuestion(
                name: "Moodle activities", text: text("Match the <b>activity</b> to the description.", .html), generalFeedback: text("", .html),
                kind: .matching([
                    pair("An activity supporting asynchronous discussions.", "Forum", .html),
                    pair("A teacher asks a question and specifies a choice of multiple responses.", "Choice", .moodle),
                    pair("A bank of record entries which participants can add to.", "Database", .plain),
                    pair("A collection of web pages that anyone can add to or edit.", "Wiki", .markdown),
                    pair("", "Chat", .html),
                ]),
                line: 5
            ),
            Self.named("Q2", "What's between orange and green in the spectrum?", .multipleChoice(.init(allowsSeveral: false, choices: [
                GIFTQuestion.Choice(text("yellow"), fraction: 1, feedback: text("right; good!")),
                GIFTQuestion.Choice(text("red"), fraction: 0, feedback: text("wrong, it's yellow", .html)),
                GIFTQuestion.Choice(text("blue", .plain), fraction: 0, feedback: text("wrong, it's yellow")),
            ])), line: 14),
            Self.named("colours", "What's between orange and green in the spectrum?", .multipleChoice(.init(allowsSeveral: true, choices: [
                GIFTQuestion.Choice(text("yellow"), fraction: 0.5, feedback: text("right; good!")),
                GIFTQuestion.Choice(text("red"), fraction: -1, feedback: text("wrong", .html)),
                GIFTQuestion.Choice(text("off-beige"), fraction: 0.5, feedback: text("right; good!")),
                GIFTQuestion.Choice(text("blue", .plain), fraction: -1, feedback: text("wrong")),
            ])), line: 22),
            // The file keeps the `";` that closed the PHP string it was cut from. The text then
            // does not end with `}`, so Moodle reads the answers as a missing word.
            Self.named("Q5", "What is a number from 1 to 5? _____\";", .numerical([
                number(3, tolerance: 2, 1), GIFTQuestion.NumericalAnswer(.anyValue, fraction: 0, feedback: text("Completely wrong")),
            ]), line: 31),
            Self.named("Shortanswer", "Which is the best animal?", .shortAnswer([
                short("Frog", 1, "Good!"), short("Cat", 0.5, "What is it with Moodlers and cats?"), short("*", 0, "Completely wrong"),
            ]), line: 34),
            GIFTQuestion(
                name: "Q1", text: text("42 is the Absolute Answer to everything._____\";"),
                generalFeedback: text("This is, of course, a Hitchiker's Guide to the Galaxy reference."),
                kind: .trueFalse(.init(answer: false, feedbackForTrue: text("42 is the Ultimate Answer."), feedbackForFalse: text("You gave the right answer."))),
                line: 41
            ),
            Self.named("2-08 TSL", "TSL is blablabla.", .trueFalse(.init(answer: true, feedbackForTrue: text(""), feedbackForFalse: text(""))), line: 46),
            Self.named("2-08 TSL", "TSL is blablabla.", .trueFalse(.init(answer: true, feedbackForTrue: text(""), feedbackForFalse: text(""))), line: 49),
        ]
        #expect(questions.count == 9)
        for (found, wanted) in zip(questions, expected) {
            #expect(found == wanted)
        }
    }

    @Test func categoryFileFilesEveryQuestionUnderItsCategory() throws {
        // Given question/format/gift/tests/fixtures/questions_in_category.gift.txt
        let source = try Fixtures.text("gift/questions_in_category.gift.txt")

        // When it is read
        let questions = try GIFTParser.parse(source, fileName: "questions_in_category.gift.txt")

        // Then the $CATEGORY block is no question, and the four after it are in its category
        let category = "$course$/Default for New Features"
        func html(_ name: String, _ questionText: String, _ kind: GIFTQuestion.Kind, line: Int) -> GIFTQuestion {
            GIFTQuestion(name: name, text: text(questionText, .html), generalFeedback: text("", .html), kind: kind, category: category, line: line)
        }
        let expected: [GIFTQuestion] = [
            html("Moodle activities", "Match the activity to the description.", .matching([
                pair("An activity supporting asynchronous discussions.", "Forum", .html),
                pair("A teacher asks a question and specifies a choice of multiple responses.", "Choice", .html),
                pair("A bank of record entries which participants can add to.", "Database", .html),
                pair("A collection of web pages that anyone can add to or edit.", "Wiki", .html),
                pair("", "Chat", .html),
            ]), line: 5),
            // The escaped `\=` and `\:` are plain characters of the HTML.
            html(
                "Greeting",
                "<a href=\"http://demo.moodle.net/file.php/5/media/bonjour.mp3\">Listen to this greeting:</a><br /><br />What language is being spoken?",
                .multipleChoice(.init(allowsSeveral: false, choices: [
                    choice("English", 0, "Sorry, listen again.", .html), choice("French", 1, "Yes, well done!", .html),
                    choice("German", 0, "Sorry, listen again.", .html), choice("Spanish", 0, "Sorry, listen again.", .html),
                ])),
                line: 14
            ),
            // `=%100%Moodler#`: Moodle's weight pattern takes 100 (two digits, then more), the feedback is empty.
            html("Moodle user", "Anyone who uses Moodle is a ...", .shortAnswer([short("Moodler", 1, "", .html)]), line: 22),
            html(
                "Moodle acronym",
                "Moodle is an acronym for <span style=\"font-style: italic;\">Modular Object-Oriented Dynamic Learning Environment</span>.",
                .trueFalse(.init(answer: true, feedbackForTrue: text("", .html), feedbackForFalse: text("", .html))),
                line: 27
            ),
        ]
        #expect(questions == expected)
    }
}
