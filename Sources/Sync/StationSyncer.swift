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
        leaseTarget: Int = 200, batchLimit: Int = StationSyncer.defaultBatchLimit
    ) {
        self.database = database
        self.transport = transport
        self.stationID = stationID
        self.undoWindow = undoWindow
        self.leaseTarget = leaseTarget
        self.batchLimit = max(1, batchLimit)
    }

    /// Syncs once: sends the outbox rows older than the undo window (all of them when
    /// `flushAll`, as on logout) and the training outbox (course attempts and lesson
    /// readings, with the first request), asks for enough leases to bring every project's
    /// queue up to `leaseTarget`, and applies each reply in one transaction. A full batch is
    /// followed by another request until the rows due are all sent.
    ///
    /// The next batch goes out while the hub applies the one before (at most
    /// `requestsInFlight` at once): the station's reading, writing and coding then
    /// overlap the hub's work instead of waiting for it. Only the first request asks
    /// for leases, so a sync never leases twice what it wanted. Replies are applied in
    /// the order the requests were sent; `applySyncReply` keeps the cursor from going
    /// back when the hub answered them in another order.
    ///
    /// A transport failure is recorded for the status line and rethrown, after the
    /// replies that did come are applied; the outbox keeps the rest, and the next sync
    /// sends it again, which the hub accepts once.
    ///
    /// `presence` (who is logged on here and doing what) rides with every request, with
    /// how many annotations the outbox still holds after it, for the lead's console.
    public func sync(now: Date, flushAll: Bool, presence: [PersonPresence] = []) async throws -> SyncSummary {
        let cutoff = flushAll ? Date.distantFuture : now.addingTimeInterval(-undoWindow)
        var summary = SyncSummary()
        var sent: [(batchSize: Int, cursor: Int64, reply: PendingReply)] = []
        var position: OutboxPosition?
        var firstError: Error?
        var moreToSend = true
        var askedForLeases = false

        /// Waits for the oldest request's reply and applies it.
        func applyOldest() async throws {
            let oldest = sent.removeFirst()
            do {
                let reply = try await oldest.reply.value()
                try database.applySyncReply(reply, sentWithCursor: oldest.cursor, now: now)
                summary.count(reply, sent: oldest.batchSize)
                // The hub answered none of a batch: sending on would only resend it.
                if oldest.batchSize > 0, reply.outcomes.isEmpty { moreToSend = false }
            } catch {
                firstError = firstError ?? error
                moreToSend = false
            }
        }

        let people = try database.peopleToLeaseFor(now: now)
        var unsent = try database.outboxCount()
        while moreToSend {
            let batch = try database.outboxBatch(sentBefore: cutoff, after: position, limit: batchLimit)
            position = batch.end
            // Training work rides with the first request: it has no undo window, and the
            // reply that answers it brings the standings that then list it.
            let training = askedForLeases ? TrainingOutbox(attempts: [], readings: []) : try database.trainingOutbox(limit: batchLimit)
            let request = SyncRequest(
                stationID: stationID, annotations: batch.annotations, cursor: try database.syncCursor(),
                wantedLeases: askedForLeases ? 0 : try database.leasesWanted(toFill: leaseTarget, people: people), people: people,
                attempts: training.attempts, lessonReadings: training.readings, presence: presence,
                unsent: max(0, unsent - batch.annotations.count))
            unsent = max(0, unsent - batch.annotations.count)
            askedForLeases = true
            if batch.annotations.count < batchLimit { moreToSend = false }
            let transport = transport
            let reply: PendingReply
            if sent.isEmpty, !moreToSend {
                // The only request of this sync (an idle one, or a few submissions):
                // nothing to overlap it with, so no task of its own to hop to.
                do {
                    reply = .answered(.success(try await transport.exchange(request)))
                } catch {
                    reply = .answered(.failure(error))
                }
            } else {
                reply = .awaited(Task { try await transport.exchange(request) })
            }
            sent.append((batch.annotations.count, request.cursor, reply))
            if sent.count >= Self.requestsInFlight { try await applyOldest() }
        }
        while !sent.isEmpty { try await applyOldest() }

        if let firstError {
            try database.recordSyncFailure(String(describing: firstError), now: now)
            throw firstError
        }
        // Imagery last: the leases naming it are cached now, and the work sent first.
        let media = await MediaFetcher(database: database, transport: transport, stationID: stationID).fetchMissing()
        summary.mediaFetched = media.fetched
        summary.mediaProblems = media.problems
        return summary
    }

    /// Asks the hub for the lead's console over this station's transport: the in-process
    /// hub, or HTTP signed with the station's key. A bundle-only station cannot.
    public func lead(_ request: LeadRequest) async throws -> LeadReply {
        try await transport.lead(request)
    }

    /// A request's reply: already here, or still on its way in a task of its own.
    private enum PendingReply {
        case answered(Result<SyncReply, Error>)
        case awaited(Task<SyncReply, Error>)

        func value() async throws -> SyncReply {
            switch self {
            case .answered(let result): try result.get()
            case .awaited(let task): try await task.value
            }
        }
    }

    /// Annotations per request: about 330 KB of JSON, well inside the hub's body limit.
    /// A station catching up after a day offline sends its outbox in few round trips,
    /// and each request's fixed cost (an fsync on each side, the signature, the round
    /// trip) is spread over many annotations.
    public static let defaultBatchLimit = 1000

    /// Requests sent before the oldest is answered: two keep the hub and the station
    /// busy at once; more would only queue at the hub's single writer.
    static let requestsInFlight = 2
}
