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
        // Given records of every shape, one with tokens that must be escaped and offsets past 9, 99 and 999
        let text = #"He said "no" \ then 東京 "# + String(repeating: "word ", count: 220) + "end"
        var escaped = InterchangeRecord(task: LabelTask(id: "escaped", projectID: project.id, text: text, marking: .unclassified),
                                        layout: project.kind == .spans ? TokenLayout(tokens: TokenLayout.words(of: text)) : nil)
        escaped.annotations = [ImportedAnnotation(answer: project.kind == .spans ? .spans([EntitySpan(start: 8, end: 12, label: "PER")]) : .labels(["positive"]),
                                                  annotator: "ana")]
        for record in Self.records(300, project: project) + [escaped] {
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

/// `readPieces`: a file handed over a piece at a time, each prepared on the thread that
/// read it, for a store that inserts one piece while the next are read.
@Suite("Reading a piece at a time")
struct ReadPiecesTests {
    /// What `readPieces` handed over: the records in order, and where it said each piece lies.
    struct Handed {
        var records: [InterchangeRecord] = []
        var places: [FilePiece] = []
        var numbers: [Int] { places.map(\.number) }
        var counts: Set<Int> { Set(places.map(\.count)) }
    }

    static func handed(_ data: Data, as format: any TaskFormat.Type, project: Project, upTo limit: Int? = nil) throws -> Handed {
        var handed = Handed()
        try Formats.readPieces(data, as: format, fileName: "big", project: project, options: InterchangeOptions(), prepare: { records, _ in records }) { piece, place in
            handed.records += piece
            handed.places.append(place)
            if let limit, handed.places.count >= limit { throw Stop() }
        }
        return handed
    }

    struct Stop: Error {}

    static func jsonl(_ lines: Int, line: (Int) -> String = { #"{"id":"t\#($0)","text":"task number \#($0) with some words in it, to make the file long enough"}"# }) -> [String] {
        (1...lines).map(line)
    }

    @Test("a file of several megabytes comes a piece at a time, in order, as read gives it", arguments: ["jsonl", "conll"])
    func piecesInOrderAsReadGivesThem(name: String) throws {
        // Given a file of a few megabytes in the format
        let format = try #require(Formats.named(name))
        let project = name == "conll" ? Projects.entities : Projects.sentiment
        let data = try format.write(BenchmarkRecords.make(count: 40_000, project: project), project: project, options: InterchangeOptions())
        #expect(data.count > 3 * Formats.pieceBytes)

        // When it is read a piece at a time
        let handed = try Self.handed(data, as: format, project: project)

        // Then several pieces came, numbered in order, together what a whole read gives
        #expect(handed.numbers.count > 2)
        #expect(handed.numbers == Array(0..<handed.numbers.count))
        #expect(handed.counts == [handed.numbers.count])
        #expect(handed.records == (try format.read(data, fileName: "big", project: project, options: InterchangeOptions())))
        // and the pieces lie end to end over the whole file, the first smaller, so it goes in after little reading
        #expect(handed.places.first?.bytes.lowerBound == 0 && handed.places.last?.bytes.upperBound == data.count)
        #expect(zip(handed.places, handed.places.dropFirst()).allSatisfy { $0.bytes.upperBound == $1.bytes.lowerBound })
        #expect(handed.places.allSatisfy { $0.fileBytes == data.count })
        let sizes = handed.places.map(\.bytes.count)
        #expect(sizes[0] < Formats.pieceBytes / 4 && sizes[0] < sizes[1] && sizes[1] < sizes[2] && sizes[3] > Formats.pieceBytes * 3 / 4)
    }

    @Test("a bad line in a late piece throws, naming its line, after the pieces before were handed over")
    func badLineInALatePiece() throws {
        // Given a large JSONL file with a bad line near its end
        var lines = Self.jsonl(40_000)
        lines[39_990] = #"{"id":"bad","text":"one" "two"}"#
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)

        // When it is read a piece at a time
        var handedRecords = 0
        let error = #expect(throws: InterchangeError.self) {
            try Formats.readPieces(data, as: JSONLFormat.self, fileName: "big.jsonl", project: Projects.sentiment, options: InterchangeOptions(),
                                   prepare: { records, _ in records.count }) { count, _ in handedRecords += count }
        }

        // Then every record before it was handed over (a store in a transaction rolls them back, and an id
        // among them given twice is the earlier problem), and the line is named
        #expect(handedRecords == 39_990)
        #expect(error?.location == .line(39_991))
        #expect(error?.description.hasPrefix("big.jsonl:39991: not valid JSON") == true)
    }

    @Test("a JSONL piece hands on each record's line, leaving an id given in two pieces to the store that refuses it")
    func jsonlPiecesHandOnTheirLines() throws {
        // Given a large JSONL file with a blank line, whose last line takes the first line's id
        var lines = Self.jsonl(40_000)
        lines[9] = " "
        lines[39_999] = #"{"id":"t1","text":"again"}"#
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)

        // When it is read a piece at a time
        let handed = try Self.handed(data, as: JSONLFormat.self, project: Projects.sentiment)

        // Then every record came, each piece with its records' lines (the blank one skipped), for the store's sentence
        #expect(handed.records.count == 39_999)
        #expect(handed.places.flatMap(\.lines) == Array(1...9) + Array(11...40_000))
        // and a whole read still refuses the id itself, naming both lines
        let error = #expect(throws: InterchangeError.self) { try JSONLFormat.read(data, fileName: "big", project: Projects.sentiment) }
        #expect(error?.description == #"big:40000: id "t1" is already used on line 1; every task needs its own id"#)
    }

    @Test("a line that is not UTF-8 in a late piece is named by its line", arguments: ["jsonl", "conll"])
    func notUTF8InALatePiece(name: String) throws {
        // Given a large file with one byte that is not UTF-8 on a line near its end
        let format = try #require(Formats.named(name))
        let project = name == "conll" ? Projects.entities : Projects.sentiment
        let lines = name == "conll" ? (0..<150_000).flatMap { _ in ["Anna\tB-PER", "in\tO", ""] } : Self.jsonl(40_000)
        var data = Data((lines.joined(separator: "\n") + "\n").utf8)
        let badLine = lines.count - 5
        let offset = lines[..<(badLine - 1)].reduce(0) { $0 + $1.utf8.count + 1 } + 1
        data[offset] = 0xFF
        #expect(data.count > 2 * Formats.pieceBytes)

        // When it is read a piece at a time
        // Then that line is named
        let error = #expect(throws: InterchangeError.self) { try Self.handed(data, as: format, project: project) }
        #expect(error?.description == "big:\(badLine): not valid UTF-8; save the file as UTF-8")
    }

    @Test("an error the receiver throws stops the reading and comes out as it was thrown")
    func receiverErrorStopsTheReading() throws {
        // Given a large file
        let data = Data((Self.jsonl(40_000).joined(separator: "\n") + "\n").utf8)

        // When the receiver throws at the second piece
        // Then its error comes out, and no piece came after it
        #expect(throws: Stop.self) { try Self.handed(data, as: JSONLFormat.self, project: Projects.sentiment, upTo: 2) }
    }

    @Test("a format that cannot be cut hands its whole file over as one piece")
    func uncutFormatIsOnePiece() throws {
        // Given a Label Studio file (one JSON array)
        let records = BenchmarkRecords.make(count: 50, project: Projects.sentiment)
        let data = try LabelStudioFormat.write(records, project: Projects.sentiment)

        // When it is read a piece at a time
        let handed = try Self.handed(data, as: LabelStudioFormat.self, project: Projects.sentiment)

        // Then it came whole, as piece 0 of 1
        #expect(handed.numbers == [0] && handed.counts == [1])
        #expect(handed.records == (try LabelStudioFormat.read(data, fileName: "big", project: Projects.sentiment)))
    }
}
