@_spi(Testing) import Store
import TestSupport
import Domain
import Foundation
import Testing

/// Both databases keep the same chained log; every test runs on each.
enum AuditedDatabase: String, CaseIterable, CustomStringConvertible {
    case station, hub

    var description: String { rawValue }

    /// Opens the database in `directory` with five entries written.
    func openWithFiveEntries(in directory: TemporaryDirectory) throws -> (path: String, verify: () throws -> AuditVerification, append: (AuditEvent) throws -> Void) {
        let path = directory.path("\(rawValue).sqlite")
        let verify: () throws -> AuditVerification
        let append: (AuditEvent) throws -> Void
        switch self {
        case .station:
            let database = try StationDatabase(path: path, passwordHasher: .cheapForTests)
            verify = database.verifyAudit
            append = database.audit
        case .hub:
            let database = try HubDatabase(path: path)
            verify = database.verifyAudit
            append = database.audit
        }
        for index in 1...5 {
            try append(AuditEvent(kind: .submit, actor: "ana", detail: "sentiment/t\(index): positive", at: monday + Double(index)))
        }
        return (path, verify, append)
    }
}

@Suite("The hash-chained audit log")
struct AuditLogTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    func allowTampering(_ path: String) throws {
        try RawSQLite.execute(path: path, """
            DROP TRIGGER audit_entry_refuses_update;
            DROP TRIGGER audit_entry_refuses_delete;
            """)
    }

    @Test(arguments: AuditedDatabase.allCases)
    func anUntouchedLogIsIntact(_ kind: AuditedDatabase) throws {
        let log = try kind.openWithFiveEntries(in: directory)
        #expect(try log.verify() == .intact(entries: 5))
    }

    @Test(arguments: AuditedDatabase.allCases)
    func triggersRefuseUpdatesAndDeletes(_ kind: AuditedDatabase) throws {
        let log = try kind.openWithFiveEntries(in: directory)
        #expect(throws: (any Error).self) { try RawSQLite.execute(path: log.path, "UPDATE audit_entry SET detail = 'x' WHERE seq = 2") }
        #expect(throws: (any Error).self) { try RawSQLite.execute(path: log.path, "DELETE FROM audit_entry WHERE seq = 2") }
        #expect(try log.verify() == .intact(entries: 5))
    }

    @Test(arguments: AuditedDatabase.allCases)
    func aChangedEntryIsNamed(_ kind: AuditedDatabase) throws {
        // Given someone with the file rewrites the detail of entry 3
        let log = try kind.openWithFiveEntries(in: directory)
        try allowTampering(log.path)
        try RawSQLite.execute(path: log.path, "UPDATE audit_entry SET detail = 'sentiment/t3: negative' WHERE seq = 3")

        // Then verification names entry 3
        #expect(try log.verify() == .broken(at: 3, reason: "entry 3 was changed: its content does not match its hash"))
    }

    @Test(arguments: AuditedDatabase.allCases)
    func aRehashedEntryBreaksTheLinkToTheNext(_ kind: AuditedDatabase) throws {
        // Given entry 2 rewritten with a hash recomputed to match its new content
        let log = try kind.openWithFiveEntries(in: directory)
        try allowTampering(log.path)
        try RawSQLite.execute(path: log.path, "UPDATE audit_entry SET actor = 'bea', hash = '\(String(repeating: "a", count: 64))' WHERE seq = 2")

        // Then entry 2 itself no longer matches its hash
        guard case .broken(at: 2, _) = try log.verify() else { Issue.record("expected entry 2 to be named"); return }
    }

    @Test(arguments: AuditedDatabase.allCases)
    func aDeletedEntryIsNamed(_ kind: AuditedDatabase) throws {
        let log = try kind.openWithFiveEntries(in: directory)
        try allowTampering(log.path)
        try RawSQLite.execute(path: log.path, "DELETE FROM audit_entry WHERE seq = 2")

        #expect(try log.verify() == .broken(at: 2, reason: "entry 2 is missing: entry 3 follows entry 1"))
    }

    @Test(arguments: AuditedDatabase.allCases)
    func aDeletedLastEntryIsNamed(_ kind: AuditedDatabase) throws {
        let log = try kind.openWithFiveEntries(in: directory)
        try allowTampering(log.path)
        try RawSQLite.execute(path: log.path, "DELETE FROM audit_entry WHERE seq = 5")

        #expect(try log.verify() == .broken(at: 5, reason: "entry 5 is missing: entries up to 5 were written, the log ends at 4"))
    }

    @Test(arguments: AuditedDatabase.allCases)
    func reorderedEntriesAreNamed(_ kind: AuditedDatabase) throws {
        // Given entries 3 and 4 swapped in place
        let log = try kind.openWithFiveEntries(in: directory)
        try allowTampering(log.path)
        try RawSQLite.execute(path: log.path, """
            UPDATE audit_entry SET seq = -3 WHERE seq = 3;
            UPDATE audit_entry SET seq = 3 WHERE seq = 4;
            UPDATE audit_entry SET seq = 4 WHERE seq = -3;
            """)

        // Then the first entry out of place, 3, is named
        guard case .broken(at: 3, let reason) = try log.verify() else { Issue.record("expected entry 3 to be named"); return }
        #expect(reason.contains("entry 3 does not follow entry 2"))
    }

    @Test(arguments: AuditedDatabase.allCases)
    func appendingAfterTamperingDoesNotHideIt(_ kind: AuditedDatabase) throws {
        // Given the last entry removed, then a new entry appended
        let log = try kind.openWithFiveEntries(in: directory)
        try allowTampering(log.path)
        try RawSQLite.execute(path: log.path, "DELETE FROM audit_entry WHERE seq = 5")
        try log.append(AuditEvent(kind: .sessionEnd, actor: "ana", detail: "logged off", at: monday + 10))

        // Then the gap is still found
        #expect(try log.verify() == .broken(at: 5, reason: "entry 5 is missing: entry 6 follows entry 4"))
    }

    @Test func detailsWithNewlinesCannotForgeAnotherSplit() throws {
        // Two different (actor, detail) pairs whose plain newline-joined text would be equal
        let one = try StationDatabase(path: directory.path("one.sqlite"), passwordHasher: .cheapForTests)
        let two = try StationDatabase(path: directory.path("two.sqlite"), passwordHasher: .cheapForTests)
        try one.audit(AuditEvent(kind: .submit, actor: "ana\nx", detail: "y", at: monday))
        try two.audit(AuditEvent(kind: .submit, actor: "ana", detail: "x\ny", at: monday))
        #expect(try one.recentAuditEntries(limit: 1).first?.hash != two.recentAuditEntries(limit: 1).first?.hash)
    }
}
