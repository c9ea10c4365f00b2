import Curriculum
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

/// The trainer's screen end to end on a real standalone workspace: a course published
/// from a folder into the SQLite hub, a labeler's attempt made on the station and synced,
/// and the trainer, through `App` and the real effect runner, sees where the labeler
/// stands and marks the essay as themselves.
@Suite(.serialized) struct TrainerRoutingTests {
    static let files = [
        "writing/course.conf": "title: Writing rationales\npass mark: 100%\nattempts: 2\nquiz: quiz.gift\n",
        "writing/quiz.gift": "::Enter:: Which key submits? {=Enter ~Tab}\n\n::Why:: Why does a rationale matter? {}\n",
    ]

    struct Station {
        let folder: URL
        let opened: OpenWorkspace
        let inbox = ActionInbox()
        let runner: EffectRunner

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-trainer-\(UUID().uuidString)")
            let workspace = Workspace(directory: folder)
            try workspace.prepare(settings: WorkspaceSettings(stationID: "station-1"))
            opened = try workspace.open()
            runner = EffectRunner(
                station: opened.station, syncer: opened.syncer, settings: opened.settings, link: opened.link, inbox: inbox, hub: opened.hub,
                logger: Logger(label: "test"))
        }

        /// Logged in as `account` on the home screen, its first loads done.
        func loggedIn(_ account: Account) -> AppState {
            var state = AppState(settings: opened.settings, size: Size(width: 80, height: 24), now: Date(), timeZone: TimeZone(identifier: "UTC")!, link: .standalone)
            state.screen = .login(LoginScreen.State())
            settle(App.update(&state, .logonAnswered(.accepted(account, previousLogonAt: nil))), &state)
            return state
        }

        /// Runs the effects through the real runner and feeds its answers back to the app
        /// until nothing is left to run (syncs apart: the test syncs when it means to).
        func settle(_ effects: [AppEffect], _ state: inout AppState) {
            var pending = effects
            for _ in 0..<20 where !pending.isEmpty {
                for effect in pending {
                    if case .sync = effect { continue }
                    runner.run(effect)
                }
                runner.waitForStoreWork()
                pending = inbox.drain().flatMap { App.update(&state, $0) }
            }
        }

        func press(_ keys: [Key], _ state: inout AppState) {
            for key in keys { settle(App.update(&state, .input(.key(key), at: Date())), &state) }
        }

        func screen(_ state: AppState) -> String {
            var buffer = Buffer(size: state.size)
            App.render(state, into: &buffer)
            return buffer.text
        }
    }

    @Test func aTrainerSeesTheLabelersStandingAndMarksTheirEssay() async throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(at: station.folder) }
        let hub = station.opened.hub
        let now = Date()
        // Given a trainer, a lead and two labelers, and a course with an essay published from a folder
        let tess = Account(username: "tess", displayName: "Tess", role: .trainer)
        let lee = Account(username: "lee", displayName: "Lee", role: .lead)
        for account in [tess, lee, Account(username: "ana", displayName: "Ana", role: .labeler), Account(username: "ben", displayName: "Ben", role: .labeler)] {
            try station.opened.addAccount(account, password: "long enough", now: now)
        }
        let root = station.folder.appendingPathComponent("Training")
        for (path, text) in Self.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        #expect(try hub.publishCourses(from: root, actor: "tess", now: now).published == ["writing"])
        // ana assigned it, ben assigned it two hours ago and due an hour ago
        try hub.assignCourse("writing", to: .person("ana"), dueAt: now.addingTimeInterval(86400), actor: "tess", now: now)
        try hub.assignCourse("writing", to: .person("ben"), dueAt: now.addingTimeInterval(-3600), actor: "tess", now: now.addingTimeInterval(-7200))
        // And ana's attempt, made on this station and synced: the first question right, the essay written
        _ = try await station.opened.syncer.sync(now: Date(), flushAll: true)
        let course = try #require(try hub.course(id: "writing"))
        station.runner.run(.recordAttempt(AttemptSubmission(
            course: course, username: "ana", startedAt: Date().addingTimeInterval(-60),
            responses: ["q0": .question(.choice(0)), "q1": .question(.text("So the next person sees why the label was chosen."))])))
        station.runner.waitForStoreWork()
        _ = station.inbox.drain()
        _ = try await station.opened.syncer.sync(now: Date(), flushAll: true)
        #expect(try hub.attempts(courseID: "writing").count == 1)

        // When the trainer presses t on the home screen
        var state = station.loggedIn(tess)
        #expect(station.screen(state).contains("t trainer"))
        station.press([.character("t")], &state)

        // Then the course is listed with its counts: two assigned, one started, one overdue, one essay
        guard case .trainer(let list) = state.screen else { Issue.record("not the trainer's screen: \(state.screen)"); return }
        #expect(list.courses == [TrainerScreen.CourseSummary(
            courseID: "writing", title: "Writing rationales", version: course.version, assigned: 2, started: 1, passed: 0, failed: 0, overdue: 1, essays: 1)])

        // When they open it, each person shows where they stand, ben overdue
        station.press([.enter], &state)
        var text = station.screen(state)
        // And the app's ticks ask the hub again once two seconds have passed
        let ticked = App.update(&state, .tick(Date().addingTimeInterval(3)))
        #expect(ticked.contains(.loadTrainerCourse(courseID: "writing")), "\(ticked)")
        station.settle(ticked, &state)
        guard case .trainer(let refreshed) = state.screen else { Issue.record("left the trainer's screen"); return }
        #expect(!refreshed.isRefreshing && refreshed.view?.people.map(\.username) == ["ana", "ben"])
        #expect(text.contains("ana") && text.contains("awaiting mark"), "\(text)")
        #expect(text.contains("ben") && text.contains("OVERDUE"), "\(text)")

        // And on the essays pane, the essay opens with ana's answer
        station.press([.character("3"), .enter], &state)
        text = station.screen(state)
        #expect(text.contains("So the next person sees why the label was chosen."), "\(text)")

        // When the trainer types full marks and confirms
        station.press([.character("1"), .enter], &state)

        // Then the hub has the mark in tess's name, and the page says ana passed
        let attempt = try #require(try hub.attempts(courseID: "writing").first)
        #expect(try hub.trainerMarks(attemptID: attempt.attempt.id).map(\.markedBy) == ["tess"])
        #expect(attempt.passed)
        guard case .trainer(let page) = state.screen else { Issue.record("left the trainer's screen"); return }
        #expect(page.message == "Marked q1 of ana's attempt: 100% so far, passed.")
        #expect(page.view?.people.first { $0.username == "ana" }?.state.isPassed == true)
        #expect(page.view?.essays.isEmpty == true)

        // And q twice goes back home
        station.press([.character("q"), .character("q")], &state)
        guard case .home = state.screen else { Issue.record("not home: \(state.screen)"); return }
    }

    @Test func aLeadsMarkIsRefusedByTheHubInASentenceAndALabelerHasNoT() async throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(at: station.folder) }
        let hub = station.opened.hub
        let now = Date()
        let lee = Account(username: "lee", displayName: "Lee", role: .lead)
        let ana = Account(username: "ana", displayName: "Ana", role: .labeler)
        for account in [Account(username: "tess", displayName: "Tess", role: .trainer), lee, ana] {
            try station.opened.addAccount(account, password: "long enough", now: now)
        }
        let root = station.folder.appendingPathComponent("Training")
        for (path, text) in Self.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        _ = try hub.publishCourses(from: root, actor: "tess", now: now)
        _ = try await station.opened.syncer.sync(now: Date(), flushAll: true)
        let course = try #require(try hub.course(id: "writing"))
        station.runner.run(.recordAttempt(AttemptSubmission(
            course: course, username: "ana", startedAt: Date().addingTimeInterval(-60),
            responses: ["q0": .question(.choice(0)), "q1": .question(.text("Because."))])))
        station.runner.waitForStoreWork()
        _ = station.inbox.drain()
        _ = try await station.opened.syncer.sync(now: Date(), flushAll: true)

        // Given a lead (who assigns courses but does not mark) on the essay
        var state = station.loggedIn(lee)
        station.press([.character("t"), .enter, .character("3"), .enter, .character("1"), .enter], &state)

        // Then the hub refuses, the sentence shows, and the essay stays open, unmarked
        guard case .trainer(let page) = state.screen else { Issue.record("not the trainer's screen"); return }
        #expect(page.message == "Lee is a lead at the hub; only trainers and admins mark attempts.")
        #expect(page.openEssay != nil)
        #expect(try hub.trainerMarks(attemptID: try #require(page.view?.essays.first?.attemptID)).isEmpty)

        // And the lead may assign the course from the page: to ana, due in 3 days
        station.press([.escape, .character("a")] + "ana".map(Key.character) + [.tab] + "3d".map(Key.character) + [.enter], &state)
        guard case .trainer(let assigned) = state.screen else { Issue.record("not the trainer's screen"); return }
        #expect(assigned.message?.hasPrefix("Assigned writing to ana, due ") == true, "\(assigned.message ?? "")")
        let assignment = try #require(try hub.assignments(courseID: "writing").first)
        #expect(assignment.username == "ana")
        #expect(assignment.assignment.reason == .assigned(by: "lee", cohort: nil))
        #expect(assigned.view?.people.first { $0.username == "ana" }?.dueAt == assignment.assignment.dueAt)

        // And a labeler's t opens nothing
        var labeler = station.loggedIn(ana)
        station.press([.character("t")], &labeler)
        guard case .home = labeler.screen else { Issue.record("a labeler left home: \(labeler.screen)"); return }
        #expect(!station.screen(labeler).contains("t trainer"))
    }

    @Test func aStationWithNoHubOfItsOwnSaysWhereCoursesAreFollowed() throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(at: station.folder) }
        let inbox = ActionInbox()
        let runner = EffectRunner(
            station: station.opened.station, syncer: station.opened.syncer, settings: station.opened.settings, link: .bundles, inbox: inbox,
            hub: station.opened.hub, logger: Logger(label: "test"))
        runner.run(.loadTrainerCourses)
        runner.waitForStoreWork()
        #expect(inbox.drain() == [.failed(EffectRunner.trainAtTheHub)])
    }
}
