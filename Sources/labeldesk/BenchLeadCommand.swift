import ArgumentParser
import Foundation
import Screens
import Workstation

struct BenchLeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead",
        abstract: "Measure one refresh of the shift lead's console, and what it adds to a station's sync beside it.",
        discussion: """
            Fills a hub with --projects projects, --people labelers on people/10 stations over two sites, and --annotations \
            annotations (a twentieth of them scored gold), the shift's hourly figures, waiting work and every station's \
            presence; then times --refreshes refreshes (the first apart: the caches are cold), and a station's syncs of ten \
            answers, one every 25 ms, in alternating 4-second windows: alone, and beside a console refreshing every 2 s, \
            until each side has --syncs; again beside one refreshing every 0.25 s, so that many syncs meet a refresh, and \
            one refreshing without pause. Build with -c release.
            """)

    @Option(help: "People on the floor.") var people = 300
    @Option(help: "Projects.") var projects = 20
    @Option(help: "Annotations at the hub.") var annotations = 10_000_000
    @Option(help: "Refreshes timed.") var refreshes = 50
    @Option(help: "Syncs timed on each side, alone and beside the console.") var syncs = 640

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-bench-lead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        print("labeldesk bench lead: \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let result = try LeadBenchmark.run(people: people, projects: projects, annotations: annotations, refreshes: refreshes, syncs: syncs, folder: folder)
        print(String(format: "hub filled: %d people, %d projects, %d annotations in %.0f s", result.people, result.projects, result.annotations, result.filling))
        print(String(format: "one refresh of the console: median %.1f ms, slowest of %d %.1f ms (first, cold: %.1f ms)   (target <= 50 ms) %@",
                     result.median * 1000, result.refreshes, result.slowest * 1000, result.first * 1000, result.median <= 0.05 ? "met" : "MISSED"))
        /// A line of figures, and the time added to the mean of the syncs alone.
        func line(_ title: String, _ syncs: [Double], _ alone: [Double]) -> (text: String, added: Double) {
            let (mean, median) = (LeadBenchmark.mean(syncs), LeadBenchmark.median(syncs))
            let added = mean - LeadBenchmark.mean(alone)
            return (String(format: "  %@ %4d syncs: mean %6.2f ms (%+.2f ms), median %6.2f ms (%+.2f ms)",
                           title.padding(toLength: 52, withPad: " ", startingAt: 0) as NSString, syncs.count,
                           mean * 1000, added * 1000, median * 1000, (median - LeadBenchmark.median(alone)) * 1000), added)
        }
        print("a station's sync of 10 answers, one every 25 ms, in alternating 4 s windows (the added time against the syncs alone beside them):")
        var worst = 0.0
        for comparison in result.comparisons {
            let title = comparison.pauseSeconds == 0 ? "a console refreshing without pause" : String(format: "a console refreshing every %g s", comparison.pauseSeconds)
            print(line("alone, beside " + title + ":", comparison.alone, comparison.alone).text)
            let beside = line("beside it:", comparison.beside, comparison.alone)
            let during = line("of those, while a refresh ran:", comparison.during, comparison.alone)
            print(beside.text)
            print(during.text)
            // The verdict: every sync beside the console as it runs, and the syncs that met
            // a refresh wherever there are enough of them to weigh (thirty or more).
            if comparison.pauseSeconds == LeadScreen.refreshSeconds { worst = max(worst, beside.added) }
            if comparison.during.count >= 30 { worst = max(worst, during.added) }
        }
        print(String(format: "the most a refresh added to a sync's mean (beside the console every 2 s; while a refresh ran): %+.2f ms   (target <= 1 ms) %@", worst * 1000, worst <= 0.001 ? "met" : "MISSED"))
    }
}
