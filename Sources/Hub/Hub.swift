import Domain
import Foundation
import Store

/// The hub: owns projects, tasks, leases and judgements, and answers stations' syncs.
///
/// A library first; a server and the in-process transport put it in front of stations.
/// Every public method is one database transaction.
public final class Hub: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Checks the hub's audit chain.
    public func verifyAudit() throws -> AuditVerification {
        try database.verifyAudit()
    }
}
