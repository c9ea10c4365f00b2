import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("Prodigy JSONL")
struct ProdigyFormatTests {
    @Test("Prodigy lines read as tasks, annotations, skips and predictions, in code points")
    func reads() throws {
        // Given Prodigy's output: an accepted line, a rejected one of the same task, and an unanswered suggestion
        let file = """
        {"text": "🇫🇷 Anna in Paris", "tokens": [{"text": "🇫🇷", "start": 0, "end": 2, "id": 0}, {"text": "Anna", "start": 3, "end": 7, "id": 1}], "spans": [{"start": 3, "end": 7, "label": "PER", "token_start": 1, "token_end": 1}], "answer": "accept", "_input_hash": 1, "_task_hash": 2, "_annotator_id": "ner-ana", "_timestamp": 1700000000, "id": "t1"}
        {"text": "🇫🇷 Anna in Paris", "spans": [{"start": 11, "end": 16, "label": "LOC"}], "answer": "reject", "id": "t1"}
        {"text": "Bo", "spans": [{"start": 0, "end": 2, "label": "PER"}], "meta": {"source": "model"}}
        """
        let records = try ProdigyFormat.read(Data(file.utf8), fileName: "p.jsonl", project: Projects.entities)
        // Then
        #expect(records.count == 2)
        #expect(records[0].annotations == [
            ImportedAnnotation(answer: .spans([EntitySpan(start: 3, end: 7, label: "PER")]), annotator: "ner-ana", createdAt: Date(timeIntervalSince1970: 1_700_000_000)),
            ImportedAnnotation(answer: .spans([]), skipReason: "Rejected in Prodigy", annotator: ""),
        ])
        #expect(records[0].layout?.tokens == [TextToken(start: 0, end: 2), TextToken(start: 3, end: 7)])
        #expect(records[1].task.id == "ner-000003")
        #expect(records[1].task.predictions == [Prediction(answer: .spans([EntitySpan(start: 0, end: 2, label: "PER")]))])
        // And written and read again they are equal
        let again = try ProdigyFormat.read(try ProdigyFormat.write(records, project: Projects.entities), fileName: "again.jsonl", project: Projects.entities)
        #expect(again == records)
    }

    @Test("Classification goes through accept lists")
    func classification() throws {
        let record = InterchangeRecord(task: LabelTask(id: "c", projectID: "topics", text: "Match report", marking: .unclassified),
                                       annotations: [ImportedAnnotation(answer: .labels(["sport", "tech"]), annotator: "ana")])
        let written = try ProdigyFormat.write([record], project: Projects.topics)
        #expect(try ProdigyFormat.read(written, fileName: "c.jsonl", project: Projects.topics) == [record])
    }

    @Test("A span past the text and an unknown answer are refused with line and path")
    func badInput() throws {
        let past = #expect(throws: InterchangeError.self) {
            try ProdigyFormat.read(Data("{\"text\": \"Anna\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"PER\"}], \"answer\": \"accept\"}\n".utf8), fileName: "p.jsonl", project: Projects.entities)
        }
        #expect(past?.description == "p.jsonl:1: span 0-9 runs past the end of the text (4 characters)")
        let answer = #expect(throws: InterchangeError.self) {
            try ProdigyFormat.read(Data("\n{\"text\": \"Anna\", \"answer\": \"maybe\"}\n".utf8), fileName: "p.jsonl", project: Projects.entities)
        }
        #expect(answer?.description == "p.jsonl:2: \"answer\" is \"accept\", \"reject\" or \"ignore\", not \"maybe\"")
    }
}
