import Domain
import Foundation
import GRDB

/// Where one media file a station needs stands.
public struct StationMedia: Equatable, Sendable {
    public enum State: String, Sendable {
        /// Named by a lease; no byte here yet.
        case missing
        /// Part of it fetched; the rest is asked for from where the part ends.
        case partial
        /// Every byte here and checked against its SHA-256: tasks using it may be shown.
        case present
    }

    public var reference: MediaReference
    public var state: State
    /// Times its bytes failed their hash since it was last present.
    public var failures: Int
    public var lastProblem: String?
}

extension StationDatabase {
    /// Records which files each leased task needs (`task_media`), inside `cacheLeases`.
    static func recordMediaNeeded(by leases: [LeasedTask], in db: Database) throws {
        let addMedia = try db.cachedStatement(sql: "INSERT OR IGNORE INTO media (sha256, byte_count) VALUES (?, ?)")
        let link = try db.cachedStatement(sql: "INSERT OR IGNORE INTO task_media (project_id, task_id, sha256) VALUES (?, ?, ?)")
        for lease in leases where lease.task.image != nil {
            for needed in lease.task.mediaNeeded {
                try addMedia.execute(arguments: [needed.sha256, needed.byteCount])
                try link.execute(arguments: [lease.task.projectID, lease.task.id, needed.sha256])
            }
        }
    }

    /// Lets go of the media no task needs any more; returns the files to delete.
    ///
    /// A task needs its media while it is queued (its lease is alive) or while its work
    /// waits in the outbox. Once the hub has answered for that work (the outbox row went
    /// on a definite answer) or the lease is gone (the task row went, and its links with
    /// it), the link goes; a file no link holds goes too. The rows go in the caller's
    /// transaction; the caller deletes the files after the commit. A cached course's
    /// pictures and chips (`course_media`) are kept while the course is.
    static func releaseUnneededMedia(in db: Database) throws -> [String] {
        try db.cachedStatement(sql: """
            DELETE FROM task_media WHERE EXISTS (
                SELECT 1 FROM task
                WHERE task.project_id = task_media.project_id AND task.id = task_media.task_id AND task.state = 'done'
                  AND NOT EXISTS (
                    SELECT 1 FROM annotation JOIN outbox ON outbox.annotation_id = annotation.id
                    WHERE annotation.project_id = task.project_id AND annotation.task_id = task.id))
            """).execute()
        return try String.fetchAll(db.cachedStatement(sql: """
            DELETE FROM media WHERE NOT EXISTS (SELECT 1 FROM task_media WHERE task_media.sha256 = media.sha256)
              AND NOT EXISTS (SELECT 1 FROM course_media WHERE course_media.sha256 = media.sha256)
            RETURNING sha256
            """))
    }

    /// Files some cached task needs and this station does not hold verified, in the
    /// order their tasks would be shown.
    public func mediaToFetch() throws -> [StationMedia] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT media.sha256, media.byte_count, media.state, media.failures, media.last_problem FROM media
                WHERE media.state != 'present'
                ORDER BY (SELECT MAX(task.priority) FROM task_media JOIN task
                          ON task.project_id = task_media.project_id AND task.id = task_media.task_id
                          WHERE task_media.sha256 = media.sha256) DESC,
                         media.rowid
                """).map(Self.stationMedia)
        }
    }

    /// Where one file stands, or nil when no cached task needs it.
    public func media(sha256: String) throws -> StationMedia? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT sha256, byte_count, state, failures, last_problem FROM media WHERE sha256 = ?",
                arguments: [sha256]
            ).map(Self.stationMedia)
        }
    }

    /// Marks a file present: only after `MediaFolder.install` checked every byte.
    public func markMediaPresent(_ reference: MediaReference) throws {
        try pool.write { db in try Self.markPresent([reference], in: db) }
    }

    static func markPresent(_ references: [MediaReference], in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE media SET state = 'present', path = ?, failures = 0, last_problem = NULL
            WHERE sha256 = ? AND byte_count = ?
            """)
        for reference in references {
            try statement.execute(arguments: [Self.relativePath(of: reference.sha256), reference.sha256, reference.byteCount])
        }
    }

    /// Notes that part of a file is here (a fetch was cut) or nothing is.
    public func markMediaFetching(_ reference: MediaReference, hasPart: Bool) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE media SET state = ?, path = NULL WHERE sha256 = ? AND state != 'present'",
                arguments: [hasPart ? "partial" : "missing", reference.sha256])
        }
    }

    /// Counts a file whose bytes failed their hash (they were deleted); returns the count.
    @discardableResult
    public func recordMediaFailure(_ reference: MediaReference, problem: String) throws -> Int {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE media SET state = 'missing', path = NULL, failures = failures + 1, last_problem = ?
                WHERE sha256 = ?
                """, arguments: [problem, reference.sha256])
            return try Int.fetchOne(db, sql: "SELECT failures FROM media WHERE sha256 = ?", arguments: [reference.sha256]) ?? 0
        }
    }

    /// The verified file of `sha256`, for the image viewer; nil unless it is present.
    public func presentMediaFile(sha256: String) throws -> URL? {
        let isPresent = try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT state = 'present' FROM media WHERE sha256 = ?", arguments: [sha256]) ?? false
        }
        return isPresent ? mediaFolder.fileURL(for: sha256) : nil
    }

    /// Queued tasks that cannot be shown yet because some file they need is not present.
    public func tasksWaitingForImagery(projectID: String? = nil) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: """
                \(Self.countWaitingForMedia) AND (? IS NULL OR task.project_id = ?)
                """, arguments: [projectID, projectID]) ?? 0
        }
    }

    /// Deletes files in the media folder that no row names (left by a crash between a
    /// commit and its file deletes, or by a bundle that was then not applied); returns how
    /// many went. Runs when the database opens.
    @discardableResult
    public func sweepMediaFolder() throws -> Int {
        let keep = try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT sha256 FROM media")) }
        return mediaFolder.sweep(keeping: keep)
    }

    /// Deletes the files of media rows that went, after their transaction committed.
    func deleteMediaFiles(_ released: [String]) {
        for sha256 in released { mediaFolder.remove(sha256) }
    }

    /// The SQL condition, on a `task` row, that some file it needs is not present.
    static let waitsForMedia = """
        EXISTS (SELECT 1 FROM task_media JOIN media ON media.sha256 = task_media.sha256
                WHERE task_media.project_id = task.project_id AND task_media.task_id = task.id
                  AND media.state != 'present')
        """

    /// Counts queued tasks some file of which is not present, add `AND` conditions on `task`.
    ///
    /// Driven from the media not yet present (few) through `task_media_by_media`, not from
    /// the queued tasks (maybe a hundred thousand text tasks, counted after every save).
    static let countWaitingForMedia = """
        SELECT COUNT(DISTINCT task.rowid) FROM media
        JOIN task_media ON task_media.sha256 = media.sha256
        JOIN task ON task.project_id = task_media.project_id AND task.id = task_media.task_id
        WHERE media.state != 'present' AND task.state = 'queued'
        """

    static func relativePath(of sha256: String) -> String {
        "\(sha256.prefix(2))/\(sha256)"
    }

    private static func stationMedia(_ row: Row) -> StationMedia {
        StationMedia(
            reference: MediaReference(sha256: row[0], byteCount: row[1]),
            state: StationMedia.State(rawValue: row[2]) ?? .missing, failures: row[3], lastProblem: row[4])
    }
}
