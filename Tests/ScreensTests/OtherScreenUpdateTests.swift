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
        #expect(HomeScreen.update(&state, .enter) == [.openQueue(projectID: "a")])
        _ = HomeScreen.update(&state, .down)
        #expect(HomeScreen.update(&state, .enter).isEmpty)
        #expect(state.message == "B has nothing waiting. Try again after the next sync.")
        #expect(HomeScreen.update(&state, .character("q")) == [.quit])
        #expect(HomeScreen.update(&state, .character("l")) == [.logOut])
        #expect(HomeScreen.update(&state, .character("r")) == [.refresh])
    }
}
