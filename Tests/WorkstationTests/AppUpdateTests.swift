import Domain
import Foundation
import Screens
import TerminalCore
import Testing
@testable import Workstation

/// Routing, the idle lock and sync timing, fed actions with no disk or terminal.
@Suite struct AppUpdateTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let account = Account(username: "demo", displayName: "Demo Labeler", role: .labeler)

    func fresh(idleLockSeconds: Int = 900) -> AppState {
        AppState(settings: WorkspaceSettings(systemHigh: .secret, idleLockSeconds: idleLockSeconds, syncIntervalSeconds: 30), size: Size(width: 80, height: 24), now: start, timeZone: TimeZone(identifier: "UTC")!, link: .standalone)
    }

    func key(_ key: Key, at offset: TimeInterval = 0) -> AppAction { .input(.key(key), at: start.addingTimeInterval(offset)) }

    func loggedIn() -> AppState {
        var state = fresh()
        _ = App.update(&state, key(.enter))
        for character in "demo" { _ = App.update(&state, key(.character(character))) }
        _ = App.update(&state, key(.enter))
        for character in "pw" { _ = App.update(&state, key(.character(character))) }
        _ = App.update(&state, key(.enter))
        _ = App.update(&state, .logonAnswered(.accepted(account, previousLogonAt: nil)))
        return state
    }

    @Test func noticeThenLoginAsksTheStoreToCheckTheLogon() {
        var state = fresh()
        #expect(App.update(&state, key(.character("x"))).isEmpty)
        guard case .notice = state.screen else { Issue.record("left the notice on a key that is not Enter"); return }
        _ = App.update(&state, key(.enter))
        guard case .login = state.screen else { Issue.record("Enter did not open the login"); return }
        for character in "demo" { _ = App.update(&state, key(.character(character))) }
        _ = App.update(&state, key(.enter))
        for character in "pw" { _ = App.update(&state, key(.character(character))) }
        #expect(App.update(&state, key(.enter)) == [.logOn(username: "demo", password: "pw")])
    }

    @Test func anAcceptedLogonOpensHomeStartsTheSessionAndSyncs() {
        var state = fresh()
        _ = App.update(&state, key(.enter))
        let effects = App.update(&state, .logonAnswered(.accepted(account, previousLogonAt: start.addingTimeInterval(-3600))))
        #expect(effects == [
            .audit(AuditEvent(kind: .sessionStart, actor: "demo", detail: "session started", at: start)),
            .loadQueues(username: "demo"),
            .sync(flushAll: false),
        ])
        guard case .home(let home) = state.screen else { Issue.record("not home"); return }
        #expect(home.previousLogonAt == start.addingTimeInterval(-3600))
    }

    @Test func aRefusedLogonStaysOnLoginWithTheReason() {
        var state = fresh()
        _ = App.update(&state, key(.enter))
        _ = App.update(&state, .logonAnswered(.refused(.justLocked)))
        guard case .login(let login) = state.screen else { Issue.record("not login"); return }
        #expect(login.message == LoginScreen.Refusal.justLocked.sentence)
    }

    @Test func theScreenLocksAfterTheIdleTimeAndUnlocksWithThePassword() {
        var state = loggedIn()
        #expect(state.lock == nil)
        let effects = App.update(&state, .tick(start.addingTimeInterval(900)))
        #expect(state.lock != nil)
        #expect(effects.contains(.audit(AuditEvent(kind: .idleLock, actor: "demo", detail: "locked after 900 s without a key", at: start.addingTimeInterval(900)))))
        // The locked screen hides the queues
        var buffer = Buffer(size: Size(width: 80, height: 24))
        App.render(state, into: &buffer)
        #expect(buffer.text.contains("Screen locked"))
        #expect(!buffer.text.contains("Your queues"))
        // Keys go to the lock, not the screen behind it
        #expect(App.update(&state, key(.character("q"), at: 901)).isEmpty)
        #expect(state.isRunning && !state.isQuitting)
        _ = App.update(&state, key(.character("w"), at: 902))
        #expect(App.update(&state, key(.enter, at: 903)) == [.unlock(username: "demo", password: "qw")])
        _ = App.update(&state, .unlockAnswered(.accepted(account, previousLogonAt: nil)))
        #expect(state.lock == nil)
    }

    /// The database failing during an unlock must not leave the lock waiting forever.
    @Test func aFailedPasswordCheckAtTheLockAnswersAndReplaysTheKeysTypedMeanwhile() {
        var state = loggedIn()
        _ = App.update(&state, .tick(start.addingTimeInterval(900)))
        _ = App.update(&state, key(.character("q"), at: 901))
        #expect(App.update(&state, key(.enter, at: 902)) == [.unlock(username: "demo", password: "q")])
        _ = App.update(&state, key(.character("w"), at: 903))

        _ = App.update(&state, .failed("the database is locked"))

        #expect(state.lock?.isChecking == false)
        #expect(state.lock?.message == LoginScreen.Refusal.couldNotCheck.sentence)
        #expect(state.lock?.deferredKeys.isEmpty == true)
        #expect(App.update(&state, key(.enter, at: 904)) == [.unlock(username: "demo", password: "w")])
    }

    @Test func aKeyResetsTheIdleClock() {
        var state = loggedIn()
        _ = App.update(&state, key(.down, at: 800))
        _ = App.update(&state, .tick(start.addingTimeInterval(1600)))
        #expect(state.lock == nil)
        _ = App.update(&state, .tick(start.addingTimeInterval(1700)))
        #expect(state.lock != nil)
    }

    @Test func syncRunsOnTheIntervalAndNeverTwiceAtOnce() {
        var state = loggedIn()  // the logon started one sync
        #expect(!App.update(&state, .tick(start.addingTimeInterval(40))).contains(.sync(flushAll: false)))
        _ = App.update(&state, .syncStatusChanged(SyncIndicator(link: .standalone, pending: 0, lastSyncAt: start), finishedSync: true))
        #expect(App.update(&state, .tick(start.addingTimeInterval(41))).contains(.sync(flushAll: false)))
        #expect(!App.update(&state, .tick(start.addingTimeInterval(80))).contains(.sync(flushAll: false)))
    }

    @Test func quittingEndsTheSessionAndFinishesBeforeStopping() {
        var state = loggedIn()
        _ = App.update(&state, .queuesLoaded([]))
        let effects = App.update(&state, key(.character("q")))
        #expect(effects == [.audit(AuditEvent(kind: .sessionEnd, actor: "demo", detail: "quit", at: start)), .finish])
        #expect(state.isRunning)
        _ = App.update(&state, .finished)
        #expect(!state.isRunning)
    }

    @Test func aStopSignalQuitsCleanlyFromAnyScreen() {
        var state = loggedIn()
        _ = App.update(&state, .queuesLoaded([HomeScreen.Queue(projectID: "p", title: "P", marking: .cui, waiting: 3, doneToday: 0)]))
        #expect(App.update(&state, key(.enter)) == [.openTask(projectID: "p", username: "demo")])
        let effects = App.update(&state, .stopRequested)
        #expect(effects.last == .finish)
        #expect(App.update(&state, .stopRequested).isEmpty)
    }

    @Test func theStationsSystemHighReachesTheTaskScreen() {
        // Given a station accredited to SECRET and a TOP SECRET task
        var state = loggedIn()
        let project = Project(id: "p", title: "P", labels: [LabelChoice(name: "yes"), LabelChoice(name: "no")])
        let task = LeasedTask(task: LabelTask(id: "t1", projectID: "p", text: "text", marking: .topSecret), epoch: 1, expiresAt: start)
        _ = App.update(&state, .taskOpened(project: project, task: task, waiting: 1, doneToday: 0))
        // When the labeler tries to label it
        _ = App.update(&state, key(.character("1")))
        // Then nothing is saved and the text is not drawn
        #expect(App.update(&state, key(.enter)).isEmpty)
        var buffer = Buffer(size: Size(width: 80, height: 24))
        App.render(state, into: &buffer)
        #expect(buffer.text.contains("Marked above this station"))
    }

    @Test func aSubmissionCarriesTheUserAndTheLease() {
        var state = loggedIn()
        let project = Project(id: "p", title: "P", labels: [LabelChoice(name: "yes"), LabelChoice(name: "no")])
        let task = LeasedTask(task: LabelTask(id: "t1", projectID: "p", text: "text", marking: .cui), epoch: 3, expiresAt: start)
        _ = App.update(&state, .taskOpened(project: project, task: task, waiting: 5, doneToday: 0))
        _ = App.update(&state, key(.character("2"), at: 4))
        _ = App.update(&state, .tick(start.addingTimeInterval(5)))
        let effects = App.update(&state, key(.enter, at: 5))
        #expect(effects == [.save(Submission(decision: .init(task: task, answer: .labels(["no"]), secondsOnTask: 5), username: "demo"))])
    }
}

@Suite struct LogonKeysTests {
    @Test func keysTypedWhileTheLogonIsCheckedReplayOnHomeOnceTheQueuesLoad() {
        // Given a logon being checked, and Down and Enter typed meanwhile
        let tests = AppUpdateTests()
        var state = tests.fresh()
        _ = App.update(&state, tests.key(.enter))
        for character in "demo" { _ = App.update(&state, tests.key(.character(character))) }
        _ = App.update(&state, tests.key(.enter))
        for character in "pw" { _ = App.update(&state, tests.key(.character(character))) }
        _ = App.update(&state, tests.key(.enter))
        _ = App.update(&state, tests.key(.down))
        _ = App.update(&state, tests.key(.enter))

        // When the logon is accepted and the queues arrive
        _ = App.update(&state, .logonAnswered(.accepted(tests.account, previousLogonAt: nil)))
        let effects = App.update(&state, .queuesLoaded([
            HomeScreen.Queue(projectID: "a", title: "A", marking: .cui, waiting: 3, doneToday: 0),
            HomeScreen.Queue(projectID: "b", title: "B", marking: .cui, waiting: 5, doneToday: 0),
        ]))

        // Then the keys did what they would have done on the home screen: open the second queue
        #expect(effects == [.openTask(projectID: "b", username: "demo")])
    }
}

@Suite struct QueueCountTests {
    @Test func oneQueuesCountsReachTheTaskScreenButNeverShrinkTheHomeList() {
        // Given the home screen listing two queues
        var state = AppUpdateTests().loggedIn()
        let queues = [
            HomeScreen.Queue(projectID: "a", title: "A", marking: .cui, waiting: 3, doneToday: 0),
            HomeScreen.Queue(projectID: "b", title: "B", marking: .cui, waiting: 5, doneToday: 1),
        ]
        _ = App.update(&state, .queuesLoaded(queues))
        // When one queue's counts arrive late, from a save made before going back
        _ = App.update(&state, .queueCounted(HomeScreen.Queue(projectID: "a", title: "A", marking: .cui, waiting: 2, doneToday: 1)))
        // Then the home list still holds both
        guard case .home(let home) = state.screen else {
            Issue.record("expected the home screen")
            return
        }
        #expect(home.queues == queues)
    }
}

@Suite struct GoldReviewRoutingTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    func loggedIn(as role: Role) -> AppState {
        var state = AppState(
            settings: WorkspaceSettings(systemHigh: .secret), size: Size(width: 80, height: 24), now: start,
            timeZone: TimeZone(identifier: "UTC")!, link: .standalone)
        state.screen = .login(LoginScreen.State())
        let account = Account(username: "lee", displayName: "Lee", role: role)
        _ = App.update(&state, .logonAnswered(.accepted(account, previousLogonAt: nil)))
        _ = App.update(&state, .queuesLoaded([HomeScreen.Queue(projectID: "sentiment", title: "Sentiment", marking: .cui, waiting: 3, doneToday: 0)]))
        return state
    }

    func key(_ key: Key) -> AppAction { .input(.key(key), at: start) }

    @Test func aLeadOpensTheCandidatesDecidesAsThemselvesAndGoesBack() {
        // Given a lead on the home screen
        var state = loggedIn(as: .lead)

        // When they press g, the candidates arrive, and they press Enter
        #expect(App.update(&state, key(.character("g"))) == [.loadGoldCandidates(projectID: "sentiment")])
        let candidate = GoldReviewScreen.Candidate(
            taskID: "t0", text: "a fine film", marking: .cui, label: "positive", confidence: 0.99, votes: [.init(label: "positive", count: 3)])
        _ = App.update(&state, .goldCandidatesLoaded(projectID: "sentiment", labels: ["negative", "positive"], candidates: [candidate]))
        let effects = App.update(&state, key(.enter))

        // Then the decision goes to the hub in the lead's name, and its answer empties the list
        #expect(effects == [.decideGoldCandidate(projectID: "sentiment", taskID: "t0", .accept, reviewer: "lee")])
        _ = App.update(&state, .goldCandidateDecided(taskID: "t0", sentence: "t0 joined the gold pool with its consensus as the key."))
        guard case .goldReview(let review) = state.screen else {
            Issue.record("expected the gold review screen")
            return
        }
        #expect(review.candidates.isEmpty && review.message == "t0 joined the gold pool with its consensus as the key.")
        // And a refusal from the hub shows on this screen
        _ = App.update(&state, .failed("Not allowed."))
        guard case .goldReview(let refused) = state.screen else { return }
        #expect(refused.message == "Not allowed.")

        // And q goes home, reloading the queues
        #expect(App.update(&state, key(.character("q"))) == [.loadQueues(username: "lee")])
        guard case .home(let home) = state.screen else {
            Issue.record("expected the home screen")
            return
        }
        #expect(home.reviewsGold)
    }

    @Test func aLabelersGOpensNothing() {
        var state = loggedIn(as: .labeler)
        #expect(App.update(&state, key(.character("g"))) == [])
        guard case .home(let home) = state.screen else {
            Issue.record("expected the home screen")
            return
        }
        #expect(!home.reviewsGold)
    }
}
