import Curriculum
import Domain
import Foundation
import Hub
import Screens
import TerminalCore

/// `labeldesk bench curriculum`: checking the courses of a Training folder, reading a
/// long lesson page by page, and Moodle's item analysis over many attempts.
public enum CurriculumBenchmark {
    /// Each run's wall-clock time and the CPU time of the thread that ran it, in
    /// milliseconds. On a machine other work shares, the wall time is what a person
    /// waits and the CPU time what the work itself costs.
    public struct Timings: Sendable {
        public var wall: [Double] = []
        public var cpu: [Double] = []

        public init() {}

        /// Runs `work` once, timed.
        public mutating func time<T>(_ work: () -> T) -> T {
            let wallStart = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.threadCPUNanoseconds()
            let result = work()
            cpu.append(Double(Self.threadCPUNanoseconds() - cpuStart) / 1e6)
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e6)
            return result
        }

        static func threadCPUNanoseconds() -> UInt64 {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        }
    }

    public struct Lint: Sendable {
        public var timings: Timings
        public var courses: Int
        public var problems: Int
        public var files: Int
        public var bytes: Int
    }

    public struct LessonPages: Sendable {
        public var size: Size
        /// Laid-out lines of the whole lesson at this width.
        public var lines: Int
        /// Opening the lesson: laid out as far as the screen lays out at open (the first
        /// pages), then its first page drawn.
        public var open: Timings
        /// Turning a page: `PgDn` handled (laying out the pages ahead), then the page drawn.
        public var turn: Timings
        /// A search typed and entered on a freshly opened lesson: the rest of the lesson
        /// laid out, every line searched, the page with the first match drawn.
        public var search: Timings
    }

    /// `CourseFolder.readAll` on the folder with the hub's practice reader, `runs` times:
    /// every file read, parsed and checked, as `course lint` and the hub do.
    public static func lint(folder: URL, runs: Int) -> Lint {
        var timings = Timings()
        var last: (courses: [Course], problems: [CourseProblem]) = ([], [])
        for _ in 0..<max(1, runs) {
            last = timings.time { CourseFolder.readAll(root: folder, practice: Hub.practiceReader) }
        }
        let files = last.courses.reduce(0) { $0 + $1.package.files.count }
        let bytes = last.courses.reduce(0) { $0 + $1.package.files.values.reduce(0) { $0 + $1.count } }
        return Lint(timings: timings, courses: last.courses.count, problems: last.problems.count, files: files, bytes: bytes)
    }

    /// Every lesson (and second version) of the courses, in course order.
    public static func lessons(of courses: [Course]) -> [String] {
        courses.flatMap { course in course.lessons.flatMap { [$0.markdown] + ($0.variant.map { [$0.markdown] } ?? []) } }
    }

    /// A long lesson made of real ones: every lesson of the courses, one after another,
    /// the whole repeated `copies` times.
    public static func longLesson(from courses: [Course], copies: Int) -> String {
        Array(repeating: lessons(of: courses).joined(separator: "\n\n---\n\n"), count: max(1, copies)).joined(separator: "\n\n---\n\n")
    }

    /// Opening the lesson screen on `document` at `size` (what the screen lays out at
    /// open, and the first page drawn into a fresh buffer), `renders` times; then `renders`
    /// page turns (`PgDn`, back to the top at the end), each drawn into a fresh buffer;
    /// then `searches` searches for `query`, each on a freshly opened screen.
    public static func lessonPages(_ document: MarkdownDocument, size: Size, renders: Int, searches: Int = 20, query: String = "the") -> LessonPages {
        var open = Timings()
        var state = LessonScreen.State(title: "long lesson", document: document, size: size)
        for _ in 0..<max(1, renders) {
            state = open.time {
                let opened = LessonScreen.State(title: "long lesson", document: document, size: size)
                var buffer = Buffer(size: size)
                LessonScreen.render(opened, into: &buffer)
                return opened
            }
        }
        var turn = Timings()
        for _ in 0..<max(1, renders) {
            let key: Key = state.text.scroll >= state.text.maximumScroll && state.layout.isComplete ? .home : .pageDown
            turn.time {
                _ = LessonScreen.update(&state, .keyPressed(key))
                var buffer = Buffer(size: size)
                LessonScreen.render(state, into: &buffer)
            }
        }
        var search = Timings()
        for _ in 0..<max(1, searches) {
            var fresh = LessonScreen.State(title: "long lesson", document: document, size: size)
            _ = LessonScreen.update(&fresh, .keyPressed(.character("/")))
            for character in query { _ = LessonScreen.update(&fresh, .keyPressed(.character(character))) }
            search.time {
                _ = LessonScreen.update(&fresh, .keyPressed(.enter))
                var buffer = Buffer(size: size)
                LessonScreen.render(fresh, into: &buffer)
            }
        }
        let lines = LessonLayout.layout(document, width: LessonScreen.textWidth(for: size)).lines.count
        return LessonPages(size: size, lines: lines, open: open, turn: turn, search: search)
    }

    /// A marks table of `attempts` x `questions` (one mark each), from people of spread
    /// ability on questions of spread difficulty (a Rasch model, seeded), so every
    /// statistic has something to compute.
    public static func marks(attempts: Int, questions: Int, seed: UInt64) -> MarksTable {
        var random = SeededRandom(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        let difficulty = (0..<questions).map { _ in uniform() * 4 - 2 }
        let rows = (0..<attempts).map { index -> MarksTable.Attempt in
            let ability = (uniform() + uniform() + uniform() - 1.5) * 2
            let marks = difficulty.map { 1 / (1 + exp($0 - ability)) > uniform() ? 1.0 : 0.0 }
            return MarksTable.Attempt(id: "attempt-\(index)", marks: marks)
        }
        let columns = (0..<questions).map { MarksTable.Question(name: "q\($0)", maxMark: 1, randomGuessScore: 0.25) }
        return MarksTable(questions: columns, attempts: rows)
    }

    /// `ItemAnalysis` of the table, once to warm up, then `runs` times.
    public static func itemAnalysis(_ table: MarksTable, runs: Int) -> (timings: Timings, analysis: ItemAnalysis) {
        var timings = Timings()
        var analysis = ItemAnalysis(table)
        for _ in 0..<max(1, runs) {
            analysis = timings.time { ItemAnalysis(table) }
        }
        return (timings, analysis)
    }

    /// The one-, five- and fifteen-minute load averages, for the report's first line.
    public static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
