/// Why a GIFT file cannot be read, and where.
///
/// Moodle stops an import at the first file with a parse error, so the parser throws
/// the first problem it meets: the line it is on, what is wrong and how to fix it, as
/// one sentence for the person who wrote the quiz.
public struct GIFTError: Error, Equatable, Sendable, CustomStringConvertible {
    public var fileName: String
    /// Counting from 1, blank lines included, as an editor shows them.
    public var line: Int
    public var problem: String

    public init(fileName: String, line: Int, problem: String) {
        self.fileName = fileName
        self.line = line
        self.problem = problem
    }

    /// `quiz.gift:12: the answers open with { ...`
    public var description: String { "\(fileName):\(line): \(problem)" }
}
