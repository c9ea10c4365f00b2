import ArgumentParser
import Foundation
import Hub
import Store
import Workstation

/// `--db PATH`: the hub database an admin command works on.
///
/// Without it, the hub in the workspace folder, as in standalone mode. With it, any hub
/// file, so the same binary administers a hub machine that has no workspace at all.
struct HubDatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The hub database file.", discussion: "Default: hub.sqlite in the workspace.", valueName: "PATH"))
    var path: String?

    /// Opens the hub database.
    ///
    /// - Parameter creating: whether a missing file may be made (a new hub); otherwise a
    ///   mistyped path is an error, not a fresh empty hub.
    func open(workspace: WorkspaceOption, creating: Bool) throws -> HubDatabase {
        guard let path else {
            // Without --db a command that only reads or changes a hub must find one: on a
            // hub machine a forgotten --db would otherwise make an empty hub here and
            // answer "no such station" about the real one.
            let hubPath = workspace.resolved().hubPath
            guard creating || FileManager.default.fileExists(atPath: hubPath) else {
                throw UserFacingError("there is no hub database in the workspace (\(hubPath)); pass the hub's file with --db HUB.sqlite")
            }
            return try HubDatabase(path: workspace.prepared().hubPath)
        }
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard creating else {
                throw UserFacingError("there is no hub database at \(url.path); check the path given to --db")
            }
            guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path) else {
                throw UserFacingError("the folder \(url.deletingLastPathComponent().path) does not exist; create it first or give another --db path")
            }
        }
        return try HubDatabase(path: url.path)
    }

    var isGiven: Bool { path != nil }
}
