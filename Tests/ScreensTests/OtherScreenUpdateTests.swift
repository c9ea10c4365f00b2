import Domain
import Foundation
import Screens
import TerminalCore
import Testing

@Suite struct NoticeAndLoginUpdateTests {
    @Test func noticeStaysUntilEnter() {
        var state = NoticeScreen.State(notice: "text")
        #expect(NoticeScreen.update(&state, .character("x")).isEmpty)
        #expect(NoticeScreen.update(&state, .down).isEmpty)
        #expect(NoticeScreen.update(&state, .enter) == [.acknowledged])
    }

    @Test func loginSendsTrimmedLowercasedUsernameAndClearsThePassword() {
        var state = LoginScreen.State()
        for key in "Demo " { _ = LoginScreen.update(&state, .character(key)) }
        #expect(LoginScreen.update(&state, .enter).isEmpty)
        #expect(state.focus == .password)
        for key in "pw1" { _ = LoginScreen.update(&state, .character(key)) }
        _ = LoginScreen.update(&state, .backspace)
        _ = LoginScreen.update(&state, .character("2"))
        let effects = LoginScreen.update(&state, .enter)
        #expect(effects == [.logOn(username: "demo", password: "pw2")])
        #expect(state.password.text.isEmpty)
        #expect(state.isChecking)
        // Keys typed while the logon is checked wait, then play back after a refusal
        #expect(LoginScreen.update(&state, .character("x")).isEmpty)
        #expect(LoginScreen.update(&state, .enter).isEmpty)
        #expect(state.password.text.isEmpty)
        #expect(LoginScreen.refused(&state, .wrongPassword) == [.logOn(username: "demo", password: "x")])
        #expect(state.isChecking)
    }

    @Test func loginWithoutUsernameSaysWhatToDo() {
        var state = LoginScreen.State()
        _ = LoginScreen.update(&state, .tab)
        _ = LoginScreen.update(&state, .character("p"))
        #expect(LoginScreen.update(&state, .enter).isEmpty)
        #expect(state.message == "Type your username first.")
    }

    @Test func thePasswordIsNeverDrawn() {
        var state = LoginScreen.State()
        for key in "demo" { _ = LoginScreen.update(&state, .character(key)) }
        _ = LoginScreen.update(&state, .tab)
        for key in "hunter22" { _ = LoginScreen.update(&state, .character(key)) }
        var buffer = Buffer(size: Size(width: 80, height: 24))
        LoginScreen.render(state, into: &buffer)
        #expect(!buffer.text.contains("hunter22"))
        #expect(buffer.text.contains("••••••••"))
    }

    @Test func homeEnterOpensTheChosenQueue() {
        var state = HomeScreen.State(displayName: "x", previousLogonAt: nil, timeZone: Fixture.utc)
        state.queues = [
            .init(projectID: "a", title: "A", marking: .cui, waiting: 1, doneToday: 0),
            .init(projectID: "b", title: "B", marking: .cui, waiting: 0, doneToday: 3),
        ]
        state.isLoading = false
        var opening = state
        #expect(HomeScreen.update(&opening, .enter) == [.openQueue(projectID: "a")])
        _ = HomeScreen.update(&state, .down)
        #expect(HomeScreen.update(&state, .enter).isEmpty)
        #expect(state.message == "B has nothing waiting. Try again after the next sync.")
        #expect(HomeScreen.update(&state, .character("q")) == [.quit])
        #expect(HomeScreen.update(&state, .character("l")) == [.logOut])
        #expect(HomeScreen.update(&state, .character("r")) == [.refresh])
    }
}

@Suite struct HomeLoadingTests {
    func home() -> HomeScreen.State { HomeScreen.State(displayName: "Ana", previousLogonAt: nil, timeZone: Fixture.utc) }
    let queue = HomeScreen.Queue(projectID: "sentiment", title: "Sentiment", marking: .unclassified, waiting: 3, doneToday: 0)

    @Test func enterBeforeTheQueuesLoadWaitsAndOpensTheQueueOnceTheyDo() {
        // Given a home screen right after logon, queues not loaded yet
        var state = home()
        // When the labeler presses Enter at once
        #expect(HomeScreen.update(&state, .enter).isEmpty)
        #expect(state.message == nil)
        // Then the queue opens as soon as the list arrives
        #expect(HomeScreen.loaded(&state, queues: [queue]) == [.openQueue(projectID: "sentiment")])
        #expect(state.isOpening)
        // And keys typed while it opens wait for the task screen
        _ = HomeScreen.update(&state, .character("1"))
        #expect(state.deferredKeys == [.character("1")])
    }

    @Test func aSentenceAboutAnEmptyListGoesWhenTheListFills() {
        var state = home()
        _ = HomeScreen.loaded(&state, queues: [])
        _ = HomeScreen.update(&state, .enter)
        #expect(state.message == "No queues yet. An admin adds projects with: labeldesk project create")
        _ = HomeScreen.loaded(&state, queues: [queue])
        #expect(state.message == nil)
    }

    @Test func aFailedLoadStopsTheWaitAndDropsTheKeys() {
        var state = home()
        _ = HomeScreen.update(&state, .enter)
        HomeScreen.failed(&state, message: "database did not answer")
        #expect(!state.isWaiting)
        #expect(state.deferredKeys.isEmpty)
        #expect(HomeScreen.update(&state, .control("q")) == [.quit])
    }
}
