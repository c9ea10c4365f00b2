import Curriculum
import Testing

/// Our own cases: the parts of GIFT the fixtures touch lightly, Moodle's quirks kept on
/// purpose, and the sentences a person gets for a file that cannot be read.
@Suite("GIFT parsing")
struct GIFTParserTests {
    @Test func escapesStandForTheirCharactersAndBackslashNForALineBreak() throws {
        // Given a name with \:, a text with \n, \{ \} \# \~ \= in it, and \\ before an answer brace
        let question = try onlyQuestion(##"::Ratio 1\:2::Line one\nline two: \{a\} \# \~ \= {T}"##)
        // Then the escapes are characters of the text and the answers are still found
        #expect(question.name == "Ratio 1:2")
        #expect(question.text == text("Line one\nline two: {a} # ~ ="))
        #expect(question.kind == .trueFalse(.init(answer: true, feedbackForTrue: text(""), feedbackForFalse: text(""))))

        // \\ is a backslash that escapes nothing, so the brace after it opens the answers
        let costs = try onlyQuestion(#"Costs \\{=5}"#)
        #expect(costs.text == text(#"Costs \"#))
        #expect(costs.kind == .shortAnswer([short("5", 1)]))
        // A backslash before anything else stays
        #expect(try onlyQuestion(#"C:\temp is a folder.{T}"#).text.text == #"C:\temp is a folder."#)
    }

    @Test func commentLinesAreDroppedWhereverTheyStand() throws {
        // Given a file of only comments, and a question with a comment inside its answers
        #expect(try GIFTParser.parse("// nothing here\n// or here", fileName: "notes.gift").isEmpty)
        let question = try onlyQuestion("// before\nPick one {\n// a note between answers\n=yes\n~no\n}")
        // Then the comment is neither text nor answer, and the question starts after the comment above it
        #expect(question.kind == .multipleChoice(.init(allowsSeveral: false, choices: [choice("yes", 1), choice("no", 0)])))
        #expect(question.line == 2)
    }

    @Test func questionsAreSeparatedByBlankLinesWhateverTheLineEndings() throws {
        // Given a byte order mark, Windows line endings, a line of spaces and a line holding
        // only 0 (blank to PHP's `empty`) between questions
        let source = "\u{FEFF}First{T}\r\n   \r\nSecond{F}\r\n0\r\nThird{TRUE}\n\nFourth{FALSE}"
        // When read
        let questions = try GIFTParser.parse(source, fileName: "windows.gift")
        // Then there are four, each on its own line
        #expect(questions.map(\.name) == ["First", "Second", "Third", "Fourth"])
        #expect(questions.map(\.line) == [1, 3, 5, 7])
    }

    @Test func textWithoutBracesIsADescriptionAndEmptyBracesAnEssay() throws {
        let description = try onlyQuestion("Read the next three questions carefully.")
        #expect(description.kind == .description)
        #expect(description.text == text("Read the next three questions carefully."))
        let essay = try onlyQuestion("::Why::Why do we label?{####[markdown]Think of *who* uses the labels.}")
        #expect(essay.kind == .essay)
        // General feedback takes its own format; the question keeps the default
        #expect(essay.generalFeedback == text("Think of *who* uses the labels.", .markdown))
        #expect(essay.text.format == .moodle)
    }

    @Test func formatsAreTheFourMoodleNamesAndAnyOtherBracketIsText() throws {
        #expect(try onlyQuestion("[plain]2 < 3?{T}").text == text("2 < 3?", .plain))
        #expect(try onlyQuestion("[foo]Bar?{T}").text == text("[foo]Bar?"))
        #expect(try onlyQuestion("[HTML]Bar?{T}").text == text("[HTML]Bar?"))
    }

    @Test func moodlesQuirksAreKept() throws {
        // True/false only in capitals: {true} is a short answer whose answer is "true"
        #expect(try onlyQuestion("Sky is blue {true}").kind == .shortAnswer([short("true", 1)]))
        // An = anywhere in a multiple-choice list starts a right answer, even inside feedback
        #expect(try onlyQuestion("Pick {~a#x=y ~b}").kind == .multipleChoice(.init(allowsSeveral: false, choices: [
            choice("a", 0, "x"), choice("y", 1), choice("b", 0),
        ])))
        // Text before the first ~ is an answer too
        #expect(try onlyQuestion("Pick {stray ~a =b}").kind == .multipleChoice(.init(allowsSeveral: false, choices: [
            choice("stray", 0), choice("a", 0), choice("b", 1),
        ])))
        // A name never closed is dropped and the question is named after its text
        let unclosed = try onlyQuestion("::Half a name {T}")
        #expect(unclosed.name == "Half a name")
        #expect(unclosed.text == text("Half a name"))
        // =%50% in a multiple-choice list is a right answer whose text starts %50%
        #expect(try onlyQuestion("Pick {=%50%a ~b}").kind == .multipleChoice(.init(allowsSeveral: false, choices: [
            choice("%50%a", 1), choice("b", 0),
        ])))
    }

    @Test func weightsSnapToMoodlesListOfFractions() throws {
        // 33.33333% and 33.333% are both a third as Moodle keeps it; 100% written with three digits is whole
        #expect(try onlyQuestion("Pick {~%33.33333%a ~%33.333%b ~%33.33333%c ~d}").kind == .multipleChoice(.init(allowsSeveral: true, choices: [
            choice("a", 0.3333333), choice("b", 0.3333333), choice("c", 0.3333333), choice("d", 0),
        ])))
        #expect(try onlyQuestion("Name it {=%100%frog =%-25%toad}").kind == .shortAnswer([short("frog", 1), short("toad", -0.25)]))
        // %100.0% is not Moodle's weight pattern (a point only after one or two digits), so it stays text
        #expect(try onlyQuestion("Name it {=%100.0%frog}").kind == .shortAnswer([short("%100.0%frog", 1)]))
    }

    @Test func numericalAnswersTakeValuesTolerancesRangesAndAStar() throws {
        let question = try onlyQuestion("How many? {#\n=%50%5:1#close\n=10..20\n=*#anything else counts\n}")
        #expect(question.kind == .numerical([
            number(5, tolerance: 1, 0.5, "close"), number(15, tolerance: 5),
            GIFTQuestion.NumericalAnswer(.anyValue, fraction: 1, feedback: text("anything else counts")),
        ]))
        // Exponents and signs as PHP's is_numeric takes them
        #expect(try onlyQuestion("Tiny {#-1.5e-3:+2E-4}").kind == .numerical([number(-0.0015, tolerance: 0.0002)]))
    }

    @Test func categoriesApplyToTheQuestionsAfterThemUntilTheNext() throws {
        let source = "Before{T}\n\n$CATEGORY: $course$/Basics\n\nOne{T}\n\nTwo{F}\n\n$CATEGORY: $course$/Basics/Keys\n\nThree{T}"
        let questions = try GIFTParser.parse(source, fileName: "course.gift")
        #expect(questions.map(\.category) == [nil, "$course$/Basics", "$course$/Basics", "$course$/Basics/Keys"])
    }

    @Test func aQuestionLaterInAFileIsRefusedWithItsLine() {
        // Given a good question, then answers opened on line 3 that never close
        let source = "Fine {T}\n\nWho is buried in Grant's tomb? {\n=no one\n=nobody\n"
        // Then the sentence names the file, the line of the { and the fix
        #expect(refusal(source, fileName: "grant.gift") == #"grant.gift:3: the answers open with { but never close; end them with }, or write \{ for a brace in the text"#)
    }

    @Test(arguments: [
        ("Who? =a}", #"quiz.gift:1: there is a } with no { before it; open the answers with {, or write \} for a brace in the text"#),
        ("a } b {T}", #"quiz.gift:1: a } comes before the { that opens the answers; write \} for a brace in the text"#),
        ("Pick {~only}", #"quiz.gift:1: a multiple-choice question needs at least two answers, each after ~ (or = for the right one); write \~ for a tilde in an answer"#),
        ("Pick {~one ~}", "quiz.gift:1: a multiple-choice question needs at least two answers with text; an answer here is empty"),
        ("Match {=a -> 1}", "quiz.gift:1: a matching question needs at least two pairs written =prompt -> answer"),
        ("Match {\n=a -> 1\n=b\n}", #"quiz.gift:3: "=b" has no ->; write each pair as =prompt -> answer, or \= for an equals sign"#),
        ("Match {=a -> 1 = -> 2}", "quiz.gift:1: a matching question needs at least two prompts to match; a pair written = -> answer only adds a wrong answer"),
        ("How many? {#}", "quiz.gift:1: a numerical question needs an answer after #, like {#42}, {#3.14:0.01} or {#1..5}"),
        ("How many? {#\n=4\n=abc\n}", #"quiz.gift:3: "abc" is not a number; write a number, number:tolerance or min..max, like 1822, 3.14:0.01 or 1..5"#),
        ("How many? {#1..x}", #"quiz.gift:1: the range "1..x" is not two numbers; write a number, number:tolerance or min..max, like 1822, 3.14:0.01 or 1..5"#),
        ("How many? {#3:two}", #"quiz.gift:1: the tolerance "two" in "3:two" is not a number; write a number, number:tolerance or min..max, like 1822, 3.14:0.01 or 1..5"#),
        ("Pick {~%--50%a =b}", "quiz.gift:1: the weight %--50% is not a number; write a percentage like %50% or %-25%"),
        ("Pick {\n~%33%a\n=b\n}", "quiz.gift:2: Moodle does not allow a weight of 33%; use one of 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 (or any of them negative)"),
        ("$CATEGORY: tom\nQuestion {T}", "quiz.gift:2: a $CATEGORY line stands alone; leave a blank line between it and the question after it"),
    ])
    func badQuestionsAreRefusedWithASentence(gift: String, sentence: String) {
        #expect(refusal(gift) == sentence)
    }

    @Test func noInputCrashesTheParser() throws {
        // Given prefixes of Moodle's examples (every 20th character), and the examples with each brace in turn removed
        let examples = try Fixtures.text("gift/examples.txt")
        let characters = Array(examples)
        var inputs = stride(from: 0, through: characters.count, by: 20).map { String(characters[..<$0]) }
        for index in characters.indices where characters[index] == "{" || characters[index] == "}" {
            var mangled = characters
            mangled.remove(at: index)
            inputs.append(String(mangled))
        }
        // When each is read, it gives questions or a sentence naming a line of the file
        let lineCount = examples.split(separator: "\n", omittingEmptySubsequences: false).count
        for input in inputs {
            do throws(GIFTError) {
                _ = try GIFTParser.parse(input, fileName: "examples.txt")
            } catch {
                #expect((1...lineCount).contains(error.line))
                #expect(!error.problem.isEmpty)
            }
        }
    }
}
