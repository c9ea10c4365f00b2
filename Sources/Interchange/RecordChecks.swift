import Domain
import Foundation

/// The checks every reader makes on what it read, so each format refuses the same things
/// in the same words.
enum RecordChecks {
    /// `sentiment-000123` for record 123 of a file imported into `sentiment`: the id
    /// TaskFileParser makes, stable across re-reads of the same file.
    static func madeID(projectID: String, number: Int) -> String {
        let digits = String(number)
        return projectID + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The sentence a format gives for a project of a kind it does not hold, naming the
    /// formats that do hold shapes when the project is geospatial.
    static func wrongKind(_ holds: String, project: Project, fileName: String) -> InterchangeError {
        var problem = "\(holds); project \"\(project.id)\" is a \(project.kind.title) project"
        if project.kind.isGeospatial {
            problem += ", whose shapes travel in \(Formats.shapeFormatNames): use --format \(Formats.shapeFormats.first?.name ?? "jsonl")"
        }
        return InterchangeError(fileName: fileName, location: .file, problem: problem)
    }

    /// Why a task does not fit its project's kind, if it does not. `imageNamed`: a chip
    /// list's line names its image by file, so the chip comes later, at import.
    static func taskProblem(_ task: LabelTask, project: Project, imageNamed: Bool = false) -> String? {
        if project.kind.isGeospatial {
            if task.image == nil, !imageNamed {
                return "a \(project.kind.title) task needs an \"image\": the image file to label (\"tiles/a.tif\", with an optional \"window\": [x, y, width, height]) or a stored chip ({\"media\", \"bytes\", \"scene\", \"chip\", \"focus\"})"
            }
            if !task.responses.isEmpty {
                return "only comparison tasks have responses; project \"\(project.id)\" is a \(project.kind.title) project"
            }
            return nil
        }
        if task.image != nil || imageNamed {
            return "only geospatial tasks have an \"image\"; project \"\(project.id)\" is a \(project.kind.title) project"
        }
        if task.text.isAllWhitespace {
            return project.kind == .comparison || project.kind == .freeText
                ? "the prompt is empty; every task needs a prompt"
                : "the text is empty; every task needs some text to label"
        }
        switch project.kind {
        case .comparison:
            if task.responses.count != 2 {
                return "a comparison task needs exactly 2 responses to compare; it has \(task.responses.count)"
            }
        case .classification, .spans, .freeText, .geoBox, .geoPolygon:
            if !task.responses.isEmpty {
                return "only comparison tasks have responses; project \"\(project.id)\" is a \(project.kind.title) project"
            }
        }
        return nil
    }

    /// Why an annotation does not fit its task, if it does not.
    static func annotationProblem(_ annotation: ImportedAnnotation, textLength: Int, project: Project, chip: ChipSize? = nil) -> String? {
        project.answerProblem(annotation.answer, isSkip: annotation.skipReason != nil, textLength: textLength, chip: chip)
    }

    static func predictionProblem(_ prediction: Prediction, textLength: Int, project: Project, chip: ChipSize? = nil) -> String? {
        if let score = prediction.score, !(0...1).contains(score) { return "a prediction's score is between 0 and 1, not \(score)" }
        if case .shapes(let shapes) = prediction.answer, let marked = shapes.firstIndex(where: { $0.acceptedPrediction != nil }) {
            return "shape \(marked + 1) of a prediction says it accepts a prediction (\"prediction\"); only annotations accept predicted shapes"
        }
        return project.answerProblem(prediction.answer, isSkip: false, textLength: textLength, chip: chip)
    }

    /// The length of a text in Unicode scalars, the unit of span offsets.
    static func scalarLength(_ text: String) -> Int { text.scalarCount }
}

extension String {
    /// The scalars in valid UTF-8: the bytes that begin one (a CoNLL token is counted
    /// from the file's bytes, with no string made of it).
    static func scalarCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether this is the same JSON member name as `key`, which is ASCII: equal byte for
    /// byte, as JSON compares names. The lengths first: `==` on two short strings that
    /// differ takes its slow path (it compares canonical equivalence), and most keys
    /// asked for are not in the object. For an ASCII `key` the two tests agree: text
    /// equivalent to ASCII and not itself is longer in UTF-8.
    func isJSONKey(_ key: String) -> Bool {
        utf8.count == key.utf8.count && self == key
    }

    /// Whether every character is white space (true for ""), answered from the first
    /// byte when it is ASCII and not a space, as for nearly every id and text read:
    /// asking each character cost a Unicode property lookup per record.
    public var isAllWhitespace: Bool {
        if let first = utf8.first, first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        return allSatisfy(\.isWhitespace)
    }

    /// The number of Unicode scalars: the UTF-8 bytes that start one, counted over the
    /// string's own bytes. Walking `unicodeScalars` decoded every scalar, and an import
    /// counts every task's text (and every CoNLL token) this way.
    public var scalarCount: Int {
        if let count = utf8.withContiguousStorageIfAvailable(String.scalarCount(utf8:)) { return count }
        var count = 0
        for _ in unicodeScalars { count += 1 }
        return count
    }
}

/// Reads markings, remembering each spelling: a file spells them a few ways at most,
/// and `Marking(text:)` is slow enough to matter at a hundred thousand records.
/// Searched in order, since a few short spellings compare faster than one hashes.
struct MarkingReader {
    var known: [(written: String, marking: Marking)] = []

    mutating func marking(_ written: String) -> Marking? {
        if let found = known.first(where: { $0.written == written }) { return found.marking }
        guard let marking = Marking(text: written) else { return nil }
        known.append((written, marking))
        return marking
    }
}

/// Typed reads of JSON members that say, on failure, which member and what was expected.
///
/// `path` is built by the caller only as far as it goes (`$[3].annotations[0]`); members
/// add their key when they fail, so a good file builds no path text per value.
struct JSONFields {
    let value: JSONValue
    let members: [String: JSONValue]
    let path: String

    init(_ value: JSONValue, path: String, what: String) throws(Problem) {
        guard case .object(let members) = value else {
            throw Problem("\(what) must be a JSON object, not \(value.typeDescription)", at: path)
        }
        self.value = value
        self.members = members
        self.path = path
    }

    func at(_ key: String) -> String { path + "." + key }

    /// The member, or nil when it is missing or `null`.
    func present(_ key: String) -> JSONValue? {
        guard let value = member(key) else { return nil }
        if case .null = value { return nil }
        return value
    }

    /// Most objects in a file have a handful of members: comparing a few short keys
    /// costs less than hashing the one asked for, which was a quarter of reading a line.
    private func member(_ key: String) -> JSONValue? {
        guard members.count <= 8 else {
            guard let index = members.index(forKey: key), members[index].key.isJSONKey(key) else { return nil }
            return members[index].value
        }
        for (name, value) in members where name.isJSONKey(key) { return value }
        return nil
    }

    func string(_ key: String) throws(Problem) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw Problem("\"\(key)\" must be a string, not \(value.typeDescription)", at: at(key)) }
        return text
    }

    func requiredString(_ key: String, hint: String) throws(Problem) -> String {
        guard let text = try string(key) else { throw Problem("\"\(key)\" is missing; \(hint)", at: at(key)) }
        return text
    }

    func integer(_ key: String) throws(Problem) -> Int? {
        guard let value = present(key) else { return nil }
        guard case .number(let lexeme) = value else {
            throw Problem("\"\(key)\" must be a whole number, not \(value.typeDescription)", at: at(key))
        }
        guard let whole = Int(lexeme) else { throw Problem("\"\(key)\" must be a whole number, not \(lexeme)", at: at(key)) }
        return whole
    }

    func number(_ key: String) throws(Problem) -> Double? {
        guard let value = present(key) else { return nil }
        guard case .number(let lexeme) = value, let number = Double(lexeme) else {
            throw Problem("\"\(key)\" must be a number, not \(value.typeDescription)", at: at(key))
        }
        return number
    }

    func bool(_ key: String) throws(Problem) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else { throw Problem("\"\(key)\" must be true or false, not \(value.typeDescription)", at: at(key)) }
        return flag
    }

    func array(_ key: String) throws(Problem) -> [JSONValue]? {
        guard let value = present(key) else { return nil }
        guard case .array(let items) = value else { throw Problem("\"\(key)\" must be an array, not \(value.typeDescription)", at: at(key)) }
        return items
    }

    func date(_ key: String) throws(Problem) -> Date? {
        guard let text = try string(key) else { return nil }
        guard let date = ISODate.parse(text) else {
            throw Problem("\"\(key)\" \"\(text)\" is not an ISO 8601 time; write it like 2025-03-01T09:30:00Z", at: at(key))
        }
        return date
    }

    /// A JSON object member, as sorted-keys text.
    func objectText(_ key: String) throws(Problem) -> String? {
        guard let value = present(key) else { return nil }
        guard case .object = value else { throw Problem("\"\(key)\" must be an object, not \(value.typeDescription)", at: at(key)) }
        return value.text
    }

    /// The first member, in sorted order, named by none of `known` (byte for byte).
    func firstUnknown(_ known: some Collection<String>) -> String? {
        func isKnown(_ key: String) -> Bool { known.contains { key.isJSONKey($0) } }
        // Asked of every line of a file, which nearly always holds known members only.
        guard !members.keys.allSatisfy(isKnown) else { return nil }
        return members.keys.filter { !isKnown($0) }.min()
    }

    /// Refuses a member not in `known`, naming the first in sorted order.
    func refuseUnknown(_ known: some Collection<String>, listing: @autoclosure () -> String) throws(Problem) {
        guard let first = firstUnknown(known) else { return }
        throw Problem("unknown field \"\(first)\"; \(listing())", at: at(first))
    }
}

/// Assembles an export in one reserved string.
struct OutputText {
    var text: String

    init(reserving bytes: Int) {
        text = ""
        text.reserveCapacity(bytes)
    }

    var data: Data { Data(text.utf8) }
}
