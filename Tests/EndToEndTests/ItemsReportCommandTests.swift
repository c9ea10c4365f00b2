import Foundation
import Testing

/// `labeldesk report items --marks FILE.csv`, run as a trainer would on marks from Moodle.
@Suite struct ItemsReportCommandTests {
    static let moodleExport = """
        "Surname","First name","Email address",State,"Started on",Completed,"Time taken",Grade/10.00,"Q. 1 /1.00","Q. 2 /2.00"
        A,Ann,a@example.com,Finished,"1 December 2026  9:00 AM","1 December 2026  9:10 AM","10 mins",10.00,1.00,2.00
        B,Bob,b@example.com,Finished,"1 December 2026  9:00 AM","1 December 2026  9:10 AM","10 mins",6.67,1.00,1.00
        C,Cy,c@example.com,Finished,"1 December 2026  9:00 AM","1 December 2026  9:10 AM","10 mins",3.33,-,1.00
        D,Di,d@example.com,Finished,"1 December 2026  9:00 AM","1 December 2026  9:10 AM","10 mins",0.00,0.00,0.00
        E,Ed,e@example.com,"In progress","1 December 2026  9:00 AM",-,-,-,-,-
        "Overall average",,,,,,,5.00,0.75,1.00

        """

    @Test func moodlesGradesExportGetsMoodlesItemAnalysisInEveryFormat() throws {
        // Given Moodle's grades export of the 4 x 2 case worked on paper in ItemAnalysisTests
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-items-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("grades.csv").path
        try Data(Self.moodleExport.utf8).write(to: URL(fileURLWithPath: export))

        // When a trainer asks for the table
        let table = binary.run(["report", "items", "--marks", export])

        // Then it counts the four finished attempts and shows the paper's figures
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.contains("4 attempts at 2 questions, out of 3 (1 marks were - or waiting for grading, counted 0)"), "\(table.output)")
        #expect(table.output.contains("70.71%"), "discrimination index 100/sqrt 2: \(table.output)")
        #expect(table.output.contains("44.95%") && table.output.contains("55.05%"), "effective weights: \(table.output)")
        #expect(table.output.contains("Internal consistency (Cronbach's alpha)   80.00%"), "\(table.output)")
        #expect(table.output.contains("Not counted: line 6 (state In progress, not Finished), line 7 (Moodle's Overall average row)"), "\(table.output)")

        // And CSV and JSON carry the same figures
        let csv = binary.run(["report", "items", "--marks", export, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.output.contains("Q. 1,4,1,50.0000,57.7350,,33.3333,44.9490,70.7107,100.0000,"), "\(csv.output)")
        #expect(csv.output.contains("kurtosis,-1.2000"), "\(csv.output)")
        let json = binary.run(["report", "items", "--marks", export, "--format", "json"])
        #expect(json.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let quiz = decoded?["quiz"] as? [String: Any]
        #expect(abs((quiz?["internalConsistency"] as? Double ?? 0) - 80) < 1e-9, "\(json.output)")
        #expect((decoded?["layout"] as? String) == "moodle")
    }

    @Test func aBadMarksFileIsRefusedWithItsLineAndNothingCrashes() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-items-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let marks = folder.appendingPathComponent("marks.csv").path
        // Given a plain file whose third line gives more than the max
        try Data("attempt,capital /2,colour\nann,1,1\nbob,2.5,0\n".utf8).write(to: URL(fileURLWithPath: marks))
        // When it is analysed
        let refused = binary.run(["report", "items", "--marks", marks])
        // Then it is refused with the file, the line, what is wrong and how to fix it
        #expect(refused.status != 0)
        #expect(refused.output.contains("\(marks):3: the mark 2.5 for capital is above its max mark 2; correct the mark or the max in the header"), "\(refused.output)")
        // And a file that is not there gets a sentence too
        let missing = binary.run(["report", "items", "--marks", folder.appendingPathComponent("none.csv").path])
        #expect(missing.status != 0 && missing.output.contains("no such file"), "\(missing.output)")
    }
}
