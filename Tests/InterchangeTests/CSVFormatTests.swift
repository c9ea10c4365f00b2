import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("CSV")
struct CSVFormatTests {
    static let tricky = "Yes \" \"\" \n \t \t а б в \n, and a comma"

    @Test("Quotes, line breaks, tabs, commas and Cyrillic survive a round trip, one row per annotation")
    func roundTrip() throws {
        // Given classification records with awkward text and several annotations
        let records = [
            InterchangeRecord(
                task: LabelTask(id: "a,1", projectID: "topics", text: Self.tricky, marking: .confidential, priority: -2, meta: #"{"src":"x, \"y\""}"#),
                annotations: [
                    ImportedAnnotation(answer: .labels(["sport", "tech"]), annotator: "ana", createdAt: Date(timeIntervalSince1970: 1_700_000_000.5), secondsOnTask: 3.25, flag: "odd"),
                    ImportedAnnotation(answer: .empty(.classification), skipReason: "Unclear, or ambiguous", annotator: "bo"),
                ]),
            InterchangeRecord(task: LabelTask(id: "b", projectID: "topics", text: " leading space", marking: .unclassified)),
        ]
        // When they are written and read back
        let written = try CSVFormat.write(records, project: Projects.topics)
        let read = try CSVFormat.read(written, fileName: "t.csv", project: Projects.topics)
        // Then they are equal, and the fields are quoted as RFC 4180 says
        #expect(read == records)
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.hasPrefix("id,text,labels,annotator,annotated_at,seconds_on_task,skip_reason,flag,marking,priority,meta\r\n\"a,1\",\"Yes \"\" \"\"\"\" \n \t \t а б в \n, and a comma\",sport;tech,ana,2023-11-14T22:13:20.500Z,3.25,,odd,CONFIDENTIAL,-2,\"{\"\"src\"\":\"\"x, \\\"\"y\\\"\"\"\"}\"\r\n"))
        #expect(text.hasSuffix("b,\" leading space\",,,,,,,UNCLASSIFIED,0,\r\n"))
    }

    @Test("Label Studio's own CSV quoting reads field for field")
    func labelStudioReference() throws {
        // Given the CSV Label Studio wrote for csv_test2.json (tab-separated, every string quoted)
        let data = try Fixtures.data("labelstudio/test_export_csv/csv_test2_result.csv")
        let rows = try data.withUnsafeBytes { raw in try CSVTable.rows(raw.bindMemory(to: UInt8.self), delimiter: 0x09) }
        // Then the quoted JSON cells come out as the JSON Label Studio had
        #expect(rows.count == 2)
        let header = rows[0].fields
        let cells = Dictionary(uniqueKeysWithValues: zip(header, rows[1].fields))
        #expect(cells["alternative_titles"] == #"["CHENG SHOU","RENG SHI ZHE YANG AI NI"]"#)
        #expect(cells["writers"]?.hasPrefix(#"[{"ipi":null,"name":"JIN XING CHEN","#) == true)
        #expect(cells["annotator"] == "test@heartex.com")
        #expect(cells["agreement"] == "100.0")
        #expect(cells["provider"] == "")
    }

    @Test("Bad rows are refused with the line they start on")
    func badInput() throws {
        func problem(_ text: String) -> String? {
            #expect(throws: InterchangeError.self) { try CSVFormat.read(Data(text.utf8), fileName: "t.csv", project: Projects.topics) }?.description
        }
        #expect(problem("id,text,labels\n1,\"two\nlines\",sport\n2,fine,cooking\n") == "t.csv:4: label \"cooking\" is not one of project \"topics\"'s labels")
        #expect(problem("id,text,labels\n1,\"never closed,sport\n") == "t.csv:2: a quote opened here is never closed; close it or double quotes inside the field (\"\")")
        #expect(problem("id,text,label\n") == "t.csv:1: unknown column \"label\"; the columns are id, text, labels, annotator, annotated_at, seconds_on_task, skip_reason, flag, marking, priority, meta")
        #expect(problem("text,labels\na, b,sport\n") == "t.csv:2: the row has 3 fields and the header 2; quote a field that holds a comma")
    }
}
