/// A CSV file of quiz marks read into a `MarksTable`: Moodle's grades export, or a plain
/// table of an attempt column and one column per question.
///
/// Moodle's export (the quiz "Grades" report downloaded as CSV) names each question column
/// `Q. 1 /2.00`: `get_string('qbrief')`, a space, `/` and the max mark, which Moodle
/// rescales to the quiz's grade and writes with the site language's decimal separator
/// (`quiz_rescale_grade(..., 'question')`), so `Q. 1 /2,00` and marks like `1,50` are read
/// too. The marks in it are rescaled the same way, which leaves every percentage, index
/// and weight as Moodle's report shows them. A mark is `-` when the question has none
/// and "Requires grading" when it waits for a person; both count 0, as they do in
/// Moodle's statistics (a null fraction). Only attempts whose State is "Finished" count,
/// as in Moodle's report; the "Overall average" rows Moodle adds are left out.
///
/// The plain form: a header of an attempt column then one column per question, named
/// `name` or `name /max`; without a max a mark is a fraction of 1. An empty field is no mark.
/// A mark below 0 is read: certainty-based marking gives them, and Moodle's formulas do
/// not assume marks start at 0. A mark above its max is refused.
///
/// The CSV is read here rather than with Interchange's reader because this target
/// depends on Domain alone; the dialect is RFC 4180 with `,`, `;` or tab between fields.
public struct MarksFile: Equatable, Sendable {
    public enum Layout: String, Equatable, Sendable {
        case moodle
        case plain
    }

    public struct SkippedRow: Equatable, Sendable {
        public var line: Int
        public var reason: String
    }

    public var layout: Layout
    public var table: MarksTable
    /// Rows read but not counted, with why.
    public var skipped: [SkippedRow]
    /// Marks that were `-` or waiting for grading, counted as 0.
    public var unmarked: Int

    /// A file refused, with the line and what to change.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func read(_ text: String, fileName: String) throws(Problem) -> MarksFile {
        func problem(_ line: Int, _ message: String) -> Problem { Problem(file: fileName, line: line, message: message) }
        let rows: [(line: Int, fields: [String])]
        do {
            rows = try CSVRows.split(text)
        } catch {
            throw problem(error.line, error.message)
        }
        guard let header = rows.first else {
            throw problem(1, "the file is empty; it needs a header row (an attempt column, then one column per question) and a row per attempt")
        }
        let columns = header.fields.map { MoodleText.trim($0) }
        let moodleQuestions = columns.enumerated().compactMap { index, name in moodleQuestionColumn(name).map { (index, $0) } }
        let layout: Layout = moodleQuestions.isEmpty ? .plain : .moodle
        var questionColumns: [(index: Int, name: String, max: Double?)] = []
        switch layout {
        case .moodle:
            for (index, column) in moodleQuestions {
                guard let max = column.max else {
                    throw problem(header.line, "the column \"\(columns[index])\" has a max mark that is not a number; Moodle writes it like Q. 1 /2.00")
                }
                questionColumns.append((index, column.name, max))
            }
        case .plain:
            guard columns.count >= 2 else {
                throw problem(header.line, "the header has \(columns.count) column; it needs an attempt column, then one column per question (name, or name /max)")
            }
            for index in 1..<columns.count {
                let (name, max) = plainQuestionColumn(columns[index])
                guard !name.isEmpty else { throw problem(header.line, "column \(index + 1) has no question name; name it, or name /max like Q1 /2") }
                if let max, max == nil {
                    throw problem(header.line, "the max mark in \"\(columns[index])\" is not a number; write it like Q1 /2 or Q1 /2.5")
                }
                questionColumns.append((index, name, max ?? 1))
            }
        }
        for column in questionColumns where column.max! < 0 {
            throw problem(header.line, "\"\(columns[column.index])\" has a negative max mark; a max mark is 0 or more")
        }
        let stateColumn = layout == .moodle ? columns.firstIndex(of: "State") : nil
        var attempts: [MarksTable.Attempt] = []
        var skipped: [SkippedRow] = []
        var unmarked = 0
        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                throw problem(row.line, "this row has \(row.fields.count) fields and the header \(columns.count); give every row one field per column (quote a field holding a comma)")
            }
            let first = MoodleText.trim(row.fields[0])
            let state = stateColumn.map { MoodleText.trim(row.fields[$0]) }
            if layout == .moodle, first.hasSuffix("average"), state?.isEmpty ?? true {
                skipped.append(SkippedRow(line: row.line, reason: "Moodle's \(first) row"))
                continue
            }
            if let state {
                guard state == "Finished" else {
                    skipped.append(SkippedRow(line: row.line, reason: state.isEmpty ? "no state" : "state \(state), not Finished"))
                    continue
                }
            }
            var marks: [Double] = []
            for column in questionColumns {
                let written = MoodleText.trim(row.fields[column.index])
                if written == "-" || written == "Requires grading" || (layout == .plain && written.isEmpty) {
                    unmarked += 1
                    marks.append(0)
                    continue
                }
                guard let mark = number(written) else {
                    throw problem(row.line, "the mark \"\(written)\" for \(column.name) is not a number; write a number like 0.5, or - for no mark")
                }
                let max = column.max!
                guard mark <= max + 1e-9 else {
                    let hint = layout == .plain && !columns[column.index].contains("/")
                        ? "; put the max mark in the header, like \(column.name) /\(trimmed(mark))"
                        : "; correct the mark or the max in the header"
                    throw problem(row.line, "the mark \(written) for \(column.name) is above its max mark \(trimmed(max))\(hint)")
                }
                marks.append(mark)
            }
            let id = layout == .plain ? first : "line \(row.line)"
            attempts.append(MarksTable.Attempt(id: id.isEmpty ? "line \(row.line)" : id, marks: marks))
        }
        let questions = questionColumns.map { MarksTable.Question(name: $0.name, maxMark: $0.max!) }
        return MarksFile(layout: layout, table: MarksTable(questions: questions, attempts: attempts), skipped: skipped, unmarked: unmarked)
    }

    /// `Q. 12 /2.00` → ("Q. 12", 2); a max that is not a number comes back nil.
    static func moodleQuestionColumn(_ name: String) -> (name: String, max: Double?)? {
        guard name.hasPrefix("Q. "), let slash = name.firstIndex(of: "/") else { return nil }
        let label = MoodleText.trim(name[..<slash])
        let digits = label.dropFirst(3)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (String(label), number(MoodleText.trim(String(name[name.index(after: slash)...]))))
    }

    /// `name /max` → (name, .some(max)), `name` → (name, nil); a max that is not a number
    /// comes back as `.some(nil)`.
    static func plainQuestionColumn(_ column: String) -> (name: String, max: Double??) {
        guard let slash = column.lastIndex(of: "/") else { return (column, nil) }
        let name = MoodleText.trim(String(column[..<slash]))
        return (name, .some(number(MoodleText.trim(String(column[column.index(after: slash)...])))))
    }

    /// A number with a point, or with a comma as the only separator (`1,50`).
    static func number(_ text: String) -> Double? {
        if let value = MoodleText.number(text[...]) { return value }
        let commas = text.filter { $0 == "," }.count
        guard commas == 1, !text.contains(".") else { return nil }
        return MoodleText.number(text.replacing(",", with: ".")[...])
    }

    static func trimmed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
