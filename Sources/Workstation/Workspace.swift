import Domain
import Foundation
import Hub
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

    /// Opens the databases and the in-process hub of this workspace.
    public func open() throws -> OpenWorkspace {
        let settings = try loadSettings()
        let station = try StationDatabase(path: stationPath)
        let hub = Hub(database: try HubDatabase(path: hubPath))
        let syncer = StationSyncer(
            database: station, transport: InProcessTransport(hub: hub, clock: { Date() }),
            stationID: settings.stationID, undoWindow: TimeInterval(settings.undoWindowSeconds)
        )
        return OpenWorkspace(workspace: self, settings: settings, station: station, hub: hub, syncer: syncer)
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
    public let hub: Hub
    public let syncer: StationSyncer
}

/// Problems with the workspace folder, in words for the person at the terminal.
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    case missing(String)
    case cannotCreate(String, reason: String)
    case badSettings(String, reason: String)
    case notDemo(String)
    case assetsMissing(searched: [String])

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
        }
    }
}
