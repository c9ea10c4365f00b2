import Domain
import Foundation
import Store

extension Hub {
    /// Creates a project after checking it; stations pull it on their next sync.
    public func createProject(_ project: Project, actor: String, now: Date) throws {
        let problems = project.problems()
        guard problems.isEmpty else { throw HubError.invalidProject(projectID: project.id, problems: problems) }
        try HubError.translating {
            try database.write { transaction in
                try transaction.insertProject(project, now: now)
                try transaction.appendAudit(AuditEvent(
                    kind: .projectCreate, actor: actor,
                    detail: "created \(project.id) (\(project.title)), \(project.labels.count) labels", at: now))
            }
        }
    }

    public func projects() throws -> [Project] {
        try database.read { transaction in try transaction.projects() }
    }

    public func project(id: String) throws -> Project? {
        try database.read { transaction in try transaction.project(id: id) }
    }

    /// How many of a project's tasks are open, leased, done and skipped.
    public func taskCounts(projectID: String) throws -> TaskCounts {
        try database.read { transaction in
            guard try transaction.project(id: projectID) != nil else { throw HubError.noSuchProject(projectID: projectID) }
            return try transaction.taskCounts(projectID: projectID)
        }
    }
}
