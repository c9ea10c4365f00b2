import Domain
import TestSupport
import Foundation
import Hub
import Logging
import Server
import Store
import Sync
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Short waits, so a test against a hub that never answers fails in seconds.
let testTimeouts = HTTPTransport.Timeouts(exchange: 10)

struct TimedOut: Error, CustomStringConvertible {
    var description: String { "the hub did not start listening within 10 s" }
}

/// A real hub server on 127.0.0.1 with a port the system chose, over real SQLite files.
final class RunningHub: Sendable {
    let directory: TemporaryDirectory
    let database: HubDatabase
    let hub: Hub
    let clock: TestClock
    let port: Int
    private let server: Task<Void, any Error>

    var url: String { "http://127.0.0.1:\(port)" }

    /// Starts a hub with the sentiment project, `taskCount` tasks and a labeler, ana.
    static func start(
        taskCount: Int = 6, leaseSeconds: Int = 3600, maximumBodySize: Int = 8 * 1024 * 1024
    ) async throws -> RunningHub {
        let directory = try TemporaryDirectory()
        let clock = TestClock(monday)
        let database = try HubDatabase(path: directory.path("hub.sqlite"))
        let hub = Hub(database: database)
        try hub.createProject(sentiment(leaseSeconds: leaseSeconds), actor: "admin", now: monday)
        try hub.setUser(username: "ana", role: .labeler, actor: "admin", now: monday)
        if taskCount > 0 {
            try hub.importTasks(
                projectID: "sentiment",
                tasks: (1...taskCount).map { LabelTask(id: "t\($0)", projectID: "sentiment", text: "text \($0)", marking: .unclassified) },
                actor: "admin", now: monday)
        }
        // Stopping by cancelling the task makes NIO log errors about channels it closed;
        // the tests assert on what clients receive, so the server's log is discarded.
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, maximumBodySize: maximumBodySize, clock: { clock.now },
            logger: Logger(label: "labeldesk.hub.test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let application = buildApplication(hub: hub, database: database, configuration: configuration) { port in
            listening.yield(port)
            listening.finish()
        }
        let server = Task { try await application.run() }
        let port = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for await port in ports { return port }
                throw TimedOut()
            }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                throw TimedOut()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
        return RunningHub(directory: directory, database: database, hub: hub, clock: clock, port: port, server: server)
    }

    private init(directory: TemporaryDirectory, database: HubDatabase, hub: Hub, clock: TestClock, port: Int, server: Task<Void, any Error>) {
        self.directory = directory
        self.database = database
        self.hub = hub
        self.clock = clock
        self.port = port
        self.server = server
    }

    /// Stops the server and waits until it has.
    func stop() async {
        server.cancel()
        _ = await server.result
    }

    /// Registers a station at the hub and returns its one-time code.
    func code(for stationID: String) throws -> String {
        try database.addStation(id: stationID, actor: "admin", now: clock.now)
    }

    /// Registers and enrols a station over HTTP, as `labeldesk station join` does.
    func joinStation(_ stationID: String, leaseTarget: Int = 3) async throws -> HTTPStation {
        let identity = try await HTTPTransport.enrol(hubURL: url, code: code(for: stationID), timeouts: testTimeouts, now: clock.now)
        return try HTTPStation(identity: identity, directory: directory, clock: clock, leaseTarget: leaseTarget)
    }
}

func sentiment(leaseSeconds: Int) -> Project {
    Project(
        id: "sentiment", title: "Sentiment", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")],
        leaseSeconds: leaseSeconds)
}

/// A station that syncs with a running hub over HTTP, with its own database file.
struct HTTPStation {
    let identity: StationIdentity
    let database: StationDatabase
    let transport: HTTPTransport
    let syncer: StationSyncer
    let clock: TestClock

    init(identity: StationIdentity, directory: TemporaryDirectory, clock: TestClock, leaseTarget: Int) throws {
        self.identity = identity
        self.clock = clock
        database = try StationDatabase(path: directory.path("\(identity.stationID).sqlite"), passwordHasher: .cheapForTests)
        try database.saveIdentity(identity)
        transport = try HTTPTransport(identity: identity, timeouts: testTimeouts, clock: { clock.now })
        syncer = StationSyncer(
            database: database, transport: transport, stationID: identity.stationID, undoWindow: 0, leaseTarget: leaseTarget)
    }

    func sync() async throws -> SyncSummary {
        try await syncer.sync(now: clock.now, flushAll: true)
    }

    /// Labels the next queued task the way the task screen does.
    @discardableResult
    func labelNext(_ label: String = "positive", by username: String = "ana") throws -> Annotation? {
        guard let next = try database.nextTask(projectID: "sentiment", for: username) else { return nil }
        let annotation = Annotation(
            id: UUID(), taskID: next.task.id, projectID: "sentiment", labels: [label], username: username,
            stationID: identity.stationID, leaseEpoch: next.epoch, createdAt: clock.now, secondsOnTask: 2)
        try database.submit(annotation, now: clock.now)
        return annotation
    }
}

/// What the hub answered to a hand-made request.
struct RawAnswer {
    var status: Int
    var body: Data

    /// The sentence of an `{"error": ...}` body.
    var sentence: String? { try? JSONDecoder().decode(ErrorReply.self, from: body).error }
}

/// Sends a request built by hand: for replays, tampering and malformed bodies, which the
/// real transport never makes.
func send(_ method: String = "POST", to hub: RunningHub, path: String, body: Data, headers: [String: String] = [:]) async throws -> RawAnswer {
    var request = URLRequest(url: URL(string: hub.url + path)!)
    request.httpMethod = method
    if method != "GET" { request.httpBody = body }
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let configuration = URLSessionConfiguration.ephemeral
    // Generous: the whole suite runs its tests side by side on two cores, where a first
    // request to a fresh server has been seen to wait past ten seconds; a hang still ends.
    configuration.timeoutIntervalForRequest = 30
    configuration.timeoutIntervalForResource = 60
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    let (data, response) = try await session.data(for: request)
    return RawAnswer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
}

/// A signed sync request as a station's transport would send it, for tests that then
/// replay or tamper with it.
func signedSync(_ request: SyncRequest, by station: HTTPStation, nonce: String = RequestSignature.makeNonce()) throws -> (body: Data, headers: [String: String]) {
    let body = try SyncCoding.encoder().encode(request)
    let signer = try RequestSigner(stationID: station.identity.stationID, privateKey: station.identity.privateKey)
    return (body, try signer.headers(method: "POST", path: HubPath.sync, body: body, now: station.clock.now, nonce: nonce))
}

/// Runs `body` against a freshly started hub and stops the hub afterwards, whatever happens.
func withRunningHub(
    taskCount: Int = 6, leaseSeconds: Int = 3600, maximumBodySize: Int = 8 * 1024 * 1024,
    _ body: (RunningHub) async throws -> Void
) async throws {
    let hub = try await RunningHub.start(taskCount: taskCount, leaseSeconds: leaseSeconds, maximumBodySize: maximumBodySize)
    do {
        try await body(hub)
    } catch {
        await hub.stop()
        throw error
    }
    await hub.stop()
}
