import Domain
import Foundation
import GRDB

extension StationDatabase {
    public func project(id: String) throws -> Project? {
        try pool.read { db in try StationProjectRecord.fetchOne(db, key: id)?.project() }
    }

    public func projects() throws -> [Project] {
        try pool.read { db in try StationProjectRecord.order(Column("id")).fetchAll(db).map { try $0.project() } }
    }

    /// Saves projects as the hub described them, keeping what is known of their queues.
    public func saveProjects(_ projects: [Project]) throws {
        try pool.write { db in try Self.saveProjects(projects, waitingAtHub: [:], in: db) }
    }

    static func saveProjects(_ projects: [Project], waitingAtHub: [String: Int], in db: Database) throws {
        for project in projects {
            try db.execute(
                sql: """
                    INSERT INTO project (id, json, waiting_at_hub) VALUES (?, ?, 0)
                    ON CONFLICT (id) DO UPDATE SET json = excluded.json
                    """,
                arguments: [project.id, try project.storedJSON()])
        }
        for (projectID, waiting) in waitingAtHub {
            try db.cachedStatement(sql: "UPDATE project SET waiting_at_hub = ? WHERE id = ?").execute(arguments: [waiting, projectID])
        }
    }
}
