import Curriculum
import Domain
import Foundation
import Hub
import Testing

/// A course's practice set read by the reader every reader of courses uses.
@Suite("Practice sets")
struct PracticeReaderTests {
    static let project = #"{"id": "sentiment-practice", "title": "Sentiment practice", "kind": "classification", "labels": ["positive", "negative"]}"#

    /// `files` are the course folder's other files, by their path inside it.
    static func read(_ tasks: String, project: String = Self.project, files: [String: Data] = [:]) -> (practice: CoursePractice?, problems: [CourseProblem]) {
        Hub.practiceReader(Data(project.utf8), "s/practice/project.json", Data(tasks.utf8), "s/practice/tasks.jsonl") { path in
            let inCourse = "practice/" + path
            return (inCourse, files[inCourse])
        }
    }

    @Test func eachTaskBringsItsKeyAndExplanation() throws {
        let read = Self.read("""
            {"id": "p1", "text": "a gorgeous , witty , seductive movie .", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "key"}], "meta": {"explanation": "Three words of praise."}}
            {"id": "p2", "text": "the movie is a disaster .", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "model"}, {"answer": {"labels": ["negative"]}, "annotator": "key", "ground_truth": true}], "meta": {"explanation": "A disaster is bad."}}
            """)
        #expect(read.problems == [])
        let practice = try #require(read.practice)
        #expect(practice.project.id == "sentiment-practice")
        #expect(practice.items.map(\.task.id) == ["p1", "p2"])
        #expect(practice.items.map(\.key) == [.labels(["positive"]), .labels(["negative"])])
        #expect(practice.items[1].explanation == "A disaster is bad.")
    }

    @Test func aTaskWithoutKeyOrExplanationIsNamedByLine() {
        let read = Self.read("""
            {"id": "p1", "text": "fine", "meta": {"explanation": "x"}}
            {"id": "p2", "text": "fine", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "key"}]}
            """)
        #expect(read.practice == nil)
        #expect(read.problems.map(\.line) == [1, 2])
        #expect(read.problems[0].description.hasPrefix("s/practice/tasks.jsonl:1: practice task \"p1\" has no answer"))
        #expect(read.problems[1].problem.contains("has no explanation"))
    }

    @Test func aKeyWithALabelTheProjectLacksIsNamedByLine() {
        let read = Self.read("""
            {"id": "p1", "text": "fine", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "key"}], "meta": {"explanation": "x"}}
            {"id": "p3", "text": "fine", "annotations": [{"answer": {"labels": ["meh"]}, "annotator": "key"}], "meta": {"explanation": "x"}}
            """)
        #expect(read.practice == nil)
        #expect(read.problems.map(\.description) == [#"s/practice/tasks.jsonl:2: $.annotations[0]: label "meh" is not one of project "sentiment-practice"'s labels"#])
    }

    @Test func aBrokenFileIsNamedWithTheReadersOwnSentence() {
        let bad = Self.read("{\"id\": \"p1\"}\n")
        #expect(bad.problems.first?.line == 1)
        #expect(bad.problems.first?.problem.contains("\"text\" is missing") == true)
        let badProject = Self.read("", project: #"{"id": "x", "kind": "sorting"}"#)
        #expect(badProject.problems.first?.file == "s/practice/project.json")
        #expect(badProject.problems.first?.line == nil)
    }
}
