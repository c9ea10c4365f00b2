import Domain
import Foundation
import GRDB

extension HubTransaction {
    /// Records a file the media store now holds; recording it again changes nothing.
    public func insertMedia(_ reference: MediaReference, now: Date) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO media (sha256, byte_count, created) VALUES (?, ?, ?)")
            .execute(arguments: [reference.sha256, reference.byteCount, now.databaseText])
    }

    /// The stored file named `sha256`, if the hub holds it.
    public func media(sha256: String) throws -> MediaReference? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT byte_count FROM media WHERE sha256 = ?"), arguments: [sha256])
            .map { MediaReference(sha256: sha256, byteCount: $0) }
    }

    /// Whether any task naming this file is, or was last, leased to `stationID`.
    ///
    /// A station gets the imagery of its own work and nothing else: at a classified
    /// site a file is handed out on need to know, even inside the hub's own stations.
    public func mediaIsLeased(sha256: String, to stationID: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (
                SELECT 1 FROM task_media
                JOIN task ON task.project_id = task_media.project_id AND task.id = task_media.task_id
                WHERE task_media.sha256 = ? AND task.station = ?)
            """), arguments: [sha256, stationID]) ?? false
    }

    /// Links an inserted task to the files it needs, each of which the store must hold
    /// at the size the task says.
    func linkMedia(of task: LabelTask, projectID: String) throws {
        for needed in task.mediaNeeded {
            guard let held = try media(sha256: needed.sha256) else {
                throw StoreError.unknownMedia(taskID: task.id, media: needed)
            }
            guard held.byteCount == needed.byteCount else {
                throw StoreError.mediaSizeDiffers(taskID: task.id, named: needed, held: held.byteCount)
            }
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO task_media (project_id, task_id, sha256) VALUES (?, ?, ?)")
                .execute(arguments: [projectID, task.id, needed.sha256])
        }
    }
}
