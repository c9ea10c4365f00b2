import Domain
import Foundation
import Testing

@Suite("When failed logons lock an account")
struct LogonPolicyTests {
    let now = Date(timeIntervalSince1970: 1_740_992_400)

    @Test func threeFailuresWithinFifteenMinutesLock() {
        let policy = LogonPolicy()
        #expect(policy.shouldLock(failures: [now - 14 * 60, now - 60, now], now: now))
    }

    @Test func failuresOlderThanTheWindowDoNotCount() {
        let policy = LogonPolicy()
        #expect(!policy.shouldLock(failures: [now - 15 * 60, now - 60, now], now: now))
        #expect(!policy.shouldLock(failures: [now - 60, now], now: now))
    }
}
