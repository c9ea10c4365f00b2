import Curriculum
import Testing

/// Marks files: Moodle's grades export and the plain table, and the sentences a bad file gets.
@Suite struct MarksFileTests {
    static let moodleExport = """
        "Surname","First name","Email address",State,"Started on",Completed,"Time taken",Grade/10.00,"Q. 1 /5.00","Q. 2 /5.00"
        Ng,Ada,ada@example.com,Finished,"1 December 2026  9:00 AM","1 December 2026  9:10 AM","10 mins",7.50,5.00,2.50
        Roe,Bo,bo@example.com,Finished,"1 December 2026  9:00 AM","1 December 2026  9:12 AM","12 mins",2.50,-,2.50
        Poe,Cy,cy@example.com,"In progress","1 December 2026  9:00 AM",-,-,-,-,-
        "Overall average",,,,,,,5.00,2.50,2.50

        """

    @Test func moodlesExportCountsFinishedAttemptsAndADashAsNoMark() throws {
        // When Moodle's export is read
        let file = try MarksFile.read(Self.moodleExport, fileName: "grades.csv")
        // Then the questions are its Q. columns with their max marks
        #expect(file.layout == .moodle)
        #expect(file.table.questions == [MarksTable.Question(name: "Q. 1", maxMark: 5), MarksTable.Question(name: "Q. 2", maxMark: 5)])
        // And only finished attempts count, a dash as 0
        #expect(file.table.attempts.map(\.marks) == [[5, 2.5], [0, 2.5]])
        #expect(file.unmarked == 1)
        // And the attempt in progress and the average row are named as left out
        #expect(file.skipped.map(\.line) == [4, 5])
        #expect(file.skipped[0].reason == "state In progress, not Finished")
    }

    @Test func aCommaDecimalSeparatorIsRead() throws {
        let text = """
            Surname,First name,State,Grade/10,00,"Q. 1 /2,50"
            Ng,Ada,Finished,"10,00","1,25"
            """
        // The header's unquoted "10,00" splits a column: the header and rows still agree
        let file = try MarksFile.read(text.replacingGrade(), fileName: "komma.csv")
        #expect(file.table.questions.first?.maxMark == 2.5)
        #expect(file.table.attempts.first?.marks == [1.25])
    }

    @Test func aPlainTableReadsNamesWithOrWithoutMaxMarks() throws {
        let file = try MarksFile.read("attempt,capital /2,colour\nann,1.5,1\nbob,0,0\n", fileName: "plain.csv")
        #expect(file.layout == .plain)
        #expect(file.table.questions == [MarksTable.Question(name: "capital", maxMark: 2), MarksTable.Question(name: "colour", maxMark: 1)])
        #expect(file.table.attempts == [MarksTable.Attempt(id: "ann", marks: [1.5, 1]), MarksTable.Attempt(id: "bob", marks: [0, 0])])
        // A negative mark (certainty-based marking gives them) and an empty field (no mark) are read
        let negative = try MarksFile.read("attempt,q /2\nann,-1\nbob,\n", fileName: "cbm.csv")
        #expect(negative.table.attempts.map(\.marks) == [[-1], [0]] && negative.unmarked == 1)
        // Semicolons and tabs between fields too
        #expect(try MarksFile.read("attempt;q /3\nann;2,5\n", fileName: "semi.csv").table.attempts.first?.marks == [2.5])
        #expect(try MarksFile.read("attempt\tq /3\nann\t2\n", fileName: "tab.tsv").table.attempts.first?.marks == [2])
    }

    @Test func badMarksAreRefusedWithTheLineAndWhatToDo() {
        func refusal(_ text: String) -> String {
            do {
                _ = try MarksFile.read(text, fileName: "marks.csv")
                return "read"
            } catch {
                return error.description
            }
        }
        #expect(refusal("attempt,q /2\nann,3\n") == "marks.csv:2: the mark 3 for q is above its max mark 2; correct the mark or the max in the header")
        #expect(refusal("attempt,q\nann,1\nbob,4\n") == "marks.csv:3: the mark 4 for q is above its max mark 1; put the max mark in the header, like q /4")
        #expect(refusal("attempt,q /2\nann,two\n") == "marks.csv:2: the mark \"two\" for q is not a number; write a number like 0.5, or - for no mark")
        #expect(refusal("attempt,q /2,r /1\nann,1\n")
            == "marks.csv:2: this row has 2 fields and the header 3; give every row one field per column (quote a field holding a comma)")
        #expect(refusal("attempt,q /x\n") == "marks.csv:1: the max mark in \"q /x\" is not a number; write it like Q1 /2 or Q1 /2.5")
        #expect(refusal("") .hasPrefix("marks.csv:1: the file is empty"))
        #expect(refusal("attempt,q\n\"ann,1\n").hasPrefix("marks.csv:2: a quote opened here is never closed"))
    }
}

extension String {
    /// Moodle quotes a field holding the separator; the test's header writes the grade
    /// column as Moodle would.
    fileprivate func replacingGrade() -> String {
        replacing("Grade/10,00", with: "\"Grade/10,00\"")
    }
}
