@testable import Curriculum
import Testing

/// The import cases of Moodle's own GIFT test, `question/format/gift/tests/giftformat_test.php`
/// (class `qformat_gift\giftformat_test`), each named after its method, with the GIFT text as
/// the PHP literal means it and the fields it asserts. Its export tests are not here: this
/// side only reads GIFT. Moodle's defaults the test also checks (`defaultmark` 1, `penalty`
/// 0.3333333, or 1 for true/false) are not kept by `GIFTQuestion`.
@Suite("Moodle's GIFT import tests")
struct MoodleGIFTImportTests {
    @Test func test_import_essay() throws {
        let gift = "\n// essay\n::Q8:: How are you? {}"
        #expect(try onlyQuestion(gift) == GIFTQuestion(name: "Q8", text: text("How are you?"), generalFeedback: text(""), kind: .essay, line: 3))
    }

    @Test func test_import_match() throws {
        let gift = """

            // question: 2  name: Moodle activities
            ::Moodle activities::[html]Match the <b>activity</b> to the description.{
                =[html]An activity supporting asynchronous discussions. -> Forum
                =[moodle]A teacher asks a question and specifies a choice of multiple responses. -> Choice
                =[plain]A bank of record entries which participants can add to. -> Database
                =[markdown]A collection of web pages that anyone can add to or edit. -> Wiki
                = -> Chat
            }
            """
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "Moodle activities", text: text("Match the <b>activity</b> to the description.", .html), generalFeedback: text("", .html),
            kind: .matching([
                pair("An activity supporting asynchronous discussions.", "Forum", .html),
                pair("A teacher asks a question and specifies a choice of multiple responses.", "Choice", .moodle),
                pair("A bank of record entries which participants can add to.", "Database", .plain),
                pair("A collection of web pages that anyone can add to or edit.", "Wiki", .markdown),
                // The prompt of the extra answer takes the question's format, as the test expects.
                pair("", "Chat", .html),
            ]),
            line: 3
        ))
    }

    /// Run there once per answer numbering style; numbering is the quiz's business here.
    @Test func test_import_multichoice() throws {
        let gift = """

            // multiple choice with specified feedback for right and wrong answers
            ::Q2:: What's between orange and green in the spectrum?
            {
                =yellow # right; good!
                ~red # [html]wrong, it's yellow
                ~[plain]blue # wrong, it's yellow
            }
            """
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "Q2", text: text("What's between orange and green in the spectrum?"), generalFeedback: text(""),
            kind: .multipleChoice(.init(allowsSeveral: false, choices: [
                GIFTQuestion.Choice(text("yellow"), fraction: 1, feedback: text("right; good!")),
                GIFTQuestion.Choice(text("red"), fraction: 0, feedback: text("wrong, it's yellow", .html)),
                GIFTQuestion.Choice(text("blue", .plain), fraction: 0, feedback: text("wrong, it's yellow")),
            ])),
            line: 3
        ))
    }

    @Test func test_import_multichoice_multi() throws {
        let gift = """

            // multiple choice, multiple response with specified feedback for right and wrong answers
            ::colours:: What's between orange and green in the spectrum?
            {
                ~%50%yellow # right; good!
                ~%-100%red # [html]wrong
                ~%50%off-beige # right; good!
                ~%-100%[plain]blue # wrong
            }
            """
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "colours", text: text("What's between orange and green in the spectrum?"), generalFeedback: text(""),
            kind: .multipleChoice(.init(allowsSeveral: true, choices: [
                GIFTQuestion.Choice(text("yellow"), fraction: 0.5, feedback: text("right; good!")),
                GIFTQuestion.Choice(text("red"), fraction: -1, feedback: text("wrong", .html)),
                GIFTQuestion.Choice(text("off-beige"), fraction: 0.5, feedback: text("right; good!")),
                GIFTQuestion.Choice(text("blue", .plain), fraction: -1, feedback: text("wrong")),
            ])),
            line: 3
        ))
    }

    @Test func test_import_multichoice_multi_tricky() throws {
        let gift = """

            // multiple choice, multiple response with specified feedback for right and wrong answers
            ::colours:: What's between orange and green in the spectrum?
            {
                ~%100%yellow # right; good!
                ~%-50%red # wrong
                ~%-50%blue # wrong
            }
            """
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "colours", text: text("What's between orange and green in the spectrum?"), generalFeedback: text(""),
            kind: .multipleChoice(.init(allowsSeveral: true, choices: [
                choice("yellow", 1, "right; good!"), choice("red", -0.5, "wrong"), choice("blue", -0.5, "wrong"),
            ])),
            line: 3
        ))
    }

    /// Moodle's answers `['3', '*']`, tolerances `[2, '']`: the `~#` feedback becomes an answer for any number.
    @Test func test_import_numerical() throws {
        let gift = "\n// math range question\n::Q5:: What is a number from 1 to 5? {#3:2~#Completely wrong}"
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "Q5", text: text("What is a number from 1 to 5?"), generalFeedback: text(""),
            kind: .numerical([
                number(3, tolerance: 2, 1, ""),
                GIFTQuestion.NumericalAnswer(.anyValue, fraction: 0, feedback: text("Completely wrong")),
            ]),
            line: 3
        ))
    }

    @Test func test_import_shortanswer() throws {
        let gift = """

            // question: 666  name: Shortanswer
            ::Shortanswer::Which is the best animal?{
                =Frog#Good!
                =%50%Cat#What is it with Moodlers and cats?
                =%0%*#Completely wrong
            }
            """
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "Shortanswer", text: text("Which is the best animal?"), generalFeedback: text(""),
            kind: .shortAnswer([short("Frog", 1, "Good!"), short("Cat", 0.5, "What is it with Moodlers and cats?"), short("*", 0, "Completely wrong")]),
            line: 3
        ))
    }

    @Test func test_import_shortanswer_with_general_feedback() throws {
        let gift = """

            // question: 666  name: Shortanswer
            ::Shortanswer::Which is the best animal?{
                =Frog#Good!
                =%50%Cat#What is it with Moodlers and cats?
                =%0%*#Completely wrong
                ####[html]Here is some general feedback!
            }
            """
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "Shortanswer", text: text("Which is the best animal?"), generalFeedback: text("Here is some general feedback!", .html),
            kind: .shortAnswer([short("Frog", 1, "Good!"), short("Cat", 0.5, "What is it with Moodlers and cats?"), short("*", 0, "Completely wrong")]),
            line: 3
        ))
    }

    /// `FALSE#wrong#right`: the first feedback is for the wrong answer (here true), the second for the right one.
    @Test func test_import_truefalse() throws {
        let gift = "\n// true/false\n::Q1:: 42 is the Absolute Answer to everything.{\nFALSE#42 is the Ultimate Answer.#You gave the right answer.}"
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "Q1", text: text("42 is the Absolute Answer to everything."), generalFeedback: text(""),
            kind: .trueFalse(.init(answer: false, feedbackForTrue: text("42 is the Ultimate Answer."), feedbackForFalse: text("You gave the right answer."))),
            line: 3
        ))
    }

    @Test func test_import_truefalse_true_answer1() throws {
        let gift = "// name 0-11\n::2-08 TSL::TSL is blablabla.{T}"
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "2-08 TSL", text: text("TSL is blablabla."), generalFeedback: text(""),
            kind: .trueFalse(.init(answer: true, feedbackForTrue: text(""), feedbackForFalse: text(""))), line: 2
        ))
    }

    @Test func test_import_truefalse_true_answer2() throws {
        let gift = "// name 0-11\n::2-08 TSL::TSL is blablabla.{TRUE}"
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "2-08 TSL", text: text("TSL is blablabla."), generalFeedback: text(""),
            kind: .trueFalse(.init(answer: true, feedbackForTrue: text(""), feedbackForFalse: text(""))), line: 2
        ))
    }

    /// MDL-34171: `\\` is one backslash, so two of them and four become one and two.
    @Test func test_import_backslash() throws {
        let gift = "\n// essay\n" + #"::double backslash:: A \\ B \\\\ C{}"#
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "double backslash", text: text(#"A \ B \\ C"#), generalFeedback: text(""), kind: .essay, line: 3
        ))
    }

    /// The test hands its lines to `readquestion` as they are and expects the `<pre>` block's
    /// indentation kept. A file goes through `readquestions` first, which trims every line, so
    /// imported from a file (as here) the indentation is gone; the escaped braces, the HTML
    /// format and the essay type are as the test says.
    @Test func test_import_pre_content() throws {
        let gift = """

            ::Q001::[html]<p>What would running the test method print?</p>
            <pre>
                public void test() \\{
                    method1();
                    method2();
                    method3();
                \\}
            </pre>
            {}
            """
        let question = try onlyQuestion(gift)
        #expect(question == GIFTQuestion(
            name: "Q001",
            text: text("<p>What would running the test method print?</p>\n<pre>\npublic void test() {\nmethod1();\nmethod2();\nmethod3();\n}\n</pre>", .html),
            generalFeedback: text("", .html), kind: .essay, line: 2
        ))
    }

    @Test func test_import_question_with_tags() throws {
        let gift = "\n// This question is to test importing tags: [tag:tag] [tag:other-tag].\n// And an idnumber: [id:myid].\n::Question name:: How are you? {}"
        #expect(try onlyQuestion(gift) == GIFTQuestion(
            name: "Question name", text: text("How are you?"), generalFeedback: text(""), kind: .essay,
            idNumber: "myid", tags: ["tag", "other-tag"], line: 4
        ))
    }

    /// `extract_idnumber_and_tags_from_comment_testcases`, the PHP strings as PHP reads them.
    @Test(arguments: [
        ("blank comment", "", "", [String]()),
        ("nothing in comment", "// A basic comment.", "", []),
        ("idnumber only", "// A comment with [id:frog] <-- an idnumber.", "frog", []),
        ("tags only", "// Look tags: [tag:frog] [tag:toad].", "", ["frog", "toad"]),
        ("everything", "// [tag:add] [tag:basic] [id:four]", "four", ["add", "basic"]),
        ("everything mixed up", "// [tag:  basic] Here is  \n// a [id:   four   ] que[tag:add   ]stion.", "four", ["basic", "add"]),
        ("split over line", "// Ceci n\\'est pas une [tag:\n\\ frog].", "", []),
        ("escape ] idnumber", "// [id:i\\]d].", "i]d", []),
        ("escape ] tag", "// [tag:t\\]ag].", "", ["t]ag"]),
    ])
    func test_extract_idnumber_and_tags_from_comment(name: String, comment: String, idNumber: String, tags: [String]) {
        let found = GIFTCommentTokens.idNumberAndTags(in: comment)
        #expect(found.idNumber == idNumber, "\(name)")
        #expect(found.tags == tags, "\(name)")
    }
}
