import Domain
import Foundation
import Hub
import Screens
import Store
import Sync
import TerminalCore

/// Measures the station's hot paths on a real workspace with a large cache.
///
/// Every figure runs the code a labeler's keystroke runs: the same database calls, the
/// same update and render, into a real cell buffer. Only the terminal write is left out.
public enum StationBenchmark {
    public struct Report: Sendable {
        public var tasks: Int
        public var importSeconds: Double
        public var leaseSeconds: Double
        public var latenciesMilliseconds: [Double]
        /// The part of each latency spent in the durable commit (the fsync included).
        public var commitMilliseconds: [Double] = []

        public var importRate: Double { Double(tasks) / importSeconds }
        public func percentile(_ p: Double) -> Double { Self.percentile(p, of: latenciesMilliseconds) }

        public static func percentile(_ p: Double, of values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[max(0, min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
        }
    }

    public static let projectID = "bench"
    public static let username = "bench"

    /// Writes a JSONL task file of `count` real sentences (SST-2, cycled) for the import.
    public static func writeTaskFile(count: Int, sentences: [String], to url: URL) throws {
        var text = ""
        text.reserveCapacity(count * 120)
        for index in 0..<count {
            let sentence = sentences[index % sentences.count].replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            text += "{\"id\":\"bench-\(index)\",\"text\":\"\(sentence)\",\"priority\":\(index % 3),\"meta\":{\"n\":\(index)}}\n"
        }
        try Data(text.utf8).write(to: url)
    }

    /// Builds the workspace: imports `count` tasks at the hub and leases them all to the station.
    public static func prepare(workspace: Workspace, count: Int, sentences: [String]) async throws -> Report {
        try workspace.prepare(settings: WorkspaceSettings(stationID: "bench-station", undoWindowSeconds: 3600))
        let opened = try workspace.open()
        let project = Project(id: projectID, title: "Benchmark sentiment", labels: [LabelChoice(name: "negative"), LabelChoice(name: "positive")])
        try opened.hub.createProject(project, actor: "bench", now: Date())
        try opened.station.addAccount(Account(username: username, displayName: "Bench", role: .labeler), password: "bench-password", now: Date())
        let file = workspace.directory.appendingPathComponent("tasks.jsonl")
        try writeTaskFile(count: count, sentences: sentences, to: file)

        let importStart = DispatchTime.now()
        let data = try Data(contentsOf: file)
        _ = try opened.hub.importTaskFile(contents: data, fileName: "tasks.jsonl", projectID: projectID, actor: "bench", now: Date())
        let importSeconds = seconds(since: importStart)

        let leaseStart = DispatchTime.now()
        let syncer = StationSyncer(
            database: opened.station, transport: InProcessTransport(hub: opened.hub, clock: { Date() }),
            stationID: "bench-station", undoWindow: 3600, leaseTarget: count
        )
        _ = try await syncer.sync(now: Date(), flushAll: false)
        let leaseSeconds = seconds(since: leaseStart)
        return Report(tasks: count, importSeconds: importSeconds, leaseSeconds: leaseSeconds, latenciesMilliseconds: [])
    }

    /// Submits `count` tasks as a labeler would, timing each from the submit to the next
    /// task drawn into the buffer; also returns the commit's share of each.
    public static func measureNextTask(opened: OpenWorkspace, count: Int, size: Size = Size(width: 100, height: 30)) throws -> (total: [Double], commit: [Double]) {
        guard let project = try opened.station.project(id: projectID) else { return ([], []) }
        var state = try firstScreen(opened: opened, project: project, size: size)
        var latencies: [Double] = []
        var commits: [Double] = []
        latencies.reserveCapacity(count)
        commits.reserveCapacity(count)
        for _ in 0..<count {
            guard let task = state.current else { break }
            let start = DispatchTime.now()
            let annotation = Annotation(
                id: UUID.timeOrdered(at: Date()), taskID: task.task.id, projectID: projectID, labels: ["positive"], username: username,
                stationID: "bench-station", leaseEpoch: task.epoch, createdAt: Date(), secondsOnTask: 1
            )
            try opened.station.submit(annotation, now: annotation.createdAt)
            commits.append(seconds(since: start) * 1000)
            let next = try opened.station.nextTask(projectID: projectID)
            _ = TaskScreen.update(&state, .taskArrived(next, at: Date()))
            var buffer = Buffer(size: size)
            TaskScreen.render(state, into: &buffer)
            latencies.append(seconds(since: start) * 1000)
        }
        return (latencies, commits)
    }

    /// The task screen as it first appears: the next task, drawn. Used by the startup probe.
    public static func firstScreen(opened: OpenWorkspace, project: Project, size: Size) throws -> TaskScreen.State {
        let keys = try LabelKeys(labels: project.labels)
        let state = TaskScreen.State(project: project, keys: keys, current: try opened.station.nextTask(projectID: project.id), now: Date(), doneToday: 0, waiting: 0, timeZone: .current, systemHigh: opened.settings.systemHigh)
        var buffer = Buffer(size: size)
        TaskScreen.render(state, into: &buffer)
        return state
    }

    /// Peak resident memory of this process, in megabytes, from /proc.
    public static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
