import Domain
import Foundation
import Hub
import Logging
import Screens
import Store
import Sync
import TerminalCore
import Testing
@testable import Workstation

/// The lead's console through `App` and the real effect runner on a standalone
/// workspace: `f` on home for a lead only, the floor from the hub in this process, and a
/// pause that the hub records and the labeler's next sync carries.
@Suite(.serialized) struct LeadRoutingTests {
    struct Station {
        let folder: URL
        let opened: OpenWorkspace
        let inbox = ActionInbox()
        let runner: EffectRunner

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-lead-\(UUID().uuidString)")
            let workspace = Workspace(directory: folder)
            try workspace.prepare(settings: WorkspaceSettings(stationID: "station-1"))
            opened = try workspace.open()
            runner = EffectRunner(
                station: opened.station, syncer: opened.syncer, settings: opened.settings, link: opened.link, inbox: inbox, hub: opened.hub,
                logger: Logger(label: "test"))
        }

        func loggedIn(_ account: Account) async -> AppState {
            var state = AppState(settings: opened.settings, size: Size(width: 100, height: 30), now: Date(), timeZone: TimeZone(identifier: "UTC")!, link: .standalone)
            state.screen = .login(LoginScreen.State())
            await settle(App.update(&state, .logonAnswered(.accepted(account, previousLogonAt: nil))), &state)
            return state
        }

        /// Runs effects through the real runner until its answers stop coming; the
        /// floor's ask runs in a task of its own, so the inbox is read until it has answered.
        func settle(_ effects: [AppEffect], _ state: inout AppState) async {
            var pending = effects
            for _ in 0..<20 where !pending.isEmpty {
                let asks = pending.filter { if case .askLeadFloor = $0 { true } else { false } }.count
                for effect in pending {
                    if case .sync = effect { continue }
                    runner.run(effect)
                }
                runner.waitForStoreWork()
                var arrived = inbox.drain()
                for _ in 0..<500 where arrived.filter({ if case .leadFloorLoaded = $0 { true } else if case .failed = $0 { true } else { false } }).count < asks {
                    try? await Task.sleep(for: .milliseconds(10))
                    arrived += inbox.drain()
                }
                pending = arrived.flatMap { App.update(&state, $0) }
            }
        }

        func press(_ keys: [Key], _ state: inout AppState) async {
            for key in keys { await settle(App.update(&state, .input(.key(key), at: Date())), &state) }
        }

        func screen(_ state: AppState) -> String {
            var buffer = Buffer(size: state.size)
            App.render(state, into: &buffer)
            return buffer.text
        }
    }

    @Test func aLeadPausesALabelerFromTheConsoleAndTheLabelersNextSyncCarriesIt() async throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(at: station.folder) }
        let hub = station.opened.hub
        let now = Date()
        let lee = Account(username: "lee", displayName: "Lee", role: .lead)
        let ana = Account(username: "ana", displayName: "Ana", role: .labeler)
        for account in [lee, ana] { try station.opened.addAccount(account, password: "long enough", now: now) }
        try hub.createProject(Project(id: "sentiment", title: "Sentiment", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")]), actor: "admin", now: now)
        try hub.importTasks(projectID: "sentiment", tasks: (0..<5).map { LabelTask(id: "t\($0)", projectID: "sentiment", text: "text \($0)", marking: .unclassified) }, actor: "admin", now: now)

        // A labeler is not offered the console, and f does nothing for them
        var labeler = await station.loggedIn(ana)
        #expect(!station.screen(labeler).contains("f floor"))
        await station.press([.character("f")], &labeler)
        guard case .home = labeler.screen else { Issue.record("a labeler left home: \(labeler.screen)"); return }

        // When the lead presses f, the floor arrives from the hub and lists ana
        var state = await station.loggedIn(lee)
        #expect(station.screen(state).contains("f floor"))
        await station.press([.character("f")], &state)
        guard case .lead(let console) = state.screen else { Issue.record("not the console: \(state.screen)"); return }
        #expect(console.floor?.projects.map(\.id) == ["sentiment"])
        #expect(console.floor?.people.map(\.username) == ["ana"])
        await station.press([.character("2")], &state)
        #expect(station.screen(state).contains("ana"))

        // And pausing her asks, then the hub records it and the console says so
        await station.press([.character("p")] + "lunch".map { Key.character($0) } + [.enter], &state)
        #expect(station.screen(state).contains("Pause ana on every project (\"lunch\")?"))
        await station.press([.character("y")], &state)
        guard case .lead(let after) = state.screen else { Issue.record("not the console: \(state.screen)"); return }
        #expect(after.message == "Paused ana on every project (\"lunch\"); their station stops serving work at its next sync.")
        #expect(after.floor?.people.first?.state == .paused(by: "lee", note: "lunch"))
        // And ana's next sync at this station (she logged on here) shuts her queue with the lead's words
        _ = try station.opened.station.logOn(username: "ana", password: "long enough", now: Date(), policy: LogonPolicy())
        _ = try await station.opened.syncer.sync(now: Date(), flushAll: true)
        let queues = try station.opened.station.queueSummaries(username: "ana", now: Date(), calendar: Calendar(identifier: .gregorian))
        #expect(queues.first?.isPaused == true)
        #expect(queues.first?.heldBy == LeadHold(by: "lee", note: "lunch"))
    }
}
