import Domain
import Foundation

/// A course's `course.conf`: what it is, who takes it, what passing it needs and gives.
///
/// A small file of `name: value` lines a trainer writes by hand, so every mistake can be
/// named by its line:
///
/// ```
/// # Lines starting with '#' are comments.
/// title: Sentiment labeling
/// audience: labeler
/// prerequisites: labeldesk-basics
/// pass mark: 80%
/// attempts: 3
/// retry wait: 10m
/// qualifies: sentiment
/// lesson: lessons/01-what-sentiment-is.md
/// lesson: lessons/02-negation.md | lessons/02-negation-b.md
/// quiz: quiz.gift
/// feedback: after each question
/// practice: practice/project.json practice/tasks.jsonl
/// remediate label negative: lessons/02-negation.md
/// remediate error missed: lessons/03-spans.md
/// ```
///
/// `lesson` lines are taken in order; two files joined by `|` are variants of one lesson
/// (each person is shown one, chosen at random, and the training report compares them).
/// `remediate` maps a label (or entity type, class) or an error class (`GoldErrorClass`'s
/// words) to the lesson assigned, with a retest, when a person's gold accuracy on it
/// falls below the project's threshold.
public struct CourseManifest: Codable, Equatable, Sendable {
    /// The course folder's name: what people type (`course show sentiment`).
    public var id: String
    public var title: String
    /// Who the course is for (default: labelers).
    public var audience: [Role]
    /// Courses to pass before this one opens.
    public var prerequisites: [String]
    /// The share of the marks that passes, 0...1 (default 0.8).
    public var passMark: Double
    /// Attempts allowed; nil is as many as wanted.
    public var attemptsAllowed: Int?
    /// Seconds to wait after a failed attempt before the next (default 0).
    public var retryWaitSeconds: Int
    /// Projects whose queues stay locked for a person until they pass this course.
    public var qualifies: [String]
    public var lessons: [LessonEntry]
    /// The GIFT file of the quiz, relative to the course folder.
    public var quiz: String?
    /// When the quiz and practice show feedback, explanations and the key.
    public var feedback: Feedback
    public var practice: PracticeEntry?
    public var remediation: [Remediation]
    /// The line each setting is given on, by its name (`"quiz"`, `"prerequisites"`), for
    /// problems found after parsing (a file missing, a course unknown).
    public var lines: [String: Int] = [:]

    public enum Feedback: String, Codable, CaseIterable, Sendable {
        /// Each answer's feedback (and a practice task's explanation and key) as soon as it is given.
        case afterEachQuestion = "after each question"
        /// All of it once the attempt is finished.
        case atTheEnd = "at the end"
        /// Only the mark.
        case none
    }

    public struct LessonEntry: Codable, Equatable, Hashable, Sendable {
        /// The Markdown file, relative to the course folder; the lesson's id.
        public var file: String
        /// A second version of the same lesson, for comparing which works better.
        public var variant: String?
        public var line: Int

        public init(file: String, variant: String? = nil, line: Int) {
            self.file = file
            self.variant = variant
            self.line = line
        }
    }

    public struct PracticeEntry: Codable, Equatable, Sendable {
        /// A project file (`labeldesk project create --file`'s format): the kind and schema.
        public var project: String
        /// Tasks in LabelDesk JSONL; each line's `ground_truth` annotation is its key and
        /// its `meta.explanation` what is shown once it is answered.
        public var tasks: String
        public var line: Int

        public init(project: String, tasks: String, line: Int) {
            self.project = project
            self.tasks = tasks
            self.line = line
        }
    }

    public struct Remediation: Codable, Equatable, Hashable, Sendable {
        public enum Trigger: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
            /// A label, entity type or class the person gets wrong.
            case label(String)
            case errorClass(GoldErrorClass)

            /// As a trainer writes it after "remediate": `label "negative"`, `error "boundary"`.
            public var description: String {
                switch self {
                case .label(let name): "label \"\(name)\""
                case .errorClass(let errorClass): "error \"\(errorClass.rawValue)\""
                }
            }
        }

        public var trigger: Trigger
        /// The lesson's file (one of `lessons`).
        public var lesson: String
        public var line: Int

        public init(trigger: Trigger, lesson: String, line: Int) {
            self.trigger = trigger
            self.lesson = lesson
            self.line = line
        }
    }

    public init(
        id: String, title: String, audience: [Role] = [.labeler], prerequisites: [String] = [], passMark: Double = 0.8,
        attemptsAllowed: Int? = nil, retryWaitSeconds: Int = 0, qualifies: [String] = [], lessons: [LessonEntry] = [],
        quiz: String? = nil, feedback: Feedback = .afterEachQuestion, practice: PracticeEntry? = nil, remediation: [Remediation] = []
    ) {
        self.id = id
        self.title = title
        self.audience = audience
        self.prerequisites = prerequisites
        self.passMark = passMark
        self.attemptsAllowed = attemptsAllowed
        self.retryWaitSeconds = retryWaitSeconds
        self.qualifies = qualifies
        self.lessons = lessons
        self.quiz = quiz
        self.feedback = feedback
        self.practice = practice
        self.remediation = remediation
    }

    /// Whether the course has anything to answer: a quiz or practice tasks. Without
    /// either, an attempt has no marks and never passes.
    public var hasAssessment: Bool { quiz != nil || practice != nil }

    /// Every file the manifest names, in the order it names them.
    public var namedFiles: [String] {
        lessons.flatMap { [$0.file] + ($0.variant.map { [$0] } ?? []) } + (quiz.map { [$0] } ?? [])
            + (practice.map { [$0.project, $0.tasks] } ?? [])
    }
}

extension CourseManifest {
    static let names = [
        "title", "audience", "prerequisites", "pass mark", "attempts", "retry wait", "qualifies", "lesson", "quiz", "feedback", "practice",
        "remediate label NAME", "remediate error CLASS",
    ]

    /// Reads `course.conf`; every problem is collected with its line, and a manifest is
    /// given only when there are none.
    ///
    /// - Parameters:
    ///   - id: the course folder's name.
    ///   - file: the manifest's path as problems name it.
    public static func parse(_ text: String, id: String, file: String) -> (manifest: CourseManifest?, problems: [CourseProblem]) {
        var problems: [CourseProblem] = []
        func problem(_ line: Int, _ text: String) { problems.append(CourseProblem(file: file, line: line, problem: text)) }
        if let idProblem = courseIDProblem(id) { problems.append(CourseProblem(file: file, problem: idProblem)) }

        var manifest = CourseManifest(id: id, title: "")
        var seen: [String: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let colon = line.firstIndex(of: ":") else {
                problem(number, "\"\(line)\" is not a \"name: value\" line; write it like \"title: Sentiment labeling\", or start it with # to make it a comment")
                continue
            }
            // Setting names are read without regard to case; a remediated label keeps its own.
            let writtenName = line[..<colon].trimmingCharacters(in: .whitespaces)
            let name = writtenName.lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let repeatable = name == "lesson" || name.hasPrefix("remediate ")
            if !repeatable, let first = seen[name] {
                problem(number, "\"\(name)\" is already given on line \(first); give it once")
                continue
            }
            seen[name] = seen[name] ?? number
            manifest.lines[name] = manifest.lines[name] ?? number
            switch name {
            case "title":
                if value.isEmpty { problem(number, "the title is empty; give the title people see, like \"title: Sentiment labeling\"") }
                manifest.title = value
            case "audience":
                var roles: [Role] = []
                for word in list(value) {
                    guard let role = Role(rawValue: word) else {
                        problem(number, "\"\(word)\" is not a role; the audience is one or more of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                        continue
                    }
                    roles.append(role)
                }
                if roles.isEmpty, list(value).isEmpty { problem(number, "the audience is empty; name who takes the course, like \"audience: labeler\"") }
                manifest.audience = roles
            case "prerequisites":
                manifest.prerequisites = list(value)
                if manifest.prerequisites.isEmpty {
                    problem(number, "the prerequisites line names no course; name the course folders to pass first, like \"prerequisites: labeldesk-basics\", or take the line out")
                }
                for course in manifest.prerequisites where course == id {
                    problem(number, "the course names itself as a prerequisite; take \"\(course)\" out of the list")
                }
                for course in repeated(manifest.prerequisites) {
                    problem(number, "the prerequisite \"\(course)\" is named twice; name it once")
                }
            case "pass mark":
                guard let mark = percentage(value) else {
                    problem(number, "the pass mark \"\(value)\" is not a share of the marks; write it like \"pass mark: 80%\"")
                    continue
                }
                manifest.passMark = mark
            case "attempts":
                if value == "unlimited" || value == "any" {
                    manifest.attemptsAllowed = nil
                } else if let count = Int(value), count >= 1 {
                    manifest.attemptsAllowed = count
                } else {
                    problem(number, "attempts \"\(value)\" is not a whole number of at least 1; write it like \"attempts: 3\", or \"attempts: unlimited\"")
                }
            case "retry wait":
                guard let seconds = duration(value) else {
                    problem(number, "the retry wait \"\(value)\" is not a time; write it like \"retry wait: 90s\", \"10m\", \"2h\" or \"1d\"")
                    continue
                }
                manifest.retryWaitSeconds = seconds
            case "qualifies":
                manifest.qualifies = list(value)
                if manifest.qualifies.isEmpty {
                    problem(number, "qualifies names no project; name the projects whose queues open once the course is passed, like \"qualifies: sentiment\", or take the line out")
                }
                for project in repeated(manifest.qualifies) {
                    problem(number, "the project \"\(project)\" is named twice; name it once")
                }
            case "lesson":
                let files = value.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard files.count <= 2, let first = files.first, !first.isEmpty, files.allSatisfy({ !$0.isEmpty }) else {
                    problem(number, "a lesson line names one Markdown file, or two joined by | for two versions, like \"lesson: lessons/02.md | lessons/02-b.md\"")
                    continue
                }
                if files.count == 2, files[0] == files[1] {
                    problem(number, "a lesson's two versions are the same file \"\(first)\"; name a second file, or give the lesson one")
                    continue
                }
                for file in files {
                    if let earlier = manifest.lessons.first(where: { $0.file == file || $0.variant == file }) {
                        problem(number, "\"\(file)\" is already a lesson on line \(earlier.line); each lesson file is named once")
                    }
                }
                manifest.lessons.append(LessonEntry(file: first, variant: files.count == 2 ? files[1] : nil, line: number))
            case "quiz":
                guard !value.isEmpty else { problem(number, "the quiz is empty; name its GIFT file, like \"quiz: quiz.gift\""); continue }
                manifest.quiz = value
            case "feedback":
                guard let feedback = Feedback(rawValue: value.lowercased()) else {
                    problem(number, "feedback \"\(value)\" is not a choice; write one of \(Feedback.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
                    continue
                }
                manifest.feedback = feedback
            case "practice":
                let files = value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard files.count == 2 else {
                    problem(number, "practice names a project file and a task file, like \"practice: practice/project.json practice/tasks.jsonl\"")
                    continue
                }
                manifest.practice = PracticeEntry(project: files[0], tasks: files[1], line: number)
            default:
                if let remediation = remediation(name: writtenName, value: value, line: number, problem: problem) {
                    if let earlier = manifest.remediation.first(where: { $0.trigger == remediation.trigger }) {
                        problem(number, "\(remediation.trigger) is already remediated on line \(earlier.line); map each label or error class to one lesson")
                    }
                    manifest.remediation.append(remediation)
                } else if !name.hasPrefix("remediate") {
                    problem(number, "\"\(name)\" is not a course setting; a course.conf may give \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
                }
            }
        }
        if seen["title"] == nil { problems.append(CourseProblem(file: file, line: 1, problem: "the course has no title; add a line like \"title: Sentiment labeling\"")) }
        if manifest.lessons.isEmpty, manifest.quiz == nil, manifest.practice == nil {
            problems.append(CourseProblem(file: file, line: 1, problem: "the course has no lessons, quiz or practice; add a \"lesson:\", \"quiz:\" or \"practice:\" line"))
        }
        let lessonFiles = Set(manifest.lessons.flatMap { [$0.file] + ($0.variant.map { [$0] } ?? []) })
        for remediation in manifest.remediation where !lessonFiles.contains(remediation.lesson) {
            problem(remediation.line, "\"\(remediation.lesson)\" is not one of the course's lessons; add a \"lesson: \(remediation.lesson)\" line or name a lesson the course has")
        }
        // An attempt with nothing to answer never passes: such a course can qualify no
        // one and retest no one.
        if !manifest.hasAssessment {
            if let line = manifest.lines["qualifies"], !manifest.qualifies.isEmpty {
                problem(line, "the course qualifies for \(manifest.qualifies.joined(separator: ", ")) but has no quiz or practice, so no one can pass it; add a \"quiz:\" or \"practice:\" line")
            }
            if let first = manifest.remediation.first {
                problem(first.line, "remediation assigns a lesson and a retest, but the course has no quiz or practice to retest with; add a \"quiz:\" or \"practice:\" line")
            }
        }
        return (problems.isEmpty ? manifest : nil, problems)
    }

    /// What is wrong with a folder name as a course id, if anything.
    public static func courseIDProblem(_ id: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard !id.isEmpty, id.count <= 48, id.allSatisfy({ allowed.contains($0) }) else {
            return "the folder name \"\(id)\" is the course's id, so it may hold only lower-case letters, digits, '-' and '_' (1 to 48); rename the folder"
        }
        return nil
    }

    /// A `remediate label NAME` or `remediate error CLASS` line; `name` as written, so a
    /// label keeps its case (labels are matched exactly), while the words around it and
    /// error classes are read in any case.
    private static func remediation(name: String, value: String, line: Int, problem: (Int, String) -> Void) -> Remediation? {
        let usage = "a remediation line is like \"remediate label negative: lessons/02.md\" or \"remediate error missed: lessons/03.md\""
        guard name.lowercased().hasPrefix("remediate") else { return nil }
        let words = name.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard words.count == 3, words[0].lowercased() == "remediate", !value.isEmpty else { problem(line, usage); return nil }
        let subject = words[2].trimmingCharacters(in: .whitespaces)
        switch words[1].lowercased() {
        case "label":
            return Remediation(trigger: .label(subject), lesson: value, line: line)
        case "error":
            guard let errorClass = GoldErrorClass(rawValue: subject.lowercased()) else {
                problem(line, "\"\(subject)\" is not an error class; use one of \(GoldErrorClass.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
                return nil
            }
            return Remediation(trigger: .errorClass(errorClass), lesson: value, line: line)
        default:
            problem(line, usage)
            return nil
        }
    }

    /// The items named more than once, each once, in the order first repeated.
    static func repeated(_ items: [String]) -> [String] {
        var seen: Set<String> = [], repeated: [String] = []
        for item in items where !seen.insert(item).inserted && !repeated.contains(item) { repeated.append(item) }
        return repeated
    }

    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "80%", "80" or "0.8" as a share 0...1.
    static func percentage(_ value: String) -> Double? {
        let text = value.hasSuffix("%") ? String(value.dropLast()).trimmingCharacters(in: .whitespaces) : value
        guard let number = Double(text), number.isFinite, number >= 0 else { return nil }
        let share = value.hasSuffix("%") || number > 1 ? number / 100 : number
        return share <= 1 ? share : nil
    }

    /// "90s", "10m", "2h", "1d" or a plain number of seconds.
    public static func duration(_ value: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        if let count = Int(value), count >= 0 { return count }
        guard let unit = value.last, let scale = units[unit], let count = Int(value.dropLast().trimmingCharacters(in: .whitespaces)), count >= 0 else {
            return nil
        }
        return count * scale
    }
}
