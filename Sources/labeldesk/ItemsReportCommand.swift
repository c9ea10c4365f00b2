import ArgumentParser
import Curriculum
import Foundation

extension ReportCommand {
    /// `report items --marks FILE.csv`: Moodle's item analysis on marks from anywhere.
    struct Items: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Item analysis of a quiz's marks, by Moodle's formulas: facility, discrimination, weights, Cronbach's alpha.",
            discussion: """
                FILE is Moodle's quiz grades export (CSV, with its "Q. 1 /1.00" columns; every Finished attempt \
                counts, as Moodle's "all attempts" statistics count them, and "-" is a mark of 0) or a plain CSV: an attempt column, then one column per question named \
                "name" or "name /max" (a mark without a max is out of 1). Questions are flagged too easy (facility \
                above 90%), too hard (below 10%, or no better than guessing), negatively discriminating \
                (discrimination index below 0), and, as Moodle marks them, dubious (discriminative efficiency below 15%).
                """)
        @Option(help: ArgumentHelp("The marks file.", valueName: "FILE.csv")) var marks: String
        @Option(help: "table, csv or json.") var format: Layout = .table

        func run() throws {
            let text: String
            do {
                text = try String(contentsOfFile: marks, encoding: .utf8)
            } catch {
                throw UserFacingError("cannot read \(marks): \(FileManager.default.fileExists(atPath: marks) ? "it is not UTF-8 text" : "no such file")")
            }
            let file: MarksFile
            do {
                file = try MarksFile.read(text, fileName: marks)
            } catch {
                throw UserFacingError(error.description)
            }
            guard !file.table.questions.isEmpty else {
                throw UserFacingError("\(marks):1: no question columns; Moodle's export names them like \"Q. 1 /1.00\", a plain file has an attempt column then one per question")
            }
            print(ItemsReportText.render(ItemAnalysis(file.table), file: file, name: marks, as: format), terminator: "")
        }
    }
}
