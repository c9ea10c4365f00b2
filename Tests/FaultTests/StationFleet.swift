import Domain
import Foundation
import GRDB

/// The HTTP stations: each a `labeldesk fault-station` process on its own workspace,
/// killed at random and started again until it has made its quota and emptied its outbox.
final class StationFleet: @unchecked Sendable {
    /// One station and the runs of its worker process.
    final class Worker: @unchecked Sendable {
        let stationID: String
        let username: String
        let workspace: URL
        let quota: Int
        var process: ChildProcess?
        var runs = 0
        var startedAt = Date.distantPast
        var restartAt: Date?
        var finished = false
        var kills = 0
        var unexpectedExits: [String] = []

        init(stationID: String, username: String, workspace: URL, quota: Int) {
            self.stationID = stationID
            self.username = username
            self.workspace = workspace
            self.quota = quota
        }

        var stationPath: String { workspace.appendingPathComponent("station.sqlite").path }
    }

    let binary: String
    let project: String
    let seed: UInt64
    let registry: ChildRegistry
    let workers: [Worker]
    /// Every run of every worker ends by then.
    let deadline: Date
    private let lock = NSLock()
    private var random: SeededRandom
    /// Kills are allowed only while the chaos lasts.
    private var killing = false

    init(binary: String, project: String, workers: [Worker], seed: UInt64, deadline: Date, registry: ChildRegistry) {
        self.binary = binary
        self.project = project
        self.workers = workers
        self.seed = seed
        self.deadline = deadline
        self.registry = registry
        random = SeededRandom(seed: seed)
    }

    func setKilling(_ on: Bool) {
        lock.withLock { killing = on }
    }

    var allFinished: Bool { lock.withLock { workers.allSatisfy(\.finished) } }

    /// Kills the station's worker if it runs and has had a moment to work; from the proxy.
    func killMidSync(_ stationID: String) -> Bool {
        lock.withLock {
            guard killing, let worker = workers.first(where: { $0.stationID == stationID }),
                  let process = worker.process, process.isRunning, Date().timeIntervalSince(worker.startedAt) > 0.5
            else { return false }
            killLocked(worker)
            return true
        }
    }

    /// Kills one running worker chosen by the seeded generator, at whatever it is doing.
    func killOneAtRandom() {
        lock.withLock {
            let running = workers.filter { $0.process?.isRunning == true && !$0.finished }
            guard killing, !running.isEmpty else { return }
            killLocked(running[random.pick(0...(running.count - 1))])
        }
    }

    /// Notices ended runs and starts the next run of every unfinished worker when due.
    func supervise() throws {
        try lock.withLock {
            for worker in workers where !worker.finished {
                if let process = worker.process {
                    guard let status = process.exitStatus else { continue }
                    worker.process = nil
                    if status == 0, process.output().contains("done: made") {
                        worker.finished = true
                        continue
                    }
                    if status != 128 + SIGKILL {
                        let tail = process.output().split(separator: "\n").suffix(3).joined(separator: " | ")
                        worker.unexpectedExits.append("run \(worker.runs) exited with \(status): \(tail)")
                    }
                    if worker.restartAt == nil { worker.restartAt = Date() }
                }
                if worker.process == nil, Date() >= worker.restartAt ?? .distantPast {
                    try startLocked(worker)
                }
            }
        }
    }

    /// Stops killing and starts every unfinished worker now.
    func heal() throws {
        setKilling(false)
        lock.withLock { for worker in workers { worker.restartAt = Date() } }
        try supervise()
    }

    /// Kills every worker still running; for the end of the test.
    func stopAll() {
        lock.withLock { for worker in workers { worker.process?.kill() } }
    }

    /// Every line the workers printed, over all their runs.
    func outputLines() -> [String] {
        workers.flatMap { worker in
            (1...max(1, worker.runs)).flatMap { run in
                ((try? String(contentsOfFile: outputPath(worker, run: run), encoding: .utf8)) ?? "")
                    .split(separator: "\n").map(String.init)
            }
        }
    }

    private func killLocked(_ worker: Worker) {
        worker.process?.kill()
        worker.kills += 1
        worker.restartAt = Date().addingTimeInterval(random.seconds(0.1...0.8))
    }

    private func startLocked(_ worker: Worker) throws {
        let remaining = max(0, worker.quota - (try Self.annotationCount(at: worker.stationPath)))
        worker.runs += 1
        worker.restartAt = nil
        worker.startedAt = Date()
        worker.process = try ChildProcess(
            [
                binary, "fault-station", "--workspace", worker.workspace.path, "--project", project,
                "--username", worker.username, "--submit", String(remaining),
                "--seconds", String(format: "%.1f", max(1, deadline.timeIntervalSinceNow)),
                "--seed", String(seed &+ UInt64(worker.runs) &* 1000 &+ UInt64(workers.firstIndex { $0 === worker } ?? 0)),
                "--milliseconds-per-task", "60",
            ],
            outputPath: outputPath(worker, run: worker.runs), registry: registry)
    }

    private func outputPath(_ worker: Worker, run: Int) -> String {
        worker.workspace.appendingPathComponent("worker-\(run).out").path
    }

    /// How many annotations the station has made, from its database; read while no worker runs.
    static func annotationCount(at path: String) throws -> Int {
        let database = try DatabaseQueue(path: path)
        return try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM annotation") ?? 0 }
    }
}
