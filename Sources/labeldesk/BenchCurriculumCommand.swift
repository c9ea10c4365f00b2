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
            --copies times over, parsed once; then the lesson screen opened (the whole lesson laid out at the width, \
            its first page drawn into a fresh buffer) and pages turned (PgDn, then the page drawn), --renders times \
            each, at 80x24 and 200x60. Item analysis: Moodle's statistics for --attempts attempts x --questions \
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
        print("labeldesk bench curriculum: \(shown), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let lint = CurriculumBenchmark.lint(folder: folder, runs: lintRuns)
        let lintTarget = 1_000.0
        print(String(format: "lint %d courses (%d files, %.0f KB, %d problems): median %.1f ms, worst %.1f ms over %d runs   (target <= %.0f ms) %@",
                     lint.courses, lint.files, Double(lint.bytes) / 1_024, lint.problems, p(0.5, lint.milliseconds), lint.milliseconds.max() ?? 0,
                     lint.milliseconds.count, lintTarget, (lint.milliseconds.max() ?? .infinity) <= lintTarget ? "met" : "MISSED"))

        let read = CourseFolder.readAll(root: folder, practice: Hub.practiceReader)
        let markdown = CurriculumBenchmark.longLesson(from: read.courses, copies: copies)
        let parseStart = DispatchTime.now().uptimeNanoseconds
        let document = MarkdownParser.parse(markdown)
        let parseMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - parseStart) / 1e6
        let sourceLines = markdown.split(separator: "\n", omittingEmptySubsequences: false).count
        print(String(format: "long lesson: %d lessons x %d, %d Markdown lines, %d blocks; parsed once by cmark-gfm in %.2f ms",
                     read.courses.reduce(0) { $0 + $1.lessons.reduce(0) { $0 + ($1.variant == nil ? 1 : 2) } }, copies, sourceLines, document.blocks.count, parseMilliseconds))
        let pageTarget = 5.0
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            let pages = CurriculumBenchmark.lessonPages(document, size: size, renders: renders)
            for (what, times) in [("open (lay out all, draw page 1)", pages.openMilliseconds), ("turn a page (PgDn, draw)", pages.turnMilliseconds)] {
                let p99 = p(0.99, times)
                print(String(format: "lesson page %dx%d, %d lines, %@: p50 %.3f ms, p99 %.3f ms over %d renders   (target p99 <= %.0f ms) %@",
                             size.width, size.height, pages.lines, what, p(0.5, times), p99, times.count, pageTarget, p99 <= pageTarget ? "met" : "MISSED"))
            }
        }

        let table = CurriculumBenchmark.marks(attempts: attempts, questions: questions, seed: 10)
        let analysis = CurriculumBenchmark.itemAnalysis(table, runs: analysisRuns)
        let analysisTarget = 100.0
        let median = p(0.5, analysis.milliseconds)
        print(String(format: "item analysis, %d attempts x %d questions (Cronbach's alpha %.4f): median %.1f ms, worst %.1f ms over %d runs   (target <= %.0f ms) %@",
                     attempts, questions, (analysis.analysis.quiz.internalConsistency ?? .nan) / 100, median, analysis.milliseconds.max() ?? 0,
                     analysis.milliseconds.count, analysisTarget, median <= analysisTarget ? "met" : "MISSED"))
    }
}
