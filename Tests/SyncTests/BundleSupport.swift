import TestSupport
import Crypto
import Domain
import Foundation
import Hub
import Store
@testable import Sync
import Testing

/// A hub and its stations on real database files, enrolled with real Ed25519 keys and
/// joined only by bundle files: the air-gapped site the bundle transport is for.
final class BundleSite {
    let directory: TemporaryDirectory
    let clock = TestClock(monday)
    let hubDatabase: HubDatabase
    let hub: Hub
    let hubBundles: HubBundles
    let taskCount: Int

    /// - Parameter taskCount: tasks t1, t2, ... in the sentiment project, whose leases last a day.
    init(taskCount: Int) throws {
        self.taskCount = taskCount
        directory = try TemporaryDirectory()
        hubDatabase = try HubDatabase(path: directory.path("hub.sqlite"))
        hub = Hub(database: hubDatabase)
        hubBundles = HubBundles(database: hubDatabase)
        var project = sentiment
        project.leaseSeconds = 24 * 3600
        try hub.createProject(project, actor: "admin", now: monday)
        for username in ["ana", "bea"] {
            try hub.setUser(username: username, role: .labeler, actor: "admin", now: monday)
        }
        try hub.importTasks(
            projectID: "sentiment",
            tasks: (1...taskCount).map { LabelTask(id: "t\($0)", projectID: "sentiment", text: "text \($0)", marking: .unclassified) },
            actor: "admin", now: monday)
    }

    /// Registers a station at the hub, enrols it with a key pair made here, and opens its database.
    func enrol(_ stationID: String) throws -> BundleStation {
        let code = try hubDatabase.addStation(id: stationID, actor: "admin", now: clock.now)
        let key = Curve25519.Signing.PrivateKey()
        let reply = try HubEnrolment.enrol(
            EnrolmentRequest(code: code, publicKey: key.publicKey.rawRepresentation.base64EncodedString()),
            database: hubDatabase, now: clock.now)
        let database = try StationDatabase(path: directory.path("\(stationID).sqlite"), passwordHasher: .cheapForTests)
        let identity = StationIdentity(
            stationID: reply.stationID, privateKey: key.rawRepresentation, hubURL: nil,
            hubPublicKey: try #require(Data(base64Encoded: reply.hubPublicKey)), enrolledAt: clock.now)
        try database.saveIdentity(identity)
        return BundleStation(identity: identity, database: database, clock: clock)
    }

    /// A second database for an enrolled station, as if it were set up again from its
    /// enrolment (a replaced disk): same identity, nothing applied yet.
    func restored(_ station: BundleStation, as name: String) throws -> BundleStation {
        let database = try StationDatabase(path: directory.path("\(name).sqlite"), passwordHasher: .cheapForTests)
        try database.saveIdentity(station.identity)
        return BundleStation(identity: station.identity, database: database, clock: clock)
    }

    func importAtHub(_ bundle: Data) throws -> BundleImportResult {
        try hubBundles.importBundle(bundle, actor: "admin", now: clock.now)
    }

    func exportFromHub(for station: BundleStation, sequence: Int64? = nil) throws -> Data {
        try hubBundles.exportBundle(for: station.identity.stationID, sequence: sequence, actor: "admin", now: clock.now).bytes
    }

    /// The ids of every judgement the hub holds, task by task: a duplicate would show twice.
    func storedAnnotationIDs() throws -> [UUID] {
        try hubDatabase.read { transaction in
            try (1...taskCount).flatMap { number in
                try transaction.judgements(projectID: "sentiment", taskID: "t\(number)").map(\.annotation.id)
            }
        }
    }

    func auditKinds() throws -> [String] {
        try hubDatabase.recentAuditEntries(limit: 1000).map(\.kind)
    }
}

/// One station of a `BundleSite`.
struct BundleStation {
    let identity: StationIdentity
    let database: StationDatabase
    let clock: TestClock

    var bundles: StationBundles { StationBundles(database: database, leaseTarget: 5) }

    func exportBundle() throws -> Data {
        try bundles.exportBundle(actor: "ana", now: clock.now).bytes
    }

    func importBundle(_ bundle: Data) throws -> BundleImportResult {
        try bundles.importBundle(bundle, actor: "ana", now: clock.now)
    }

    /// Labels up to `count` queued tasks, the way the task screen does.
    @discardableResult
    func label(_ count: Int, as username: String = "ana") throws -> [Annotation] {
        var made: [Annotation] = []
        while made.count < count, let next = try database.nextTask(projectID: "sentiment") {
            let annotation = Annotation(
                id: UUID(), taskID: next.task.id, projectID: "sentiment", labels: ["positive"], username: username,
                stationID: identity.stationID, leaseEpoch: next.epoch, createdAt: clock.now, secondsOnTask: 2)
            try database.submit(annotation, now: clock.now)
            made.append(annotation)
        }
        return made
    }

    func auditKinds() throws -> [String] {
        try database.recentAuditEntries(limit: 1000).map(\.kind)
    }
}

extension BundleImportResult {
    var appliedBundle: AppliedBundle? {
        if case .applied(let applied) = self { applied } else { nil }
    }
}
