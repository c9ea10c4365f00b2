import Domain
import Foundation
import GRDB

/// A gold item: a task with its answer key, known only to the hub (`GoldMigration`).
public struct GoldItem: Equatable, Sendable {
    /// How it joined the pool: imported with its key, or made from the work (a
    /// consensus a lead or trainer accepted as the key).
    public enum Source: String, Sendable {
        case imported = "import"
        case fromWork = "work"
    }

    /// What a station would be handed: id, text, marking, priority, meta, body.
    public var task: LabelTask
    /// The answer key.
    public var key: Answer
    public var source: Source
    public var addedBy: String
    public var addedAt: Date
    /// When it left the pool (seen by too many people, or found wrong); nil while in it.
    public var retiredAt: Date?

    public init(
        task: LabelTask, key: Answer, source: Source, addedBy: String, addedAt: Date, retiredAt: Date? = nil
    ) {
        self.task = task
        self.key = key
        self.source = source
        self.addedBy = addedBy
        self.addedAt = addedAt
        self.retiredAt = retiredAt
    }
}

extension HubTransaction {
    /// Adds items to a project's gold pool, after those it has, in the order given.
    ///
    /// Refuses (throws `StoreError.duplicateTask`) an id already in the pool or already a
    /// task's: a station keys gold items and tasks alike. A geo item's chip must be in
    /// the media store.
    public func insertGoldItems(_ items: [GoldItem], projectID: String) throws {
        guard try HubProjectRecord.fetchOne(db, key: projectID) != nil else {
            throw StoreError.noSuchProject(projectID: projectID)
        }
        var seq = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM gold_item WHERE project_id = ?", arguments: [projectID]) ?? 0
        let isTask = try db.cachedStatement(sql: "SELECT 1 FROM task WHERE project_id = ? AND id = ?")
        let isGold = try db.cachedStatement(sql: "SELECT 1 FROM gold_item WHERE project_id = ? AND id = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO gold_item (project_id, id, text, marking, priority, meta, body, answer, source, added_by, added_at, seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in items {
            let task = item.task
            if try Bool.fetchOne(isTask, arguments: [projectID, task.id]) ?? false || Bool.fetchOne(isGold, arguments: [projectID, task.id]) ?? false {
                throw StoreError.duplicateTask(projectID: projectID, taskID: task.id)
            }
            seq += 1
            try insert.execute(arguments: [
                projectID, task.id, task.text, task.marking.rawValue, task.priority, task.meta, task.storedBody, item.key.json.canonicalText,
                item.source.rawValue, item.addedBy, item.addedAt, seq,
            ])
            for needed in task.mediaNeeded {
                guard let held = try media(sha256: needed.sha256) else { throw StoreError.unknownMedia(taskID: task.id, media: needed) }
                guard held.byteCount == needed.byteCount else {
                    throw StoreError.mediaSizeDiffers(taskID: task.id, named: needed, held: held.byteCount)
                }
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO gold_media (project_id, gold_id, sha256) VALUES (?, ?, ?)")
                    .execute(arguments: [projectID, task.id, needed.sha256])
            }
        }
    }

    /// A project's gold items in the order they joined; retired ones too when asked.
    public func goldItems(projectID: String, includingRetired: Bool = false) throws -> [GoldItem] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, text, marking, priority, meta, body, answer, source, added_by, added_at, retired_at
            FROM gold_item WHERE project_id = ? \(includingRetired ? "" : "AND retired_at IS NULL") ORDER BY seq
            """, arguments: [projectID])
        return try rows.map { row in
            let id: String = row[0]
            func unreadable(_ problem: String) -> StoreError { .unreadableRow(table: "gold_item", problem: "gold item \(id) \(problem)") }
            let markingText: String = row[2], sourceText: String = row[7], answerText: String = row[6]
            guard let marking = Marking(rawValue: markingText) else { throw unreadable("has unknown marking \"\(markingText)\"") }
            guard let source = GoldItem.Source(rawValue: sourceText) else { throw unreadable("has unknown source \"\(sourceText)\"") }
            var task = LabelTask(id: id, projectID: projectID, text: row[1], marking: marking, priority: row[3], meta: row[4])
            let keyJSON: JSONValue
            do { keyJSON = try JSONValue.parse(answerText) } catch { throw unreadable("has a key that is not JSON: \(error)") }
            let body: String? = row[5]
            let key: Answer
            do throws(Answer.Unreadable) {
                try task.restoreBody(body)
                key = try Answer(json: keyJSON)
            } catch {
                throw unreadable(error.description)
            }
            return GoldItem(task: task, key: key, source: source, addedBy: row[8], addedAt: row[9], retiredAt: row[10])
        }
    }

    /// Whether `taskID` names a gold item of the project (retired or not).
    public func isGoldItem(projectID: String, id: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM gold_item WHERE project_id = ? AND id = ?"), arguments: [projectID, id]) ?? false
    }

    /// The first few ids used by both a gold item and a task of the project: an import of
    /// tasks checks this after its insert, so a task can never take a gold item's id.
    public func idsInPoolAndTasks(projectID: String, limit: Int = 5) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT gold_item.id FROM gold_item JOIN task ON task.project_id = gold_item.project_id AND task.id = gold_item.id
            WHERE gold_item.project_id = ? ORDER BY gold_item.seq LIMIT ?
            """, arguments: [projectID, limit])
    }
}
