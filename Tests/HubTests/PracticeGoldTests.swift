import Curriculum
import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

/// No task is both practice and gold: a practice key goes to every station holding its
/// course, so gold with the same text would hand its answer to the people it measures.
@Suite("Practice and gold kept apart")
struct PracticeGoldTests {
    let directory: TemporaryDirectory
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        hub = try makeHub(in: directory)
        try hub.setUser(username: "tom", role: .trainer, actor: "admin", now: monday)
    }

    /// A sentiment course practising on "text of g1" (what `task("g1")` says), under the id p-g1.
    static let course = [
        "feel/course.conf": "title: Feelings\npass mark: 100%\nqualifies: sentiment\npractice: practice/project.json practice/tasks.jsonl\n",
        "feel/practice/project.json": #"{"id": "sentiment", "title": "Sentiment", "labels": [{"name": "positive"}, {"name": "negative"}]}"#,
        "feel/practice/tasks.jsonl": #"{"id": "p-other", "text": "a different sentence", "annotations": [{"answer": {"labels": ["negative"]}, "annotator": "tom"}], "meta": {"explanation": "As it reads."}}"# + "\n"
            + #"{"id": "p-g1", "text": "text of g1", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "tom"}], "meta": {"explanation": "Plainly positive."}}"# + "\n",
    ]

    func gold(_ id: String) -> InterchangeRecord {
        InterchangeRecord(task: task(id), annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "tom")])
    }

    @Test func goldThatACoursePractisesIsRefusedAndNothingJoinsThePool() throws {
        // Given the course published
        try hub.publishCourses(from: try CourseFixtures.folder(Self.course, in: directory), actor: "tom", now: monday)
        // When gold is imported holding g0 and g1, whose text the course practises
        #expect {
            try hub.importGold([gold("g0"), gold("g1")], projectID: "sentiment", actor: "admin", now: monday)
        } throws: { error in
            // Then the whole import is refused, naming both tasks, the course and what to do
            let sentence = String(describing: error)
            return sentence.contains("\"g1\"") && sentence.contains("practice task \"p-g1\" of course feel") && sentence.contains("Leave it out")
        }
        #expect(try hub.goldItems(projectID: "sentiment").isEmpty)
        // And gold the course does not practise still goes in
        #expect(try hub.importGold([gold("g0")], projectID: "sentiment", actor: "admin", now: monday) == 1)
    }

    @Test func aCoursePractisingOnGoldIsRefusedWithTheLineAndTheWayOut() throws {
        // Given g1 in the gold pool
        try hub.importGold([gold("g1")], projectID: "sentiment", actor: "admin", now: monday)
        // When the course practising on its text is published
        let root = try CourseFixtures.folder(Self.course, in: directory)
        #expect {
            try hub.publishCourses(from: root, actor: "tom", now: monday)
        } throws: { error in
            guard case HubError.coursesRefused(let problems) = error else { return false }
            // Then it is refused at the practice file's line, with the gold item and how to go on
            return problems == [
                "feel/practice/tasks.jsonl:2: practice task \"p-g1\" is gold item \"g1\" of project sentiment, and a course's keys go to every station that holds it; practise on another task, or retire that gold item first (labeldesk gold retire --project sentiment g1)",
            ]
        }
        #expect(try hub.publishedCourses().isEmpty)
        // And once the gold item is retired, it publishes
        try hub.retireGold(["g1"], projectID: "sentiment", actor: "admin", now: monday)
        #expect(try hub.publishCourses(from: root, actor: "tom", now: monday).published == ["feel"])
    }
}
