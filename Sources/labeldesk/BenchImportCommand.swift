import ArgumentParser
import Domain
import Foundation
import Interchange
import Screens
import TerminalCore
import Workstation

struct BenchImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Measure import and export of every format, beside a plain Python loader of the same JSONL.",
        discussion: """
            For each format: write N tasks in it, import the file into a fresh hub (read + insert in one \
            transaction, synchronous=FULL) and export every task back. Tasks alone ("tasks"), then tasks that \
            carry an annotation each and a prediction on every other one ("with work"). Then the same plain JSONL \
            loaded by Python's json + sqlite3 (executemany, one transaction, WAL, synchronous=FULL), run in the same \
            process tree, so the ratio holds on a noisy machine. Build with -c release.
            """
    )

    /// Issue 7's import targets in tasks per second; a format not named has none, and its rate is printed unmarked.
    static let importTargets = [JSONLFormat.name: 100_000.0, CoNLLFormat.name: 100_000.0, LabelStudioFormat.name: 50_000.0]

    @Option(help: "Tasks per file.") var tasks = 100_000
    @Option(help: "Runs per figure; the best is kept (the machine is shared).") var runs = 2
    @Option(help: "Only these formats (comma-separated).") var formats: String?

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-bench-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        print("labeldesk bench import: \(tasks) tasks per file, best of \(runs), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(CurriculumBenchmark.loadAverage())")
        print("format       kind            tasks: import/s   with work: import/s   export \(tasks) (with work)   file")
        var ourPlainJSONL = 0.0
        let wanted = formats.map { Set($0.split(separator: ",").map(String.init)) }
        for format in Formats.all where format.readsTasks && (wanted?.contains(format.name) ?? true) {
            func best(plain: Bool) throws -> InterchangeBenchmark.FormatFigures {
                var figures: [InterchangeBenchmark.FormatFigures] = []
                for run in 0..<runs {
                    let runFolder = folder.appendingPathComponent("\(format.name)-\(plain)-\(run)")
                    try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
                    figures.append(try InterchangeBenchmark.measure(format: format, count: tasks, plain: plain, in: runFolder))
                    try? FileManager.default.removeItem(at: runFolder)
                }
                var result = figures[0]
                result.importSeconds = figures.map(\.importSeconds).min() ?? 0
                result.exportSeconds = figures.map(\.exportSeconds).min() ?? 0
                result.readSeconds = figures.map(\.readSeconds).min() ?? 0
                result.fetchSeconds = figures.map(\.fetchSeconds).min() ?? 0
                return result
            }
            let plain = try best(plain: true)
            let rich = try best(plain: false)
            if format.name == JSONLFormat.name { ourPlainJSONL = plain.importSeconds }
            let plainRate = Double(tasks) / plain.importSeconds
            let richRate = Double(tasks) / rich.importSeconds
            func mark(_ met: Bool) -> String { met ? " MET" : " MISSED" }
            let importMark = Self.importTargets[format.name].map { mark(plainRate >= $0) } ?? ""
            func padded(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
            print(padded(format.name, 12) + " " + padded(plain.kind.rawValue, 15)
                + String(format: " %9.0f", plainRate) + padded(importMark, 7)
                + String(format: " %12.0f   %15.2f s", richRate, rich.exportSeconds) + padded(mark(rich.exportSeconds <= 1), 7)
                + String(format: " %5.1f MB", Double(rich.bytes) / 1e6))
            print(String(format: "             reading alone %.2f s (tasks) / %.2f s (with work), each piece read while the one before goes in; export: the hub's read %.2f s, writing the rest; WAL %.0f MB / %.0f MB",
                         plain.readSeconds, rich.readSeconds, rich.fetchSeconds, Double(plain.walBytes) / 1e6, Double(rich.walBytes) / 1e6))
        }
        print("targets: import >= 100000 tasks/s for JSONL and CoNLL, >= 50000 for Label Studio (none for CSV and Prodigy), export of \(tasks) <= 1 s; load average now \(CurriculumBenchmark.loadAverage())")

        let jsonl = folder.appendingPathComponent("peer.jsonl")
        try InterchangeBenchmark.plainJSONL(count: tasks).write(to: jsonl)
        let script = folder.appendingPathComponent("peer.py")
        try Data(InterchangeBenchmark.pythonLoader.utf8).write(to: script)
        var peerSeconds: [Double] = []
        for run in 0..<runs {
            let database = folder.appendingPathComponent("peer-\(run).sqlite").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, jsonl.path, database]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            do { try process.run() } catch {
                print("python peer: python3 could not be started (\(error.localizedDescription)); no ratio")
                return
            }
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0, let seconds = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                print("python peer failed: \(output)")
                return
            }
            peerSeconds.append(seconds)
        }
        let peer = peerSeconds.min() ?? 0
        print(String(format: "python peer (json + sqlite3 executemany, one transaction, WAL, FULL), same plain JSONL: %.0f tasks/s", Double(tasks) / peer))
        guard ourPlainJSONL > 0 else {
            print("ours: JSONL was not measured (--formats), so no ratio")
            return
        }
        print(String(format: "ours (JSONL, tasks): %.0f tasks/s: %.2fx the peer   (target >= 2x)%@", Double(tasks) / ourPlainJSONL, peer / ourPlainJSONL,
                     (peer / ourPlainJSONL >= 2 ? " MET" : " MISSED") as NSString))
        print("load average at the end \(CurriculumBenchmark.loadAverage()) (1, 5, 15 min; the machine has \(ProcessInfo.processInfo.activeProcessorCount) cores)")
    }
}

struct BenchSpansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spans",
        abstract: "Measure the entity-spans screen: keystroke to frame on a long text.",
        discussion: "Each key runs the screen's update and renders the whole frame into the cell buffer, as the app does (the terminal write is not included).")

    @Option(help: "Tokens in the text.") var tokens = 5_000
    @Option(help: "Keystrokes to time.") var keys = 2_000

    func run() throws {
        print("labeldesk bench spans: \(tokens)-token text, \(keys) keys per size")
        let text = SpansBenchmark.sampleText(tokens: tokens)
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            var state = try SpansBenchmark.state(text: text, size: size)
            var buffer = Buffer(size: size)
            // Moves, selections, tags and deletes, as a labeler types them.
            let pattern: [Key] = [.character("w"), .character("w"), .character("v"), .character("w"), .character("1"),
                                  .character("j"), .character("b"), .character("x"), .character("w"), .down, .pageDown, .up]
            var times: [Double] = []
            for index in 0..<keys {
                buffer = Buffer(size: size)
                let start = DispatchTime.now()
                _ = SpansBenchmark.step(&state, key: pattern[index % pattern.count], into: &buffer)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
            }
            times.sort()
            let p99 = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
            print(String(format: "%dx%d: keystroke -> frame p50 %.3f ms, p99 %.3f ms, max %.3f ms   (target p99 <= 2 ms)%@",
                         size.width, size.height, times[times.count / 2], p99, times.last ?? 0, (p99 <= 2 ? "" : " MISSED") as NSString))
        }
    }
}
