/// One thing wrong in a course's files, where it is and how to mend it.
///
/// `course lint` prints these as `FILE:LINE: problem`; loading a course collects them
/// all rather than stopping at the first, so a trainer fixes a folder in one pass.
public struct CourseProblem: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the folder holding the courses (`basics/course.conf`).
    public var file: String
    /// 1-based; nil when the problem is the file as a whole (missing, unreadable).
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)"
    }
}
