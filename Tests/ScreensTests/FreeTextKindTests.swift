import Domain
import Foundation
@testable import Screens
import TerminalCore
import Testing

/// A free-text project and tasks built from real Self-Instruct prompts.
enum FreeTextFixture {
    static let project = Project(
        id: "answers", title: "Write the answer", kind: .freeText,
        instructions: "Answer the instruction as a careful assistant would.", minimumAnswerLength: 20)

    static func task(_ item: RealText.PromptItem = RealText.selfInstruct["user_oriented_task_0"]!, predictions: [Prediction] = []) -> LeasedTask {
        LeasedTask(
            task: LabelTask(id: item.id, projectID: project.id, text: item.prompt, marking: .unclassified, predictions: predictions),
            epoch: 1, expiresAt: Fixture.start.addingTimeInterval(3600))
    }

    static func state(_ task: LeasedTask = task(), project: Project = project) -> TaskScreen.State {
        Fixture.taskState(project: project, task: task)
    }
}

extension TaskScreen.State {
    var freeText: FreeTextKind.Work? {
        if case .freeText(let work)? = work { return work }
        return nil
    }
}

@Suite struct FreeTextKindTests {
    @Test func theEditorHasFocusWhenATaskOpensSoLettersType() {
        var state = FreeTextFixture.state()
        #expect(state.work?.isCapturingText == true)
        state.type("quiet fuss")
        #expect(state.freeText?.editor.text == "quiet fuss")
        #expect(state.mode == .labeling, "q, u, f and s typed instead of acting")
    }

    @Test func enterInTheEditorIsANewLine() {
        var state = FreeTextFixture.state()
        state.type("one")
        let effects = state.press(.enter)
        #expect(effects.isEmpty)
        #expect(state.freeText?.editor.text == "one\n")
    }

    @Test(arguments: [Key.escape, .tab, .backTab])
    func escapeOrTabLetsGoOfTheEditor(key: Key) {
        var state = FreeTextFixture.state()
        _ = state.press(key)
        #expect(state.work?.isCapturingText == false)
    }

    @Test(arguments: [Key.character("i"), .character("e"), .tab])
    func iETabReturnToEditing(key: Key) {
        var state = FreeTextFixture.state()
        _ = state.press(.escape, key)
        #expect(state.work?.isCapturingText == true)
        #expect(state.freeText?.editor.text == "", "the key was not typed")
    }

    @Test func aPasteWhileNotEditingGoesIntoTheAnswerNotToTheKeys() {
        var state = FreeTextFixture.state()
        _ = state.press(.escape, .paste("s q\r\nu"))
        #expect(state.mode == .labeling)
        #expect(state.freeText?.editor.text == "s q\nu")
        #expect(state.work?.isCapturingText == true)
    }

    @Test func notEditingEnterSubmitsTheAnswer() {
        var state = FreeTextFixture.state()
        state.type("Tell me about my rate or scope changes.")
        let effects = state.press(.escape, .enter)
        #expect(TaskScreen.State.savedAnswer(effects) == .text("Tell me about my rate or scope changes."))
    }

    @Test func notEditingTheScreensKeysWork() {
        var state = FreeTextFixture.state()
        _ = state.press(.escape, .character("s"))
        #expect(state.mode == .choosingSkipReason(selected: 0))
        state = FreeTextFixture.state()
        #expect(state.press(.escape, .character("q")) == [.back])
    }

    @Test func notEditingJAndKScrollThePrompt() {
        var state = FreeTextFixture.state(FreeTextFixture.task(), project: FreeTextFixture.project)
        state.bodySize = Size(width: 40, height: 10)
        _ = state.press(.escape, .character("j"), .character("j"))
        #expect(state.freeText?.scroll == 2)
        _ = state.press(.character("k"))
        #expect(state.freeText?.scroll == 1)
        for _ in 0..<50 { _ = state.press(.pageDown) }
        let bottom = state.freeText!.scroll
        #expect(bottom > 1 && bottom < 20, "stops at the prompt's end, not \(bottom)")
    }

    @Test func anEmptyOrShortAnswerIsRefusedWithASentence() {
        var state = FreeTextFixture.state()
        _ = state.press(.escape, .enter)
        #expect(state.message == "Write an answer first: press i to edit it.")
        _ = state.press(.character("i"))
        state.type("  Too short. ")
        let effects = state.press(.escape, .enter)
        #expect(effects.isEmpty)
        #expect(state.message == "Write at least 20 characters (10 so far); press i to edit.")
    }

    @Test func theCounterCountsCharactersAsTheHubDoes() {
        var state = FreeTextFixture.state()
        state.type(" 好🧙‍♂️ ")
        #expect(FreeTextKind.counter(state.freeText!, state.context!) == "2 characters (at least 20)")
    }

    @Test func theAnswerStartsWithTheTextForARewrite() {
        var project = FreeTextFixture.project
        project.answerStartsWithText = true
        let state = FreeTextFixture.state(project: project)
        #expect(state.freeText?.editor.text == RealText.selfInstruct["user_oriented_task_0"]!.prompt)
        #expect(state.freeText?.editor.cursor == state.freeText?.editor.characters.count)
    }

    @Test func aPredictionIsTheDraftAndSubmittingItUnchangedIsAccepted() {
        let draft = "If you have questions about my rate or the project's scope, please tell me."
        var state = FreeTextFixture.state(FreeTextFixture.task(predictions: [Prediction(model: "draft v2", answer: .text(draft))]))
        #expect(state.freeText?.editor.text == draft)
        let effects = state.press(.escape, .enter)
        guard case .save(let decision)? = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(decision.predictionAccepted == true)
    }

    @Test func undoInTheEditorIsTheEditorsNotTheScreens() {
        var state = FreeTextFixture.state()
        state.type("word")
        let effects = state.press(.control("z"))
        #expect(effects.isEmpty, "Ctrl-Z does not undo the last submission")
        #expect(state.freeText?.editor.text == "")
    }

    @Test func hintsAndHelpSayHowToLeaveAndReturn() {
        var state = FreeTextFixture.state()
        #expect(FreeTextKind.hints(state.freeText!, state.context!).first == "Esc stop editing")
        _ = state.press(.escape)
        #expect(FreeTextKind.hints(state.freeText!, state.context!) == ["Enter submit", "i edit", "j k scroll prompt"])
        #expect(FreeTextKind.helpEntries(state.context!).contains { $0.keys == "i  e  Tab" })
    }
}
