import Domain
import Foundation

/// Label Studio's JSON export (and import): an array of tasks with `data`, `annotations`
/// and `predictions`.
///
/// The text is `data.text` (or `InterchangeOptions.labelStudioTextKey`, or else the
/// member the results' `to_name` names, as `$uri`). A comparison task holds its prompt in
/// `data.prompt` and its two responses in `data.answer_a` and `data.answer_b`. Other
/// members of `data`, and the task's `meta`, travel in the task's meta (the former under
/// `labelstudio_data`) and are written back where they came from; `data.marking` and
/// `data.priority`, when present, are the task's marking and priority.
///
/// Results by kind: classification `choices` (`value.choices`); spans `labels`
/// (`value.start`/`end` in UTF-16 code units, converted exactly to and from scalar
/// offsets, and `value.text` checked against the text); free text `textarea`
/// (`value.text`, lines joined by `\n`); comparison `pairwise` (`value.selected`
/// `left` = the first response, `right` = the second; no pairwise result is a tie),
/// `rating` (`from_name` the dimension, `to_name` `answer_a` or `answer_b`; from_name
/// `strength` is the preference's strength) and `textarea` (the rationale). Image
/// regions (`rectanglelabels`, `polygonlabels`...) are refused with a sentence until the
/// geospatial kinds come. `was_cancelled` reads as a skip ("Skipped in Label Studio"),
/// `ground_truth` marks gold, `completed_by` is kept as the email (an object) or the
/// number, `lead_time` is the seconds on the task.
///
/// Export writes the same shape (see `task(_:project:options:)`, which tests compare
/// the direct writer against) with `from_name` `label` and `to_name` `text`. What
/// Label Studio has no place for (skip reasons, flags, whether a prediction was accepted,
/// which side a response was shown on) is not written.
public enum LabelStudioFormat: TaskFormat {
    public static let name = "labelstudio"
    public static let summary = "Label Studio JSON export: tasks with data, annotations and predictions; every text kind"

    static let skipReason = "Skipped in Label Studio"
    static let imageResultTypes: Set<String> = [
        "rectanglelabels", "polygonlabels", "rectangle", "polygon", "keypointlabels", "keypoint", "brushlabels", "brush",
        "ellipselabels", "ellipse",
    ]

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        if project.kind.isGeospatial { throw RecordChecks.wrongKind("Label Studio files are read for text kinds", project: project, fileName: fileName) }
        return try FileLines.withCheckedBytes(data, fileName: fileName) { bytes throws(InterchangeError) in
            do throws(Problem) {
                var start = 0
                if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
                let document: JSONValue
                do throws(JSONSyntaxError) { document = try JSONValue.parse(utf8: UnsafeBufferPointer(rebasing: bytes[start...])) } catch {
                    throw Problem("not valid JSON (\(error.problem) at character \(error.column))")
                }
                guard case .array(let items) = document else {
                    throw Problem("a Label Studio export is a JSON array of tasks, not \(document.typeDescription)", at: "$")
                }
                var records: [InterchangeRecord] = []
                records.reserveCapacity(items.count)
                var pathOfID: [String: String] = [:]
                var markings = MarkingReader()
                for (index, item) in items.enumerated() {
                    let path = "$[\(index)]"
                    let record = try self.record(from: item, index: index, path: path, project: project, options: options, markings: &markings)
                    if let first = pathOfID.updateValue(path, forKey: record.task.id) {
                        throw Problem("id \"\(record.task.id)\" is already used at \(first); every task needs its own id", at: path + ".id")
                    }
                    records.append(record)
                }
                return records
            } catch {
                throw InterchangeError(fileName: fileName, location: error.path.map { .path($0) } ?? .file, problem: error.text)
            }
        }
    }

    static func record(
        from value: JSONValue, index: Int, path: String, project: Project, options: InterchangeOptions, markings: inout MarkingReader
    ) throws(Problem) -> InterchangeRecord {
        let fields = try JSONFields(value, path: path, what: "a task")
        let id: String
        switch fields.present("id") {
        case .number(let lexeme)?: id = lexeme
        case .string(let text)?: id = text
        case nil: id = RecordChecks.madeID(projectID: project.id, number: index + 1)
        case let other?: throw Problem("\"id\" must be a number or a string, not \(other.typeDescription)", at: fields.at("id"))
        }
        guard let dataValue = fields.present("data") else {
            throw Problem("\"data\" is missing; a Label Studio task holds its text in \"data\"", at: fields.at("data"))
        }
        let data = try JSONFields(dataValue, path: fields.at("data"), what: "\"data\"")
        let annotationItems = try fields.array("annotations") ?? []
        let predictionItems = try fields.array("predictions") ?? []

        var carriedTextKey = "prompt"
        let text: String
        var responses: [String] = []
        if project.kind == .comparison {
            text = try data.requiredString("prompt", hint: "a comparison task holds its prompt in data.prompt")
            for key in ["answer_a", "answer_b"] {
                responses.append(try data.requiredString(key, hint: "a comparison task holds its two responses in data.answer_a and data.answer_b"))
            }
        } else {
            let key = options.labelStudioTextKey ?? textKey(data: data, results: annotationItems, predictionItems)
            text = try data.requiredString(key, hint: "name the member of \"data\" that holds the text")
            carriedTextKey = key
        }
        var marking = project.defaultMarking
        if let written = try data.string("marking") {
            guard let read = markings.marking(written) else {
                throw Problem("marking \"\(written)\" is not one of \(Marking.acceptedSpellings)", at: data.at("marking"))
            }
            marking = read
        }
        let priority = try data.integer("priority") ?? 0

        var metaMembers: [String: JSONValue] = [:]
        if let metaValue = fields.present("meta") {
            guard case .object(let members) = metaValue else {
                throw Problem("\"meta\" must be an object, not \(metaValue.typeDescription)", at: fields.at("meta"))
            }
            metaMembers = members
        }
        // Checked without a set per task: most tasks hold only their text.
        let isCarried = { (key: String) -> Bool in
            key == carriedTextKey || key == "marking" || key == "priority" || (project.kind == .comparison && (key == "answer_a" || key == "answer_b"))
        }
        if data.members.keys.contains(where: { !isCarried($0) }) {
            metaMembers["labelstudio_data"] = .object(data.members.filter { !isCarried($0.key) })
        }
        let meta = metaMembers.isEmpty ? nil : JSONValue.object(metaMembers).text

        let textLength = RecordChecks.scalarLength(text)
        var offsets: TextOffsets?
        var predictions: [Prediction] = []
        for (number, item) in predictionItems.enumerated() {
            let predictionPath = fields.at("predictions") + "[\(number)]"
            let prediction = try JSONFields(item, path: predictionPath, what: "a prediction")
            let results = try prediction.array("result") ?? []
            if results.isEmpty { continue }
            let answer = try self.answer(from: results, path: prediction.at("result"), text: text, offsets: &offsets, project: project)
            let modelVersion: String?
            switch prediction.present("model_version") {
            case .string(let name)?: modelVersion = name
            case .number(let lexeme)?: modelVersion = lexeme
            default: modelVersion = nil
            }
            let read = Prediction(model: modelVersion, score: try prediction.number("score"), answer: answer)
            if let problem = RecordChecks.predictionProblem(read, textLength: textLength, project: project) { throw Problem(problem, at: predictionPath) }
            predictions.append(read)
        }
        let task = LabelTask(id: id, projectID: project.id, text: text, marking: marking, priority: priority, meta: meta,
                             responses: responses, predictions: predictions)
        if let problem = RecordChecks.taskProblem(task, project: project) { throw Problem(problem, at: fields.at("data")) }

        var annotations: [ImportedAnnotation] = []
        for (number, item) in annotationItems.enumerated() {
            let annotationPath = fields.at("annotations") + "[\(number)]"
            let annotation = try JSONFields(item, path: annotationPath, what: "an annotation")
            let cancelled = try annotation.bool("was_cancelled") ?? false
            let results = try annotation.array("result") ?? []
            let answer = cancelled
                ? Answer.empty(project.kind)
                : try self.answer(from: results, path: annotation.at("result"), text: text, offsets: &offsets, project: project)
            let read = ImportedAnnotation(
                answer: answer, skipReason: cancelled ? skipReason : nil, annotator: try annotator(annotation),
                createdAt: try annotation.date("created_at"), secondsOnTask: try annotation.number("lead_time"),
                isGroundTruth: try annotation.bool("ground_truth") ?? false)
            if let problem = RecordChecks.annotationProblem(read, textLength: textLength, project: project) {
                throw Problem(problem, at: annotation.at("result"))
            }
            annotations.append(read)
        }
        return InterchangeRecord(task: task, annotations: annotations)
    }

    /// `text` when data has it; else the member a result's `to_name` names (`$uri`).
    static func textKey(data: JSONFields, results annotations: [JSONValue], _ predictions: [JSONValue]) -> String {
        if data.members["text"] != nil { return "text" }
        for holder in annotations + predictions {
            for result in holder["result"]?.arrayValue ?? [] {
                if var target = result["to_name"]?.stringValue {
                    if target.hasPrefix("$") { target.removeFirst() }
                    if case .string? = data.members[target] { return target }
                }
            }
        }
        return "text"
    }

    static func annotator(_ annotation: JSONFields) throws(Problem) -> String {
        switch annotation.present("completed_by") {
        case nil: return ""
        case .number(let lexeme)?: return lexeme
        case .string(let name)?: return name
        case .object(let members)?:
            if case .string(let email)? = members["email"], !email.isEmpty { return email }
            if case .number(let lexeme)? = members["id"] { return lexeme }
            throw Problem("\"completed_by\" names nobody; give an \"email\" or an \"id\"", at: annotation.at("completed_by"))
        case let other?:
            throw Problem("\"completed_by\" must be a user id, an email or a user object, not \(other.typeDescription)", at: annotation.at("completed_by"))
        }
    }

    /// The answer a list of results says, in the project's kind.
    static func answer(from results: [JSONValue], path: String, text: String, offsets: inout TextOffsets?, project: Project) throws(Problem) -> Answer {
        var labels: [String] = []
        var spans: [EntitySpan] = []
        var written: [String] = []
        var preference = ComparisonAnswer.Preference.tie
        var strength: Int?
        var ratingsA: [String: Int] = [:]
        var ratingsB: [String: Int] = [:]
        for (number, item) in results.enumerated() {
            let result = try JSONFields(item, path: path + "[\(number)]", what: "a result")
            let type = try result.requiredString("type", hint: "every result names its \"type\" (choices, labels, textarea, rating, pairwise)")
            if imageResultTypes.contains(type) {
                throw Problem("result type \"\(type)\" is an image region; image kinds come with the geospatial work, so export this project's text results only", at: result.at("type"))
            }
            let expected: Set<String>
            switch project.kind {
            case .classification: expected = ["choices"]
            case .spans: expected = ["labels"]
            case .freeText: expected = ["textarea"]
            case .comparison: expected = ["pairwise", "rating", "textarea"]
            // Image regions were refused above: geo work comes in as GeoJSON or COCO.
            case .geoBox, .geoPolygon: expected = []
            }
            guard expected.contains(type) else {
                let known: Set<String> = ["choices", "labels", "textarea", "rating", "pairwise"]
                if !known.contains(type) {
                    throw Problem("result type \"\(type)\" is not read; LabelDesk reads choices, labels, textarea, rating and pairwise", at: result.at("type"))
                }
                throw Problem("a \"\(type)\" result does not fit project \"\(project.id)\", a \(project.kind.title) project, which takes \(expected.sorted().joined(separator: ", "))", at: result.at("type"))
            }
            guard let valueMember = result.present("value") else {
                throw Problem("\"value\" is missing; every result holds what was chosen in \"value\"", at: result.at("value"))
            }
            let value = try JSONFields(valueMember, path: result.at("value"), what: "\"value\"")
            switch type {
            case "choices":
                for choice in try strings(value, "choices") where !labels.contains(choice) { labels.append(choice) }
            case "labels":
                if offsets == nil { offsets = TextOffsets(text) }
                guard let start = try value.integer("start"), let end = try value.integer("end") else {
                    throw Problem("a labels result needs whole-number \"start\" and \"end\"", at: value.at("start"))
                }
                guard let scalarStart = offsets!.scalarOffset(ofUTF16: start) else {
                    throw Problem("start \(start) is not a character boundary of the text (\(offsets!.utf16Count) UTF-16 code units); Label Studio counts UTF-16 code units", at: value.at("start"))
                }
                guard let scalarEnd = offsets!.scalarOffset(ofUTF16: end) else {
                    throw Problem("end \(end) is not a character boundary of the text (\(offsets!.utf16Count) UTF-16 code units); Label Studio counts UTF-16 code units", at: value.at("end"))
                }
                if let quoted = try value.string("text") {
                    let cut = EntitySpan(start: scalarStart, end: scalarEnd, label: "").text(in: text)
                    if cut != quoted {
                        throw Problem("\"text\" \"\(quoted)\" is not the text at \(start)-\(end) (\"\(cut)\"); the offsets must count UTF-16 code units of data's text", at: value.at("text"))
                    }
                }
                for label in try strings(value, "labels") {
                    spans.append(EntitySpan(start: scalarStart, end: scalarEnd, label: label))
                }
            case "textarea":
                let lines: [String]
                if case .string(let single)? = value.present("text") { lines = [single] } else { lines = try strings(value, "text") }
                written.append(lines.joined(separator: "\n"))
            case "rating":
                guard let rating = try value.integer("rating") else {
                    throw Problem("a rating result needs a whole-number \"rating\"", at: value.at("rating"))
                }
                let dimension = try result.requiredString("from_name", hint: "a rating's from_name names its dimension")
                if dimension == "strength" {
                    strength = rating
                    continue
                }
                switch try result.string("to_name") {
                case "answer_a": ratingsA[dimension] = rating
                case "answer_b": ratingsB[dimension] = rating
                default:
                    throw Problem("a rating's \"to_name\" is \"answer_a\" or \"answer_b\": the response it rates", at: result.at("to_name"))
                }
            case "pairwise":
                switch try value.string("selected") {
                case "left": preference = .a
                case "right": preference = .b
                default: throw Problem("\"selected\" is \"left\" (the first response) or \"right\" (the second)", at: value.at("selected"))
                }
            default:
                break
            }
        }
        switch project.kind {
        case .classification: return .labels(labels)
        case .spans: return .spans(spans)
        case .freeText: return .text(written.joined(separator: "\n"))
        case .geoBox, .geoPolygon: return .empty(project.kind)
        case .comparison:
            return .comparison(ComparisonAnswer(preference: preference, strength: strength, ratingsA: ratingsA, ratingsB: ratingsB,
                                                rationale: written.joined(separator: "\n")))
        case .geoBox, .geoPolygon:
            return .empty(project.kind)
        }
    }

    static func strings(_ value: JSONFields, _ key: String) throws(Problem) -> [String] {
        guard let items = try value.array(key) else { throw Problem("\"\(key)\" is missing; it is a list of strings", at: value.at(key)) }
        var names: [String] = []
        names.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .string(let name) = item else {
                throw Problem("\"\(key)\" must hold strings; item \(index + 1) is \(item.typeDescription)", at: value.at(key) + "[\(index)]")
            }
            names.append(name)
        }
        return names
    }

    // MARK: Writing

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        if project.kind.isGeospatial { throw RecordChecks.wrongKind("Label Studio files are written for text kinds", project: project, fileName: "export") }
        return try PieceWriter.write(count: records.count, bytesPerRecord: 400, head: "[", tail: records.isEmpty ? "]\n" : "\n]\n") { index, text in
            text += index == 0 ? "\n" : ",\n"
            writeTask(records[index], project: project, options: options, into: &text)
        }
    }

    static func task(_ record: InterchangeRecord, project: Project, options: InterchangeOptions) -> JSONValue {
        let task = record.task
        var data: [String: JSONValue] = [:]
        var meta: [String: JSONValue] = [:]
        if let text = task.meta, case .object(let members)? = try? JSONValue.parse(text) {
            meta = members
            if case .object(let extras)? = meta.removeValue(forKey: "labelstudio_data") { data = extras }
        }
        if project.kind == .comparison {
            data["prompt"] = .string(task.text)
            data["answer_a"] = .string(task.responses.first ?? "")
            data["answer_b"] = .string(task.responses.count > 1 ? task.responses[1] : "")
        } else {
            data[options.labelStudioTextKey ?? "text"] = .string(task.text)
        }
        if task.marking != project.defaultMarking { data["marking"] = .string(task.marking.rawValue) }
        if task.priority != 0 { data["priority"] = .integer(task.priority) }
        let offsets = project.kind == .spans ? TextOffsets(task.text) : nil
        var members: [String: JSONValue] = [
            "id": Int(task.id) != nil ? .number(task.id) : .string(task.id),
            "data": .object(data),
            "annotations": .array(record.annotations.map { annotation in
                var fields: [String: JSONValue] = [
                    "completed_by": completedBy(annotation.annotator),
                    "result": .array(annotation.skipReason == nil ? results(annotation.answer, text: task.text, offsets: offsets) : []),
                    "was_cancelled": .bool(annotation.skipReason != nil),
                    "ground_truth": .bool(annotation.isGroundTruth),
                ]
                if let createdAt = annotation.createdAt { fields["created_at"] = .string(ISODate.write(createdAt)) }
                if let seconds = annotation.secondsOnTask { fields["lead_time"] = .double(seconds) }
                return .object(fields)
            }),
            "predictions": .array(task.predictions.map { prediction in
                var fields: [String: JSONValue] = ["result": .array(results(prediction.answer, text: task.text, offsets: offsets))]
                if let model = prediction.model { fields["model_version"] = .string(model) }
                if let score = prediction.score { fields["score"] = .double(score) }
                return .object(fields)
            }),
        ]
        if !meta.isEmpty { members["meta"] = .object(meta) }
        return .object(members)
    }

    /// What `task(_:project:options:)` gives, written directly in sorted-key order: an
    /// export of a hundred thousand tasks builds no dictionary per annotation.
    static func writeTask(_ record: InterchangeRecord, project: Project, options: InterchangeOptions, into output: inout String) {
        let task = record.task
        var data: [String: JSONValue] = [:]
        var meta: [String: JSONValue] = [:]
        if let text = task.meta, case .object(let members)? = try? JSONValue.parse(text) {
            meta = members
            if case .object(let extras)? = meta.removeValue(forKey: "labelstudio_data") { data = extras }
        }
        if project.kind == .comparison {
            data["prompt"] = .string(task.text)
            data["answer_a"] = .string(task.responses.first ?? "")
            data["answer_b"] = .string(task.responses.count > 1 ? task.responses[1] : "")
        } else {
            data[options.labelStudioTextKey ?? "text"] = .string(task.text)
        }
        if task.marking != project.defaultMarking { data["marking"] = .string(task.marking.rawValue) }
        if task.priority != 0 { data["priority"] = .integer(task.priority) }
        var cut: SpanCutter?
        output += "{\"annotations\":["
        for (index, annotation) in record.annotations.enumerated() {
            if index > 0 { output += "," }
            output += "{\"completed_by\":"
            JSONWriter.write(completedBy(annotation.annotator), into: &output)
            if let createdAt = annotation.createdAt {
                output += ",\"created_at\":\""
                output += ISODate.write(createdAt)
                output += "\""
            }
            output += annotation.isGroundTruth ? ",\"ground_truth\":true" : ",\"ground_truth\":false"
            if let seconds = annotation.secondsOnTask {
                output += ",\"lead_time\":"
                JSONWriter.write(.double(seconds), into: &output)
            }
            output += ",\"result\":"
            if annotation.skipReason == nil { writeResults(annotation.answer, text: task.text, cut: &cut, into: &output) } else { output += "[]" }
            output += annotation.skipReason != nil ? ",\"was_cancelled\":true}" : ",\"was_cancelled\":false}"
        }
        output += "],\"data\":"
        JSONWriter.write(.object(data), into: &output)
        output += ",\"id\":"
        if Int(task.id) != nil { output += task.id } else { JSONWriter.writeQuoted(task.id, into: &output) }
        if !meta.isEmpty {
            output += ",\"meta\":"
            JSONWriter.write(.object(meta), into: &output)
        }
        output += ",\"predictions\":["
        for (index, prediction) in task.predictions.enumerated() {
            if index > 0 { output += "," }
            output += "{"
            if let model = prediction.model {
                output += "\"model_version\":"
                JSONWriter.writeQuoted(model, into: &output)
                output += ","
            }
            output += "\"result\":"
            writeResults(prediction.answer, text: task.text, cut: &cut, into: &output)
            if let score = prediction.score {
                output += ",\"score\":"
                JSONWriter.write(.double(score), into: &output)
            }
            output += "}"
        }
        output += "]}"
    }

    /// UTF-16 offsets and span texts of one task's text, made once for all its spans.
    struct SpanCutter {
        let offsets: TextOffsets
        let indices: [String.Index]
        let text: String

        init(_ text: String) {
            offsets = TextOffsets(text)
            indices = text.scalarIndices()
            self.text = text
        }

        func piece(_ span: EntitySpan) -> Substring {
            guard span.start >= 0, span.end < indices.count, span.start < span.end else { return "" }
            return text[indices[span.start]..<indices[span.end]]
        }
    }

    static func writeResults(_ answer: Answer, text: String, cut: inout SpanCutter?, into output: inout String) {
        switch answer {
        case .labels(let names):
            guard !names.isEmpty else {
                output += "[]"
                return
            }
            output += "[{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":["
            for (index, name) in names.enumerated() {
                if index > 0 { output += "," }
                JSONWriter.writeQuoted(name, into: &output)
            }
            output += "]}}]"
        case .spans(let spans):
            if cut == nil { cut = SpanCutter(text) }
            output += "["
            for (index, span) in spans.enumerated() {
                if index > 0 { output += "," }
                output += "{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"end\":"
                output += String(cut!.offsets.utf16Offset(ofScalar: span.end) ?? span.end)
                output += ",\"labels\":["
                JSONWriter.writeQuoted(span.label, into: &output)
                output += "],\"start\":"
                output += String(cut!.offsets.utf16Offset(ofScalar: span.start) ?? span.start)
                output += ",\"text\":"
                JSONWriter.writeQuoted(String(cut!.piece(span)), into: &output)
                output += "}}"
            }
            output += "]"
        default:
            JSONWriter.write(.array(results(answer, text: text, offsets: nil)), into: &output)
        }
    }

    /// A user id stays a number; anyone else is written as Label Studio writes a user.
    static func completedBy(_ annotator: String) -> JSONValue {
        if !annotator.isEmpty, annotator.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .number(annotator) }
        return .object(["email": .string(annotator)])
    }

    static func results(_ answer: Answer, text: String, offsets: TextOffsets?) -> [JSONValue] {
        func result(_ type: String, from: String = "label", to: String = "text", _ value: [String: JSONValue]) -> JSONValue {
            .object(["type": .string(type), "from_name": .string(from), "to_name": .string(to), "value": .object(value)])
        }
        switch answer {
        case .labels(let names):
            return names.isEmpty ? [] : [result("choices", ["choices": .array(names.map(JSONValue.string))])]
        case .spans(let spans):
            return spans.map { span in
                let offsets = offsets ?? TextOffsets(text)
                return result("labels", [
                    "start": .integer(offsets.utf16Offset(ofScalar: span.start) ?? span.start),
                    "end": .integer(offsets.utf16Offset(ofScalar: span.end) ?? span.end),
                    "text": .string(span.text(in: text)),
                    "labels": .array([.string(span.label)]),
                ])
            }
        case .text(let written):
            return [result("textarea", from: "answer", ["text": .array([.string(written)])])]
        case .comparison(let comparison):
            var items: [JSONValue] = []
            if comparison.preference != .tie {
                items.append(result("pairwise", from: "preference", to: "pairwise", ["selected": .string(comparison.preference == .a ? "left" : "right")]))
            }
            if let strength = comparison.strength {
                items.append(result("rating", from: "strength", to: "pairwise", ["rating": .integer(strength)]))
            }
            for (ratings, target) in [(comparison.ratingsA, "answer_a"), (comparison.ratingsB, "answer_b")] {
                for name in ratings.keys.sorted() {
                    items.append(result("rating", from: name, to: target, ["rating": .integer(ratings[name]!)]))
                }
            }
            if !comparison.rationale.isEmpty {
                items.append(result("textarea", from: "rationale", to: "pairwise", ["text": .array([.string(comparison.rationale)])]))
            }
            return items
        // Label Studio counts regions in percent of an image it must be given; shapes go out as GeoJSON, GeoPackage or COCO.
        case .shapes:
            return []
        }
    }
}
