import Domain
import Foundation
import GRDB

/// The hub's database: projects, tasks and their leases, judgements, the change
/// sequence stations pull from, and the hub's audit log.
///
/// The rules (who gets which lease, which judgement is canonical) live in `Hub`; this
/// type gives it transactions made of named steps (`HubTransaction`), so the rules can
/// run in one transaction without `Hub` touching SQL.
public final class HubDatabase: Sendable {
    let pool: DatabasePool
    /// The media store's files: `<path>.media/`, beside the database.
    public let mediaFolder: MediaFolder

    public init(path: String) throws {
        pool = try DatabaseOpening.pool(path: path, migrator: HubMigrations.migrator)
        mediaFolder = MediaFolder(besideDatabaseAt: path)
    }

    /// Runs `body` in one write transaction: all its changes commit together, or none
    /// do when it throws.
    ///
    /// - Parameter durability: `.redoable` only when nothing `body` writes would be
    ///   missed after a power cut (see `Durability`).
    public func write<T>(_ durability: Durability = .full, _ body: (HubTransaction) throws -> T) throws -> T {
        try pool.write(durability) { db in try body(HubTransaction(db: db)) }
    }

    /// Runs `body` on a consistent read-only snapshot; writing in it fails.
    public func read<T>(_ body: (HubTransaction) throws -> T) throws -> T {
        try pool.read { db in try body(HubTransaction(db: db)) }
    }

    public func audit(_ event: AuditEvent) throws {
        try pool.write { db in _ = try AuditLog.append(event, in: db) }
    }

    /// Checks the whole audit chain; see `AuditLog` for what it proves.
    public func verifyAudit() throws -> AuditVerification {
        try pool.read { db in try AuditLog.verify(in: db) }
    }

    /// The latest audit entries, oldest first.
    public func recentAuditEntries(limit: Int) throws -> [AuditEntry] {
        try pool.read { db in try AuditLog.recentEntries(limit: limit, in: db) }
    }
}
