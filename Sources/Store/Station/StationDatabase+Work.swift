import Domain
import Foundation
import GRDB

extension StationDatabase {
    /// Saves a labeler's judgement before the screen moves on.
    ///
    /// One transaction: the task is marked done, the audit entry (`submit`, or `skip`
    /// with its reason) is appended, and the annotation and its outbox row are written.
    /// Either all of it is on disk, or none of it is.
    public func submit(_ annotation: Annotation, now: Date) throws {
        try pool.write { db in
            try db.cachedStatement(sql: "UPDATE task SET state = 'done' WHERE project_id = ? AND id = ?")
                .execute(arguments: [annotation.projectID, annotation.taskID])
            let subject = "\(annotation.projectID)/\(annotation.taskID)"
            let event = if let reason = annotation.skipReason {
                AuditEvent(kind: .skip, actor: annotation.username, detail: "\(subject) skipped: \(reason)", at: now)
            } else {
                AuditEvent(kind: .submit, actor: annotation.username, detail: "\(subject): \(annotation.answer.summary)", at: now)
            }
            try AuditLog.append(event, in: db)
            try db.cachedStatement(sql: """
                INSERT INTO annotation (id, project_id, task_id, labels, skip_reason, username, station_id,
                                        lease_epoch, created_at, seconds_on_task, answer, flag, prediction_accepted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    annotation.storedID, annotation.projectID, annotation.taskID, annotation.storedLabels,
                    annotation.skipReason, annotation.username, annotation.stationID, annotation.leaseEpoch,
                    annotation.createdAt.databaseText, annotation.secondsOnTask, annotation.storedAnswer, annotation.flag,
                    annotation.predictionAccepted,
                ])
            try db.cachedStatement(sql: "INSERT INTO outbox (annotation_id, queued_at) VALUES (?, ?)")
                .execute(arguments: [annotation.storedID, now.databaseText])
        }
    }

    /// Takes back the person's latest submission in a project, if the hub cannot have it yet.
    ///
    /// Only work still in the outbox and not yet handed to a sync can be undone: once a
    /// sync has picked it up the hub may already hold it. Returns the task to show again,
    /// or nil when there is nothing to undo.
    public func undoLastSubmission(username: String, projectID: String, now: Date) throws -> LeasedTask? {
        try pool.write { db in
            guard let latest = try AnnotationRecord.fetchOne(db, sql: """
                SELECT annotation.* FROM annotation JOIN outbox ON outbox.annotation_id = annotation.id
                WHERE annotation.username = ? AND annotation.project_id = ? AND outbox.in_flight = 0
                ORDER BY outbox.rowid DESC LIMIT 1
                """, arguments: [username, projectID])
            else { return nil }
            guard var task = try StationTaskRecord.fetchOne(db, key: ["project_id": latest.projectId, "id": latest.taskId])
            else { return nil }
            try OutboxRecord.deleteOne(db, key: latest.id)
            try AnnotationRecord.deleteOne(db, key: latest.id)
            task.state = .queued
            try task.update(db)
            try AuditLog.append(
                AuditEvent(kind: .undo, actor: username, detail: "\(latest.projectId)/\(latest.taskId)", at: now), in: db)
            return try task.leasedTask()
        }
    }

    /// The oldest unsent annotations queued at or before `cutoff`, oldest first.
    ///
    /// Rows handed out here are marked in flight: the hub may receive them from now on,
    /// so undo no longer takes them back. They stay in the outbox, and are handed out
    /// again, until the hub's answer is applied.
    public func outboxBatch(sentBefore cutoff: Date, limit: Int) throws -> [Annotation] {
        try outboxBatch(sentBefore: cutoff, after: nil, limit: limit).annotations
    }

    /// Like `outboxBatch(sentBefore:limit:)`, starting after `position`: a sync that
    /// sends the next batch before the last one is answered skips the rows on the way.
    public func outboxBatch(sentBefore cutoff: Date, after position: OutboxPosition?, limit: Int) throws -> OutboxBatch {
        try pool.write { db in
            // Rows in outbox order, keyed by (queued_at, rowid); columns by position and
            // one UPDATE for the batch: a push reads thousands.
            let after = position ?? OutboxPosition(queuedAt: "", rowID: 0)
            let selection = """
                FROM outbox WHERE outbox.queued_at <= ? AND (outbox.queued_at, outbox.rowid) > (?, ?)
                ORDER BY outbox.queued_at, outbox.rowid LIMIT ?
                """
            let arguments: StatementArguments = [cutoff.databaseText, after.queuedAt, after.rowID, limit]
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT annotation.id, annotation.project_id, annotation.task_id, annotation.labels,
                       annotation.skip_reason, annotation.username, annotation.station_id, annotation.lease_epoch,
                       annotation.created_at, annotation.seconds_on_task, outbox.queued_at, outbox.rowid,
                       annotation.answer, annotation.flag, annotation.prediction_accepted
                FROM (SELECT outbox.annotation_id, outbox.queued_at, outbox.rowid \(selection)) AS outbox
                JOIN annotation ON annotation.id = outbox.annotation_id
                ORDER BY outbox.queued_at, outbox.rowid
                """), arguments: arguments)
            try db.cachedStatement(sql: "UPDATE outbox SET in_flight = 1 WHERE rowid IN (SELECT outbox.rowid \(selection))")
                .execute(arguments: arguments)
            let annotations = try rows.map { row in
                try AnnotationRecord(
                    id: row[0], projectId: row[1], taskId: row[2], labels: row[3], skipReason: row[4], username: row[5],
                    stationId: row[6], leaseEpoch: row[7], createdAt: row[8], secondsOnTask: row[9], answer: row[12],
                    flag: row[13], predictionAccepted: row[14], outcome: nil
                ).annotation()
            }
            return OutboxBatch(
                annotations: annotations, end: rows.last.map { OutboxPosition(queuedAt: $0[10], rowID: $0[11]) } ?? position)
        }
    }

    /// Annotations the hub has not answered for yet.
    public func outboxCount() throws -> Int {
        try pool.read { db in try OutboxRecord.fetchCount(db) }
    }
}
