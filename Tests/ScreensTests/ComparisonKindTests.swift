import Domain
import Foundation
@testable import Screens
import TerminalCore
import Testing

/// A comparison project and tasks built from real PandaLM items.
enum ComparisonFixture {
    static let project = Project(
        id: "pairs", title: "Which answer is better", kind: .comparison,
        instructions: "Which response follows the instruction better?",
        dimensions: [
            RatingDimension(name: "helpfulness", hint: "1 useless, 7 fully answers"),
            RatingDimension(name: "harmlessness", hint: "1 harmful, 7 safe"),
        ],
        asksStrength: true, rationale: RationaleRule(required: true, minimumLength: 40))

    /// A task id the screen shows swapped (or not): found among a fixed list, so the test
    /// does not depend on which id happens to hash which way.
    static func taskID(swapped: Bool) -> String {
        let candidates = (0..<20).map { "pandalm-\($0)" }
        guard let id = candidates.first(where: { ComparisonKind.isShownSwapped(taskID: $0) == swapped }) else {
            fatalError("no candidate id hashes to swapped=\(swapped); widen the list")
        }
        return id
    }

    static func task(_ item: RealText.PairItem = RealText.pandaLM[0]!, id: String? = nil, predictions: [Prediction] = []) -> LeasedTask {
        LeasedTask(
            task: LabelTask(
                id: id ?? "pandalm-\(item.index)", projectID: project.id, text: item.prompt, marking: .unclassified,
                responses: item.responses, predictions: predictions),
            epoch: 1, expiresAt: Fixture.start.addingTimeInterval(3600))
    }

    static func state(_ task: LeasedTask = task(), project: Project = project) -> TaskScreen.State {
        Fixture.taskState(project: project, task: task)
    }
}

extension TaskScreen.State {
    var comparison: ComparisonKind.Work? {
        if case .comparison(let work)? = work { return work }
        return nil
    }

    mutating func press(_ keys: Key...) -> [TaskScreen.Effect] {
        var effects: [TaskScreen.Effect] = []
        for key in keys { effects += TaskScreen.update(&self, .key(key)) }
        return effects
    }

    mutating func type(_ text: String) {
        for character in text { _ = TaskScreen.update(&self, .key(.character(character))) }
    }

    /// The saved answer of the last `.save` effect.
    static func savedAnswer(_ effects: [TaskScreen.Effect]) -> Answer? {
        for case .save(let decision) in effects.reversed() { return decision.answer }
        return nil
    }
}

@Suite struct ComparisonKindTests {
    @Test func theSwapIsAStableHashOfTheTaskID() {
        // FNV-1a 64 of "" is the offset basis 0xcbf29ce484222325, whose top bit is 1.
        #expect(ComparisonKind.isShownSwapped(taskID: ""))
        let ids = (0..<200).map { "task-\($0)" }
        let swapped = ids.filter { ComparisonKind.isShownSwapped(taskID: $0) }.count
        #expect(swapped > 60 && swapped < 140, "about half the tasks are shown swapped, not \(swapped) of 200")
        #expect(ids.map { ComparisonKind.isShownSwapped(taskID: $0) } == ids.map { ComparisonKind.isShownSwapped(taskID: $0) })
    }

    @Test(arguments: [false, true])
    func theResponsesAreShownInTheTasksOrderOrSwapped(swapped: Bool) {
        let state = ComparisonFixture.state(ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: swapped)))
        let work = try! #require(state.comparison)
        #expect(work.shownSwapped == swapped)
        let shown = ComparisonKind.shownResponses(work, state.context!)
        let responses = RealText.pandaLM[0]!.responses
        #expect(shown.left == responses[swapped ? 1 : 0])
        #expect(shown.right == responses[swapped ? 0 : 1])
    }

    @Test(arguments: [
        (Key.character("a"), ComparisonKind.Choice.left), (.character("1"), .left), (.character("b"), .right),
        (.character("2"), .right), (.character("t"), .tie), (.character("="), .tie),
    ])
    func choiceKeysChooseASide(key: Key, choice: ComparisonKind.Choice) {
        var state = ComparisonFixture.state()
        let effects = state.press(key)
        #expect(effects.isEmpty)
        #expect(state.comparison?.choice == choice)
        #expect(state.comparison?.isAskingStrength == (choice != .tie), "A or B asks how much better next")
    }

    @Test(arguments: [1, 2, 3])
    func afterChoosingASideADigitIsTheStrength(strength: Int) {
        var state = ComparisonFixture.state()
        _ = state.press(.character("b"), .character(Character("\(strength)")))
        #expect(state.comparison?.choice == .right, "the digit did not choose a side again")
        #expect(state.comparison?.strength == strength)
        #expect(state.comparison?.isAskingStrength == false)
    }

    @Test func escapeCancelsTheStrengthQuestionAndATieClearsTheStrength() {
        var state = ComparisonFixture.state()
        _ = state.press(.character("a"), .escape)
        #expect(state.comparison?.strength == nil)
        #expect(state.comparison?.isAskingStrength == false)
        _ = state.press(.character("1"))
        #expect(state.comparison?.isAskingStrength == true)
        _ = state.press(.character("3"), .character("t"))
        #expect(state.comparison?.strength == nil)
    }

    @Test func tabAndShiftTabMoveFocusThroughEveryPart() {
        var state = ComparisonFixture.state()
        #expect(state.comparison?.focus == .left)
        var seen: [ComparisonKind.Focus] = []
        for _ in 0..<5 {
            _ = state.press(.tab)
            seen.append(state.comparison!.focus)
        }
        #expect(seen == [.right, .ratings, .rationale, .prompt, .left])
        _ = state.press(.backTab)
        #expect(state.comparison?.focus == .prompt)
        _ = state.press(.backTab)
        #expect(state.comparison?.focus == .rationale)
        #expect(state.work?.isCapturingText == true)
    }

    @Test func withoutDimensionsTabSkipsTheRatings() {
        var project = ComparisonFixture.project
        project.dimensions = []
        var state = ComparisonFixture.state(project: project)
        _ = state.press(.tab, .tab)
        #expect(state.comparison?.focus == .rationale)
    }

    @Test func jkAndPagesScrollOnlyTheFocusedPaneAndStopAtItsEnd() {
        var state = ComparisonFixture.state(ComparisonFixture.task(RealText.pandaLM[871]!))
        state.bodySize = Size(width: 78, height: 18)
        _ = state.press(.character("j"), .character("j"))
        #expect(state.comparison?.leftScroll == 2)
        #expect(state.comparison?.rightScroll == 0)
        _ = state.press(.tab, .pageDown)
        #expect(state.comparison!.rightScroll > 0)
        for _ in 0..<100 { _ = state.press(.down) }
        let bottom = state.comparison!.rightScroll
        _ = state.press(.character("k"))
        #expect(state.comparison?.rightScroll == bottom - 1, "scrolling back works at once after scrolling past the end")
        _ = state.press(.pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp)
        #expect(state.comparison?.rightScroll == 0)
    }

    @Test func digitsInTheGridRateAndStepOn() {
        var state = ComparisonFixture.state()
        _ = state.press(.tab, .tab)
        #expect(state.comparison?.focus == .ratings)
        _ = state.press(.character("5"), .character("6"), .character("7"), .character("4"))
        #expect(state.comparison?.ratingsLeft == ["helpfulness": 5, "harmlessness": 7])
        #expect(state.comparison?.ratingsRight == ["helpfulness": 6, "harmlessness": 4])
        #expect(state.comparison?.choice == nil, "digits in the grid do not choose a side")
    }

    @Test func arrowsAndHjklMoveInTheGridAndZeroClears() {
        var state = ComparisonFixture.state()
        _ = state.press(.tab, .tab, .down, .right)
        #expect(state.comparison?.ratingRow == 1)
        #expect(state.comparison?.ratingColumn == 1)
        _ = state.press(.character("h"), .character("k"), .character("l"), .character("j"), .down)
        #expect(state.comparison?.ratingRow == 1)
        #expect(state.comparison?.ratingColumn == 1)
        _ = state.press(.up, .left, .character("3"), .left, .character("0"))
        #expect(state.comparison?.ratingsLeft == [:])
        _ = state.press(.character("9"))
        #expect(state.message == "Ratings run from 1 to 7.")
    }

    @Test func rInTheGridStillOpensTheRationaleAndEscapeReturnsThere() {
        var state = ComparisonFixture.state()
        _ = state.press(.tab, .tab, .character("r"))
        #expect(state.comparison?.focus == .rationale)
        state.type("quiet")
        #expect(state.comparison?.rationale.text == "quiet", "letters type, even the screen's own keys s and q")
        _ = state.press(.escape)
        #expect(state.comparison?.focus == .ratings)
        #expect(state.work?.isCapturingText == false)
    }

    @Test func aPasteGoesIntoTheRationaleWhateverHasFocus() {
        var state = ComparisonFixture.state()
        _ = state.press(.paste("a b t"))
        #expect(state.comparison?.choice == nil)
        #expect(state.comparison?.rationale.text == "a b t")
        #expect(state.comparison?.focus == .rationale)
    }

    @Test func theShellsKeysWorkOnceTheEditorLetsGo() {
        var state = ComparisonFixture.state()
        _ = state.press(.character("r"))
        state.type("s")
        #expect(state.mode == .labeling, "s typed, did not open the skip dialog")
        _ = state.press(.escape, .character("s"))
        #expect(state.mode == .choosingSkipReason(selected: 0))
    }

    @Test func enterSubmitsInTheTasksOrder() {
        // Shown swapped: A on screen is the task's second response.
        let task = ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: true))
        var state = ComparisonFixture.state(task)
        _ = state.press(.character("a"), .character("2"), .tab, .tab, .character("6"), .character("3"), .character("7"), .character("7"), .character("r"))
        state.type("A keeps the whole meaning in fewer words than B does.")
        let effects = state.press(.escape, .enter)
        #expect(TaskScreen.State.savedAnswer(effects) == .comparison(ComparisonAnswer(
            preference: .b, strength: 2, ratingsA: ["helpfulness": 3, "harmlessness": 7], ratingsB: ["helpfulness": 6, "harmlessness": 7],
            rationale: "A keeps the whole meaning in fewer words than B does.", shownSwapped: true)))
    }

    @Test func aTieSubmitsWithoutStrength() {
        var project = ComparisonFixture.project
        project.dimensions = []
        project.rationale = RationaleRule()
        let task = ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: false))
        var state = ComparisonFixture.state(task, project: project)
        let effects = state.press(.character("t"), .enter)
        #expect(TaskScreen.State.savedAnswer(effects) == .comparison(ComparisonAnswer(preference: .tie, shownSwapped: false)))
    }

    @Test func eachMissingPartIsRefusedWithASentence() {
        var state = ComparisonFixture.state(ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: false)))
        var effects = state.press(.enter)
        #expect(effects.isEmpty)
        #expect(state.message == "Choose the better response first: a (or 1) for A, b (or 2) for B, t (or =) for a tie.")
        _ = state.press(.character("b"), .enter)
        #expect(state.message == "Say how much better B is: press b, then 1 slightly, 2 clearly or 3 much.")
        _ = state.press(.character("b"), .character("1"), .enter)
        #expect(state.message == "Rate helpfulness for A: Tab to the ratings, then 1-7.")
        _ = state.press(.tab, .tab, .character("4"), .character("5"), .character("6"), .enter)
        #expect(state.message == "Rate harmlessness for B: Tab to the ratings, then 1-7.")
        _ = state.press(.character("7"), .enter)
        #expect(state.message == "Write a rationale of at least 40 characters: press r.")
        _ = state.press(.character("r"))
        state.type("B is shorter.")
        effects = state.press(.escape, .enter)
        #expect(effects.isEmpty)
        #expect(state.message == "Write a rationale of at least 40 characters (13 so far): press r.")
    }

    @Test func aPredictionPreFillsTheChoiceAndStrengthOnTheRightSide() {
        let predicted = Prediction(model: "judge v1", answer: .comparison(ComparisonAnswer(preference: .a, strength: 3)))
        for swapped in [false, true] {
            let state = ComparisonFixture.state(ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: swapped), predictions: [predicted]))
            #expect(state.comparison?.choice == (swapped ? .right : .left))
            #expect(state.comparison?.strength == 3)
        }
    }

    @Test func hintsAndHelpFollowTheFocus() {
        var state = ComparisonFixture.state()
        let context = state.context!
        #expect(ComparisonKind.hints(state.comparison!, context).first == "a b t better")
        _ = state.press(.character("a"))
        #expect(ComparisonKind.hints(state.comparison!, context) == ["1 slightly", "2 clearly", "3 much better"])
        _ = state.press(.character("r"))
        #expect(ComparisonKind.hints(state.comparison!, context).first == "Esc stop writing")
        let help = ComparisonKind.helpEntries(context).map(\.keys)
        #expect(help.contains("a  1") && help.contains("then 1 2 3") && help.contains("r"))
    }

    @Test func answerMapsScreenSidesBackToTheTasksOrderWhenNotSwapped() {
        // Given a task shown in its own order, B preferred much, every cell rated
        let state = ComparisonFixture.state(ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: false)))
        let context = state.context!
        var work = ComparisonKind.begin(context)
        work.choice = .right
        work.strength = 3
        work.ratingsLeft = ["helpfulness": 2, "harmlessness": 6]
        work.ratingsRight = ["helpfulness": 7, "harmlessness": 6]
        _ = work.rationale.handle(.paste("B drops the clause about scope, which the rewrite must keep."))
        // When the answer is made
        let answer = ComparisonKind.answer(work, context)
        // Then B on screen is the task's second response
        #expect(answer == .success(.comparison(ComparisonAnswer(
            preference: .b, strength: 3, ratingsA: ["helpfulness": 2, "harmlessness": 6], ratingsB: ["helpfulness": 7, "harmlessness": 6],
            rationale: "B drops the clause about scope, which the rewrite must keep.", shownSwapped: false))))
    }

    @Test func aPredictionsRatingsArePutOnTheSidesTheyWereShownOn() {
        let predicted = Prediction(answer: .comparison(ComparisonAnswer(preference: .b, strength: 1, ratingsA: ["helpfulness": 2], ratingsB: ["helpfulness": 5])))
        let state = ComparisonFixture.state(ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: true), predictions: [predicted]))
        let work = ComparisonKind.begin(state.context!)
        #expect(work.choice == .left, "the task's second response is A on screen")
        #expect(work.ratingsLeft == ["helpfulness": 5])
        #expect(work.ratingsRight == ["helpfulness": 2])
    }

    @Test func handleLeavesEnterToTheScreenAndRefusesARatingOutsideOneToSeven() {
        let state = ComparisonFixture.state()
        let context = state.context!
        var work = ComparisonKind.begin(context)
        #expect(ComparisonKind.handle(.enter, &work, context) == .ignored)
        work.focus = .ratings
        #expect(ComparisonKind.handle(.character("8"), &work, context) == .refused("Ratings run from 1 to 7."))
        #expect(ComparisonKind.handle(.character("4"), &work, context) == .handled)
        #expect(work.ratingsLeft == ["helpfulness": 4])
    }
}
