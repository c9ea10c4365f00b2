/// Why a file cannot be imported (or records cannot be exported), and where.
///
/// Line-based formats name the line, JSON documents the path to the value; the problem
/// says what is wrong and how to fix it, as one sentence for a person.
public struct InterchangeError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Location: Equatable, Sendable {
        /// Counting from 1, blank lines included, as an editor shows them.
        case line(Int)
        /// `$[3].annotations[0].result[1].value.start`
        case path(String)
        /// The file as a whole (or, on export, the records).
        case file
    }

    public var fileName: String
    public var location: Location
    public var problem: String

    public init(fileName: String, location: Location, problem: String) {
        self.fileName = fileName
        self.location = location
        self.problem = problem
    }

    /// `tasks.jsonl:7: "text" is missing; ...` or `export.json: $[3].data.text: ...`
    public var description: String {
        switch location {
        case .line(let line): "\(fileName):\(line): \(problem)"
        case .path(let path): "\(fileName): \(path): \(problem)"
        case .file: "\(fileName): \(problem)"
        }
    }
}

/// A problem found inside a reader, before it knows the file name.
struct Problem: Error {
    /// The JSON path, for JSON formats; nil where the line says enough.
    var path: String?
    var text: String

    init(_ text: String, at path: String? = nil) {
        self.text = text
        self.path = path
    }
}

extension Problem {
    /// The sentence for a line-based JSON format: a nested member's path first
    /// (`$.annotations[0].created_at: ...`); a top-level member names itself already.
    var lineText: String {
        guard let path, path.dropFirst(2).contains(where: { $0 == "." || $0 == "[" }) else { return text }
        return "\(path): \(text)"
    }
}
