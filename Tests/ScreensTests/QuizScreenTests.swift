import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// A course attempt one question at a time, for every GIFT kind, then its practice on
/// the task screen's parts, then the mark; feedback as the course says.
final class QuizScreenTests: XCTestCase {
    private func quiz(_ feedback: CourseManifest.Feedback = .afterEachQuestion, size: Size = Size(width: 80, height: 24)) throws -> QuizScreen.State {
        var state = QuizScreen.State(course: try CourseFixture.course(feedback: feedback), username: "ana", now: Fixture.start, timeZone: Fixture.utc, size: size)
        XCTAssertEqual(QuizScreen.start(&state), [])
        return state
    }

    @discardableResult
    private func press(_ state: inout QuizScreen.State, _ keys: [Key], file: StaticString = #filePath, line: UInt = #line) -> [QuizScreen.Effect] {
        keys.flatMap { QuizScreen.update(&state, $0) }
    }

    private func type(_ text: String) -> [Key] { text.map(Key.character) }

    private func snapshot(_ state: QuizScreen.State, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Buffer {
        var last = Buffer(size: Size(width: 1, height: 1))
        for size in Fixture.sizes {
            var sized = state
            _ = QuizScreen.resized(&sized, to: size)
            let buffer = Fixture.render(size) { QuizScreen.render(sized, into: &$0) }
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "\(name)-\(size)", testFile: "\(file)")
            XCTAssertNil(mismatch, mismatch ?? "", file: file, line: line)
            last = buffer
        }
        return last
    }

    func testAWholeAttemptThroughEveryKindWithFeedbackAfterEachQuestion() throws {
        var state = try quiz()
        // The description first: read, then Enter
        XCTAssertTrue(snapshot(state, "quiz-description").text.contains("Read each question, answer it, then press Enter."))
        press(&state, [.enter])

        // Multiple choice by letter, then Enter; its feedback shows
        XCTAssertTrue(snapshot(state, "quiz-choice").text.contains("question 1 of 8"))
        press(&state, [.character("b")])
        XCTAssertEqual(state.input, .choice(selected: 1))
        press(&state, [.enter])
        XCTAssertEqual(state.responses["q1"], .question(.choice(1)))
        let feedback = snapshot(state, "quiz-feedback")
        XCTAssertTrue(feedback.text.contains("Not right."), feedback.text)
        XCTAssertTrue(feedback.text.contains("Not quite: \"not\" flips the word after it."), feedback.text)
        press(&state, [.enter])

        // Several answers toggled by letter and number, Space on the cursor
        press(&state, [.enter])
        XCTAssertEqual(state.message, "Choose at least one answer: its letter or number toggles it.")
        press(&state, [.character("a"), .character("3"), .character(" "), .character("2")])
        XCTAssertEqual(state.input, .choices(cursor: 1, chosen: [0, 1]))
        _ = snapshot(state, "quiz-choices")
        press(&state, [.enter])
        XCTAssertEqual(state.responses["q2"], .question(.choices([0, 1])))
        XCTAssertEqual(state.phase, .feedback(.fraction(1)))
        press(&state, [.enter])

        // True or false
        press(&state, [.character("f"), .character("t")])
        _ = snapshot(state, "quiz-truth")
        press(&state, [.enter, .enter])
        XCTAssertEqual(state.responses["q3"], .question(.truth(true)))

        // A short answer, typed
        press(&state, [.enter])
        XCTAssertEqual(state.message, "Type your answer first.")
        press(&state, type("Return"))
        _ = snapshot(state, "quiz-short-answer")
        press(&state, [.enter])
        XCTAssertEqual(state.phase, .feedback(.fraction(1)))
        press(&state, [.enter])

        // A number, typed; words are refused
        press(&state, type("two") + [.enter])
        XCTAssertEqual(state.message, "\"two\" is not a number; type it with digits, like 3.14 or -2.")
        press(&state, [.control("u")] + type("2"))
        _ = snapshot(state, "quiz-numerical")
        press(&state, [.enter, .enter])
        XCTAssertEqual(state.responses["q5"], .question(.text("2")))

        // Matching: an answer for each prompt, by number and by arrows
        press(&state, [.enter])
        XCTAssertEqual(state.message, "Choose an answer for every prompt (3 left): its number, or ← →.")
        press(&state, [.character("2"), .character("1"), .right, .right, .right])
        _ = snapshot(state, "quiz-matching")
        press(&state, [.enter])
        XCTAssertEqual(state.responses["q6"], .question(.pairs([0: "skip the task", 1: "flag the task", 2: "undo the last submission"])))
        XCTAssertEqual(state.phase, .feedback(.fraction(1)))
        press(&state, [.enter])

        // A missing word: the blank in the sentence, the choices below
        let missing = snapshot(state, "quiz-missing-word")
        XCTAssertTrue(missing.text.contains("Press _____ to hand in the label you chose."), missing.text)
        press(&state, [.down, .down, .down, .up, .enter])
        XCTAssertEqual(state.responses["q7"], .question(.choice(1)))
        press(&state, [.enter])

        // An essay in the editor: Enter is a new line; Tab lets go, then Enter hands it in
        press(&state, type("The reviewer praised the actors") + [.enter] + type("but hated the plot."))
        _ = snapshot(state, "quiz-essay")
        press(&state, [.tab, .enter])
        XCTAssertEqual(state.responses["q8"], .question(.text("The reviewer praised the actors\nbut hated the plot.")))
        XCTAssertEqual(state.phase, .feedback(.needsTrainer))
        // The last question's Enter hands over to the practice
        press(&state, [.enter])
        XCTAssertNotNil(state.practice)

        // Practice on the classification part: p then Enter; right, with the explanation and key
        let practiceStart = snapshot(state, "practice-answering")
        XCTAssertTrue(practiceStart.text.contains("a gripping , funny and moving film ."), practiceStart.text)
        XCTAssertTrue(practiceStart.text.contains("Practice 1 of 2"), practiceStart.text)
        press(&state, [.character("p"), .enter])
        XCTAssertEqual(state.responses["p:p1"], .practice(.labels(["positive"])))
        let explained = snapshot(state, "practice-explained")
        XCTAssertTrue(explained.text.contains("Right."), explained.text)
        XCTAssertTrue(explained.text.contains("Every word praises the film."), explained.text)
        XCTAssertTrue(explained.text.contains("The key: positive"), explained.text)
        press(&state, [.enter])
        // Wrong on the second; Tab shows the person's own answer again
        press(&state, [.character("p"), .enter, .tab])
        let wrong = snapshot(state, "practice-wrong-own-answer")
        XCTAssertTrue(wrong.text.contains("Not right."), wrong.text)
        XCTAssertTrue(wrong.text.contains("Shown above: your answer"), wrong.text)
        // The last Enter hands the attempt in
        let handIn = press(&state, [.enter])
        XCTAssertEqual(handIn.count, 1)
        guard case let .handIn(responses, startedAt)? = handIn.first else { return XCTFail("no hand-in: \(handIn)") }
        XCTAssertEqual(startedAt, Fixture.start)
        XCTAssertEqual(responses.count, 10)
        XCTAssertEqual(state.phase, .saving)
        // Keys while it is saved wait, and play on the mark's page
        XCTAssertEqual(press(&state, [.pageDown]), [])

        // Graded as the hub will: 7 of 9 marked (the essay waits for a trainer)
        let grade = CourseGrading.grade(responses, in: state.course)
        XCTAssertEqual(grade.marks, 7, accuracy: 1e-9)
        XCTAssertEqual(grade.outOf, 9)
        XCTAssertTrue(grade.awaitingTrainer)
        let record = AttemptRecord(id: UUID(), finishedAt: Fixture.start.addingTimeInterval(300), share: grade.share, passed: false, awaitingTrainer: true)
        XCTAssertEqual(QuizScreen.recorded(&state, QuizScreen.AttemptResult(record: record, grade: grade, state: .awaitingTrainer)), [])
        let result = snapshot(state, "quiz-result-awaiting")
        XCTAssertTrue(result.text.contains("Handed in: waiting for a trainer's marks"), result.text)
        XCTAssertTrue(result.text.contains("Your mark: 7 of 9 (78%) · pass mark 80%"), result.text)
        XCTAssertEqual(press(&state, [.enter]), [.back])
    }

    func testFeedbackAtTheEndWaitsForTheMarkAndThenShowsItAll() throws {
        var state = try quiz(.atTheEnd)
        press(&state, [.enter, .character("a"), .enter])
        // No feedback between questions: straight to the next
        XCTAssertEqual(state.phase, .answering)
        XCTAssertEqual(state.position, 2)
        // Leave and hand in what is answered
        press(&state, [.escape])
        let asking = snapshot(state, "quiz-leave")
        XCTAssertTrue(asking.text.contains("What you answered is handed in as it stands"), asking.text)
        XCTAssertEqual(press(&state, [.character("n")]), [])
        XCTAssertEqual(state.phase, .answering)
        press(&state, [.escape])
        let effects = press(&state, [.character("y")])
        XCTAssertEqual(effects, [.handIn(responses: ["q1": .question(.choice(0))], startedAt: Fixture.start)])
        let grade = CourseGrading.grade(state.responses, in: state.course)
        let record = AttemptRecord(id: UUID(), finishedAt: Fixture.start.addingTimeInterval(60), share: grade.share, passed: false)
        _ = QuizScreen.recorded(&state, QuizScreen.AttemptResult(record: record, grade: grade, state: .waiting(until: Fixture.start.addingTimeInterval(70))))
        let result = snapshot(state, "quiz-result-at-the-end")
        XCTAssertTrue(result.text.contains("Not passed"), result.text)
        XCTAssertTrue(result.text.contains("You can try again at 11:07:50 (in 01:10)."), result.text)
        XCTAssertTrue(result.text.contains("Right: \"not\" flips \"bad\"."), result.text)
        XCTAssertTrue(result.text.contains("Question 2: not answered"), result.text)
        // The countdown follows the clock
        QuizScreen.ticked(&state, Fixture.start.addingTimeInterval(65))
        let later = Fixture.render(Size(width: 80, height: 24)) { QuizScreen.render(state, into: &$0) }
        XCTAssertTrue(later.text.contains("(in 00:05)"), later.text)
    }

    func testNoFeedbackShowsOnlyTheMark() throws {
        var state = try quiz(.none)
        press(&state, [.enter, .character("a"), .enter])
        XCTAssertEqual(state.phase, .answering)
        let grade = CourseGrading.grade(state.responses, in: state.course)
        _ = QuizScreen.recorded(&state, QuizScreen.AttemptResult(record: AttemptRecord(id: UUID(), finishedAt: Fixture.start, share: grade.share, passed: false), grade: grade, state: .open))
        let page = Fixture.render(Size(width: 80, height: 24)) { QuizScreen.render(state, into: &$0) }
        XCTAssertTrue(page.text.contains("This course shows only the mark."), page.text)
        XCTAssertFalse(page.text.contains("flips"), page.text)
    }

    func testLeavingBeforeAnythingIsAnsweredCountsNothingAndHelpOpensAndCloses() throws {
        var state = try quiz()
        press(&state, [.character("?")])
        XCTAssertTrue(state.showsHelp)
        XCTAssertTrue(Fixture.render(Size(width: 80, height: 24)) { QuizScreen.render(state, into: &$0) }.text.contains("Keys in a quiz"))
        press(&state, [.character("x")])
        XCTAssertFalse(state.showsHelp)
        press(&state, [.enter, .character("z")])
        XCTAssertEqual(state.message, "'z' is not an answer here. Press ? for the list of keys.")
        press(&state, [.escape])
        XCTAssertEqual(press(&state, [.character("y")]), [.back])
    }

    func testASaveThatFailsKeepsTheAnswersAndAsksAgain() throws {
        var state = try quiz(.none)
        press(&state, [.enter, .character("a"), .enter, .escape, .character("y")])
        XCTAssertEqual(state.phase, .saving)
        QuizScreen.saveFailed(&state, message: "This station's database did not answer.")
        XCTAssertEqual(state.message, "This station's database did not answer. Press y to try handing it in again.")
        XCTAssertEqual(press(&state, [.character("y")]), [.handIn(responses: ["q1": .question(.choice(0))], startedAt: Fixture.start)])
    }

    func testAQuizWithNoQuestionsStartsInItsPractice() throws {
        var state = QuizScreen.State(course: try CourseFixture.course(quiz: false), username: "ana", now: Fixture.start, timeZone: Fixture.utc, size: Size(width: 80, height: 24))
        XCTAssertEqual(QuizScreen.start(&state), [])
        XCTAssertNotNil(state.practice)
        press(&state, [.escape])
        XCTAssertEqual(state.phase, .confirmingLeave(previous: .practising))
        press(&state, [.escape])
        XCTAssertEqual(state.phase, .answering)
    }
}
