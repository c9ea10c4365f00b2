import Domain
import Foundation
import Screens
import TerminalCore
import Testing
@testable import Workstation

@Suite("Backoff between failed syncs")
struct SyncBackoffTests {
    let backoff = SyncBackoff()
    let seed = SyncBackoff.seed(for: "bay-1")

    @Test func theDelayDoublesFromTwoSecondsToFiveMinutesWithinTwentyPercent() {
        #expect(backoff.delay(afterFailures: 0, seed: seed) == 0)
        for (failures, base) in [(1, 2.0), (2, 4), (3, 8), (4, 16), (8, 256), (9, 300), (40, 300), (Int.max, 300)] {
            let delay = backoff.delay(afterFailures: failures, seed: seed)
            #expect(delay >= base * 0.8 && delay <= base * 1.2, "after \(failures) failures: \(delay) s")
        }
    }

    @Test func theJitterIsTheSameForOneStationAndDiffersBetweenStations() {
        let again = backoff.delay(afterFailures: 5, seed: SyncBackoff.seed(for: "bay-1"))
        #expect(backoff.delay(afterFailures: 5, seed: seed) == again)
        let others = (2...20).map { backoff.delay(afterFailures: 5, seed: SyncBackoff.seed(for: "bay-\($0)")) }
        #expect(Set(others).count == others.count)
        // Spread across the band, not bunched at one end.
        #expect(others.contains { $0 < 32 } && others.contains { $0 > 32 })
    }

    @Test func theNoiseStaysWithinOneEitherWay() {
        let samples = (0..<2000).map { SyncBackoff.noise(seed: UInt64($0) &* 7919, attempt: $0 % 13) }
        #expect(samples.allSatisfy { $0 >= -1 && $0 <= 1 })
        #expect(samples.min()! < -0.9 && samples.max()! > 0.9)
    }
}

@Suite("When the app syncs")
struct SyncSchedulingTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let account = Account(username: "ana", displayName: "Ana", role: .labeler)

    /// Logged in at `start` on a station that syncs over HTTP; the logon started a sync.
    func loggedIn(undoWindow: Int = 20) -> AppState {
        var state = AppState(
            settings: WorkspaceSettings(stationID: "bay-1", undoWindowSeconds: undoWindow, syncIntervalSeconds: 30),
            size: Size(width: 80, height: 24), now: start, timeZone: TimeZone(identifier: "UTC")!, link: .offline)
        _ = App.update(&state, .input(.key(.enter), at: start))
        _ = App.update(&state, .logonAnswered(.accepted(account, previousLogonAt: nil)))
        return state
    }

    func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    func syncs(_ state: inout AppState, at seconds: TimeInterval) -> Bool {
        App.update(&state, .tick(at(seconds))).contains(.sync(flushAll: false))
    }

    func finish(_ state: inout AppState, link: SyncIndicator.Link, pending: Int = 0, at seconds: TimeInterval) {
        _ = App.update(&state, .tick(at(seconds)))
        _ = App.update(&state, .syncStatusChanged(SyncIndicator(link: link, pending: pending), finishedSync: true))
    }

    @Test func afterFailuresTheNextTryWaitsLongerEachTime() {
        // Given the first sync failed at 0 s
        var state = loggedIn()
        #expect(state.isSyncing)
        finish(&state, link: .offline, at: 0)
        let first = SyncBackoff().delay(afterFailures: 1, seed: SyncBackoff.seed(for: "bay-1"))
        let second = SyncBackoff().delay(afterFailures: 2, seed: SyncBackoff.seed(for: "bay-1"))

        // Then the next try waits the first delay, not the 30 s interval
        #expect(!syncs(&state, at: first - 0.1))
        #expect(syncs(&state, at: first))

        // And when that fails too, the one after waits the second, longer delay from its end
        finish(&state, link: .offline, at: 10)
        #expect(state.syncFailures == 2)
        #expect(!syncs(&state, at: 10 + second - 0.1))
        #expect(syncs(&state, at: 10 + second))
    }

    @Test func aRefusalBacksOffTooAndSuccessEndsTheBackoff() {
        var state = loggedIn()
        finish(&state, link: .refused, at: 0)
        #expect(state.syncFailures == 1)
        #expect(syncs(&state, at: 100))
        finish(&state, link: .online, at: 100)
        #expect(state.syncFailures == 0)
        // Back on the regular interval, counted from the last start
        #expect(!syncs(&state, at: 129))
        #expect(syncs(&state, at: 130))
    }

    @Test func aSubmissionIsSentOnceItsUndoWindowHasPassed() {
        // Given a sync that worked at 0 s, and a submission at 3 s
        var state = loggedIn(undoWindow: 5)
        finish(&state, link: .online, at: 0)
        _ = App.update(&state, .tick(at(3)))
        _ = App.update(&state, .submitted(next: nil))

        // Then a sync starts once the window (and a second's margin) is over, before the 30 s interval
        #expect(!syncs(&state, at: 8.9))
        #expect(syncs(&state, at: 9))
        #expect(state.submissionSyncDueAt == nil)
    }

    @Test func aBundleOnlyStationRefreshesOnTheIntervalButDoesNotChaseItsSubmissions() {
        // Given a station that syncs only by bundle files, with work waiting
        var state = loggedIn(undoWindow: 5)
        finish(&state, link: .bundles, pending: 2, at: 0)
        _ = App.update(&state, .tick(at(3)))
        _ = App.update(&state, .submitted(next: nil))

        // Then nothing is due when the undo window ends, only at the regular interval
        #expect(state.submissionSyncDueAt == nil)
        #expect(!syncs(&state, at: 9))
        #expect(syncs(&state, at: 30))
    }

    @Test func workStillInsideItsWindowAfterASyncIsSentWhenTheWindowEnds() {
        var state = loggedIn(undoWindow: 5)
        finish(&state, link: .online, pending: 2, at: 1)
        #expect(state.submissionSyncDueAt == at(7))
        #expect(syncs(&state, at: 7))
    }

    @Test func whileOfflineASubmissionDoesNotCutTheBackoffShort() {
        // Given five failed syncs in a row, the last ending at 5000 s (next try about 32 s later)
        var state = loggedIn(undoWindow: 0)
        finish(&state, link: .offline, at: 0)
        for failure in 2...5 {
            #expect(syncs(&state, at: Double(failure) * 1000))
            finish(&state, link: .offline, at: Double(failure) * 1000)
        }

        // When the labeler submits, with no undo window
        _ = App.update(&state, .submitted(next: nil))

        // Then the backoff still decides when to try again
        #expect(!syncs(&state, at: 5002))
        #expect(syncs(&state, at: 5040))
    }
}
