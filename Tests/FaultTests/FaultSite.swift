import Foundation
import Store
import Sync

/// The fault test's folder: the hub database, station workspaces, every process's output.
///
/// Kept when the test fails, so the outputs and databases can be read afterwards.
struct FaultSite {
    let folder: URL
    let binary: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("labeldesk").path
        binary = environment["LABELDESK_BINARY"] ?? beside
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Failure(description: "no labeldesk binary at \(binary); build it with `swift build` or set LABELDESK_BINARY")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var hubPath: String { folder.appendingPathComponent("hub.sqlite").path }

    func bundleStationPath(_ stationID: String) -> String { folder.appendingPathComponent("\(stationID).sqlite").path }

    /// Runs a `labeldesk` subcommand to its end (30 s at most) and returns its output.
    func run(_ arguments: [String], registry: ChildRegistry) async throws -> String {
        let output = folder.appendingPathComponent("command-\(UUID().uuidString).out").path
        let child = try ChildProcess([binary] + arguments, outputPath: output, registry: registry)
        guard let status = await child.wait(until: Date().addingTimeInterval(30)) else {
            child.kill()
            throw Failure(description: "`labeldesk \(arguments.joined(separator: " "))` did not finish in 30 s: \(child.output())")
        }
        guard status == 0 else {
            throw Failure(description: "`labeldesk \(arguments.joined(separator: " "))` exited with \(status): \(child.output())")
        }
        return child.output()
    }

    /// Registers and enrols a station that has no network to the hub: its key pair is
    /// made here, and it keeps no hub address, only the hub's key for checking bundles.
    func enrolBundleStation(_ stationID: String, hubDatabase: HubDatabase) throws -> StationDatabase {
        let now = Date()
        let code = try hubDatabase.addStation(id: stationID, actor: "admin", now: now)
        let keys = StationKeyPair()
        let reply = try HubEnrolment.enrol(
            EnrolmentRequest(code: code, publicKey: keys.publicKey.base64EncodedString()), database: hubDatabase, now: now)
        guard let hubKey = Data(base64Encoded: reply.hubPublicKey) else { throw Failure(description: "the hub's key is not base64") }
        let station = try StationDatabase(path: bundleStationPath(stationID), passwordHasher: .cheapForTests)
        try station.joinHub(
            StationIdentity(stationID: reply.stationID, privateKey: keys.privateKey, hubURL: nil, hubPublicKey: hubKey, enrolledAt: now),
            now: now)
        return station
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
