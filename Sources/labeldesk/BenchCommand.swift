import ArgumentParser
import Domain
import Foundation
import Screens
import TerminalCore
import Workstation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure LabelDesk's speed and print the figures.",
        subcommands: [Station.self, BenchSyncCommand.self, BenchImportCommand.self, BenchSpansCommand.self, BenchRenderCommand.self, BenchQualityCommand.self, BenchCurriculumCommand.self, BenchLeadCommand.self, FirstFrame.self]
    )

    struct Station: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the station on a cache of many tasks.",
            discussion: """
                Prints: import rate (parse + insert at the hub), next-task latency (submit to the next task \
                rendered into the buffer) p50/p99, time from process start to the first task drawn, and the \
                resident memory of that process. Works in a temporary folder it deletes afterwards.
                """
        )

        @Option(help: "Tasks in the cache.") var tasks = 100_000
        @Option(help: "Submissions to time.") var submits = 2_000
        @Option(help: "Fresh processes to start for the startup figure.") var starts = 5

        func run() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let workspace = Workspace(directory: folder)
            let sentences = try String(contentsOf: DemoWorkspace.locateAssets().appendingPathComponent("demo/sst2.dev.txt"), encoding: .utf8)
                .split(separator: "\n").map { String($0.drop(while: { $0 != " " }).dropFirst()) }

            var report = try await StationBenchmark.prepare(workspace: workspace, count: tasks, sentences: sentences)
            print("labeldesk bench station: \(tasks) tasks, \(ProcessInfo.processInfo.activeProcessorCount) cores")
            print(String(format: "import (parse + insert at the hub): %.2f s, %.0f tasks/s   (target >= 100000/s)", report.importSeconds, report.importRate))
            print(String(format: "lease all to the station cache:     %.2f s, %.0f tasks/s", report.leaseSeconds, Double(tasks) / report.leaseSeconds))

            (report.latenciesMilliseconds, report.commitMilliseconds) = try StationBenchmark.measureNextTask(opened: workspace.open(), count: submits)
            let rest = zip(report.latenciesMilliseconds, report.commitMilliseconds).map { $0 - $1 }
            print(String(format: "next task (submit -> next task rendered), %d submits: p50 %.3f ms, p99 %.3f ms, max %.3f ms   (target p99 <= 2 ms)",
                         report.latenciesMilliseconds.count, report.percentile(0.5), report.percentile(0.99), report.latenciesMilliseconds.max() ?? 0))
            print(String(format: "  of which the durable commit (WAL, synchronous=FULL, fsync): p50 %.3f ms, p99 %.3f ms",
                         StationBenchmark.Report.percentile(0.5, of: report.commitMilliseconds), StationBenchmark.Report.percentile(0.99, of: report.commitMilliseconds)))
            print(String(format: "  and the rest (next-task query, update, render): p50 %.3f ms, p99 %.3f ms",
                         StationBenchmark.Report.percentile(0.5, of: rest), StationBenchmark.Report.percentile(0.99, of: rest)))

            var startups: [Double] = []
            var residents: [Double] = []
            for _ in 0..<starts {
                let (milliseconds, resident) = try probe(workspace: folder.path)
                startups.append(milliseconds)
                residents.append(resident)
            }
            startups.sort()
            print(String(format: "process start -> first task drawn, %d starts: median %.1f ms, worst %.1f ms   (target <= 150 ms)", startups.count, startups[startups.count / 2], startups.last ?? 0))
            print(String(format: "resident memory of that process after 500 more submits: peak %.1f MB   (target <= 50 MB)", residents.max() ?? 0))
        }

        /// Starts `labeldesk bench first-frame` and times it until it says the task is drawn.
        private func probe(workspace: String) throws -> (milliseconds: Double, residentMegabytes: Double) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            process.arguments = ["bench", "first-frame", "--workspace", workspace]
            let pipe = Pipe()
            process.standardOutput = pipe
            let start = DispatchTime.now()
            try process.run()
            let reader = pipe.fileHandleForReading
            var output = Data()
            var drawnAt: DispatchTime?
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                output += chunk
                if drawnAt == nil, String(decoding: output, as: UTF8.self).contains("drawn") { drawnAt = DispatchTime.now() }
            }
            process.waitUntilExit()
            let text = String(decoding: output, as: UTF8.self)
            guard let drawnAt, process.terminationStatus == 0,
                  let residentLine = text.split(separator: "\n").first(where: { $0.hasPrefix("peak-resident-mb ") }),
                  let resident = Double(residentLine.dropFirst("peak-resident-mb ".count)) else {
                throw UserFacingError("the startup probe failed: \(text)")
            }
            return (Double(drawnAt.uptimeNanoseconds - start.uptimeNanoseconds) / 1e6, resident)
        }
    }

    /// The startup probe: opens the workspace, draws the first task, then keeps labeling.
    struct FirstFrame: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "first-frame",
            abstract: "Startup probe for `bench station`: draw the first task into a buffer, then label 500 tasks.",
            shouldDisplay: false
        )
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let opened = try workspace.resolved().open()
            guard let project = try opened.station.project(id: StationBenchmark.projectID) else {
                throw UserFacingError("this workspace has no benchmark project; run `labeldesk bench station`")
            }
            _ = try StationBenchmark.firstScreen(opened: opened, project: project, size: Size(width: 100, height: 30))
            FileHandle.standardOutput.write(Data("drawn\n".utf8))
            _ = try StationBenchmark.measureNextTask(opened: opened, count: 500)
            print("peak-resident-mb \(StationBenchmark.peakResidentMegabytes())")
        }
    }
}
