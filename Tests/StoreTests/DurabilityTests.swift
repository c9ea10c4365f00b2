import Domain
@testable import Store
import TestSupport
import Foundation
import GRDB
import Testing

/// The promise behind "nothing acknowledged is lost": every commit reaches the disk.
@Suite struct DurabilityTests {
    @Test func bothDatabasesCommitInWALWithSynchronousFull() throws {
        let folder = try TemporaryDirectory()
        let station = try StationDatabase(path: folder.path("station.sqlite"), passwordHasher: .cheapForTests)
        let hub = try HubDatabase(path: folder.path("hub.sqlite"))
        for pool in [station.pool, hub.pool] {
            // The writer is the connection that commits; 2 is FULL.
            let synchronous = try pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
            let journal = try pool.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(synchronous == 2)
            #expect(journal == "wal")
        }
    }

    /// An idle sync commits without an fsync; every commit after it must fsync again,
    /// also when the idle transaction failed.
    @Test func aRedoableWriteLeavesTheConnectionCommittingWithFull() throws {
        let folder = try TemporaryDirectory()
        let hub = try HubDatabase(path: folder.path("hub.sqlite"))
        struct Refused: Error {}

        try hub.write(.redoable) { transaction in try transaction.appendAudit(AuditEvent(kind: .logonSuccess, actor: "a", detail: "", at: monday)) }
        #expect(throws: Refused.self) {
            try hub.write(.redoable) { transaction in
                try transaction.appendAudit(AuditEvent(kind: .logonSuccess, actor: "b", detail: "", at: monday))
                throw Refused()
            }
        }

        let synchronous = try hub.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2)
        // The first was committed, the refused one rolled back.
        #expect(try hub.recentAuditEntries(limit: 10).map(\.actor) == ["a"])
    }
}
