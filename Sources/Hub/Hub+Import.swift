import Domain
import Foundation
import Interchange
import Store

extension Hub {
    /// Adds tasks to a project, all or nothing.
    ///
    /// One transaction with one prepared statement; an id that repeats, within the
    /// tasks or against the hub, stops the import with a sentence naming it (the primary
    /// key finds it), and nothing of it stays. Returns how many tasks were added.
    @discardableResult
    public func importTasks(projectID: String, tasks: [LabelTask], actor: String, now: Date) throws -> Int {
        if let other = tasks.first(where: { $0.projectID != projectID }) {
            throw HubError.taskInOtherProject(taskID: other.id, taskProjectID: other.projectID, importProjectID: projectID)
        }
        return try HubError.translating {
            try database.write { transaction in
                try transaction.insertTasks(tasks, projectID: projectID, importedAt: now)
                try transaction.appendAudit(AuditEvent(
                    kind: .importTasks, actor: actor, detail: "imported \(tasks.count) tasks into \(projectID)", at: now))
                return tasks.count
            }
        }
    }

    /// Reads a LabelDesk JSONL file and imports it, all or nothing.
    ///
    /// A bad line throws `InterchangeError` (`FILE:LINE: what is wrong`) and nothing of
    /// the file stays. Returns how many tasks were added.
    @discardableResult
    public func importTaskFile(contents: Data, fileName: String, projectID: String, actor: String, now: Date) throws -> Int {
        try importFile(contents, as: JSONLFormat.self, fileName: fileName, projectID: projectID, options: InterchangeOptions(), actor: actor, now: now).tasks
    }
}
