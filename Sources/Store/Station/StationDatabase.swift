import Domain
import Foundation
import GRDB

/// The station's cache: accounts, leased tasks, the labeler's work until the hub has it,
/// sync state and the station's audit log.
///
/// Every write method is one transaction that leaves the database consistent, and every
/// change a person makes is audited in that same transaction.
public final class StationDatabase: Sendable {
    let pool: DatabasePool
    let passwordHasher: PasswordHasher
    /// The files this station's leases need: `<path>.media/`, beside the database.
    public let mediaFolder: MediaFolder

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// - Parameter passwordHasher: the scrypt parameters for new hashes; tests pass
    ///   `.cheapForTests`. Existing hashes keep the parameters they were made with.
    public init(path: String, passwordHasher: PasswordHasher = .standard) throws {
        pool = try DatabaseOpening.pool(path: path, migrator: StationMigrations.migrator)
        self.passwordHasher = passwordHasher
        mediaFolder = MediaFolder(besideDatabaseAt: path)
        // Files a crash left between a commit and their delete go when the station
        // opens again; a sweep that fails leaves only unused files, never harm.
        try? sweepMediaFolder()
    }

    /// Appends an entry to the station's audit log.
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
