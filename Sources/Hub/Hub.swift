import Domain
import Foundation
import Store

/// The hub: owns projects, tasks, leases and judgements, and answers stations' syncs.
///
/// A library first; a server and the in-process transport put it in front of stations.
/// Every public method is one database transaction.
public final class Hub: Sendable {
    let database: HubDatabase
    /// Where gold goes in a batch and how much of it: the system's randomness, or a
    /// seeded sequence so a test can repeat a run exactly.
    let goldRandom: GoldRandom
    /// Agreement for the lead's console, kept between refreshes (see `agreementOnFloor`).
    let agreementCache = AgreementCache()

    public init(database: HubDatabase, goldSeed: UInt64? = nil) {
        self.database = database
        self.goldRandom = GoldRandom(seed: goldSeed)
    }

    /// Checks the hub's audit chain.
    public func verifyAudit() throws -> AuditVerification {
        try database.verifyAudit()
    }
}

/// The hub's one source of randomness for gold, shared by every exchange (a lock keeps
/// concurrent syncs from drawing the same numbers).
final class GoldRandom: RandomNumberGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var seeded: SeededRandom?
    private var system = SystemRandomNumberGenerator()

    init(seed: UInt64?) {
        seeded = seed.map { SeededRandom(seed: $0) }
    }

    func next() -> UInt64 {
        lock.withLock {
            if seeded != nil { return seeded!.next() }
            return system.next()
        }
    }
}
