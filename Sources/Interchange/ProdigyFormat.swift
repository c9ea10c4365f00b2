import Domain
import Foundation

/// Prodigy's JSONL: `text`, `spans`, `tokens`, `answer` and the `_`-named members
/// Prodigy adds.
///
/// Offsets are Unicode code points, the same as ours. A line with an `answer` is an
/// annotation: `accept` gives its spans (spans projects) or its labels (`accept`, the
/// chosen option ids, or `label`, classification); `reject` and `ignore` read as skips
/// ("Rejected in Prodigy", "Ignored in Prodigy"), the spans of a rejected line dropped.
/// A line without an answer is a task to annotate, its spans a model's prediction.
/// `_annotator_id` is the annotator, `_timestamp` (Unix seconds) the time; `tokens`
/// are kept as the record's layout. Lines with the same `id` are one task with several
/// annotations; without an `id`, one is made from the line number. Other members
/// (`_input_hash`, `_task_hash`, `_view_id`...) are read past: Prodigy's hashes are its
/// own and are not written; Prodigy keeps the `id` LabelDesk writes.
public enum ProdigyFormat: TaskFormat {
    public static let name = "prodigy"
    public static let summary = "Prodigy JSONL: text, spans, tokens, answer accept/reject/ignore; entity spans and classification"

    static let skipReasons = ["reject": "Rejected in Prodigy", "ignore": "Ignored in Prodigy"]

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        guard project.kind == .spans || project.kind == .classification else {
            throw RecordChecks.wrongKind("Prodigy files hold entity spans or classification labels", project: project, fileName: fileName)
        }
        return try FileLines.withCheckedBytes(data, fileName: fileName) { bytes throws(InterchangeError) in
            let parsed = JSONLines.parse(bytes) { value, line, _ throws(Problem) in
                try record(from: value, number: line, project: project)
            }
            var records: [InterchangeRecord] = []
            var recordOfID: [String: (index: Int, line: Int)] = [:]
            for (line, item) in zip(parsed.lines, parsed.values) {
                let (record, annotation) = item
                if let (index, firstLine) = recordOfID[record.task.id] {
                    guard records[index].task.text == record.task.text else {
                        throw InterchangeError(
                            fileName: fileName, location: .line(line),
                            problem: Problem("id \"\(record.task.id)\" is on line \(firstLine) with another text; lines of one task must agree").lineText)
                    }
                    if let annotation { records[index].annotations.append(annotation) }
                } else {
                    recordOfID[record.task.id] = (records.count, line)
                    var record = record
                    if let annotation { record.annotations = [annotation] }
                    records.append(record)
                }
            }
            if let (line, problem) = parsed.failure {
                throw InterchangeError(fileName: fileName, location: .line(line), problem: problem.lineText)
            }
            return records
        }
    }

    static func record(from value: JSONValue, number: Int, project: Project) throws(Problem) -> (InterchangeRecord, ImportedAnnotation?) {
        let fields = try JSONFields(value, path: "$", what: "each line")
        let text = try fields.requiredString("text", hint: "every line needs a \"text\" string")
        let id = try fields.string("id") ?? RecordChecks.madeID(projectID: project.id, number: number)
        let meta = try fields.objectText("meta")
        let textLength = RecordChecks.scalarLength(text)

        var spans: [EntitySpan] = []
        for (index, item) in (try fields.array("spans") ?? []).enumerated() {
            let span = try JSONFields(item, path: fields.at("spans") + "[\(index)]", what: "a span")
            guard let start = try span.integer("start"), let end = try span.integer("end") else {
                throw Problem("a span needs whole-number \"start\" and \"end\" (code points)", at: span.at("start"))
            }
            spans.append(EntitySpan(start: start, end: end, label: try span.requiredString("label", hint: "every span names its label")))
        }
        var layout: TokenLayout?
        if let items = try fields.array("tokens") {
            var tokens: [TextToken] = []
            for (index, item) in items.enumerated() {
                let token = try JSONFields(item, path: fields.at("tokens") + "[\(index)]", what: "a token")
                guard let start = try token.integer("start"), let end = try token.integer("end"), start >= 0, start <= end, end <= textLength else {
                    throw Problem("a token needs \"start\" and \"end\" within the text (\(textLength) code points)", at: token.at("start"))
                }
                tokens.append(TextToken(start: start, end: end))
            }
            layout = TokenLayout(tokens: tokens)
        }
        var labels: [String] = []
        if let accepted = try fields.array("accept") {
            for (index, item) in accepted.enumerated() {
                switch item {
                case .string(let name): labels.append(name)
                case .number(let lexeme): labels.append(lexeme)
                default: throw Problem("\"accept\" holds the chosen option ids, not \(item.typeDescription)", at: fields.at("accept") + "[\(index)]")
                }
            }
        } else if let label = try fields.string("label") {
            labels = [label]
        }
        let answerGiven = project.kind == .spans ? Answer.spans(spans) : Answer.labels(labels)

        var predictions: [Prediction] = []
        var annotation: ImportedAnnotation?
        if let written = try fields.string("answer") {
            guard written == "accept" || skipReasons[written] != nil else {
                throw Problem("\"answer\" is \"accept\", \"reject\" or \"ignore\", not \"\(written)\"", at: fields.at("answer"))
            }
            let skipReason = skipReasons[written]
            let timestamp = try fields.number("_timestamp").map { Date(timeIntervalSince1970: $0) }
            let annotator = try fields.string("_annotator_id")
            let session = try fields.string("_session_id")
            annotation = ImportedAnnotation(answer: skipReason == nil ? answerGiven : .empty(project.kind), skipReason: skipReason,
                                            annotator: annotator ?? session ?? "",
                                            createdAt: timestamp)
            if let problem = RecordChecks.annotationProblem(annotation!, textLength: textLength, project: project) {
                throw Problem(problem, at: project.kind == .spans ? fields.at("spans") : fields.at("accept"))
            }
        } else if answerGiven != .empty(project.kind) {
            let prediction = Prediction(answer: answerGiven)
            if let problem = RecordChecks.predictionProblem(prediction, textLength: textLength, project: project) {
                throw Problem(problem, at: fields.at("spans"))
            }
            predictions.append(prediction)
        }
        let task = LabelTask(id: id, projectID: project.id, text: text, marking: project.defaultMarking, meta: meta, predictions: predictions)
        if let problem = RecordChecks.taskProblem(task, project: project) { throw Problem(problem) }
        return (InterchangeRecord(task: task, layout: layout), annotation)
    }

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        guard project.kind == .spans || project.kind == .classification else {
            throw RecordChecks.wrongKind("Prodigy files hold entity spans or classification labels", project: project, fileName: "export")
        }
        return try PieceWriter.write(count: records.count, bytesPerRecord: 300) { index, text in
            writeLines(records[index], project: project, into: &text)
        }
    }

    /// A record's lines: one with its prediction when it has no annotation, else one per annotation.
    ///
    /// Members written directly in sorted order, the same bytes as a sorted-keys JSON
    /// object of them (`linesAsValues` builds that, for tests to compare): building a
    /// dictionary per line cost more than the rest of an export. A line's members sort
    /// as `_annotator_id`, `_timestamp`, `accept`, `answer`, `id`, `meta`, `options`,
    /// `spans`, `text`, `tokens`; what every line of a task shares is written once.
    static func writeLines(_ record: InterchangeRecord, project: Project, into output: inout String) {
        let task = record.task
        var shared = "\"id\":"
        JSONWriter.writeQuoted(task.id, into: &shared)
        if let meta = task.meta, let value = try? JSONValue.parse(meta) {
            shared += ",\"meta\":"
            JSONWriter.write(value, into: &shared)
        }
        if project.kind == .classification {
            shared += ",\"options\":["
            for (index, label) in project.labels.enumerated() {
                shared += index == 0 ? "{\"id\":" : ",{\"id\":"
                JSONWriter.writeQuoted(label.name, into: &shared)
                shared += ",\"text\":"
                JSONWriter.writeQuoted(label.name, into: &shared)
                shared += "}"
            }
            shared += "]"
        }
        var textAndTokens = ",\"text\":"
        JSONWriter.writeQuoted(task.text, into: &textAndTokens)
        if let layout = record.layout {
            let indices = task.text.scalarIndices()
            var tokens = JSONBytes(capacity: 16 + layout.tokens.count * 48 + task.text.utf8.count)
            tokens.put(",\"tokens\":[")
            for (index, token) in layout.tokens.enumerated() {
                tokens.put(index == 0 ? "{\"end\":" : ",{\"end\":")
                tokens.put(token.end)
                tokens.put(",\"id\":")
                tokens.put(index)
                tokens.put(",\"start\":")
                tokens.put(token.start)
                tokens.put(",\"text\":")
                tokens.putQuoted(task.text[indices[token.start]..<indices[token.end]])
                tokens.put("}")
            }
            tokens.put("]")
            textAndTokens += tokens.text
        }
        /// One line: `leading` members (those sorting before `accept`), the answer's
        /// `accept` or `spans`, the `answer` word, then what the task's lines share.
        func line(leading: String, answerWord: String?, answer: Answer?) {
            output += "{"
            output += leading
            var wroteMember = !leading.isEmpty
            if case .labels(let labels)? = answer {
                output += wroteMember ? ",\"accept\":[" : "\"accept\":["
                for (index, label) in labels.enumerated() {
                    if index > 0 { output += "," }
                    JSONWriter.writeQuoted(label, into: &output)
                }
                output += "]"
                wroteMember = true
            }
            if let answerWord {
                output += wroteMember ? ",\"answer\":\"" : "\"answer\":\""
                output += answerWord
                output += "\""
                wroteMember = true
            }
            if wroteMember { output += "," }
            output += shared
            if case .spans(let spans)? = answer {
                output += ",\"spans\":["
                for (index, span) in spans.enumerated() {
                    output += index == 0 ? "{\"end\":" : ",{\"end\":"
                    output += String(span.end)
                    output += ",\"label\":"
                    JSONWriter.writeQuoted(span.label, into: &output)
                    output += ",\"start\":"
                    output += String(span.start)
                    if let tokens = record.layout?.tokens, let first = tokens.firstIndex(where: { $0.start == span.start }),
                       let last = tokens.firstIndex(where: { $0.end == span.end }) {
                        output += ",\"token_end\":"
                        output += String(last)
                        output += ",\"token_start\":"
                        output += String(first)
                    }
                    output += "}"
                }
                output += "]"
            }
            output += textAndTokens
            output += "}\n"
        }
        if record.annotations.isEmpty {
            line(leading: "", answerWord: nil, answer: task.predictions.first?.answer)
        }
        for annotation in record.annotations {
            var leading = ""
            if !annotation.annotator.isEmpty {
                leading += "\"_annotator_id\":"
                JSONWriter.writeQuoted(annotation.annotator, into: &leading)
            }
            if let createdAt = annotation.createdAt {
                if !leading.isEmpty { leading += "," }
                leading += "\"_timestamp\":"
                JSONWriter.write(.double(createdAt.timeIntervalSince1970.rounded()), into: &leading)
            }
            if let skipReason = annotation.skipReason {
                line(leading: leading, answerWord: skipReason == skipReasons["ignore"] ? "ignore" : "reject", answer: nil)
            } else {
                line(leading: leading, answerWord: "accept", answer: annotation.answer)
            }
        }
    }

    /// The lines `writeLines` writes, as sorted-keys JSON objects built member by member:
    /// what the direct writer is held to, byte for byte, in tests.
    static func linesAsValues(_ record: InterchangeRecord, project: Project) -> [JSONValue] {
        var base: [String: JSONValue] = ["id": .string(record.task.id), "text": .string(record.task.text)]
        if let meta = record.task.meta, let value = try? JSONValue.parse(meta) { base["meta"] = value }
        if let layout = record.layout {
            let indices = record.task.text.scalarIndices()
            base["tokens"] = .array(layout.tokens.enumerated().map { index, token in
                .object(["end": .integer(token.end), "id": .integer(index), "start": .integer(token.start),
                         "text": .string(String(record.task.text[indices[token.start]..<indices[token.end]]))])
            })
        }
        if project.kind == .classification {
            base["options"] = .array(project.labels.map { .object(["id": .string($0.name), "text": .string($0.name)]) })
        }
        func put(_ answer: Answer, into members: inout [String: JSONValue]) {
            switch answer {
            case .spans(let spans):
                members["spans"] = .array(spans.map { span in
                    var fields: [String: JSONValue] = ["start": .integer(span.start), "end": .integer(span.end), "label": .string(span.label)]
                    if let tokens = record.layout?.tokens, let first = tokens.firstIndex(where: { $0.start == span.start }),
                       let last = tokens.firstIndex(where: { $0.end == span.end }) {
                        fields["token_start"] = .integer(first)
                        fields["token_end"] = .integer(last)
                    }
                    return .object(fields)
                })
            case .labels(let labels): members["accept"] = .array(labels.map(JSONValue.string))
            default: break
            }
        }
        var lines: [JSONValue] = []
        if record.annotations.isEmpty {
            var members = base
            if let prediction = record.task.predictions.first { put(prediction.answer, into: &members) }
            lines.append(.object(members))
        }
        for annotation in record.annotations {
            var members = base
            if let skipReason = annotation.skipReason {
                members["answer"] = .string(skipReason == skipReasons["ignore"] ? "ignore" : "reject")
            } else {
                members["answer"] = .string("accept")
                put(annotation.answer, into: &members)
            }
            if !annotation.annotator.isEmpty { members["_annotator_id"] = .string(annotation.annotator) }
            if let createdAt = annotation.createdAt { members["_timestamp"] = .double(createdAt.timeIntervalSince1970.rounded()) }
            lines.append(.object(members))
        }
        return lines
    }
}
