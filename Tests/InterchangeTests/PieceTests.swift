import Domain
import Foundation
@testable import Interchange
import Testing

/// Files read and written in pieces on every core give what one pass from the top gives.
@Suite("Reading and writing in pieces")
struct PieceTests {
    /// Records of every shape a writer meets: plain, with work, a skip, an ignore, a prediction.
    static func records(_ count: Int, project: Project) -> [InterchangeRecord] {
        var records = BenchmarkRecords.make(count: count, project: project)
        for index in records.indices where index % 7 == 3 {
            records[index].annotations.append(ImportedAnnotation(answer: .empty(project.kind), skipReason: "Rejected in Prodigy", annotator: "bo"))
        }
        for index in records.indices where index % 11 == 5 {
            records[index].annotations = [ImportedAnnotation(answer: .empty(project.kind), skipReason: "Ignored in Prodigy", annotator: "")]
        }
        for index in records.indices where index % 5 == 1 {
            records[index].annotations = []
            records[index].task.meta = #"{"source":"web","n":1}"#
        }
        return records
    }

    @Test("the direct Prodigy writer gives the bytes of each line as a sorted-keys object", arguments: [Projects.entities, Projects.sentiment])
    func prodigyLinesAreTheSortedObjects(project: Project) {
        // Given records of every shape
        for record in Self.records(300, project: project) {
            // When a record's lines are written directly
            var written = ""
            ProdigyFormat.writeLines(record, project: project, into: &written)
            // Then they are the sorted-keys objects, one a line
            let expected = ProdigyFormat.linesAsValues(record, project: project).map { $0.text + "\n" }.joined()
            #expect(written == expected)
        }
    }

    @Test("a write in several pieces is the write in one", arguments: [1, 2, 3, 7])
    func piecesJoinInOrder(pieces: Int) throws {
        // Given many records
        let count = PieceWriter.parallelThreshold + 501
        // When written in `pieces` pieces and in one
        let write = { (pieces: Int) throws(InterchangeError) -> Data in
            try PieceWriter.write(count: count, bytesPerRecord: 8, head: "[", tail: "]", pieces: pieces) { index, text in
                text += index == 0 ? "" : ","
                text += String(index)
            }
        }
        // Then the bytes are the same
        #expect(try write(pieces) == write(1))
        #expect(String(decoding: try write(pieces), as: UTF8.self).hasSuffix(",\(count - 1)]"))
    }

    @Test("of several failures in a write in pieces, the first by position is reported")
    func firstFailureByPosition() {
        // Given records of which the 2,600th and the 10th fail, in different pieces
        let count = PieceWriter.parallelThreshold * 2
        // When written in pieces
        let result = Result { () throws(InterchangeError) -> Data in
            try PieceWriter.write(count: count, bytesPerRecord: 8, pieces: 2) { index, text throws(InterchangeError) in
                if index == 2_600 || index == 10 { throw InterchangeError(fileName: "export", location: .file, problem: "record \(index)") }
                text += "x"
            }
        }
        // Then record 10 is the one named
        guard case .failure(let error) = result else { Issue.record("the write should fail"); return }
        #expect(error.problem == "record 10")
    }

    @Test("every format writes many records in pieces as one pass would", arguments: ["jsonl", "labelstudio", "conll", "prodigy", "csv"])
    func formatsWriteInPiecesAsOnePass(name: String) throws {
        // Given a format and more records than one piece takes
        let format = try #require(Formats.named(name))
        let project = name == "conll" || name == "prodigy" ? Projects.entities : Projects.sentiment
        let records = BenchmarkRecords.make(count: PieceWriter.parallelThreshold + 100, project: project)
        // When all are written at once, in pieces
        let whole = try format.write(records, project: project, options: InterchangeOptions())
        // Then reading it back gives the records again, wherever the pieces met
        let again = try format.read(whole, fileName: "export", project: project, options: InterchangeOptions())
        #expect(again.count == records.count)
        // (CoNLL makes ids from line numbers, so only its texts can be compared.)
        if name != "conll" { #expect(again.map(\.task.id) == records.map(\.task.id)) }
        #expect(again.map(\.task.text) == records.map(\.task.text))
    }

    @Test("a CoNLL file read in pieces gives what a reading from the top gives")
    func conllPiecesAgreeWithOnePass() throws {
        // Given a CoNLL file past the size read in pieces, with extra blank lines and white-space lines between sentences
        var text = ""
        for sentence in 0..<40_000 {
            text += "Anna\tB-PER\nin\tO\nParis\tB-LOC\n"
            text += sentence % 13 == 0 ? "\n\n" : sentence % 17 == 0 ? " \n" : "\n"
        }
        let data = Data(text.utf8)
        #expect(data.count > JSONLines.parallelThreshold)
        // When it is read (in pieces) and read as one piece
        let inPieces = try CoNLLFormat.read(data, fileName: "big.conll", project: Projects.entities)
        let onePass = try data.withUnsafeBytes { raw in
            try CoNLLFormat.readPiece(raw.bindMemory(to: UInt8.self), firstLine: 1, isLast: true, project: Projects.entities, scheme: .automatic).get()
        }
        // Then the records are the same, and the file comes back byte for byte
        #expect(inPieces.count == 40_000)
        #expect(inPieces == onePass)
        #expect(try CoNLLFormat.write(inPieces, project: Projects.entities) == data)
    }

    @Test("a problem late in a CoNLL file read in pieces names its line")
    func conllProblemInALaterPiece() throws {
        // Given a large CoNLL file with a bad tag near its end
        var lines: [String] = []
        for _ in 0..<40_000 { lines += ["Anna\tB-PER", "in\tO", ""] }
        lines[lines.count - 5] = "in\tX-LOC"
        let data = Data(lines.joined(separator: "\n").utf8)
        // When it is read
        // Then the line named is the bad one
        #expect(throws: InterchangeError.self) { try CoNLLFormat.read(data, fileName: "big.conll", project: Projects.entities) }
        do {
            _ = try CoNLLFormat.read(data, fileName: "big.conll", project: Projects.entities)
        } catch {
            #expect(error.location == .line(lines.count - 4))
        }
    }
}
