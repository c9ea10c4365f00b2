import Domain
import Foundation
@testable import Interchange
import Testing

/// Files past `JSONLines.parallelThreshold` are read in pieces side by side: the records
/// and the problem reported must be what one reading from the top gives.
@Suite("JSON lines read in pieces")
struct JSONLinesTests {
    /// A file of `count` lines, big enough to be cut into pieces, with some lines replaced.
    static func file(count: Int, replacing: [Int: String] = [:]) -> Data {
        var text = ""
        let padding = String(repeating: "x", count: 120)
        for line in 1...count {
            text += replacing[line] ?? #"{"id":"t\#(line)","text":"line \#(line) \#(padding)"}"#
            text += "\n"
        }
        return Data(text.utf8)
    }

    @Test func aBigFileReadsInPiecesToEveryRecordInOrder() throws {
        // Given a file well past the threshold, with a blank line in it
        let data = Self.file(count: 20_000, replacing: [10_001: "   "])
        #expect(data.count > JSONLines.parallelThreshold)
        // When it is read
        let records = try JSONLFormat.read(data, fileName: "big.jsonl", project: Projects.sentiment)
        // Then every line but the blank one is a record, in file order
        #expect(records.count == 19_999)
        #expect(records.first?.task.id == "t1")
        #expect(records[10_000].task.id == "t10002")
        #expect(records.last?.task.id == "t20000")
    }

    @Test func aBadLineInTheSecondPieceIsNamedByItsOwnNumber() {
        // Given a bad line far into the file, in a later piece than the first
        let data = Self.file(count: 20_000, replacing: [17_345: #"{"id": "t17345", "text": }"#])
        // When it is read, then the error names that line
        #expect {
            try JSONLFormat.read(data, fileName: "big.jsonl", project: Projects.sentiment)
        } throws: { error in
            "\(error)".hasPrefix("big.jsonl:17345: not valid JSON")
        }
    }

    @Test func theFirstProblemByLineWinsAcrossPieces() {
        // Given an id used twice early (lines 3 and 15,000) and a bad line after both
        let data = Self.file(count: 20_000, replacing: [15_000: #"{"id":"t3","text":"again"}"#, 19_000: "not json"])
        // When it is read, then the duplicate is reported: it comes first
        #expect {
            try JSONLFormat.read(data, fileName: "big.jsonl", project: Projects.sentiment)
        } throws: { error in
            "\(error)".hasPrefix("big.jsonl:15000: id \"t3\" is already used on line 3")
        }
        // And a bad line before the second use is reported instead
        let earlier = Self.file(count: 20_000, replacing: [15_000: #"{"id":"t3","text":"again"}"#, 14_000: "not json"])
        #expect {
            try JSONLFormat.read(earlier, fileName: "big.jsonl", project: Projects.sentiment)
        } throws: { error in
            "\(error)".hasPrefix("big.jsonl:14000: not valid JSON")
        }
    }

    @Test func piecesCutOnlyAtLineEndsAndCountTheirLines() {
        let bytes = Array("a\nbb\nccc\ndddd\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let pieces = FileLines.pieces(buffer, count: 3)
            let texts = pieces.map { String(decoding: $0.bytes, as: UTF8.self) }
            #expect(texts.joined() == "a\nbb\nccc\ndddd\n")
            #expect(texts.allSatisfy { $0.hasSuffix("\n") })
            var line = 1
            for piece in pieces {
                #expect(piece.firstLine == line)
                line += piece.bytes.filter { $0 == 0x0A }.count
            }
        }
    }
}
