import Foundation

/// A project as a file people write and read: `labeldesk project create --file P.json`
/// takes it, `labeldesk project show P --json` prints it back.
///
/// The members are `Project`'s own names. Read by hand rather than by `JSONDecoder`,
/// so every mistake gets a sentence naming the member and how to put it right, and a
/// misspelt member is refused instead of silently ignored.
public enum ProjectFile {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    static let members: [String: String] = [
        "id": "a short id people type", "title": "the title labelers see", "kind": TaskKind.allCases.map(\.rawValue).joined(separator: ", "),
        "labels": "labels, entity types or classes", "allowsMultipleLabels": "true or false", "skipReasons": "a list of sentences",
        "defaultMarking": "a marking", "leaseSeconds": "a whole number of seconds", "instructions": "the question asked",
        "submitOnChoose": "true or false", "allowsOverlap": "true or false", "dimensions": "rating dimensions",
        "asksStrength": "true or false", "rationale": "{\"required\": true, \"minimumLength\": 40}",
        "minimumAnswerLength": "a whole number of characters", "answerStartsWithText": "true or false",
        "priority": "a whole number, higher offered first", "waitTargetMinutes": "a whole number of minutes",
    ]

    /// Reads a project file; throws a sentence (`P.json: "kind" ...`) for the first problem.
    public static func read(_ data: Data, fileName: String) throws(Problem) -> Project {
        guard let text = String(data: data, encoding: .utf8) else { throw Problem("\(fileName): not valid UTF-8; save the file as UTF-8") }
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw Problem("\(fileName): not valid JSON (\(error.problem) at column \(error.column))")
        }
        guard case .object(let fields) = value else { throw Problem("\(fileName): a project file is one JSON object, like {\"id\": \"topics\", \"title\": \"News topics\", ...}") }
        func problem(_ text: String) -> Problem { Problem("\(fileName): \(text)") }
        if let unknown = fields.keys.sorted().first(where: { members[$0] == nil }) {
            throw problem("unknown member \"\(unknown)\"; a project file may hold \(members.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        func string(_ key: String) throws(Problem) -> String? {
            guard let field = fields[key], field != .null else { return nil }
            guard let text = field.stringValue else { throw problem("\"\(key)\" must be a string (\(members[key] ?? "")), not \(field.typeDescription)") }
            return text
        }
        func bool(_ key: String) throws(Problem) -> Bool? {
            guard let field = fields[key], field != .null else { return nil }
            guard let flag = field.boolValue else { throw problem("\"\(key)\" must be true or false, not \(field.typeDescription)") }
            return flag
        }
        func int(_ key: String) throws(Problem) -> Int? {
            guard let field = fields[key], field != .null else { return nil }
            guard let number = field.intValue else { throw problem("\"\(key)\" must be a whole number, not \(field.typeDescription)") }
            return number
        }
        func array(_ key: String) throws(Problem) -> [JSONValue]? {
            guard let field = fields[key], field != .null else { return nil }
            guard let items = field.arrayValue else { throw problem("\"\(key)\" must be a list, not \(field.typeDescription)") }
            return items
        }

        guard let id = try string("id") else { throw problem("\"id\" is missing; give the project a short id such as \"topics\"") }
        guard let title = try string("title") else { throw problem("\"title\" is missing; give the title labelers see") }
        var kind = TaskKind.classification
        if let written = try string("kind") {
            guard let read = TaskKind(rawValue: written) else {
                throw problem("\"kind\" \"\(written)\" is not a task kind; use one of \(TaskKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = read
        }
        var labels: [LabelChoice] = []
        for (index, item) in (try array("labels") ?? []).enumerated() {
            if let name = item.stringValue {
                labels.append(LabelChoice(name: name))
                continue
            }
            guard case .object(let label) = item, let name = label["name"]?.stringValue else {
                throw problem("labels[\(index)] must be a name or an object like {\"name\": \"person\", \"key\": \"p\", \"color\": \"orange\"}")
            }
            if let unknown = label.keys.sorted().first(where: { !["name", "mnemonic", "key", "color", "hint"].contains($0) }) {
                throw problem("labels[\(index)] has unknown member \"\(unknown)\"; a label may hold \"name\", \"key\", \"color\" and \"hint\"")
            }
            labels.append(LabelChoice(
                name: name, mnemonic: label["key"]?.stringValue ?? label["mnemonic"]?.stringValue, color: label["color"]?.stringValue,
                hint: label["hint"]?.stringValue))
        }
        var dimensions: [RatingDimension] = []
        for (index, item) in (try array("dimensions") ?? []).enumerated() {
            if let name = item.stringValue {
                dimensions.append(RatingDimension(name: name))
            } else if let name = item["name"]?.stringValue {
                dimensions.append(RatingDimension(name: name, hint: item["hint"]?.stringValue))
            } else {
                throw problem("dimensions[\(index)] must be a name or an object like {\"name\": \"helpfulness\", \"hint\": \"1 useless, 7 ideal\"}")
            }
        }
        var skipReasons = Project.standardSkipReasons
        if let items = try array("skipReasons") {
            skipReasons = items.compactMap(\.stringValue)
            guard skipReasons.count == items.count else { throw problem("\"skipReasons\" must be a list of sentences") }
        }
        var marking = Marking.unclassified
        if let written = try string("defaultMarking") {
            guard let read = Marking(text: written) else {
                throw problem("\"defaultMarking\" \"\(written)\" is not a marking; use one of \(Marking.acceptedSpellings)")
            }
            marking = read
        }
        var rationale = RationaleRule()
        if let field = fields["rationale"], field != .null {
            guard case .object = field else { throw problem("\"rationale\" must be an object like \(members["rationale"]!)") }
            rationale = RationaleRule(required: field["required"]?.boolValue ?? false, minimumLength: field["minimumLength"]?.intValue ?? 0)
        }
        return Project(
            id: id, title: title, kind: kind, labels: labels, allowsMultipleLabels: try bool("allowsMultipleLabels") ?? false,
            skipReasons: skipReasons, defaultMarking: marking, leaseSeconds: try int("leaseSeconds") ?? 3600,
            instructions: try string("instructions") ?? "", submitOnChoose: try bool("submitOnChoose") ?? false,
            allowsOverlap: try bool("allowsOverlap") ?? false, dimensions: dimensions, asksStrength: try bool("asksStrength") ?? false,
            rationale: rationale, minimumAnswerLength: try int("minimumAnswerLength") ?? 0,
            answerStartsWithText: try bool("answerStartsWithText") ?? false, priority: try int("priority") ?? 0,
            waitTargetMinutes: try int("waitTargetMinutes") ?? 60)
    }

    /// The project as a file `read` takes back: sorted keys, two-space indents, only the
    /// members that apply to its kind.
    public static func text(of project: Project) -> String {
        var members: [String: JSONValue] = [
            "id": .string(project.id), "title": .string(project.title), "kind": .string(project.kind.rawValue),
            "skipReasons": .array(project.skipReasons.map(JSONValue.string)),
            "defaultMarking": .string(project.defaultMarking.rawValue), "leaseSeconds": .integer(project.leaseSeconds),
            "instructions": .string(project.instructions),
        ]
        // Written only when set, so the files of projects that never set them read as before.
        if project.priority != 0 { members["priority"] = .integer(project.priority) }
        if project.waitTargetMinutes != 60 { members["waitTargetMinutes"] = .integer(project.waitTargetMinutes) }
        func label(_ choice: LabelChoice) -> JSONValue {
            var fields: [String: JSONValue] = ["name": .string(choice.name)]
            if let key = choice.mnemonic { fields["key"] = .string(key) }
            if let color = choice.color { fields["color"] = .string(color) }
            if let hint = choice.hint { fields["hint"] = .string(hint) }
            return .object(fields)
        }
        switch project.kind {
        case .classification:
            members["labels"] = .array(project.labels.map(label))
            members["allowsMultipleLabels"] = .bool(project.allowsMultipleLabels)
            members["submitOnChoose"] = .bool(project.submitOnChoose)
        case .spans:
            members["labels"] = .array(project.labels.map(label))
            members["allowsOverlap"] = .bool(project.allowsOverlap)
        case .comparison:
            members["dimensions"] = .array(project.dimensions.map { dimension in
                var fields: [String: JSONValue] = ["name": .string(dimension.name)]
                if let hint = dimension.hint { fields["hint"] = .string(hint) }
                return .object(fields)
            })
            members["asksStrength"] = .bool(project.asksStrength)
            members["rationale"] = .object([
                "required": .bool(project.rationale.required), "minimumLength": .integer(project.rationale.minimumLength),
            ])
        case .geoBox, .geoPolygon:
            members["labels"] = .array(project.labels.map(label))
        case .freeText:
            members["minimumAnswerLength"] = .integer(project.minimumAnswerLength)
            members["answerStartsWithText"] = .bool(project.answerStartsWithText)
        }
        return pretty(.object(members), indent: "") + "\n"
    }

    static func pretty(_ value: JSONValue, indent: String) -> String {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty:
            if items.allSatisfy({ if case .object = $0 { false } else { true } }) { return value.canonicalText }
            return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let fields) where !fields.isEmpty:
            if indent.count >= 4 { return value.canonicalText }
            let keys = fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return "{\n" + keys.map { key in
                var quoted = ""
                JSONValue.writeQuoted(key, into: &quoted)
                return inner + quoted + ": " + pretty(fields[key]!, indent: inner)
            }.joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return value.canonicalText
        }
    }
}
