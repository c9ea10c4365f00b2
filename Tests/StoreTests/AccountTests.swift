@_spi(Testing) import Store
import TestSupport
import Domain
import Foundation
import Testing

@Suite("Accounts and logon")
struct AccountTests {
    let directory: TemporaryDirectory
    let station: StationDatabase
    let ana = Account(username: "ana", displayName: "Ana Lima", role: .labeler)

    init() throws {
        directory = try TemporaryDirectory()
        station = try makeStation(in: directory)
        try station.addAccount(ana, password: "correct horse", now: monday)
    }

    @Test func rightPasswordLogsOnAndShowsThePreviousLogon() throws {
        // Given an account that has never logged on
        // When its owner logs on twice
        let first = try station.logOn(username: "ana", password: "correct horse", now: monday.addingTimeInterval(60))
        let second = try station.logOn(username: "ana", password: "correct horse", now: monday.addingTimeInterval(7200))

        // Then the first shows no previous logon and the second shows the first
        guard case .success(let account, let previousAtFirst) = first else { Issue.record("got \(first)"); return }
        #expect(account.username == "ana")
        #expect(previousAtFirst == nil)
        #expect(second == .success(
            Account(username: "ana", displayName: "Ana Lima", role: .labeler, lastLogonAt: monday.addingTimeInterval(7200)),
            previousLogonAt: monday.addingTimeInterval(60)))
        #expect(try station.account(named: "ana")?.lastLogonAt == monday.addingTimeInterval(7200))
    }

    @Test func thirdFailureWithinFifteenMinutesLocksTheAccount() throws {
        // Given two wrong passwords five minutes apart
        #expect(try station.logOn(username: "ana", password: "wrong", now: monday) == .wrongPassword)
        #expect(try station.logOn(username: "ana", password: "wrong", now: monday + minutes(5)) == .wrongPassword)

        // When a third comes within fifteen minutes of the first
        let third = try station.logOn(username: "ana", password: "wrong", now: monday + minutes(14))

        // Then the account locks, and even the right password is refused
        #expect(third == .justLocked)
        #expect(try station.account(named: "ana")?.lockedAt == monday + minutes(14))
        #expect(try station.logOn(username: "ana", password: "correct horse", now: monday + minutes(20)) == .locked)
        let kinds = try station.recentAuditEntries(limit: 10).map(\.kind)
        #expect(kinds.suffix(5) == ["logon.failure", "logon.failure", "logon.failure", "lockout", "logon.failure"])
    }

    @Test(arguments: [0.0004, 0.0006, 0.9995, 0.9999])
    func theThirdFailureLocksWhateverTheClocksSubMillisecondDigits(fraction: Double) throws {
        // Given failures at moments the database stores only to the millisecond
        let base = monday.addingTimeInterval(fraction)
        #expect(try station.logOn(username: "ana", password: "wrong", now: base) == .wrongPassword)
        #expect(try station.logOn(username: "ana", password: "wrong", now: base + 1) == .wrongPassword)

        // When the third comes, its stored time possibly rounded past its real one
        let third = try station.logOn(username: "ana", password: "wrong", now: base + 2)

        // Then it still counts: the account locks
        #expect(third == .justLocked)
    }

    @Test func failuresSpreadOverMoreThanFifteenMinutesDoNotLock() throws {
        // Given failures at 0, 10 and 20 minutes: never three within fifteen
        for offset in [0.0, 10, 20] {
            #expect(try station.logOn(username: "ana", password: "wrong", now: monday + minutes(offset)) == .wrongPassword)
        }

        // Then the account is not locked and the right password works
        #expect(try station.account(named: "ana")?.isLocked == false)
        guard case .success = try station.logOn(username: "ana", password: "correct horse", now: monday + minutes(21)) else {
            Issue.record("expected success")
            return
        }
    }

    @Test func successClearsEarlierFailures() throws {
        // Given two failures, then a success
        _ = try station.logOn(username: "ana", password: "wrong", now: monday)
        _ = try station.logOn(username: "ana", password: "wrong", now: monday + minutes(1))
        _ = try station.logOn(username: "ana", password: "correct horse", now: monday + minutes(2))

        // When one more failure follows within the window
        let result = try station.logOn(username: "ana", password: "wrong", now: monday + minutes(3))

        // Then it does not lock: the count started again
        #expect(result == .wrongPassword)
    }

    @Test func unlockLetsTheOwnerBackIn() throws {
        // Given a locked account
        for offset in [0.0, 1, 2] { _ = try station.logOn(username: "ana", password: "wrong", now: monday + minutes(offset)) }
        #expect(try station.account(named: "ana")?.isLocked == true)

        // When an admin unlocks it
        try station.unlock(username: "ana", by: "root", now: monday + minutes(5))

        // Then the right password works, and one more failure does not lock it again
        #expect(try station.logOn(username: "ana", password: "wrong", now: monday + minutes(6)) == .wrongPassword)
        guard case .success = try station.logOn(username: "ana", password: "correct horse", now: monday + minutes(7)) else {
            Issue.record("expected success")
            return
        }
        let unlock = try station.recentAuditEntries(limit: 10).first { $0.kind == "unlock" }
        #expect(unlock?.actor == "root")
        #expect(unlock?.detail == "unlocked ana")
    }

    @Test func unlockingAnUnknownAccountSaysSo() throws {
        #expect(throws: StoreError.noSuchAccount(username: "bob")) {
            try station.unlock(username: "bob", by: "root", now: monday)
        }
        #expect(StoreError.noSuchAccount(username: "bob").description == "there is no account named \"bob\"; check the spelling")
    }

    @Test func unknownUserLooksLikeAWrongPasswordButIsAudited() throws {
        // When someone tries a username that does not exist
        let result = try station.logOn(username: "mallory", password: "guess", now: monday)

        // Then the caller cannot tell it from a wrong password, and the audit log has it
        #expect(result == .wrongPassword)
        let entry = try #require(try station.recentAuditEntries(limit: 1).last)
        #expect(entry.kind == "logon.failure")
        #expect(entry.actor == "mallory")
        #expect(!entry.detail.contains("guess"))
    }

    @Test func passwordsNeverReachTheAuditLogOrTheFile() throws {
        // Given a logon, a failure and an idle unlock
        _ = try station.logOn(username: "ana", password: "correct horse", now: monday)
        _ = try station.logOn(username: "ana", password: "not my password", now: monday + 60)
        _ = try station.checkPassword(username: "ana", password: "correct horse", now: monday + 120)

        // Then no audit entry and no stored hash holds either password
        for entry in try station.recentAuditEntries(limit: 100) {
            #expect(!entry.detail.contains("horse") && !entry.detail.contains("not my password"))
        }
        let stored = try RawSQLite.rows(path: directory.path("station.sqlite"), "SELECT password_hash FROM account")
        let hash = try #require(stored.first?.first ?? nil)
        #expect(hash.hasPrefix("scrypt$16$1$1$"))
        #expect(!hash.contains("horse"))
    }

    @Test func idleUnlockChecksThePasswordUnderTheSamePolicy() throws {
        // Given a person logged on
        _ = try station.logOn(username: "ana", password: "correct horse", now: monday)

        // When the idle screen checks the right password
        let result = try station.checkPassword(username: "ana", password: "correct horse", now: monday + minutes(30))

        // Then it succeeds, is audited as idle.unlock, and the last logon is unchanged
        #expect(result == .success(
            Account(username: "ana", displayName: "Ana Lima", role: .labeler, lastLogonAt: monday), previousLogonAt: monday))
        #expect(try station.recentAuditEntries(limit: 1).last?.kind == "idle.unlock")

        // And three wrong tries lock the account as a logon would
        _ = try station.checkPassword(username: "ana", password: "x", now: monday + minutes(31))
        _ = try station.checkPassword(username: "ana", password: "x", now: monday + minutes(32))
        #expect(try station.checkPassword(username: "ana", password: "x", now: monday + minutes(33)) == .justLocked)
    }

    @Test func usernamesAreCheckedAndUnique() throws {
        #expect(throws: StoreError.accountExists(username: "ana")) {
            try station.addAccount(ana, password: "another", now: monday)
        }
        #expect(throws: StoreError.self) {
            try station.addAccount(Account(username: "Ana Lima", displayName: "x", role: .labeler), password: "p", now: monday)
        }
        #expect(throws: StoreError.emptyPassword) {
            try station.addAccount(Account(username: "bea", displayName: "Bea", role: .lead), password: "", now: monday)
        }
        #expect(try station.accounts().map(\.username) == ["ana"])
    }

    @Test func standardHashesDescribeTheirParameters() throws {
        // Given the real parameters
        let hash = try PasswordHasher.standard.hash("correct horse")

        // Then the stored text names them and checks the right password only
        let parts = hash.split(separator: "$")
        #expect(parts.prefix(4) == ["scrypt", "16384", "8", "1"])
        #expect(Data(base64Encoded: String(parts[4]))?.count == 16)
        #expect(try PasswordHasher.verify("correct horse", against: hash) == true)
        #expect(try PasswordHasher.verify("correct horsf", against: hash) == false)
        #expect(try PasswordHasher.verify("x", against: "md5$abc") == nil)
    }
}
