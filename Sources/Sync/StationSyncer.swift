import Domain
import Foundation
import Store

/// The station's side of sync: send the outbox, top up the task cache, apply the answer.
public final class StationSyncer: Sendable {
    let database: StationDatabase
    let transport: any SyncTransport
    let stationID: String
    let undoWindow: TimeInterval
    let leaseTarget: Int
    let batchLimit: Int

    /// - Parameters:
    ///   - undoWindow: how long a submission stays here, undoable, before it is sent.
    ///   - leaseTarget: how many queued tasks each project should have cached.
    ///   - batchLimit: the most annotations sent in one request.
    public init(
        database: StationDatabase, transport: any SyncTransport, stationID: String, undoWindow: TimeInterval,
        leaseTarget: Int = 200, batchLimit: Int = 500
    ) {
        self.database = database
        self.transport = transport
        self.stationID = stationID
        self.undoWindow = undoWindow
        self.leaseTarget = leaseTarget
        self.batchLimit = max(1, batchLimit)
    }

    /// Syncs once: sends the outbox rows older than the undo window (all of them when
    /// `flushAll`, as on logout), asks for enough leases to bring every project's queue
    /// up to `leaseTarget`, and applies the reply in one transaction. A full batch is
    /// followed by another request until the rows due are all sent.
    ///
    /// A transport failure is recorded for the status line and rethrown; the outbox is
    /// untouched and the next sync sends the same work again, which the hub accepts once.
    public func sync(now: Date, flushAll: Bool) async throws -> SyncSummary {
        let cutoff = flushAll ? Date.distantFuture : now.addingTimeInterval(-undoWindow)
        var summary = SyncSummary()
        while true {
            let outboxBefore = try database.outboxCount()
            let batch = try database.outboxBatch(sentBefore: cutoff, limit: batchLimit)
            let request = SyncRequest(
                stationID: stationID, annotations: batch, cursor: try database.syncStatus().cursor,
                wantedLeases: try wantedLeases())
            let reply: SyncReply
            do {
                reply = try await transport.exchange(request)
            } catch {
                try database.recordSyncFailure(String(describing: error), now: now)
                throw error
            }
            try database.applySyncReply(reply, now: now)
            summary.sent += batch.count
            summary.leased += reply.leases.count
            for outcome in reply.outcomes {
                switch outcome.status {
                case .accepted: summary.accepted += 1
                case .superseded: summary.superseded += 1
                case .rejected: summary.rejected += 1
                }
            }
            // Stop when the batch was not full, or when the outbox did not shrink:
            // looping again would only resend the same rows.
            let remaining = try database.outboxCount()
            if batch.count < batchLimit || remaining >= outboxBefore { return summary }
        }
    }

    /// The request asks for a number of leases per project, so ask for what the
    /// emptiest project lacks: no project starves, though a fuller one may get more
    /// than it needs.
    private func wantedLeases() throws -> Int {
        let queued = try database.queuedTaskCountsByProject()
        return max(0, leaseTarget - (queued.values.min() ?? 0))
    }
}
