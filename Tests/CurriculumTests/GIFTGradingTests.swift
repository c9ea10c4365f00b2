import Curriculum
import Foundation
import Testing

/// One response graded per question type, as Moodle's question types grade it.
@Suite("GIFT grading")
struct GIFTGradingTests {
    @Test func oneChoiceEarnsItsOwnWeight() throws {
        // Given "Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}"
        let question = try onlyQuestion("Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}")
        // Then each choice earns its weight, and a choice that is not there earns nothing
        #expect(question.grade(.choice(0)) == .fraction(0))
        #expect(question.grade(.choice(1)) == .fraction(0.5))
        #expect(question.grade(.choice(2)) == .fraction(1))
        #expect(question.grade(.choice(7)) == .fraction(0))
        #expect(question.grade(.choices([1, 2])) == .fraction(0))
    }

    @Test func severalChoicesAddTheirWeightsWithinZeroAndOne() throws {
        // Given examples.txt's second "What two people are entombed" question (-50, 50, 50, -50)
        let question = try onlyQuestion("Who? {~%-50%No one ~%50%Grant ~%50%Grant's wife ~%-50%Grant's father}")
        #expect(question.grade(.choices([1, 2])) == .fraction(1))
        #expect(question.grade(.choices([1])) == .fraction(0.5))
        #expect(question.grade(.choices([0, 1])) == .fraction(0))
        // Below nothing is nothing, as in Moodle
        #expect(question.grade(.choices([0, 3])) == .fraction(0))
        #expect(question.grade(.choices([0, 1, 2, 3])) == .fraction(0))
        #expect(question.grade(.choice(2)) == .fraction(0.5))
    }

    @Test func trueFalseIsAllOrNothing() throws {
        let question = try onlyQuestion("Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.}")
        #expect(question.grade(.truth(false)) == .fraction(1))
        #expect(question.grade(.truth(true)) == .fraction(0))
        #expect(question.grade(.text("false")) == .fraction(0))
    }

    @Test func shortAnswersIgnoreCaseAndSurroundingSpaceAndTakeTheFirstMatch() throws {
        // Given Moodle's test_import_shortanswer question: Frog, 50% Cat, 0% for anything else
        let question = try onlyQuestion("Which is the best animal?{=Frog#Good! =%50%Cat#Cats? =%0%*#Completely wrong}")
        #expect(question.grade(.text("frog")) == .fraction(1))
        #expect(question.grade(.text("  CAT ")) == .fraction(0.5))
        #expect(question.grade(.text("dog")) == .fraction(0))
        #expect(question.grade(.text("")) == .fraction(0))
        // Stars inside an answer stand for any run of characters; \* is a star
        let spelling = try onlyQuestion(#"Spell it {=colo*r =%50%5\*}"#)
        #expect(spelling.grade(.text("Colour")) == .fraction(1))
        #expect(spelling.grade(.text("color")) == .fraction(1))
        #expect(spelling.grade(.text("colours")) == .fraction(0))
        #expect(spelling.grade(.text("5*")) == .fraction(0.5))
        #expect(spelling.grade(.text("55")) == .fraction(0))
    }

    @Test func numbersCountWithinTheirToleranceOrRange() throws {
        // Given examples.txt's "When was Ulysses S. Grant born?" with 1822 exact and 50% within 2
        let born = try onlyQuestion("When was Ulysses S. Grant born? {#\n=1822:0\n=%50%1822:2}")
        #expect(born.grade(.text("1822")) == .fraction(1))
        #expect(born.grade(.text(" 1823 ")) == .fraction(0.5))
        #expect(born.grade(.text("1820")) == .fraction(0.5))
        #expect(born.grade(.text("1825")) == .fraction(0))
        #expect(born.grade(.text("eighteen")) == .fraction(0))
        // A range, and a tolerance whose edge is only reached with Moodle's 1e-14 slack (MDL-3225)
        let range = try onlyQuestion("Pi to three places? {#3.141..3.142}")
        #expect(range.grade(.text("3.1416")) == .fraction(1))
        #expect(range.grade(.text("3.142")) == .fraction(1))
        #expect(range.grade(.text("3.1425")) == .fraction(0))
        let pi = try onlyQuestion("Pi to three places? {#3.1415:0.0005}")
        #expect(pi.grade(.text("3.141")) == .fraction(1))
        #expect(pi.grade(.text("3.142")) == .fraction(1))
        // The ~# feedback is an answer for any other number, worth nothing
        let wide = try onlyQuestion("What is a number from 1 to 5? {#3:2~#Completely wrong}")
        #expect(wide.grade(.text("5")) == .fraction(1))
        #expect(wide.grade(.text("6")) == .fraction(0))
    }

    @Test func matchingEarnsTheShareOfPromptsMatched() throws {
        // Given Moodle's "Moodle activities" question: four prompts and an extra answer, Chat
        let question = try GIFTParser.parse(try Fixtures.text("gift/questions.gift.txt"), fileName: "questions.gift.txt")[1]
        #expect(question.grade(.pairs([0: "Forum", 1: "Choice", 2: "Database", 3: "Wiki"])) == .fraction(1))
        #expect(question.grade(.pairs([0: "Forum", 1: "Choice", 2: "Chat", 3: "Database"])) == .fraction(0.5))
        #expect(question.grade(.pairs([0: "Forum"])) == .fraction(0.25))
        #expect(question.grade(.pairs([:])) == .fraction(0))
    }

    @Test func feedbackIsWhatTheResponseChoseOrMatched() throws {
        // Given Moodle's T/F question with feedback for the wrong and the right answer
        let trueFalse = try onlyQuestion("42 is the Absolute Answer to everything.{FALSE#42 is the Ultimate Answer.#You gave the right answer.}")
        #expect(trueFalse.feedback(for: .truth(true)) == [text("42 is the Ultimate Answer.")])
        #expect(trueFalse.feedback(for: .truth(false)) == [text("You gave the right answer.")])
        // A multiple-answer question gives each chosen answer's feedback, in the question's order
        let colours = try onlyQuestion("Which? {~%50%yellow # right; good! ~%-100%red # [html]wrong ~%50%off-beige # right; good! ~%-100%blue}")
        #expect(colours.feedback(for: .choices([3, 1, 0])) == [text("right; good!"), text("wrong", .html)])
        // Short and numerical answers give the feedback of the answer that graded them
        let animal = try onlyQuestion("Which is the best animal?{=Frog#Good! =%50%Cat#Cats? =%0%*#Completely wrong}")
        #expect(animal.feedback(for: .text("cat")) == [text("Cats?")])
        #expect(animal.feedback(for: .text("dog")) == [text("Completely wrong")])
        let wide = try onlyQuestion("What is a number from 1 to 5? {#3:2~#Completely wrong}")
        #expect(wide.feedback(for: .text("4")) == [])
        #expect(wide.feedback(for: .text("9")) == [text("Completely wrong")])
    }

    @Test func essaysWaitForATrainerAndDescriptionsAreNotGraded() throws {
        #expect(try onlyQuestion("::Q8:: How are you? {}").grade(.text("Fine, thanks")) == .needsTrainer)
        #expect(try onlyQuestion("Read the next three questions carefully.").grade(.text("ok")) == .notGraded)
    }
}

/// The response `fullMarkResponse` makes is graded full marks, on every question of the
/// starter courses and Moodle's own examples that can earn them.
@Suite("GIFT full-mark responses")
struct GIFTFullMarkTests {
    static let training = Fixtures.testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Training")

    @Test func everyStarterQuestionIsAnsweredRightByItsFullMarkResponse() throws {
        // Given every quiz of the starter courses (lint holds that each can earn full marks)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.training.path).sorted()
        var graded = 0
        for name in names {
            let url = Self.training.appendingPathComponent(name).appendingPathComponent("quiz.gift")
            guard let source = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for question in try GIFTParser.parse(source, fileName: "\(name)/quiz.gift") {
                switch question.kind {
                case .description, .essay:
                    // Then nothing is made for what a person cannot answer or a trainer marks
                    #expect(question.fullMarkResponse == nil)
                default:
                    // Then each other question is graded 1 for its full-mark response
                    let response = try #require(question.fullMarkResponse, "\(name) line \(question.line)")
                    // (within Moodle's own "graded right" bar of 0.999999: three answers of 33.33333% add to 0.9999999)
                    guard case .fraction(let fraction) = question.grade(response) else {
                        Issue.record("\(name) line \(question.line) is not graded by fraction")
                        continue
                    }
                    #expect(fraction > 0.999999 && fraction <= 1, "\(name) line \(question.line): \(response) earns \(fraction)")
                    graded += 1
                }
            }
        }
        #expect(graded >= 40, "the starter quizzes hold \(graded) answerable questions")
    }

    @Test func eachKindOfQuestionGetsTheResponseAPersonWouldGive() throws {
        #expect(try onlyQuestion("Q {~a =b ~%50%c}").fullMarkResponse == .choice(1))
        #expect(try onlyQuestion("Q {~%50%a ~%-100%b ~%50%c}").fullMarkResponse == .choices([0, 2]))
        #expect(try onlyQuestion("Q {F}").fullMarkResponse == .truth(false))
        #expect(try onlyQuestion("Q {=%50%near =*frog\\* pond*}").fullMarkResponse == .text("frog* pond"))
        #expect(try onlyQuestion("Q {#3.5:0.1}").fullMarkResponse == .text("3.5"))
        #expect(try onlyQuestion("Q {#=%50%1 =42}").fullMarkResponse == .text("42"))
        #expect(try onlyQuestion("Q {=cat -> mammal =frog -> amphibian = -> bird}").fullMarkResponse == .pairs([0: "mammal", 1: "amphibian"]))
        #expect(try onlyQuestion("Q {}").fullMarkResponse == nil)
        // And Moodle's short answer with a catch-all: the best answer, not the wildcard
        let frog = try onlyQuestion("Which is the best animal?{=Frog#Good! =%50%Cat#Cats? =%0%*#Completely wrong}")
        #expect(frog.fullMarkResponse == .text("Frog"))
        #expect(frog.grade(try #require(frog.fullMarkResponse)) == .fraction(1))
    }
}
