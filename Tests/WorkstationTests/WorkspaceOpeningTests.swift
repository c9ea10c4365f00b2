import Domain
import Foundation
import Hub
import Store
import Sync
import Testing
@testable import Workstation

@Suite("Opening a workspace picks how the station syncs")
struct WorkspaceOpeningTests {
    let folder: URL
    let workspace: Workspace

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-workspace-\(UUID().uuidString)")
        workspace = Workspace(directory: folder)
        try workspace.prepare(settings: WorkspaceSettings(stationID: "station-1"))
    }

    @Test func aStandaloneStationsAccountsAreItsHubsRoster() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a standalone workspace with an account made before hubs kept a roster
        let opened = try workspace.open()
        #expect(opened.link == .standalone)
        try opened.station.addAccount(Account(username: "old", displayName: "Old", role: .lead), password: "long enough", now: Date())

        // When an account is added the current way, and the workspace is opened again
        try opened.addAccount(Account(username: "ana", displayName: "Ana", role: .labeler), password: "long enough", now: Date())
        let reopened = try workspace.open()

        // Then both people are on the in-process hub's roster with their roles
        #expect(try reopened.hub.users().map { "\($0.username):\($0.role.rawValue)" } == ["ana:labeler", "old:lead"])
    }

    @Test func aJoinedStationSyncsOverHTTPAndStartsOffline() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a station that joined a hub at an address where nothing listens
        let keys = StationKeyPair()
        let station = try StationDatabase(path: workspace.stationPath, passwordHasher: .cheapForTests)
        try station.joinHub(
            StationIdentity(stationID: "bay-7", privateKey: keys.privateKey, hubURL: "http://127.0.0.1:9", hubPublicKey: keys.publicKey, enrolledAt: Date()),
            now: Date())

        // When the workspace opens and syncs
        let opened = try workspace.open()
        #expect(opened.link == .offline)
        let error = await #expect(throws: HTTPTransportError.self) { try await opened.syncer.sync(now: Date(), flushAll: false) }

        // Then it tried the hub over HTTP, which did not answer
        guard case .unreachable(let hub, _) = error else {
            Issue.record("expected the hub to be unreachable, got \(String(describing: error))")
            return
        }
        #expect(hub == "http://127.0.0.1:9")
    }

    @Test func aStationEnrolledForBundlesOnlyNeverSyncsWithTheHubInItsFolder() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a station enrolled by an offer with no hub address, holding a task leased by
        // its real hub and a labeler's unsent annotation for it, in a folder whose own hub
        // has a project of the same name
        let station = try StationDatabase(path: workspace.stationPath, passwordHasher: .cheapForTests)
        let keys = StationKeyPair()
        try station.joinHub(
            StationIdentity(stationID: "bay-7", privateKey: keys.privateKey, hubURL: nil, hubPublicKey: keys.publicKey, enrolledAt: Date()),
            now: Date())
        let project = Project(id: "p", title: "P", labels: [LabelChoice(name: "yes")])
        try station.saveProjects([project])
        try station.cacheLeases([LeasedTask(task: LabelTask(id: "t1", projectID: "p", text: "x", marking: .unclassified), epoch: 1, expiresAt: Date() + 3600)])
        try station.addAccount(Account(username: "ana", displayName: "Ana", role: .labeler), password: "long enough", now: Date())
        try station.submit(
            Annotation(id: UUID(), taskID: "t1", projectID: "p", labels: ["yes"], username: "ana", stationID: "bay-7", leaseEpoch: 1, createdAt: Date(), secondsOnTask: 1),
            now: Date())
        let folderHub = Hub(database: try HubDatabase(path: workspace.hubPath))
        try folderHub.createProject(project, actor: "admin", now: Date())
        try folderHub.importTasks(projectID: "p", tasks: [LabelTask(id: "t1", projectID: "p", text: "x", marking: .unclassified)], actor: "admin", now: Date())

        // When the workspace opens and something asks it to sync
        let opened = try workspace.open()
        let error = await #expect(throws: BundleOnlyTransportError.self) { try await opened.syncer.sync(now: Date(), flushAll: true) }

        // Then it syncs by bundles only, under its enrolled id, and the work is still waiting
        // for a bundle: nothing reached the folder's hub, which did not get the station's accounts either
        #expect(opened.link == .bundles)
        #expect(opened.settings.stationID == "bay-7")
        #expect(error == .noHubAddress(stationID: "bay-7"))
        #expect(try station.outboxCount() == 1)
        #expect(try opened.hub.taskCounts(projectID: "p") == TaskCounts(open: 1, leased: 0, done: 0))
        #expect(try opened.hub.users().isEmpty)
    }

    @Test func joiningWaitsUntilUnsentWorkIsSentAndThenEmptiesTheOldHubsCache() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a station with a cached task and one submission not yet sent
        let station = try StationDatabase(path: workspace.stationPath, passwordHasher: .cheapForTests)
        let lease = LeasedTask(task: LabelTask(id: "t1", projectID: "p", text: "x", marking: .unclassified), epoch: 1, expiresAt: Date() + 3600)
        try station.saveProjects([Project(id: "p", title: "P", labels: [LabelChoice(name: "yes")])])
        try station.cacheLeases([lease, LeasedTask(task: LabelTask(id: "t2", projectID: "p", text: "y", marking: .unclassified), epoch: 1, expiresAt: Date() + 3600)])
        try station.submit(
            Annotation(id: UUID(), taskID: "t1", projectID: "p", labels: ["yes"], username: "ana", stationID: "station-1", leaseEpoch: 1, createdAt: Date(), secondsOnTask: 1),
            now: Date())
        let keys = StationKeyPair()
        let identity = StationIdentity(stationID: "bay-7", privateKey: keys.privateKey, hubURL: "http://127.0.0.1:9", hubPublicKey: keys.publicKey, enrolledAt: Date())

        // Then joining is refused while the work waits
        #expect(throws: StationJoinError.unsentWork(count: 1)) { try station.joinHub(identity, now: Date()) }
        #expect(try station.identity() == nil)

        // And once it is sent, joining empties the cache and starts the pull from the beginning
        // (the local hub has no project "p", so it answers with a rejection: a definite answer all the same)
        let summary = try await workspace.open().syncer.sync(now: Date(), flushAll: true)
        #expect(summary.rejected == 1)
        try station.joinHub(identity, now: Date())
        #expect(try station.identity()?.stationID == "bay-7")
        #expect(try station.queuedTaskCount() == 0)
        #expect(try station.projects().isEmpty)
        #expect(try station.syncStatus().cursor == 0)
    }
}
