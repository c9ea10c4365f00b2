import Domain
import Foundation

/// A line of a task file that cannot be imported, and why.
public struct TaskFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var fileName: String
    /// Counting from 1, blank lines included, as an editor shows them.
    public var line: Int
    public var problem: String

    public init(fileName: String, line: Int, problem: String) {
        self.fileName = fileName
        self.line = line
        self.problem = problem
    }

    /// `tasks.jsonl:7: "text" is missing; every line needs a "text" string`
    public var description: String { "\(fileName):\(line): \(problem)" }
}

/// Reads a JSONL task file: one JSON object per line.
///
/// Each line holds `text` (a non-empty string, required) and may hold `id` (a string;
/// when missing, `<project id>-<line number, 6 digits>` is made, stable across re-reads
/// of the same file), `marking` (as people write it; the project's default when
/// missing), `priority` (a whole number, 0 when missing) and `meta` (an object, stored as
/// sorted-keys JSON). Blank lines are skipped. Any other field is refused rather than
/// silently dropped. The first bad line stops the read, so the caller imports nothing.
public enum TaskFileParser {
    static let fields: Set<String> = ["id", "text", "marking", "priority", "meta"]

    public static func parse(contents: String, fileName: String, project: Project) throws -> [LabelTask] {
        try parse(contents: Data(contents.utf8), fileName: fileName, project: project)
    }

    public static func parse(contents: Data, fileName: String, project: Project) throws -> [LabelTask] {
        try contents.withUnsafeBytes { raw in
            try parse(bytes: raw.bindMemory(to: UInt8.self), fileName: fileName, project: project)
        }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, fileName: String, project: Project) throws -> [LabelTask] {
        try checkUTF8(bytes, fileName: fileName)
        var tasks: [LabelTask] = []
        var lineOfID: [String: Int] = [:]
        var markings = MarkingReader()
        var lineNumber = 0
        var lineStart = 0
        // A byte-order mark is not part of the first line's JSON.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = 3 }
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let nextStart = lineEnd + 1
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            lineStart = nextStart
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }

            func failure(_ problem: String) -> TaskFileError {
                TaskFileError(fileName: fileName, line: lineNumber, problem: problem)
            }
            let value: JSONValue
            do {
                value = try JSONValue.parse(utf8: line)
            } catch {
                throw failure("not valid JSON (\(error.problem) at column \(error.column))")
            }
            do {
                let task = try task(from: value, lineNumber: lineNumber, project: project, markings: &markings)
                if let firstLine = lineOfID.updateValue(lineNumber, forKey: task.id) {
                    throw LineProblem("id \"\(task.id)\" is already used on line \(firstLine); every task needs its own id")
                }
                tasks.append(task)
            } catch let problem as LineProblem {
                throw failure(problem.text)
            }
        }
        return tasks
    }

    /// Reads markings, remembering each spelling: a file spells them a few ways at most,
    /// and `Marking(text:)` is slow enough to matter at a hundred thousand lines.
    struct MarkingReader {
        var known: [String: Marking] = [:]

        mutating func marking(_ written: String) -> Marking? {
            if let marking = known[written] { return marking }
            guard let marking = Marking(text: written) else { return nil }
            known[written] = marking
            return marking
        }
    }

    struct LineProblem: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    static func task(from value: JSONValue, lineNumber: Int, project: Project, markings: inout MarkingReader) throws -> LabelTask {
        guard case .object(let fields) = value else {
            throw LineProblem("each line must be a JSON object like {\"text\": \"...\"}, not \(value.typeDescription)")
        }
        if let unknown = fields.keys.filter({ !Self.fields.contains($0) }).sorted().first {
            throw LineProblem(
                "unknown field \"\(unknown)\"; a line may hold \"id\", \"text\", \"marking\", \"priority\" and \"meta\"")
        }
        func present(_ key: String) -> JSONValue? {
            guard let value = fields[key], value != .null else { return nil }
            return value
        }

        guard let textValue = present("text") else { throw LineProblem("\"text\" is missing; every line needs a \"text\" string") }
        guard case .string(let text) = textValue else {
            throw LineProblem("\"text\" must be a string, not \(textValue.typeDescription)")
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw LineProblem("\"text\" is empty; every task needs some text to label")
        }

        let id: String
        if let idValue = present("id") {
            guard case .string(let given) = idValue else {
                throw LineProblem("\"id\" must be a string, not \(idValue.typeDescription)")
            }
            guard !given.allSatisfy(\.isWhitespace) else {
                throw LineProblem("\"id\" is empty; give a name or leave \"id\" out to have one made")
            }
            id = given
        } else {
            id = madeID(projectID: project.id, lineNumber: lineNumber)
        }

        var marking = project.defaultMarking
        if let markingValue = present("marking") {
            guard case .string(let written) = markingValue else {
                throw LineProblem("\"marking\" must be a string, not \(markingValue.typeDescription)")
            }
            guard let read = markings.marking(written) else {
                throw LineProblem("marking \"\(written)\" is not one of \(Marking.acceptedSpellings)")
            }
            marking = read
        }

        var priority = 0
        if let priorityValue = present("priority") {
            guard case .number(let lexeme) = priorityValue else {
                throw LineProblem("\"priority\" must be a whole number, not \(priorityValue.typeDescription)")
            }
            guard let whole = Int(lexeme) else {
                if lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                    throw LineProblem("\"priority\" must be a whole number, not \(lexeme)")
                }
                throw LineProblem("\"priority\" \(lexeme) is too large")
            }
            priority = whole
        }

        var meta: String?
        if let metaValue = present("meta") {
            guard case .object = metaValue else {
                throw LineProblem("\"meta\" must be an object, not \(metaValue.typeDescription)")
            }
            meta = metaValue.canonicalText
        }

        return LabelTask(id: id, projectID: project.id, text: text, marking: marking, priority: priority, meta: meta)
    }

    /// `sentiment-000123` for line 123 of a file imported into `sentiment`.
    static func madeID(projectID: String, lineNumber: Int) -> String {
        let digits = String(lineNumber)
        return projectID + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Refuses a file that is not UTF-8, naming the first line that is not.
    static func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws {
        if String(validating: bytes, as: UTF8.self) != nil { return }
        var lineNumber = 1
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            if String(validating: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self) == nil {
                break
            }
            lineNumber += 1
            lineStart = index + 1
        }
        throw TaskFileError(fileName: fileName, line: lineNumber, problem: "not valid UTF-8; save the file as UTF-8")
    }
}
