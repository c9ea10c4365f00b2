import Domain
import Foundation
import Hub
import Screens
import Store
import Sync

/// A folder holding one station's cache, its in-process hub and its settings.
///
/// Layout: `settings.json`, `station.sqlite`, `hub.sqlite`, `logs/labeldesk.log`.
public struct Workspace: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    /// `--workspace DIR` if given, else `$LABELDESK_HOME`, else `~/.labeldesk`.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Workspace {
        if let explicit, !explicit.isEmpty { return Workspace(directory: URL(fileURLWithPath: explicit)) }
        if let home = environment["LABELDESK_HOME"], !home.isEmpty { return Workspace(directory: URL(fileURLWithPath: home)) }
        let userHome = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return Workspace(directory: userHome.appendingPathComponent(".labeldesk"))
    }

    public var settingsURL: URL { directory.appendingPathComponent("settings.json") }
    public var stationPath: String { directory.appendingPathComponent("station.sqlite").path }
    public var hubPath: String { directory.appendingPathComponent("hub.sqlite").path }
    public var logPath: String { directory.appendingPathComponent("logs/labeldesk.log").path }

    public var exists: Bool { FileManager.default.fileExists(atPath: settingsURL.path) }

    /// Creates the folder and its settings if they are missing; leaves existing ones alone.
    public func prepare(settings: WorkspaceSettings = WorkspaceSettings()) throws {
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("logs"), withIntermediateDirectories: true)
        } catch {
            throw WorkspaceError.cannotCreate(directory.path, reason: error.localizedDescription)
        }
        if !exists { try save(settings) }
    }

    public func save(_ settings: WorkspaceSettings) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(settings).write(to: settingsURL, options: .atomic)
    }

    public func loadSettings() throws -> WorkspaceSettings {
        guard let data = FileManager.default.contents(atPath: settingsURL.path) else {
            throw WorkspaceError.missing(directory.path)
        }
        do {
            return try JSONDecoder().decode(WorkspaceSettings.self, from: data)
        } catch {
            throw WorkspaceError.badSettings(settingsURL.path, reason: Self.describe(error))
        }
    }

    /// Opens the databases of this workspace and picks how the station syncs.
    ///
    /// A station that joined a hub (`labeldesk station join`) has an identity. With the
    /// hub's address it syncs over HTTP, signed with its key, and starts out offline
    /// until a sync reaches the hub. Without one (enrolled by an offer file for bundles
    /// only) it syncs only by bundle files: it never tries the network, and never the hub
    /// in this folder, which is not its hub and would answer for work that belongs to
    /// the real one. A station with no identity runs standalone against the hub in this
    /// folder, whose roster is then this station's accounts: one machine, one admin.
    public func open() throws -> OpenWorkspace {
        var settings = try loadSettings()
        let station = try StationDatabase(path: stationPath)
        let hubDatabase = try HubDatabase(path: hubPath)
        let hub = Hub(database: hubDatabase)
        let transport: any SyncTransport
        let link: SyncIndicator.Link
        if let identity = try station.identity() {
            if identity.hubURL != nil {
                transport = try HTTPTransport(identity: identity)
                link = .offline
            } else {
                transport = BundleOnlyTransport(stationID: identity.stationID)
                link = .bundles
            }
            // The hub knows the station by the id it enrolled under, whatever settings.json says.
            settings.stationID = identity.stationID
        } else {
            transport = InProcessTransport(hub: hub, clock: { Date() })
            link = .standalone
            try Self.putAccountsOnRoster(of: hub, from: station, now: Date())
        }
        let syncer = StationSyncer(
            database: station, transport: transport, stationID: settings.stationID,
            undoWindow: TimeInterval(settings.undoWindowSeconds)
        )
        return OpenWorkspace(workspace: self, settings: settings, station: station, hub: hub, hubDatabase: hubDatabase, syncer: syncer, link: link)
    }

    /// In standalone mode the in-process hub takes work only from people on its roster,
    /// like any hub: give it this station's accounts with their roles.
    static func putAccountsOnRoster(of hub: Hub, from station: StationDatabase, now: Date) throws {
        let roster = Dictionary(try hub.users().map { ($0.username, $0.role) }, uniquingKeysWith: { first, _ in first })
        for account in try station.accounts() where roster[account.username] != account.role {
            try hub.setUser(username: account.username, role: account.role, actor: "system", now: now)
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\"\(path)\": \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

/// A workspace with its databases open.
public struct OpenWorkspace: Sendable {
    public let workspace: Workspace
    public let settings: WorkspaceSettings
    public let station: StationDatabase
    /// The hub in this folder: the one the station syncs with in standalone mode, and
    /// the one admin commands work on unless given `--db`.
    public let hub: Hub
    public let hubDatabase: HubDatabase
    public let syncer: StationSyncer
    /// `.standalone`, `.offline` for a station that syncs over HTTP (until a sync
    /// reaches the hub), or `.bundles` for one that syncs only by bundle files: for the
    /// status bar and the effect runner.
    public let link: SyncIndicator.Link

    /// Adds a local account; in standalone mode also to the in-process hub's roster, so
    /// the new person's work is taken at once.
    public func addAccount(_ account: Account, password: String, now: Date) throws {
        try station.addAccount(account, password: password, now: now)
        if link == .standalone {
            try hub.setUser(username: account.username, role: account.role, actor: "system", now: now)
        }
    }
}

/// Problems with the workspace folder, in words for the person at the terminal.
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    case missing(String)
    case cannotCreate(String, reason: String)
    case badSettings(String, reason: String)
    case notDemo(String)
    case assetsMissing(searched: [String])
    case trainingMissing(searched: [String])

    public var description: String {
        switch self {
        case .missing(let path):
            "there is no LabelDesk workspace at \(path); run `labeldesk` once to create the demo there, or pass --workspace with the right folder"
        case let .cannotCreate(path, reason):
            "cannot create the workspace folder \(path): \(reason); choose a folder you can write to with --workspace or LABELDESK_HOME"
        case let .badSettings(path, reason):
            "the settings file \(path) is not valid: \(reason); fix it or delete it to get the standard settings"
        case .notDemo(let path):
            "\(path) is not a demo workspace, so `demo --reset` will not wipe it; use --workspace to pick the demo folder"
        case .assetsMissing(let searched):
            "cannot find LabelDesk's demo data (Assets/demo/sst2.dev.txt); looked in: \(searched.joined(separator: ", ")). Set LABELDESK_ASSETS to the Assets folder"
        case .trainingMissing(let searched):
            "cannot find LabelDesk's Training folder (a folder of courses, each with a course.conf); looked in: \(searched.joined(separator: ", ")). Name the folder on the command line, or set LABELDESK_TRAINING to it"
        }
    }
}
