import Foundation
import Store

/// What the hub refuses, in sentences a person can act on.
public enum HubError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidProject(projectID: String, problems: [String])
    case projectExists(projectID: String)
    case noSuchProject(projectID: String)
    case duplicateTaskInImport(taskID: String)
    case taskAlreadyAtHub(projectID: String, taskID: String)
    case taskInOtherProject(taskID: String, taskProjectID: String, importProjectID: String)
    /// A gold item's id is already a task's or another gold item's: a station keys both alike.
    case goldIDInUse(projectID: String, id: String)
    /// A record of an import file the hub will not take, said in full.
    case importRefused(String)
    /// Courses with problems, each as `FILE:LINE: problem`: none of them was published.
    case coursesRefused(problems: [String])
    /// Anything else the hub will not do, said in full.
    case refused(String)

    public var description: String {
        switch self {
        case .invalidProject(let projectID, let problems):
            "project \"\(projectID)\" cannot be created: " + problems.joined(separator: "; ")
        case .projectExists(let projectID):
            "a project with id \"\(projectID)\" already exists; choose another id"
        case .noSuchProject(let projectID):
            "there is no project \"\(projectID)\" at the hub; create it first"
        case .duplicateTaskInImport(let taskID):
            "task id \"\(taskID)\" appears twice in the import; give every task its own id. Nothing was imported"
        case .taskAlreadyAtHub(let projectID, let taskID):
            "task id \"\(taskID)\" is already in project \"\(projectID)\" at the hub; give every task its own id. Nothing was imported"
        case .taskInOtherProject(let taskID, let taskProjectID, let importProjectID):
            "task \"\(taskID)\" belongs to project \"\(taskProjectID)\", not \"\(importProjectID)\". Nothing was imported"
        case .goldIDInUse(let projectID, let id):
            "id \"\(id)\" is already a task or a gold item of project \"\(projectID)\"; a gold item needs an id of its own. Nothing was imported"
        case .importRefused(let sentence):
            sentence + ". Nothing was imported"
        case .coursesRefused(let problems):
            "nothing was published: the courses have \(problems.count) \(problems.count == 1 ? "problem" : "problems"); mend \(problems.count == 1 ? "it" : "them") and publish again:\n"
                + problems.joined(separator: "\n")
        case .refused(let sentence):
            sentence
        }
    }

    /// The hub's words for what the database refused.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreError.duplicateTask(let projectID, let taskID) {
            throw HubError.taskAlreadyAtHub(projectID: projectID, taskID: taskID)
        } catch StoreError.taskIDUsedTwice(_, let taskID, _, _) {
            throw HubError.duplicateTaskInImport(taskID: taskID)
        } catch StoreError.noSuchProject(let projectID) {
            throw HubError.noSuchProject(projectID: projectID)
        } catch StoreError.projectExists(let projectID) {
            throw HubError.projectExists(projectID: projectID)
        } catch let error as StoreError {
            switch error {
            case .unknownMedia, .mediaSizeDiffers: throw HubError.importRefused(error.description)
            default: throw error
            }
        }
    }
}
