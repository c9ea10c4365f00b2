import Domain
import Foundation
import Interchange
import Store

extension Hub {
    /// Imports a file's tasks with their answer keys into the project's gold pool, all or
    /// nothing, and audits it.
    ///
    /// Each record's key is its one `ground_truth` annotation, or, when none is marked,
    /// its only annotation: a file of gold is a file of tasks with one answer each. The
    /// key is checked against the project like any answer, and stays in this database:
    /// no sync message or bundle carries it. An id a task or another gold item of the
    /// project already has is refused, since a station keys both alike.
    @discardableResult
    public func importGold(_ records: [InterchangeRecord], projectID: String, actor: String, now: Date) throws -> Int {
        guard let project = try project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
        var seen = Set<String>(minimumCapacity: records.count)
        let items = try records.map { record -> GoldItem in
            let id = record.task.id
            guard record.task.projectID == projectID else {
                throw HubError.taskInOtherProject(taskID: id, taskProjectID: record.task.projectID, importProjectID: projectID)
            }
            guard seen.insert(id).inserted else { throw HubError.duplicateTaskInImport(taskID: id) }
            if let source = record.imageSource {
                throw HubError.importRefused("gold item \"\(id)\" names its image by file (\(source.path)); its chip must be cut and stored first, which labeldesk gold import does")
            }
            let key = try Self.goldKey(of: record)
            if key.skipReason != nil {
                throw HubError.importRefused("gold item \"\(id)\": its key is a skip (\(key.skipReason ?? "")); a key is the right answer to the task")
            }
            if let problem = project.answerProblem(
                key.answer, isSkip: false, textLength: record.task.text.unicodeScalars.count, chip: record.task.image.map(ChipSize.init)) {
                throw HubError.importRefused("gold item \"\(id)\": its key does not fit the project: \(problem)")
            }
            var task = record.task
            task.layout = record.layout.map(TokenLayoutCoding.json)
            return GoldItem(task: task, key: key.answer, source: .imported, addedBy: actor, addedAt: now)
        }
        return try HubError.translating {
            try database.write { transaction in
                do {
                    try transaction.insertGoldItems(items, projectID: projectID)
                } catch StoreError.duplicateTask(_, let id) {
                    throw HubError.importRefused(
                        "id \"\(id)\" is already a task or a gold item of project \"\(projectID)\"; a gold item needs an id of its own")
                }
                try transaction.appendAudit(AuditEvent(
                    kind: .goldImport, actor: actor, detail: "imported \(items.count) gold items into \(projectID)", at: now))
                return items.count
            }
        }
    }

    /// The gold items of a project in the order they joined the pool (not the retired).
    public func goldItems(projectID: String) throws -> [GoldItem] {
        try database.read { try $0.goldItems(projectID: projectID) }
    }

    /// The annotation a gold record gives as its key, or why it gives none.
    static func goldKey(of record: InterchangeRecord) throws -> ImportedAnnotation {
        let id = record.task.id
        let marked = record.annotations.filter(\.isGroundTruth)
        switch (marked.count, record.annotations.count) {
        case (1, _):
            return marked[0]
        case (0, 1):
            return record.annotations[0]
        case (0, 0):
            throw HubError.importRefused("gold item \"\(id)\" has no answer; a gold item needs its key, as its one annotation or the one marked ground_truth")
        case (0, let count):
            throw HubError.importRefused("gold item \"\(id)\" has \(count) annotations and none is marked ground_truth; mark the key, or keep only it")
        case (let count, _):
            throw HubError.importRefused("gold item \"\(id)\" has \(count) annotations marked ground_truth; a gold item has one key")
        }
    }
}
