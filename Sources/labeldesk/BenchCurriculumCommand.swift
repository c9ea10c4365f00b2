import ArgumentParser
import Curriculum
import Foundation
import Hub
import TerminalCore
import Workstation

struct BenchCurriculumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curriculum",
        abstract: "Measure lint of the Training folder, a long lesson's pages, and item analysis.",
        discussion: """
            Lint: every course of DIR (default: the Training folder LabelDesk ships with) read and checked as \
            `course lint` reads it, --lint-runs times. Lesson pages: every lesson of those courses one after another, \
            --copies times over, parsed once; then the lesson screen opened (its first pages laid out at the width, \
            the first page drawn into a fresh buffer) and pages turned (PgDn, then the page drawn), --renders times \
            each, at 80x24 and 200x60, and a search entered (the rest laid out, every line searched), 20 times. Item analysis: Moodle's statistics for --attempts attempts x --questions \
            questions of seeded marks, --analysis-runs times after one warm-up. Build with -c release.
            """)

    @OptionGroup var courses: CoursesFolderArgument
    @Option(help: "Times to lint the folder.") var lintRuns = 20
    @Option(help: "Copies of all the lessons in the long lesson.") var copies = 4
    @Option(help: "Renders per lesson figure.") var renders = 1_000
    @Option(help: "Attempts in the item analysis.") var attempts = 10_000
    @Option(help: "Questions in the item analysis.") var questions = 50
    @Option(help: "Runs of the item analysis.") var analysisRuns = 10

    func run() throws {
        let (folder, shown) = try courses.resolved()
        func p(_ share: Double, _ values: [Double]) -> Double { StationBenchmark.Report.percentile(share, of: values) }
        func verdict(_ figure: Double, _ target: Double) -> String { figure <= target ? "met" : "MISSED" }
        print("labeldesk bench curriculum: \(shown), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(CurriculumBenchmark.loadAverage())")
        print("(each figure is wall-clock time; CPU is the time the measuring thread itself ran, which other work on the machine does not inflate)")

        let lint = CurriculumBenchmark.lint(folder: folder, runs: lintRuns)
        let lintTarget = 1_000.0
        let lintWorst = lint.timings.wall.max() ?? .infinity
        print(String(format: "lint %d courses (%d files, %.0f KB, %d problems): median %.1f ms (CPU %.1f ms), worst %.1f ms over %d runs   (target <= %.0f ms, ours: the issue sets none) %@",
                     lint.courses, lint.files, Double(lint.bytes) / 1_024, lint.problems, p(0.5, lint.timings.wall), p(0.5, lint.timings.cpu), lintWorst,
                     lint.timings.wall.count, lintTarget, verdict(lintWorst, lintTarget)))

        let read = CourseFolder.readAll(root: folder, practice: Hub.practiceReader)
        let lessons = CurriculumBenchmark.lessons(of: read.courses)
        let markdown = CurriculumBenchmark.longLesson(from: read.courses, copies: copies)
        var parse = CurriculumBenchmark.Timings()
        let document = parse.time { MarkdownParser.parse(markdown) }
        let sourceLines = markdown.split(separator: "\n", omittingEmptySubsequences: false).count
        print(String(format: "long lesson: all %d starter lessons x %d, %d Markdown lines, %d blocks; parsed once by cmark-gfm in %.2f ms (CPU %.2f ms)",
                     lessons.count, copies, sourceLines, document.blocks.count, parse.wall[0], parse.cpu[0]))
        let pageTarget = 5.0
        let longest = lessons.max { $0.count < $1.count }.map(MarkdownParser.parse)
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            var figures: [(String, CurriculumBenchmark.LessonPages, CurriculumBenchmark.Timings)] = []
            let pages = CurriculumBenchmark.lessonPages(document, size: size, renders: renders)
            figures.append(("long lesson, open (lay out the first pages, draw page 1)", pages, pages.open))
            figures.append(("long lesson, turn a page (PgDn, draw)", pages, pages.turn))
            if let longest {
                let single = CurriculumBenchmark.lessonPages(longest, size: size, renders: renders)
                figures.append(("longest single lesson, open", single, single.open))
            }
            for (what, pages, timings) in figures {
                let p99 = p(0.99, timings.wall)
                print(String(format: "lesson %dx%d, %@ (%d lines): p50 %.3f ms, p99 %.3f ms (CPU p50 %.3f, p99 %.3f) over %d renders   (target p99 <= %.0f ms) %@",
                             size.width, size.height, what, pages.lines, p(0.5, timings.wall), p99, p(0.5, timings.cpu), p(0.99, timings.cpu),
                             timings.wall.count, pageTarget, verdict(p99, pageTarget)))
            }
            print(String(format: "lesson %dx%d, long lesson, search \"the\" (lay out the rest, search, draw): p50 %.1f ms, worst %.1f ms (CPU p50 %.1f) over %d searches   (no target: a search is asked for, not a page turn)",
                         size.width, size.height, p(0.5, pages.search.wall), pages.search.wall.max() ?? 0, p(0.5, pages.search.cpu), pages.search.wall.count))
        }

        let table = CurriculumBenchmark.marks(attempts: attempts, questions: questions, seed: 10)
        let analysis = CurriculumBenchmark.itemAnalysis(table, runs: analysisRuns)
        let analysisTarget = 100.0
        let median = p(0.5, analysis.timings.wall)
        print(String(format: "item analysis, %d attempts x %d questions (Cronbach's alpha %.4f): median %.1f ms (CPU %.1f ms), worst %.1f ms over %d runs   (target <= %.0f ms) %@",
                     attempts, questions, (analysis.analysis.quiz.internalConsistency ?? .nan) / 100, median, p(0.5, analysis.timings.cpu),
                     analysis.timings.wall.max() ?? 0, analysis.timings.wall.count, analysisTarget, verdict(median, analysisTarget)))
    }
}
