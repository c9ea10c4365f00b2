import ArgumentParser
import Domain
import Foundation
import Hub
import Store
import Sync
import Workstation

/// `labeldesk bench sync`: the real HTTP path, a real `labeldesk serve` on loopback.
///
/// The hub runs as its own process, as in the field, so client and server do not share
/// a process; everything is signed, verified and committed as it would be.
struct BenchSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Measure sync over HTTP on loopback.",
        discussion: """
            Prints annotations pushed per second, tasks pulled per second, and the idle sync round \
            trip (a signed request with nothing to send and nothing wanted) p50/p99. Works in a \
            temporary folder it deletes afterwards, with a hub it starts on 127.0.0.1 and stops.
            """
    )

    @Option(help: "Tasks to pull and annotations to push.") var tasks = 50_000
    @Option(help: "Annotations per request when pushing.") var batch = StationSyncer.defaultBatchLimit
    @Option(help: "Idle round trips to time.") var roundTrips = 300
    @Flag(help: "Push and pull through the in-process transport instead, to compare with HTTP.") var inProcess = false

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-bench-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hubPath = folder.appendingPathComponent("hub.sqlite").path
        let now = Date()

        // The hub: a project, its tasks, a labeler on the roster, a station to enrol.
        let hubDatabase = try HubDatabase(path: hubPath)
        let hub = Hub(database: hubDatabase)
        let project = Project(id: "bench", title: "Benchmark", labels: [LabelChoice(name: "negative"), LabelChoice(name: "positive")], leaseSeconds: 7 * 24 * 3600)
        try hub.createProject(project, actor: "bench", now: now)
        let texts = (0..<tasks).map { LabelTask(id: "bench-\($0)", projectID: "bench", text: "benchmark sentence number \($0) with a few more words in it .", marking: .unclassified) }
        _ = try hub.importTasks(projectID: "bench", tasks: texts, actor: "bench", now: now)
        _ = try hubDatabase.setUser(username: "bench", role: .labeler, actor: "bench", now: now)
        let code = try hubDatabase.addStation(id: "bench-station", actor: "bench", now: now)

        let server = try HubProcess.start(hubPath: hubPath)
        defer { server.stop() }

        // The station: enrolled over HTTP like any other.
        let station = try StationDatabase(path: folder.appendingPathComponent("station.sqlite").path)
        let identity = try await HTTPTransport.enrol(hubURL: server.url, code: code)
        try station.joinHub(identity, now: Date())
        let transport: any SyncTransport = inProcess
            ? InProcessTransport(hub: Hub(database: try HubDatabase(path: hubPath)), clock: { Date() })
            : try HTTPTransport(identity: identity)

        print("labeldesk bench sync: \(tasks) tasks, batches of \(batch), \(inProcess ? "in-process hub" : "hub at \(server.url) (its own process)"), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let pullStart = DispatchTime.now()
        let puller = StationSyncer(database: station, transport: transport, stationID: identity.stationID, undoWindow: 0, leaseTarget: tasks, batchLimit: batch)
        let pulled = try await puller.sync(now: Date(), flushAll: true)
        let pullSeconds = Self.seconds(since: pullStart)
        print(String(format: "pull: %d tasks leased in %.2f s, %.0f tasks/s   (target >= 20000/s)", pulled.leased, pullSeconds, Double(pulled.leased) / pullSeconds))

        // Label every cached task, as the task screen would (untimed), then push them all.
        var labeled = 0
        while let task = try station.nextTask(projectID: "bench") {
            try station.submit(Annotation(
                id: UUID.timeOrdered(at: Date()), taskID: task.task.id, projectID: "bench", labels: ["positive"], username: "bench",
                stationID: identity.stationID, leaseEpoch: task.epoch, createdAt: Date(), secondsOnTask: 1), now: Date())
            labeled += 1
        }
        let pusher = StationSyncer(database: station, transport: transport, stationID: identity.stationID, undoWindow: 0, leaseTarget: 0, batchLimit: batch)
        let pushStart = DispatchTime.now()
        let pushed = try await pusher.sync(now: Date(), flushAll: true)
        let pushSeconds = Self.seconds(since: pushStart)
        print(String(format: "push: %d annotations sent, %d accepted, in %.2f s, %.0f annotations/s   (target >= 20000/s)", pushed.sent, pushed.accepted, pushSeconds, Double(pushed.sent) / pushSeconds))
        guard pushed.accepted == labeled, try station.outboxCount() == 0 else {
            throw UserFacingError("the push did not deliver everything: \(pushed.accepted) of \(labeled) accepted; the figures above are not valid")
        }

        var roundTripsMilliseconds: [Double] = []
        for _ in 0..<roundTrips {
            let start = DispatchTime.now()
            _ = try await pusher.sync(now: Date(), flushAll: true)
            roundTripsMilliseconds.append(Self.seconds(since: start) * 1000)
        }
        let sorted = roundTripsMilliseconds.sorted()
        print(String(format: "idle sync round trip, %d syncs: p50 %.2f ms, p99 %.2f ms   (target <= 5 ms)", sorted.count,
                     sorted[sorted.count / 2], sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]))
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// A `labeldesk serve` child process on a port the system picks.
struct HubProcess {
    let process: Process
    let url: String

    static func start(hubPath: String) throws -> HubProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["serve", "--db", hubPath, "--listen", "127.0.0.1:0"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var output = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
            if let line = output.split(separator: "\n").first(where: { $0.contains("listening on ") }),
               let address = line.split(separator: " ").last {
                return HubProcess(process: process, url: String(address))
            }
        }
        process.terminate()
        throw UserFacingError("the hub did not start: \(output)")
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
