import ArgumentParser
import Foundation
import Workstation

struct BenchQualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Measure gold scoring, Dawid-Skene beside crowd-kit, and the quality report.",
        discussion: """
            Scores --scores single-label gold answers with the hub's engine; runs Dawid-Skene on --tasks tasks x 5 \
            people x 3 classes (every person labels every task, seeded), and crowd-kit's DawidSkene on the same votes \
            in the same run (python3 with crowd-kit), comparing the labels; then the quality report for --people people \
            over --annotations annotations in the hub's database, of which --gold-share are gold answers and the rest ordinary \
            judgements (the report reads each person's kept record). Build with -c release.
            """)

    @Option(help: "Gold answers to score.") var scores = 1_000_000
    @Option(help: "Tasks for Dawid-Skene.") var tasks = 100_000
    @Option(help: "People in the quality report.") var people = 300
    @Option(help: "Annotations at the hub for the report.") var annotations = 10_000_000
    @Option(help: "Share of annotations that are gold.") var goldShare = 0.05

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-bench-quality-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        print("labeldesk bench quality: \(ProcessInfo.processInfo.activeProcessorCount) cores")
        var best = Double.infinity
        var correct = 0
        for _ in 0..<3 {
            let run = QualityBenchmark.scoring(count: scores)
            best = min(best, run.seconds)
            correct = run.correct
        }
        print(String(format: "score %d gold answers (single-label, %d right): %.3f s   (target <= 0.5 s) %@", scores, correct, best, best <= 0.5 ? "met" : "MISSED"))

        let ds = try QualityBenchmark.dawidSkene(tasks: tasks, people: 5, classes: 3, folder: folder)
        var line = String(format: "Dawid-Skene, %d tasks x 5 people x 3 classes: ours %.3f s", tasks, ds.ourSeconds)
        if let theirs = ds.peerSeconds, let differing = ds.differing {
            let ratio = theirs / ds.ourSeconds
            line += String(format: ", crowd-kit %.3f s: ours %.1fx its speed   (target >= 5x) %@; labels differing: %d of %d", theirs, ratio, ratio >= 5 ? "met" : "MISSED", differing, tasks)
        } else {
            line += "; " + (ds.peerProblem ?? "crowd-kit did not run")
        }
        print(line)

        let gold = Int((Double(annotations) * goldShare).rounded())
        let report = try QualityBenchmark.report(people: people, annotations: annotations, goldAnswers: gold, folder: folder)
        print(String(format: "quality report, %d people, %d annotations in the hub (%d gold answers, their scores added up; filled in %.0f s): %.0f ms   (target <= 200 ms) %@",
                     people, annotations, report.scored, report.filling, report.seconds * 1000, report.seconds <= 0.2 ? "met" : "MISSED"))
    }
}
