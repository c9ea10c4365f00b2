import Domain
import Foundation
import Hub
import Testing

@Suite("Reading a JSONL task file")
struct TaskFileParserTests {
    let project = Project(
        id: "sentiment", title: "Sentiment", labels: [LabelChoice(name: "positive")], defaultMarking: .cui)

    @Test func readsEveryFieldAndMakesStableIDs() throws {
        // Given a file with a blank line, a made id, a marking, a priority and meta
        let file = """
            {"id": "r-1", "text": "Great film", "marking": "s", "priority": 5, "meta": {"source": "imdb", "a": [1, 2.50]}}

            {"text": "Dull plot"}\r
            """

        // When it is read
        let tasks = try TaskFileParser.parse(contents: file, fileName: "tasks.jsonl", project: project)

        // Then each line is a task; the missing id comes from the project and the line number
        #expect(tasks == [
            LabelTask(id: "r-1", projectID: "sentiment", text: "Great film", marking: .secret, priority: 5,
                      meta: #"{"a":[1,2.50],"source":"imdb"}"#),
            LabelTask(id: "sentiment-000003", projectID: "sentiment", text: "Dull plot", marking: .cui),
        ])
    }

    @Test(arguments: [
        (#"{"text": "ok"}\#n{"text": "a", "priority": 1,}"#, #"tasks.jsonl:2: not valid JSON (expected a quoted key at column 29)"#),
        (#"{"id": "x"}"#, #"tasks.jsonl:1: "text" is missing; every line needs a "text" string"#),
        (#"{"text": "  "}"#, #"tasks.jsonl:1: "text" is empty; every task needs some text to label"#),
        (#"{"text": 42}"#, #"tasks.jsonl:1: "text" must be a string, not a number"#),
        (#"{"text": "a", "priority": "high"}"#, #"tasks.jsonl:1: "priority" must be a whole number, not a string"#),
        (#"{"text": "a", "priority": 1.5}"#, #"tasks.jsonl:1: "priority" must be a whole number, not 1.5"#),
        (#"{"text": "a", "meta": [1]}"#, #"tasks.jsonl:1: "meta" must be an object, not an array"#),
        (#"{"text": "a", "id": 7}"#, #"tasks.jsonl:1: "id" must be a string, not a number"#),
        (#"["a"]"#, #"tasks.jsonl:1: each line must be a JSON object like {"text": "..."}, not an array"#),
        (#"{"text": "a", "lable": "x"}"#, #"tasks.jsonl:1: unknown field "lable"; a line may hold "id", "text", "marking", "priority" and "meta""#),
        ("{\"text\": \"a\"}\n\n\n\n\n\n\n\n{\"text\": \"b\", \"marking\": \"SECRETISH\"}",
         #"tasks.jsonl:9: marking "SECRETISH" is not one of "UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET", "TOP SECRET//SCI""#),
        ("{\"id\": \"t-5\", \"text\": \"a\"}\n{\"text\": \"b\"}\n{\"id\": \"t-5\", \"text\": \"c\"}",
         #"tasks.jsonl:3: id "t-5" is already used on line 1; every task needs its own id"#),
    ])
    func aBadLineIsNamedWithWhatIsWrong(_ file: String, _ message: String) {
        #expect(throws: TaskFileError.self) {
            do {
                _ = try TaskFileParser.parse(contents: file, fileName: "tasks.jsonl", project: project)
            } catch {
                #expect("\(error)" == message)
                throw error
            }
        }
    }

    @Test func invalidUTF8IsNamedByLine() {
        var bytes = Data(#"{"text": "a"}"#.utf8)
        bytes.append(0x0A)
        bytes.append(contentsOf: [0x7B, 0xFF, 0x7D])
        #expect(throws: TaskFileError(fileName: "t.jsonl", line: 2, problem: "not valid UTF-8; save the file as UTF-8")) {
            try TaskFileParser.parse(contents: bytes, fileName: "t.jsonl", project: project)
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(throws: TaskFileError(fileName: "t.jsonl", line: 1, problem: "not valid JSON (expected ',' or '}' in an object at column 16)")) {
            try TaskFileParser.parse(contents: #"{"text": "ééé" x}"#, fileName: "t.jsonl", project: project)
        }
    }
}
