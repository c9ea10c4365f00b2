import Domain
import Foundation
import GRDB

extension StationDatabase {
    /// Applies the hub's answer to a sync, all in one transaction.
    ///
    /// Every answered annotation leaves the outbox (a refused one is listed in
    /// `rejected`), and every answered attempt and lesson reading the training outbox (a
    /// refused one keeps its reason); queued tasks whose lease has run out are dropped,
    /// because the hub hands them out again; the new leases are cached (never over unsent
    /// work); the projects, their waiting counts, the courses and the cursor are saved;
    /// pauses (quality's and courses') and course standings, when the reply gives them,
    /// replace the last.
    ///
    /// A reply with no outcomes, leases or projects and the cursor the request carried
    /// (an idle sync) holds nothing the next sync would not bring again: it is committed
    /// without waiting for an fsync (see `Durability`).
    ///
    /// - Parameter cursor: the cursor the request carried; nil commits durably.
    public func applySyncReply(_ reply: SyncReply, sentWithCursor cursor: Int64? = nil, now: Date) throws {
        let released = try pool.write(reply.isIdle(sentWithCursor: cursor) ? .redoable : .full) { db in
            try Self.applySyncReply(reply, now: now, mediaFolder: mediaFolder, in: db)
        }
        deleteMediaFiles(released)
    }

    /// The hub change number this station has pulled up to.
    public func syncCursor() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT cursor FROM sync_state WHERE id = 1")) ?? 0 }
    }

    /// `applySyncReply` inside the caller's transaction, so a bundle's place in its
    /// stream is stored with the reply it brought. Returns the media files no task needs
    /// any more, for the caller to delete once the transaction has committed.
    @discardableResult
    static func applySyncReply(_ reply: SyncReply, now: Date, mediaFolder: MediaFolder, in db: Database) throws -> [String] {
        // Statements prepared once and kept: a sync runs every few seconds, and preparing
        // them each time cost more than an idle sync's whole work.
        let deleteOutbox = try db.cachedStatement(sql: "DELETE FROM outbox WHERE annotation_id = ?")
        let recordOutcome = try db.cachedStatement(sql: "UPDATE annotation SET outcome = ? WHERE id = ?")
        for outcome in reply.outcomes {
            let id = outcome.annotationID.uuidString
            try deleteOutbox.execute(arguments: [id])
            try recordOutcome.execute(arguments: [outcome.status.rawValue, id])
            if outcome.status == .rejected {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO rejected (annotation_id, reason, at) VALUES (?, ?, ?)",
                    arguments: [id, outcome.reason ?? "no reason given", now])
            }
        }
        try db.cachedStatement(sql: """
            DELETE FROM task WHERE state = 'queued' AND expires_at <= ?
              AND NOT EXISTS (
                SELECT 1 FROM annotation JOIN outbox ON outbox.annotation_id = annotation.id
                WHERE annotation.project_id = task.project_id AND annotation.task_id = task.id)
            """).execute(arguments: [now.databaseText])
        // A sync may send its next batch before this one is answered, and the hub may
        // answer them in either order. A reply older than what the station has already
        // pulled must not roll projects, counts or the cursor back.
        let pulledUpTo = try Int64.fetchOne(db.cachedStatement(sql: "SELECT cursor FROM sync_state WHERE id = 1")) ?? 0
        if reply.cursor >= pulledUpTo {
            try Self.saveProjects(reply.projects, waitingAtHub: reply.waitingAtHub, in: db)
            try Self.saveCourses(reply.courses, mediaFolder: mediaFolder, now: now, in: db)
        }
        try Self.cacheLeases(reply.leases, in: db)
        try Self.applyTrainingOutcomes(reply.trainingOutcomes, in: db)
        if let pauses = reply.pauses {
            try db.execute(sql: "DELETE FROM pause")
            for pause in pauses {
                // A quality pause and a course lock of the same queue are one row: both shut it.
                // A lead's hold shuts it too, and says who and why.
                let lead = try pause.lead.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
                try db.execute(sql: """
                    INSERT INTO pause (username, project_id, courses, lead) VALUES (?, ?, ?, ?)
                    ON CONFLICT (username, project_id) DO UPDATE SET courses = CASE
                        WHEN pause.courses = '' OR excluded.courses = '' THEN ''
                        ELSE pause.courses || ',' || excluded.courses END,
                        lead = COALESCE(excluded.lead, pause.lead)
                    """, arguments: [pause.username, pause.projectID, pause.lead == nil ? pause.courses.joined(separator: ",") : "", lead])
            }
        }
        if let standings = reply.standings { try Self.replaceStandings(standings, in: db) }
        try db.cachedStatement(sql: """
            UPDATE sync_state SET cursor = MAX(cursor, ?), last_sync_at = ?, last_error = NULL, last_error_at = NULL
            WHERE id = 1
            """).execute(arguments: [reply.cursor, now.databaseText])
        return try releaseUnneededMedia(in: db)
    }

    /// Remembers why a sync failed, for the status line; the outbox is left as it was.
    public func recordSyncFailure(_ message: String, now: Date) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE sync_state SET last_error = ?, last_error_at = ? WHERE id = 1", arguments: [message, now])
        }
    }

    public func syncStatus() throws -> SyncStatus {
        try pool.read { db in
            guard let state = try SyncStateRecord.fetchOne(db, key: 1) else {
                throw StoreError.unreadableRow(table: "sync_state", problem: "its only row is missing")
            }
            let rejected = try Row.fetchAll(db, sql: """
                SELECT rejected.annotation_id, rejected.reason, rejected.at, annotation.task_id FROM rejected
                LEFT JOIN annotation ON annotation.id = rejected.annotation_id
                ORDER BY rejected.at, rejected.annotation_id
                """).compactMap { row -> RejectedAnnotation? in
                guard let id = UUID(uuidString: row["annotation_id"]) else { return nil }
                return RejectedAnnotation(annotationID: id, taskID: row["task_id"], reason: row["reason"], at: row["at"])
            }
            let training = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_outbox") ?? 0
            return SyncStatus(
                cursor: state.cursor, lastSyncAt: state.lastSyncAt, pending: try OutboxRecord.fetchCount(db) + training,
                rejected: rejected, lastError: state.lastError, lastErrorAt: state.lastErrorAt)
        }
    }
}
