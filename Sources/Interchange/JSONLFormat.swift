import Domain
import Foundation

/// LabelDesk's own JSONL: one task a line, with everything the record holds.
///
/// A line holds `text` (required) and may hold `id` (made as `<project>-<line, 6
/// digits>` when missing), `marking`, `priority`, `meta` (an object), `responses` (two
/// strings, comparison), `predictions` (`[{model, score, answer}]`), `annotations`
/// (`[{answer, skip_reason, annotator, created_at, seconds_on_task, flag,
/// prediction_accepted, ground_truth}]`) and `tokens` (`[[start, end], ...]`, scalar
/// offsets) and, for geospatial kinds, `image` (the chip: `{"media", "bytes", "scene",
/// "chip", "focus"}` as `TaskImage.json` writes it; `text` may then be left out). A
/// chip list names the image by its file instead (`"image": "tiles/a.tif"`, relative to
/// the list's folder) with an optional `window` (`[x, y, width, height]`, the part to
/// label, in that file's pixels); its shapes are in the file's pixels too, and
/// `labeldesk import` cuts and stores the chip (`ImageSource`). Answers
/// are written as `Answer.json` writes them (`{"labels": [...]}`, `{"shapes": [...]}`).
/// A line of the older task file (only `id`, `text`, `marking`, `priority`, `meta`)
/// reads as it always did. What this format writes, it reads back to equal records;
/// CoNLL's spelling of tags and separators is CoNLL's own and is not carried.
public enum JSONLFormat: TaskFormat {
    public static let name = "jsonl"
    public static let summary = "LabelDesk JSONL: one task a line with predictions and annotations; every kind"

    /// Searched in order rather than hashed: a line's few keys each compare with these
    /// faster than they hash.
    static let fields: [String] = ["id", "text", "marking", "priority", "meta", "responses", "predictions", "annotations", "tokens", "image", "window"]
    static let annotationFields: Set<String> = [
        "answer", "skip_reason", "annotator", "created_at", "seconds_on_task", "flag", "prediction_accepted", "ground_truth",
    ]

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        try FileLines.withCheckedBytes(data, fileName: fileName) { bytes throws(InterchangeError) in
            let parsed = JSONLines.parse(bytes) { value, line, markings throws(Problem) in
                try record(from: value, number: line, project: project, markings: &markings)
            }
            var lineOfID: [String: Int] = [:]
            lineOfID.reserveCapacity(parsed.values.count)
            try checkIDs(zip(parsed.lines, parsed.values.lazy.map(\.task.id)), failure: parsed.failure, lineOfID: &lineOfID, fileName: fileName)
            return parsed.values
        }
    }

    /// Ids given twice are left to the consumer (see `TaskFormat.readPieces`): each
    /// piece hands on its records' lines.
    public static func readPieces<Piece: Sendable>(
        _ data: Data, fileName: String, project: Project, options: InterchangeOptions,
        prepare: @escaping @Sendable (_ records: [InterchangeRecord], _ place: FilePiece) -> Piece,
        consume: (_ piece: Piece, _ place: FilePiece) throws -> Void
    ) throws {
        try FileLines.withBytes(data) { bytes in
            let shared = JSONLines.readPieces(bytes)
            let places = shared.places(in: bytes)
            try PieceWork.inOrder(count: places.count, make: { index in
                let piece = shared.pieces[index]
                var place = places[index]
                if let line = FileLines.lineNotUTF8(in: piece) {
                    return ReadPiece(place: place, failure: (line, Problem(FileLines.notUTF8Problem)), prepared: prepare([], place))
                }
                let parsed = JSONLines.parsePiece(piece.bytes, firstLine: piece.firstLine) { value, line, markings throws(Problem) in
                    try record(from: value, number: line, project: project, markings: &markings)
                }
                place.lines = parsed.lines
                return ReadPiece(place: place, failure: parsed.failure, prepared: prepare(parsed.values, place))
            }, consume: { read in
                // The records before a bad line go in first: an id among them given twice
                // is the earlier problem.
                try consume(read.prepared, read.place)
                if let (line, problem) = read.failure {
                    throw InterchangeError(fileName: fileName, location: .line(line), problem: problem.lineText)
                }
            })
        }
    }

    /// A piece as read off the consuming thread: where it lies, its first bad line, and
    /// what the caller made of its records.
    private struct ReadPiece<Prepared: Sendable>: Sendable {
        var place: FilePiece
        var failure: (line: Int, problem: Problem)?
        var prepared: Prepared
    }

    /// Throws for the first id used twice, among these lines and those before (in
    /// `lineOfID`), then for the piece's bad line: the order a reading from the top finds them.
    private static func checkIDs(
        _ ids: some Sequence<(Int, String)>, failure: (line: Int, problem: Problem)?, lineOfID: inout [String: Int], fileName: String
    ) throws(InterchangeError) {
        for (line, id) in ids {
            if let firstLine = lineOfID.updateValue(line, forKey: id) {
                throw Formats.idUsedTwice(id, fileName: fileName, line: line, firstLine: firstLine)
            }
        }
        if let (line, problem) = failure {
            throw InterchangeError(fileName: fileName, location: .line(line), problem: problem.lineText)
        }
    }

    static func record(from value: JSONValue, number: Int, project: Project, markings: inout MarkingReader) throws(Problem) -> InterchangeRecord {
        guard case .object = value else {
            throw Problem("each line must be a JSON object like {\"text\": \"...\"}, not \(value.typeDescription)")
        }
        let fields = try JSONFields(value, path: "$", what: "a line")
        if let unknown = fields.firstUnknown(Self.fields) {
            throw Problem("unknown field \"\(unknown)\"; a line may hold \"id\", \"text\", \"marking\", \"priority\", \"meta\", \"responses\", \"predictions\", \"annotations\", \"tokens\", \"image\" and \"window\"")
        }
        var image: TaskImage?
        var source: ImageSource?
        if case .string(let path)? = fields.present("image") {
            source = try imageSource(path, fields: fields, line: number)
        } else if let value = fields.present("image") {
            do throws(Answer.Unreadable) { image = try TaskImage(json: value) } catch { throw Problem(error.description, at: fields.at("image")) }
        }
        if source == nil, fields.present("window") != nil {
            throw Problem("\"window\" is the part of an image file to label; it goes with \"image\" naming the file, like {\"image\": \"tiles/a.tif\", \"window\": [0, 0, 512, 512]}")
        }
        // A chip is the whole task of a geospatial kind: its text is an optional note.
        guard let text = try fields.string("text") ?? (project.kind.isGeospatial ? "" : nil) else {
            throw Problem("\"text\" is missing; every line needs a \"text\" string")
        }
        let id: String
        if let given = try fields.string("id") {
            guard !given.isAllWhitespace else { throw Problem("\"id\" is empty; give a name or leave \"id\" out to have one made") }
            id = given
        } else {
            id = RecordChecks.madeID(projectID: project.id, number: number)
        }
        var marking = project.defaultMarking
        if let written = try fields.string("marking") {
            guard let read = markings.marking(written) else { throw Problem("marking \"\(written)\" is not one of \(Marking.acceptedSpellings)") }
            marking = read
        }
        let priority: Int
        do throws(Problem) { priority = try fields.integer("priority") ?? 0 } catch {
            if case .number(let lexeme)? = fields.present("priority"), !lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                throw Problem("\"priority\" \(lexeme) is too large")
            }
            throw Problem(error.text)
        }
        let meta = try fields.objectText("meta")
        var responses: [String] = []
        if let items = try fields.array("responses") {
            for (index, item) in items.enumerated() {
                guard case .string(let response) = item else {
                    throw Problem("response \(index + 1) must be a string, not \(item.typeDescription)", at: "$.responses[\(index)]")
                }
                responses.append(response)
            }
        }
        var predictions: [Prediction] = []
        for (index, item) in (try fields.array("predictions") ?? []).enumerated() {
            let path = "$.predictions[\(index)]"
            let prediction: Prediction
            do throws(Answer.Unreadable) { prediction = try Prediction(json: item) } catch { throw Problem(error.description, at: path) }
            predictions.append(prediction)
        }
        let task = LabelTask(id: id, projectID: project.id, text: text, marking: marking, priority: priority, meta: meta,
                             responses: responses, predictions: predictions, image: image)
        if let problem = RecordChecks.taskProblem(task, project: project, imageNamed: source != nil) { throw Problem(problem) }
        // Counted once, and only when something is measured against the text: most
        // lines have nothing that is.
        var counted: Int?
        func textLength() -> Int {
            if let counted { return counted }
            let length = RecordChecks.scalarLength(text)
            counted = length
            return length
        }
        let chip = image.map(ChipSize.init)
        for (index, prediction) in predictions.enumerated() {
            if let problem = RecordChecks.predictionProblem(prediction, textLength: textLength(), project: project, chip: chip) {
                throw Problem(problem, at: "$.predictions[\(index)]")
            }
        }
        var annotations: [ImportedAnnotation] = []
        for (index, item) in (try fields.array("annotations") ?? []).enumerated() {
            let path = "$.annotations[\(index)]"
            let annotation = try self.annotation(from: item, path: path, project: project)
            if let problem = RecordChecks.annotationProblem(annotation, textLength: textLength(), project: project, chip: chip) {
                throw Problem(problem, at: path)
            }
            annotations.append(annotation)
        }
        var layout: TokenLayout?
        if let items = try fields.array("tokens") {
            var tokens: [TextToken] = []
            tokens.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                guard case .array(let pair) = item, pair.count == 2, let start = pair[0].intValue, let end = pair[1].intValue,
                      start >= 0, start <= end, end <= textLength()
                else {
                    throw Problem("a token is [start, end] in characters of the text, start before end, within the text", at: "$.tokens[\(index)]")
                }
                tokens.append(TextToken(start: start, end: end))
            }
            layout = TokenLayout(tokens: tokens)
        }
        return InterchangeRecord(task: task, annotations: annotations, layout: layout, imageSource: source)
    }

    /// A chip list's image: the file's path and the optional window to label in it.
    static func imageSource(_ path: String, fields: JSONFields, line: Int) throws(Problem) -> ImageSource {
        guard !path.allSatisfy(\.isWhitespace) else {
            throw Problem("\"image\" is empty; name the image file (relative to this file's folder) or give the stored chip's object", at: fields.at("image"))
        }
        guard let value = fields.present("window") else { return ImageSource(path: path, line: line) }
        let numbers = value.arrayValue?.compactMap(\.intValue) ?? []
        guard value.arrayValue?.count == 4, numbers.count == 4, numbers[0] >= 0, numbers[1] >= 0, numbers[2] > 0, numbers[3] > 0 else {
            throw Problem("\"window\" must be [x, y, width, height] in whole pixels of the image, x and y 0 or more, width and height above 0", at: fields.at("window"))
        }
        return ImageSource(path: path, window: PixelWindow(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3]), line: line)
    }

    static func annotation(from value: JSONValue, path: String, project: Project) throws(Problem) -> ImportedAnnotation {
        let fields = try JSONFields(value, path: path, what: "an annotation")
        try fields.refuseUnknown(annotationFields, listing: "an annotation may hold \(annotationFields.sorted().map { "\"\($0)\"" }.joined(separator: ", "))")
        let skipReason = try fields.string("skip_reason")
        let answer: Answer
        if let answerValue = fields.present("answer") {
            do throws(Answer.Unreadable) { answer = try Answer(json: answerValue) } catch { throw Problem(error.description, at: fields.at("answer")) }
        } else if skipReason != nil {
            answer = .empty(project.kind)
        } else {
            throw Problem("\"answer\" is missing; an annotation needs an answer or a \"skip_reason\"", at: fields.at("answer"))
        }
        return ImportedAnnotation(
            answer: answer, skipReason: skipReason,
            annotator: try fields.requiredString("annotator", hint: "say who made the annotation"),
            createdAt: try fields.date("created_at"), secondsOnTask: try fields.number("seconds_on_task"),
            flag: try fields.string("flag"), predictionAccepted: try fields.bool("prediction_accepted"),
            isGroundTruth: try fields.bool("ground_truth") ?? false)
    }

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        try PieceWriter.write(count: records.count, bytesPerRecord: 320) { index, text in
            writeLine(records[index], into: &text)
            text += "\n"
        }
    }

    /// One line, members in sorted order written directly: the same bytes as
    /// `line(for:)`'s canonical text without building a dictionary per record.
    static func writeLine(_ record: InterchangeRecord, into output: inout String) {
        let task = record.task
        output += "{"
        if !record.annotations.isEmpty {
            output += "\"annotations\":["
            for (index, annotation) in record.annotations.enumerated() {
                if index > 0 { output += "," }
                writeAnnotation(annotation, into: &output)
            }
            output += "],"
        }
        output += "\"id\":"
        JSONWriter.writeQuoted(task.id, into: &output)
        if let image = task.image {
            output += ",\"image\":"
            JSONWriter.write(image.json, into: &output)
        }
        output += ",\"marking\":"
        JSONWriter.writeQuoted(task.marking.rawValue, into: &output)
        if let meta = task.meta, let value = try? JSONValue.parse(meta) {
            output += ",\"meta\":"
            JSONWriter.write(value, into: &output)
        }
        if !task.predictions.isEmpty {
            output += ",\"predictions\":"
            output += "["
            for (index, prediction) in task.predictions.enumerated() {
                if index > 0 { output += "," }
                output += "{\"answer\":"
                writeAnswer(prediction.answer, into: &output)
                if let model = prediction.model {
                    output += ",\"model\":"
                    JSONWriter.writeQuoted(model, into: &output)
                }
                if let score = prediction.score {
                    output += ",\"score\":"
                    JSONWriter.write(.double(score), into: &output)
                }
                output += "}"
            }
            output += "]"
        }
        if task.priority != 0 {
            output += ",\"priority\":"
            output += String(task.priority)
        }
        if !task.responses.isEmpty {
            output += ",\"responses\":"
            JSONWriter.write(.array(task.responses.map(JSONValue.string)), into: &output)
        }
        output += ",\"text\":"
        JSONWriter.writeQuoted(task.text, into: &output)
        if let layout = record.layout {
            output += ",\"tokens\":["
            for (index, token) in layout.tokens.enumerated() {
                output += index == 0 ? "[" : ",["
                output += String(token.start)
                output += ","
                output += String(token.end)
                output += "]"
            }
            output += "]"
        }
        output += "}"
    }

    static func writeAnnotation(_ annotation: ImportedAnnotation, into output: inout String) {
        output += "{\"annotator\":"
        JSONWriter.writeQuoted(annotation.annotator, into: &output)
        if annotation.skipReason == nil {
            output += ",\"answer\":"
            writeAnswer(annotation.answer, into: &output)
        }
        if let createdAt = annotation.createdAt {
            output += ",\"created_at\":\""
            output += ISODate.write(createdAt)
            output += "\""
        }
        if let flag = annotation.flag {
            output += ",\"flag\":"
            JSONWriter.writeQuoted(flag, into: &output)
        }
        if annotation.isGroundTruth { output += ",\"ground_truth\":true" }
        if let accepted = annotation.predictionAccepted { output += accepted ? ",\"prediction_accepted\":true" : ",\"prediction_accepted\":false" }
        if let seconds = annotation.secondsOnTask {
            output += ",\"seconds_on_task\":"
            JSONWriter.write(.double(seconds), into: &output)
        }
        if let skipReason = annotation.skipReason {
            output += ",\"skip_reason\":"
            JSONWriter.writeQuoted(skipReason, into: &output)
        }
        output += "}"
    }

    /// `Answer.json`'s canonical text, labels and spans written directly.
    static func writeAnswer(_ answer: Answer, into output: inout String) {
        switch answer {
        case .labels(let names):
            output += "{\"labels\":["
            for (index, name) in names.enumerated() {
                if index > 0 { output += "," }
                JSONWriter.writeQuoted(name, into: &output)
            }
            output += "]}"
        case .spans(let spans):
            output += "{\"spans\":["
            for (index, span) in spans.enumerated() {
                output += index == 0 ? "{\"end\":" : ",{\"end\":"
                output += String(span.end)
                output += ",\"label\":"
                JSONWriter.writeQuoted(span.label, into: &output)
                output += ",\"start\":"
                output += String(span.start)
                output += "}"
            }
            output += "]}"
        default:
            JSONWriter.write(answer.json, into: &output)
        }
    }

    /// The line as a JSON value: what `writeLine` writes, for tests to compare against.
    static func line(for record: InterchangeRecord) -> JSONValue {
        let task = record.task
        var members: [String: JSONValue] = ["id": .string(task.id), "text": .string(task.text), "marking": .string(task.marking.rawValue)]
        if task.priority != 0 { members["priority"] = .integer(task.priority) }
        if let meta = task.meta, let value = try? JSONValue.parse(meta) { members["meta"] = value }
        if !task.responses.isEmpty { members["responses"] = .array(task.responses.map(JSONValue.string)) }
        if !task.predictions.isEmpty { members["predictions"] = .array(task.predictions.map(\.json)) }
        if let image = task.image { members["image"] = image.json }
        if !record.annotations.isEmpty { members["annotations"] = .array(record.annotations.map(json)) }
        if let layout = record.layout {
            members["tokens"] = .array(layout.tokens.map { .array([.integer($0.start), .integer($0.end)]) })
        }
        return .object(members)
    }

    static func json(_ annotation: ImportedAnnotation) -> JSONValue {
        var members: [String: JSONValue] = ["annotator": .string(annotation.annotator)]
        if let skipReason = annotation.skipReason {
            members["skip_reason"] = .string(skipReason)
        } else {
            members["answer"] = annotation.answer.json
        }
        if let createdAt = annotation.createdAt { members["created_at"] = .string(ISODate.write(createdAt)) }
        if let seconds = annotation.secondsOnTask { members["seconds_on_task"] = .double(seconds) }
        if let flag = annotation.flag { members["flag"] = .string(flag) }
        if let accepted = annotation.predictionAccepted { members["prediction_accepted"] = .bool(accepted) }
        if annotation.isGroundTruth { members["ground_truth"] = .bool(true) }
        return .object(members)
    }
}
