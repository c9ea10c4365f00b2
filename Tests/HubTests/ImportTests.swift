import TestSupport
import Interchange
import Domain
import Foundation
import Hub
import Store
import Testing

@Suite("Creating projects and importing tasks at the hub")
struct ImportTests {
    let directory: TemporaryDirectory
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        // No roster: the audit counts below are of the project and the imports alone.
        hub = try makeHub(in: directory, labelers: [])
    }

    @Test func aProjectWithProblemsIsRefusedWithSentences() throws {
        let bad = Project(id: "bad id", title: "Bad", labels: [], leaseSeconds: 10)
        #expect(throws: HubError.self) {
            do { try hub.createProject(bad, actor: "admin", now: monday) } catch {
                #expect("\(error)" == "project \"bad id\" cannot be created: project id \"bad id\" may hold only letters, digits, '-' and '_'; "
                    + "a lease must last at least 60 seconds; a classification project needs at least one label")
                throw error
            }
        }
        #expect(try hub.projects().map(\.id) == ["sentiment"])
    }

    @Test func aDuplicateProjectIDIsRefused() throws {
        #expect(throws: HubError.projectExists(projectID: "sentiment")) {
            try hub.createProject(sentimentProject(), actor: "admin", now: monday)
        }
        #expect(HubError.projectExists(projectID: "sentiment").description
            == "a project with id \"sentiment\" already exists; choose another id")
    }

    @Test func aGoodFileIsImportedAndAudited() throws {
        let file = Data("{\"text\": \"one\"}\n{\"text\": \"two\", \"priority\": 2}\n".utf8)
        let count = try hub.importTaskFile(contents: file, fileName: "tasks.jsonl", projectID: "sentiment", actor: "admin", now: monday)
        #expect(count == 2)
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 2))
        #expect(try hub.verifyAudit() == .intact(entries: 2))
    }

    @Test(arguments: [
        (#"{"text": "three" "x"}"#, #"tasks.jsonl:3: not valid JSON (expected ',' or '}' in an object at column 18)"#),
        (#"{"id": "c"}"#, #"tasks.jsonl:3: "text" is missing; every line needs a "text" string"#),
        (#"{"text": "three", "marking": "SECRETISH"}"#,
         #"tasks.jsonl:3: marking "SECRETISH" is not one of "UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET", "TOP SECRET//SCI""#),
        (#"{"text": "three", "priority": "high"}"#, #"tasks.jsonl:3: "priority" must be a whole number, not a string"#),
        (#"{"id": "a", "text": "three"}"#, #"tasks.jsonl:3: id "a" is already used on line 1; every task needs its own id"#),
    ])
    func aBadThirdLineImportsNothing(_ badLine: String, _ message: String) throws {
        // Given a file whose first two lines are good and whose third is not
        let file = Data("{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"b\", \"text\": \"two\"}\n\(badLine)\n".utf8)

        // When it is imported, the error names the file and line
        #expect(throws: InterchangeError.self) {
            do {
                try hub.importTaskFile(contents: file, fileName: "tasks.jsonl", projectID: "sentiment", actor: "admin", now: monday)
            } catch {
                #expect("\(error)" == message)
                throw error
            }
        }

        // Then not even the good lines are there, and nothing was audited as imported
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts())
        #expect(try hub.verifyAudit() == .intact(entries: 1))
    }

    @Test func anIDAlreadyAtTheHubRollsBackTheWholeImport() throws {
        // Given a task t2 already imported
        try hub.importTasks(projectID: "sentiment", tasks: [task("t2")], actor: "admin", now: monday)

        // When a batch whose third task is t2 is imported (its first two rows are written first)
        #expect(throws: HubError.taskAlreadyAtHub(projectID: "sentiment", taskID: "t2")) {
            try hub.importTasks(projectID: "sentiment", tasks: [task("t0"), task("t1"), task("t2"), task("t3")], actor: "admin", now: monday)
        }

        // Then nothing of the batch stayed, and the sentence names the id
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 1))
        #expect(HubError.taskAlreadyAtHub(projectID: "sentiment", taskID: "t2").description
            == "task id \"t2\" is already in project \"sentiment\" at the hub; give every task its own id. Nothing was imported")
        #expect(try hub.verifyAudit() == .intact(entries: 2))
    }

    @Test func anIDTwiceInOneImportIsRefused() throws {
        #expect(throws: HubError.duplicateTaskInImport(taskID: "t1")) {
            try hub.importTasks(projectID: "sentiment", tasks: [task("t1"), task("t1")], actor: "admin", now: monday)
        }
        #expect(try hub.taskCounts(projectID: "sentiment") == TaskCounts())
    }

    @Test func importingIntoAnUnknownProjectSaysSo() throws {
        #expect(throws: HubError.noSuchProject(projectID: "ner")) {
            try hub.importTasks(projectID: "ner", tasks: [task("t1", project: "ner")], actor: "admin", now: monday)
        }
    }
}
