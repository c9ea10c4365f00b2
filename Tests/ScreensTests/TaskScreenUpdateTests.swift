import Domain
import Foundation
import Screens
import TerminalCore
import Testing

extension TaskScreen.State {
    /// The classification work's chosen label indexes, for these tests.
    var chosen: Set<Int> {
        if case .classification(let work)? = work { return work.chosen }
        return []
    }

    var chosenLabelNames: [String] { project.labels.indices.filter { chosen.contains($0) }.map { project.labels[$0].name } }

    var scroll: Int {
        if case .classification(let work)? = work { return work.scroll }
        return 0
    }
}

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
        for second in 1...9 { _ = TaskScreen.update(&state, .tick(Fixture.start.addingTimeInterval(Double(second)))) }
        let effects = TaskScreen.update(&state, .key(.enter))
        #expect(effects == [.save(.init(task: Fixture.task(), answer: .labels(["positive"]), secondsOnTask: 9))])
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
        #expect(effects == [.save(.init(task: next, answer: .labels(["positive"]), secondsOnTask: 0))])
        // The counts are the database's, not the screen's own arithmetic
        #expect(state.doneToday == 12)
        _ = TaskScreen.update(&state, .countsChanged(waiting: 858, doneToday: 14))
        #expect(state.doneToday == 14)
        #expect(state.waiting == 858)
    }

    @Test func skipOpensReasonsAndEnterSkipsWithTheChosenReason() {
        var state = Fixture.taskState()
        #expect(TaskScreen.update(&state, .key(.character("s"))).isEmpty)
        #expect(state.mode == .choosingSkipReason(selected: 0))
        _ = TaskScreen.update(&state, .key(.down))
        _ = TaskScreen.update(&state, .key(.character("j")))
        _ = TaskScreen.update(&state, .key(.up))
        let effects = TaskScreen.update(&state, .key(.enter))
        #expect(effects == [.save(.init(task: Fixture.task(), answer: .labels([]), skipReason: Project.standardSkipReasons[1], secondsOnTask: 0))])
    }

    @Test func aDigitPicksASkipReasonDirectly() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("s")))
        let effects = TaskScreen.update(&state, .key(.character("3")))
        #expect(effects == [.save(.init(task: Fixture.task(), answer: .labels([]), skipReason: Project.standardSkipReasons[2], secondsOnTask: 0))])
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
        state.bodySize = Size(width: 78, height: 9)
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
        #expect(TaskScreen.update(&state, .key(.character("1"))) == [.save(.init(task: Fixture.task(marking: .secret), answer: .labels([]), skipReason: Project.standardSkipReasons[0], secondsOnTask: 0))])
    }

    @Test func activeTimeLeavesOutIdleGapsAndHelp() {
        // Given a task on screen for 100 s: 10 s of work, 70 s away from the keys, 20 s in help
        var state = Fixture.taskState()
        var now = Fixture.start
        func advance(_ seconds: Int) {
            for _ in 0..<seconds {
                now = now.addingTimeInterval(1)
                _ = TaskScreen.update(&state, .tick(now))
            }
        }
        advance(10)
        advance(70)
        _ = TaskScreen.update(&state, .key(.character("?")))
        advance(20)
        _ = TaskScreen.update(&state, .key(.escape))
        _ = TaskScreen.update(&state, .key(.character("1")))
        // When it is submitted
        let effects = TaskScreen.update(&state, .key(.enter))
        // Then only the first 60 s after the last key count (10 s of work, 50 s of the
        // gap), and help does not
        #expect(effects == [.save(.init(task: Fixture.task(), answer: .labels(["negative"]), secondsOnTask: 60))])
    }

    @Test func flagKeepsANoteThatGoesWithTheSubmission() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("f")))
        for character in "odd text" { _ = TaskScreen.update(&state, .key(.character(character))) }
        _ = TaskScreen.update(&state, .key(.enter))
        #expect(state.flagNote == "odd text")
        #expect(state.mode == .labeling)
        _ = TaskScreen.update(&state, .key(.character("2")))
        let effects = TaskScreen.update(&state, .key(.enter))
        #expect(effects == [.save(.init(task: Fixture.task(), answer: .labels(["positive"]), secondsOnTask: 0, flag: "odd text"))])
    }

    @Test func escapeLeavesTheFlagUnchangedAndAnEmptyNoteRemovesIt() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("f")))
        _ = TaskScreen.update(&state, .key(.character("x")))
        _ = TaskScreen.update(&state, .key(.escape))
        #expect(state.flagNote == nil)
        _ = TaskScreen.update(&state, .key(.character("f")))
        _ = TaskScreen.update(&state, .key(.paste("two\nlines")))
        _ = TaskScreen.update(&state, .key(.enter))
        #expect(state.flagNote == "two lines")
        _ = TaskScreen.update(&state, .key(.character("f")))
        _ = TaskScreen.update(&state, .key(.control("u")))
        _ = TaskScreen.update(&state, .key(.enter))
        #expect(state.flagNote == nil)
        #expect(state.message == "Flag removed.")
    }

    @Test func aPredictionIsPreFilledAndEnterAcceptsIt() {
        let predicted = LeasedTask(
            task: LabelTask(id: "p1", projectID: "sentiment", text: Fixture.shortText, marking: .unclassified,
                            predictions: [Prediction(model: "sst-bert v2", score: 0.91, answer: .labels(["positive"]))]),
            epoch: 1, expiresAt: Fixture.start)
        var state = Fixture.taskState(task: predicted)
        #expect(state.chosen == [1])
        #expect(TaskScreen.update(&state, .key(.enter)) == [.save(.init(task: predicted, answer: .labels(["positive"]), secondsOnTask: 0, predictionAccepted: true))])
    }

    @Test func anEditedPredictionIsThePersonsAnswer() {
        let predicted = LeasedTask(
            task: LabelTask(id: "p1", projectID: "sentiment", text: Fixture.shortText, marking: .unclassified,
                            predictions: [Prediction(answer: .labels(["positive"]))]),
            epoch: 1, expiresAt: Fixture.start)
        var state = Fixture.taskState(task: predicted)
        _ = TaskScreen.update(&state, .key(.character("n")))
        #expect(TaskScreen.update(&state, .key(.enter)) == [.save(.init(task: predicted, answer: .labels(["negative"]), secondsOnTask: 0, predictionAccepted: false))])
    }

    @Test func submitOnChooseLabelsWithOneKey() {
        var project = Fixture.sentiment
        project.submitOnChoose = true
        var state = Fixture.taskState(project: project)
        #expect(TaskScreen.update(&state, .key(.character("p"))) == [.save(.init(task: Fixture.task(), answer: .labels(["positive"]), secondsOnTask: 0))])
        #expect(state.isBusy)
    }

    @Test func labelKeysDoNothingWhenTheQueueIsEmpty() {
        var state = Fixture.taskState(task: nil)
        #expect(TaskScreen.update(&state, .key(.character("1"))).isEmpty)
        #expect(TaskScreen.update(&state, .key(.character("s"))).isEmpty)
        #expect(state.mode == .labeling)
        #expect(TaskScreen.update(&state, .key(.character("q"))) == [.back])
    }
}
