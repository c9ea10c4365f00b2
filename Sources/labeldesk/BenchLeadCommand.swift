import ArgumentParser
import Foundation
import Workstation

struct BenchLeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead",
        abstract: "Measure one refresh of the shift lead's console, and what it adds to a station's sync beside it.",
        discussion: """
            Fills a hub with --projects projects, --people labelers on people/10 stations over two sites, and --annotations \
            annotations (a twentieth of them scored gold), the shift's hourly figures, waiting work and every station's \
            presence; then times --refreshes refreshes (the first apart: the caches are cold), and a station's sync of ten \
            answers --syncs times alone and again while the console refreshes without pause. Build with -c release.
            """)

    @Option(help: "People on the floor.") var people = 300
    @Option(help: "Projects.") var projects = 20
    @Option(help: "Annotations at the hub.") var annotations = 10_000_000
    @Option(help: "Refreshes timed.") var refreshes = 50
    @Option(help: "Syncs timed, alone and beside the console.") var syncs = 40

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-bench-lead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        print("labeldesk bench lead: \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let result = try LeadBenchmark.run(people: people, projects: projects, annotations: annotations, refreshes: refreshes, syncs: syncs, folder: folder)
        print(String(format: "hub filled: %d people, %d projects, %d annotations in %.0f s", result.people, result.projects, result.annotations, result.filling))
        print(String(format: "one refresh of the console: median %.1f ms, slowest of %d %.1f ms (first, cold: %.1f ms)   (target <= 50 ms) %@",
                     result.median * 1000, result.refreshes, result.slowest * 1000, result.first * 1000, result.median <= 0.05 ? "met" : "MISSED"))
        let added = result.syncPacedMean - result.syncAloneMean
        print(String(format: "a station's sync of 10 answers, mean: %.2f ms alone, %.2f ms beside a console refreshing every 2 s: %+.2f ms   (target <= 1 ms) %@",
                     result.syncAloneMean * 1000, result.syncPacedMean * 1000, added * 1000, added <= 0.001 ? "met" : "MISSED"))
        print(String(format: "  worst case, median: %.2f ms alone, %.2f ms beside a console refreshing without pause (%+.2f ms; 2 cores shared)",
                     result.syncAlone * 1000, result.syncBeside * 1000, (result.syncBeside - result.syncAlone) * 1000))
    }
}
