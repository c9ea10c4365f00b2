import ArgumentParser
import Domain
import Foundation
import Store
import Sync
import Workstation

/// `labeldesk fault-station`: a headless station for the fault test; hidden from help.
///
/// It saves work the way the terminal's effect runner does (a real `Annotation` with a
/// fresh UUID, through `StationDatabase.submit`) and syncs over HTTP with `flushAll`
/// after every few submissions, until it has made its quota and the hub has answered for
/// all of it. The fault test kills it at any moment, mid-sync included, and starts it
/// again on the same workspace: everything it knows is in the station database, so a
/// restart is a labeler opening LabelDesk again.
///
/// Each line it prints is written at once (not buffered), so a SIGKILL loses none of
/// what happened before it.
struct FaultStationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fault-station",
        abstract: "Label and sync without a screen, for the fault test.",
        shouldDisplay: false
    )

    @OptionGroup var workspace: WorkspaceOption
    @Option(help: "The project to label.") var project: String
    @Option(help: "Who labels: a labeler on the hub's roster.") var username: String
    @Option(help: "How many more annotations to make in this run.") var submit: Int
    @Option(help: "Give up after this many seconds.") var seconds: Double = 120
    @Option(help: "Seeds the choice of labels and of how many tasks go between syncs.") var seed: UInt64 = 1
    @Option(help: "Time spent on each task, in milliseconds.") var millisecondsPerTask = 100
    @Option(help: "How many queued tasks to keep cached while labeling.") var leaseTarget = 8

    func run() async throws {
        let target = workspace.resolved()
        guard target.exists else { throw WorkspaceError.missing(target.directory.path) }
        let station = try StationDatabase(path: target.stationPath)
        guard let identity = try station.identity(), identity.hubURL != nil else {
            throw UserFacingError("the station at \(target.directory.path) has not joined a hub; run `labeldesk station join URL CODE` first")
        }
        // Short waits: the fault test cuts connections and kills the hub, and a station
        // that waited the standard ten seconds would spend the test waiting.
        let transport = try HTTPTransport(identity: identity, timeouts: HTTPTransport.Timeouts(exchange: 6))
        let labeling = StationSyncer(
            database: station, transport: transport, stationID: identity.stationID, undoWindow: 0,
            leaseTarget: leaseTarget, batchLimit: 10)
        // Once the quota is made, sync asks for no more leases: tasks it would never label
        // would sit leased to it until their leases ran out.
        let draining = StationSyncer(
            database: station, transport: transport, stationID: identity.stationID, undoWindow: 0,
            leaseTarget: 0, batchLimit: 10)

        var random = SeededRandom(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var made = 0
        while Date() < deadline {
            if made < submit, let known = try station.project(id: project), !known.labels.isEmpty {
                let burst = 1 + Int(random.next() % 4)
                for _ in 0..<burst where made < submit {
                    guard let next = try station.nextTask(projectID: project) else { break }
                    try await Task.sleep(for: .milliseconds(millisecondsPerTask))
                    // One task in ten is skipped, as labelers do: skips travel the same way.
                    let skipReason = random.next() % 10 == 0 ? known.skipReasons.first : nil
                    let label = known.labels[Int(random.next() % UInt64(known.labels.count))].name
                    let annotation = Annotation(
                        id: UUID.timeOrdered(at: Date()), taskID: next.task.id, projectID: next.task.projectID,
                        labels: skipReason == nil ? [label] : [], skipReason: skipReason, username: username,
                        stationID: identity.stationID, leaseEpoch: next.epoch, createdAt: Date(),
                        secondsOnTask: Double(millisecondsPerTask) / 1000)
                    try station.submit(annotation, now: annotation.createdAt)
                    made += 1
                    say("submitted \(annotation.id.uuidString) task \(next.task.id) epoch \(next.epoch)")
                }
            }
            let syncer = made < submit ? labeling : draining
            do {
                let summary = try await syncer.sync(now: Date(), flushAll: true)
                say("synced: sent \(summary.sent), accepted \(summary.accepted), superseded \(summary.superseded), rejected \(summary.rejected), leased \(summary.leased)")
            } catch {
                say("sync failed [\(Self.kind(of: error))]: \(error)")
                // Backoff with jitter, short: the test heals the network within seconds.
                try await Task.sleep(for: .milliseconds(30 + Int(random.next() % 120)))
            }
            let unsent = try station.outboxCount()
            if made >= submit, unsent == 0 {
                say("done: made \(made), outbox empty")
                return
            }
            if made < submit, try station.nextTask(projectID: project) == nil {
                // Nothing cached to label: wait for the hub's leases without spinning.
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let unsent = try station.outboxCount()
        throw UserFacingError("fault-station gave up after \(seconds) s: \(submit - made) annotations not made, \(unsent) not answered by the hub")
    }

    /// One word for the kind of failure, for the test's tally.
    static func kind(of error: any Error) -> String {
        switch error {
        case HTTPTransportError.unreachable: "unreachable"
        case HTTPTransportError.unauthorized: "unauthorized"
        case HTTPTransportError.forbidden: "forbidden"
        case HTTPTransportError.refused(let status, _): "status \(status)"
        case HTTPTransportError.unreadableReply: "unreadable reply"
        default: "other"
        }
    }

    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

