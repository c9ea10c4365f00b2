import Domain
import Foundation
import Screens
import TerminalCore
import Testing

/// Every key on the task screen: what it does to the state and which effects it asks for.
@Suite struct TaskScreenUpdateTests {
    @Test(arguments: [("1", 0), ("2", 1), ("n", 0), ("p", 1), ("N", 0)])
    func labelKeysChooseOneLabel(key: Character, index: Int) {
        var state = Fixture.taskState()
        let effects = TaskScreen.update(&state, .key(.character(key)))
        #expect(effects.isEmpty)
        #expect(state.chosen == [index])
    }

    @Test func aSecondLabelKeyReplacesTheFirstInSingleLabelProjects() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("1")))
        _ = TaskScreen.update(&state, .key(.character("2")))
        #expect(state.chosenLabelNames == ["positive"])
    }

    @Test func multiLabelKeysToggle() {
        var state = Fixture.taskState(project: Fixture.topics, task: Fixture.task(project: Fixture.topics))
        _ = TaskScreen.update(&state, .key(.character("1")))
        _ = TaskScreen.update(&state, .key(.character("3")))
        _ = TaskScreen.update(&state, .key(.character("2")))
        _ = TaskScreen.update(&state, .key(.character("1")))
        #expect(state.chosenLabelNames == ["politics", "science"])
    }

    @Test func enterSubmitsTheChosenLabelsWithTimeOnTask() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("p")))
        _ = TaskScreen.update(&state, .tick(Fixture.start.addingTimeInterval(9)))
        let effects = TaskScreen.update(&state, .key(.enter))
        #expect(effects == [.submit(task: Fixture.task(), labels: ["positive"], secondsOnTask: 9)])
        #expect(state.isBusy)
    }

    @Test func enterWithNothingChosenSaysWhatToDo() {
        var state = Fixture.taskState()
        let effects = TaskScreen.update(&state, .key(.enter))
        #expect(effects.isEmpty)
        #expect(state.message == "Choose a label first: press 1-2 or its letter.")
    }

    @Test func keysTypedWhileSavingArePlayedBackOnTheNextTask() {
        // Given a submission in flight
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("1")))
        _ = TaskScreen.update(&state, .key(.enter))
        // When the labeler already types the next answer
        #expect(TaskScreen.update(&state, .key(.character("2"))).isEmpty)
        #expect(TaskScreen.update(&state, .key(.enter)).isEmpty)
        // Then the next task arrives and those keys submit it
        let next = Fixture.task("sst2-dev-0006")
        let effects = TaskScreen.update(&state, .taskArrived(next, at: Fixture.start))
        #expect(effects == [.submit(task: next, labels: ["positive"], secondsOnTask: 0)])
        #expect(state.doneToday == 13)
        #expect(state.waiting == 859)
    }

    @Test func skipOpensReasonsAndEnterSkipsWithTheChosenReason() {
        var state = Fixture.taskState()
        #expect(TaskScreen.update(&state, .key(.character("s"))).isEmpty)
        #expect(state.mode == .choosingSkipReason(selected: 0))
        _ = TaskScreen.update(&state, .key(.down))
        _ = TaskScreen.update(&state, .key(.character("j")))
        _ = TaskScreen.update(&state, .key(.up))
        let effects = TaskScreen.update(&state, .key(.enter))
        #expect(effects == [.skip(task: Fixture.task(), reason: Project.standardSkipReasons[1], secondsOnTask: 0)])
    }

    @Test func aDigitPicksASkipReasonDirectly() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("s")))
        let effects = TaskScreen.update(&state, .key(.character("3")))
        #expect(effects == [.skip(task: Fixture.task(), reason: Project.standardSkipReasons[2], secondsOnTask: 0)])
    }

    @Test func escapeCancelsTheSkip() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("s")))
        #expect(TaskScreen.update(&state, .key(.escape)).isEmpty)
        #expect(state.mode == .labeling)
    }

    @Test func undoAsksForUndoAndShowsTheTaskThatComesBack() {
        var state = Fixture.taskState(task: Fixture.task("sst2-dev-0006"))
        #expect(TaskScreen.update(&state, .key(.character("u"))) == [.undo])
        _ = TaskScreen.update(&state, .undone(Fixture.task("sst2-dev-0005"), at: Fixture.start))
        #expect(state.current?.task.id == "sst2-dev-0005")
        #expect(state.doneToday == 11)
        #expect(state.message?.hasPrefix("Undone") == true)
    }

    @Test func undoWithNothingUnsyncedSaysWhy() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("u")))
        _ = TaskScreen.update(&state, .undone(nil, at: Fixture.start))
        #expect(state.current == Fixture.task())
        #expect(state.message == "Nothing to undo: your last submission has already been sent to the hub.")
        #expect(!state.isBusy)
    }

    @Test func questionMarkOpensHelpAndAnyKeyClosesIt() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("?")))
        #expect(state.mode == .help)
        #expect(TaskScreen.update(&state, .key(.character("1"))).isEmpty)
        #expect(state.mode == .labeling)
        #expect(state.chosen.isEmpty)
    }

    @Test func qGoesBack() {
        var state = Fixture.taskState()
        #expect(TaskScreen.update(&state, .key(.character("q"))) == [.back])
    }

    @Test func scrollKeysMoveTheText() {
        var state = Fixture.taskState()
        state.textRows = 5
        _ = TaskScreen.update(&state, .key(.down))
        _ = TaskScreen.update(&state, .key(.character("j")))
        #expect(state.scroll == 2)
        _ = TaskScreen.update(&state, .key(.up))
        _ = TaskScreen.update(&state, .key(.character("k")))
        _ = TaskScreen.update(&state, .key(.up))
        #expect(state.scroll == 0)
        _ = TaskScreen.update(&state, .key(.pageDown))
        #expect(state.scroll == 4)
        _ = TaskScreen.update(&state, .key(.pageUp))
        #expect(state.scroll == 0)
        _ = TaskScreen.update(&state, .key(.pageDown))
        _ = TaskScreen.update(&state, .key(.home))
        #expect(state.scroll == 0)
    }

    @Test func escapeClearsTheChosenLabels() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("1")))
        _ = TaskScreen.update(&state, .key(.escape))
        #expect(state.chosen.isEmpty)
    }

    @Test func anUnknownKeySaysSoAndChangesNothing() {
        var state = Fixture.taskState()
        let effects = TaskScreen.update(&state, .key(.character("z")))
        #expect(effects.isEmpty)
        #expect(state.chosen.isEmpty)
        #expect(state.message == "'z' is not a key here. Press ? for the list of keys.")
    }

    @Test func aFailedSaveShowsTheSentenceAndKeepsTheTask() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("1")))
        _ = TaskScreen.update(&state, .key(.enter))
        _ = TaskScreen.update(&state, .key(.character("2")))
        _ = TaskScreen.update(&state, .saveFailed("disk full"))
        #expect(!state.isBusy)
        #expect(state.deferredKeys.isEmpty)
        #expect(state.current == Fixture.task())
        #expect(state.message == "disk full")
    }

    @Test func aTaskMarkedAboveTheStationCanOnlyBeSkipped() {
        // Given a SECRET task on a station accredited to CUI
        var state = Fixture.taskState(task: Fixture.task(marking: .secret))
        state.systemHigh = .cui
        // When the labeler tries to label and submit it
        #expect(TaskScreen.update(&state, .key(.character("1"))).isEmpty)
        #expect(TaskScreen.update(&state, .key(.enter)).isEmpty)
        // Then nothing is chosen, a sentence says what to do, and skipping still works
        #expect(state.chosen.isEmpty)
        #expect(state.message == "This task may not be labeled on this station: skip it with s and report it.")
        _ = TaskScreen.update(&state, .key(.character("s")))
        #expect(TaskScreen.update(&state, .key(.character("1"))) == [.skip(task: Fixture.task(marking: .secret), reason: Project.standardSkipReasons[0], secondsOnTask: 0)])
    }

    @Test func labelKeysDoNothingWhenTheQueueIsEmpty() {
        var state = Fixture.taskState(task: nil)
        #expect(TaskScreen.update(&state, .key(.character("1"))).isEmpty)
        #expect(TaskScreen.update(&state, .key(.character("s"))).isEmpty)
        #expect(state.mode == .labeling)
        #expect(TaskScreen.update(&state, .key(.character("q"))) == [.back])
    }
}
