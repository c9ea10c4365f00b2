import Domain
import Foundation

/// CSV for classification, as people open it in a spreadsheet.
///
/// A header row names the columns, in any order: `text` (required), `id`, `labels`
/// (several joined by `InterchangeOptions.csvLabelSeparator`, `;` by default),
/// `annotator`, `annotated_at` (ISO 8601), `seconds_on_task`, `skip_reason`, `flag`,
/// `marking`, `priority` and `meta` (a JSON object). A row is one annotation: rows with
/// the same id are one task with several annotations; a row with no labels, skip reason
/// or annotator is a task without any. Fields are quoted as RFC 4180 says (quotes
/// doubled, line breaks and commas inside quotes); a header with tabs and no comma
/// reads the file as tab-separated. Export writes every column, comma-separated, CRLF
/// line ends. Predictions have no column and are not written.
public enum CSVFormat: TaskFormat {
    public static let name = "csv"
    public static let summary = "CSV with a header row: one annotation a row; classification"

    static let columns = ["id", "text", "labels", "annotator", "annotated_at", "seconds_on_task", "skip_reason", "flag", "marking", "priority", "meta"]

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        guard project.kind == .classification else {
            throw RecordChecks.wrongKind("CSV files hold classification labels", project: project, fileName: fileName)
        }
        return try FileLines.withCheckedBytes(data, fileName: fileName) { bytes throws(InterchangeError) in
            var failedLine = 1
            do throws(Problem) {
                let headerEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
                let header = UnsafeBufferPointer(rebasing: bytes[..<headerEnd])
                let delimiter: UInt8 = header.contains(0x09) && !header.contains(0x2C) ? 0x09 : 0x2C
                let rows: [(line: Int, fields: [String])]
                do throws(Problem) { rows = try CSVTable.rows(bytes, delimiter: delimiter) } catch {
                    failedLine = Int(error.path ?? "1") ?? 1
                    throw Problem(error.text)
                }
                guard let names = rows.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
                    throw Problem("the file is empty; the first row names the columns (\(columns.joined(separator: ", ")))")
                }
                var column: [String: Int] = [:]
                for (index, name) in names.enumerated() {
                    guard columns.contains(name) else {
                        throw Problem("unknown column \"\(name)\"; the columns are \(columns.joined(separator: ", "))")
                    }
                    if column.updateValue(index, forKey: name) != nil { throw Problem("column \"\(name)\" appears twice") }
                }
                guard column["text"] != nil else { throw Problem("there is no \"text\" column; every task needs its text") }
                var records: [InterchangeRecord] = []
                var recordOfID: [String: (index: Int, line: Int)] = [:]
                var markings = MarkingReader()
                for (line, fields) in rows.dropFirst() {
                    failedLine = line
                    guard fields.count == names.count else {
                        throw Problem("the row has \(fields.count) fields and the header \(names.count); quote a field that holds a comma")
                    }
                    func cell(_ name: String) -> String? {
                        guard let index = column[name] else { return nil }
                        let value = fields[index]
                        return value.isEmpty ? nil : value
                    }
                    guard let text = cell("text"), !text.isAllWhitespace else {
                        throw Problem("\"text\" is empty; every task needs some text to label")
                    }
                    let id = cell("id") ?? RecordChecks.madeID(projectID: project.id, number: line)
                    var marking = project.defaultMarking
                    if let written = cell("marking") {
                        guard let read = markings.marking(written) else { throw Problem("marking \"\(written)\" is not one of \(Marking.acceptedSpellings)") }
                        marking = read
                    }
                    var priority = 0
                    if let written = cell("priority") {
                        guard let whole = Int(written) else { throw Problem("\"priority\" must be a whole number, not \"\(written)\"") }
                        priority = whole
                    }
                    var meta: String?
                    if let written = cell("meta") {
                        guard let value = try? JSONValue.parse(written), case .object = value else {
                            throw Problem("\"meta\" must be a JSON object like {\"source\": \"web\"}")
                        }
                        meta = value.text
                    }
                    let task = LabelTask(id: id, projectID: project.id, text: text, marking: marking, priority: priority, meta: meta)
                    var annotation: ImportedAnnotation?
                    let labels = cell("labels").map { written in
                        written.components(separatedBy: options.csvLabelSeparator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    } ?? []
                    let skipReason = cell("skip_reason")
                    if !labels.isEmpty || skipReason != nil || cell("annotator") != nil {
                        var createdAt: Date?
                        if let written = cell("annotated_at") {
                            guard let date = ISODate.parse(written) else {
                                throw Problem("\"annotated_at\" \"\(written)\" is not an ISO 8601 time; write it like 2025-03-01T09:30:00Z")
                            }
                            createdAt = date
                        }
                        var seconds: Double?
                        if let written = cell("seconds_on_task") {
                            guard let number = Double(written) else { throw Problem("\"seconds_on_task\" must be a number, not \"\(written)\"") }
                            seconds = number
                        }
                        let read = ImportedAnnotation(answer: .labels(labels), skipReason: skipReason, annotator: cell("annotator") ?? "",
                                                      createdAt: createdAt, secondsOnTask: seconds, flag: cell("flag"))
                        if let problem = RecordChecks.annotationProblem(read, textLength: RecordChecks.scalarLength(text), project: project) {
                            throw Problem(problem)
                        }
                        annotation = read
                    }
                    if let (index, firstLine) = recordOfID[id] {
                        guard records[index].task == task else {
                            throw Problem("id \"\(id)\" is on line \(firstLine) with another text, marking, priority or meta; rows of one task must agree")
                        }
                        if let annotation { records[index].annotations.append(annotation) }
                    } else {
                        recordOfID[id] = (records.count, line)
                        records.append(InterchangeRecord(task: task, annotations: annotation.map { [$0] } ?? []))
                    }
                }
                return records
            } catch {
                throw InterchangeError(fileName: fileName, location: .line(failedLine), problem: error.text)
            }
        }
    }

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        guard project.kind == .classification else {
            throw RecordChecks.wrongKind("CSV files hold classification labels", project: project, fileName: "export")
        }
        return try PieceWriter.write(count: records.count, bytesPerRecord: 160, head: columns.joined(separator: ",") + "\r\n") { index, text in
            let record = records[index]
            if record.annotations.isEmpty { writeRow(record.task, nil, options: options, into: &text) }
            for annotation in record.annotations { writeRow(record.task, annotation, options: options, into: &text) }
        }
    }

    /// One row: the task, and one annotation of it (or none).
    ///
    /// Cells written one after another, without an array of them per row: an export
    /// writes a hundred thousand rows, and each array was one more allocation a row.
    static func writeRow(_ task: LabelTask, _ annotation: ImportedAnnotation?, options: InterchangeOptions, into output: inout String) {
        func cell(_ text: String, first: Bool = false) {
            if !first { output += "," }
            CSVTable.write(text, delimiter: ",", into: &output)
        }
        cell(task.id, first: true)
        cell(task.text)
        if let annotation {
            cell(annotation.skipReason == nil ? annotation.answer.labels.joined(separator: options.csvLabelSeparator) : "")
            cell(annotation.annotator)
            cell(annotation.createdAt.map(ISODate.write) ?? "")
            cell(annotation.secondsOnTask.map { JSONValue.double($0).canonicalText } ?? "")
            cell(annotation.skipReason ?? "")
            cell(annotation.flag ?? "")
        } else {
            output += ",,,,,,"
        }
        cell(task.marking.rawValue)
        cell(String(task.priority))
        cell(task.meta ?? "")
        output += "\r\n"
    }
}
