import Domain
import Foundation
import Screens
import TerminalCore
import Testing

/// Every screen, as text, at 80x24 and 120x40.
@Suite struct ScreenSnapshotTests {
    func check(_ name: String, _ draw: (inout Buffer) -> Void) {
        for size in Fixture.sizes {
            let buffer = Fixture.render(size, draw)
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "\(name)-\(size)", testFile: #filePath)
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }

    @Test func notice() {
        let state = NoticeScreen.State(notice: WorkspaceSettings.standardNotice, hint: "Demo workspace: log in as demo with password demo-labeler")
        check("notice") { NoticeScreen.render(state, into: &$0) }
    }

    @Test func loginEmpty() {
        check("login-empty") { LoginScreen.render(LoginScreen.State(), into: &$0) }
    }

    @Test func loginAfterWrongPasswordShowsMaskedFieldAndSentence() {
        var state = LoginScreen.State()
        for key in "demo" { _ = LoginScreen.update(&state, .character(key)) }
        _ = LoginScreen.update(&state, .tab)
        for key in "secret" { _ = LoginScreen.update(&state, .character(key)) }
        check("login-typing") { LoginScreen.render(state, into: &$0) }
        _ = LoginScreen.refused(&state, .wrongPassword)
        check("login-refused") { LoginScreen.render(state, into: &$0) }
    }

    @Test func home() {
        var state = HomeScreen.State(displayName: "Demo Labeler", previousLogonAt: Fixture.start.addingTimeInterval(-86_400), timeZone: Fixture.utc)
        state.queues = [
            .init(projectID: "sentiment", title: "Movie review sentiment", marking: .unclassified, waiting: 860, doneToday: 12),
            .init(projectID: "topics", title: "News topics", marking: .cui, waiting: 40, doneToday: 0),
        ]
        state.selected = 1
        check("home") { HomeScreen.render(state, into: &$0) }
        state.showsHelp = true
        check("home-help") { HomeScreen.render(state, into: &$0) }
    }

    @Test func homeListsWorkTheHubRefused() {
        var state = HomeScreen.State(displayName: "Demo Labeler", previousLogonAt: nil, timeZone: Fixture.utc)
        state.queues = [.init(projectID: "sentiment", title: "Movie review sentiment", marking: .unclassified, waiting: 860, doneToday: 12)]
        state.sync = SyncIndicator(link: .online, pending: 0, lastSyncAt: Fixture.start, refusals: [
            .init(taskID: "sst2-dev-0007", reason: "user \"demo\" has the role trainer at the hub, and only labelers and leads may label"),
        ])
        check("home-refused") { HomeScreen.render(state, into: &$0) }
        var task = Fixture.taskState()
        task.sync = state.sync
        check("task-refused") { TaskScreen.render(task, into: &$0) }
    }

    /// The status bar in the two link states that need words beyond online/offline, and
    /// the hub's reason on Home when it refuses the whole station.
    @Test func homeAndTaskWhenTheHubRefusesTheStationOrOnlyBundlesCarryWork() {
        var state = HomeScreen.State(displayName: "Demo Labeler", previousLogonAt: nil, timeZone: Fixture.utc)
        state.queues = [.init(projectID: "sentiment", title: "Movie review sentiment", marking: .unclassified, waiting: 860, doneToday: 12)]
        state.sync = SyncIndicator(
            link: .refused, pending: 120, lastSyncAt: Fixture.start,
            stationRefusal: "the hub refused this station: station \"bay-7\" has been revoked at the hub; ask the hub's admin")
        check("home-station-refused") { HomeScreen.render(state, into: &$0) }
        var task = Fixture.taskState()
        task.sync = state.sync
        check("task-station-refused") { TaskScreen.render(task, into: &$0) }

        state.sync = SyncIndicator(link: .bundles, pending: 3, lastSyncAt: nil)
        check("home-bundles-only") { HomeScreen.render(state, into: &$0) }
    }

    @Test func homeFirstLogonWithNoQueues() {
        var state = HomeScreen.State(displayName: "New Person", previousLogonAt: nil, timeZone: Fixture.utc)
        check("home-loading") { HomeScreen.render(state, into: &$0) }
        state.isLoading = false
        check("home-empty") { HomeScreen.render(state, into: &$0) }
    }

    @Test func taskLabeling() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .tick(Fixture.start.addingTimeInterval(7)))
        _ = TaskScreen.update(&state, .key(.character("p")))
        check("task-chosen") { TaskScreen.render(state, into: &$0) }
    }

    @Test func taskWithAPredictionBeingFlagged() {
        // A model's label pre-filled and marked in the header, then the flag dialog open over it
        let predicted = LeasedTask(
            task: LabelTask(id: "sst2-dev-0005", projectID: "sentiment", text: Fixture.shortText, marking: .unclassified,
                            predictions: [Prediction(model: "sst-bert v2", score: 0.91, answer: .labels(["positive"]))]),
            epoch: 1, expiresAt: Fixture.start)
        var state = Fixture.taskState(task: predicted)
        check("task-predicted") { TaskScreen.render(state, into: &$0) }
        _ = TaskScreen.update(&state, .key(.character("f")))
        for character in "reads as sarcasm" { _ = TaskScreen.update(&state, .key(.character(character))) }
        check("task-flagging") { TaskScreen.render(state, into: &$0) }
        _ = TaskScreen.update(&state, .key(.enter))
        check("task-flagged") { TaskScreen.render(state, into: &$0) }
    }

    @Test func taskMultiLabelWithLongText() {
        var state = Fixture.taskState(project: Fixture.topics, task: Fixture.task(text: String(repeating: Fixture.longText + " ", count: 6), project: Fixture.topics, marking: .secret))
        _ = TaskScreen.update(&state, .key(.character("1")))
        _ = TaskScreen.update(&state, .key(.character("3")))
        check("task-multi") { TaskScreen.render(state, into: &$0) }
    }

    @Test func taskMarkedAboveTheStationIsNotShown() {
        var state = Fixture.taskState(task: Fixture.task(marking: .secret))
        state.systemHigh = .cui
        _ = TaskScreen.update(&state, .key(.character("1")))
        check("task-spill") { TaskScreen.render(state, into: &$0) }
    }

    @Test func taskHelp() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("?")))
        check("task-help") { TaskScreen.render(state, into: &$0) }
    }

    @Test func taskSkipReasons() {
        var state = Fixture.taskState()
        _ = TaskScreen.update(&state, .key(.character("s")))
        _ = TaskScreen.update(&state, .key(.down))
        check("task-skip") { TaskScreen.render(state, into: &$0) }
    }

    @Test func taskQueueEmpty() {
        var state = Fixture.taskState(task: nil)
        state.message = "All done: this queue is empty. Press q to go back."
        check("task-empty") { TaskScreen.render(state, into: &$0) }
    }

    @Test func lock() {
        var state = LockScreen.State(username: "demo")
        for key in "abc" { _ = LockScreen.update(&state, .character(key)) }
        check("lock") { LockScreen.render(state, into: &$0) }
    }
}
