import Domain
import Foundation
import GRDB

/// Why a station cannot join a hub now.
public enum StationJoinError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsentWork(count: Int)

    public var description: String {
        switch self {
        case .unsentWork(let count):
            "this station still has \(count) annotation\(count == 1 ? "" : "s") to send to the hub it uses now; "
                + "sync them first (open LabelDesk while that hub answers; at a bundle site, carry `labeldesk bundle export` to the hub and import its answer; "
                + "in a standalone workspace, run `labeldesk export`), then join again"
        }
    }
}

extension StationDatabase {
    /// Makes this station a member of another hub, in one transaction.
    ///
    /// Saves the identity from enrolment and empties the task cache and the project list:
    /// they came from the old hub, whose task ids and change numbers mean nothing to the
    /// new one. The cursor goes back to 0 so the first sync pulls everything; a cursor
    /// from the old hub would skip the new hub's early changes. Work not yet sent would
    /// be refused by the new hub, so joining waits until the outbox is empty.
    public func joinHub(_ identity: StationIdentity, now: Date) throws {
        try pool.write { db in
            let unsent = try OutboxRecord.fetchCount(db)
            guard unsent == 0 else { throw StationJoinError.unsentWork(count: unsent) }
            try Self.saveIdentity(identity, in: db)
            try db.execute(sql: "DELETE FROM task")
            try db.execute(sql: "DELETE FROM project")
            // Work the old hub refused is that hub's business, not the new one's.
            try db.execute(sql: "DELETE FROM rejected")
            try db.execute(sql: "UPDATE sync_state SET cursor = 0, last_sync_at = NULL, last_error = NULL, last_error_at = NULL WHERE id = 1")
            try AuditLog.append(AuditEvent(
                kind: .stationEnrol, actor: "admin",
                detail: "joined the hub at \(identity.hubURL ?? "(bundles only)") as station \(identity.stationID)", at: now), in: db)
        }
    }
}
