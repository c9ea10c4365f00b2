import ArgumentParser
import Foundation
import Store
import Sync
import Workstation

/// `labeldesk bundle`: sync carried on removable media, for sites the network does not reach.
///
/// One command for both sides: with `--db` it acts as the hub on that database, without
/// it as the station of the workspace. Refusals come back as sentences from `Sync`;
/// this only turns them into an exit status.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Carry sync across an air gap in signed bundle files.",
        discussion: """
            On a station, `bundle export --out FILE` writes everything the hub has not answered yet; \
            on the hub, `bundle import FILE --db hub.sqlite` applies it, and \
            `bundle export --out FILE --db hub.sqlite --for STATION` writes the answer for the station \
            to import. A lost bundle is covered by the next one, and a one-way link (no answer ever \
            going back) still brings every annotation to the hub, once.
            """,
        subcommands: [Export.self, Import.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the next bundle: a station's work, or the hub's answer for a station.")

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: ArgumentHelp("Write the bundle to this file.", valueName: "FILE")) var out: String
        @Option(name: .customLong("for"), help: ArgumentHelp("With --db: the station the bundle is for.", valueName: "STATION"))
        var station: String?
        @Option(help: ArgumentHelp("With --db: write this earlier bundle again, as it was.", valueName: "N"))
        var sequence: Int64?

        func run() throws {
            let exported: ExportedBundle
            if hubDatabase.isGiven {
                guard let station else {
                    throw UserFacingError("at the hub, say which station the bundle is for: --for STATION")
                }
                let database = try hubDatabase.open(workspace: workspace, creating: false)
                exported = try HubBundles(database: database).exportBundle(
                    for: station, sequence: sequence, actor: "admin", now: Date())
            } else {
                guard station == nil, sequence == nil else {
                    throw UserFacingError("--for and --sequence are for the hub; pass --db HUB.sqlite with them")
                }
                exported = try StationBundles(database: openStation(workspace)).exportBundle(actor: "admin", now: Date())
            }
            do {
                try exported.bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw UserFacingError(
                    "cannot write \(out): \(error.localizedDescription). Nothing is lost: the next bundle carries the same work")
            }
            print("wrote \(out): \(exported)")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply a bundle: at the hub a station's work, at a station the hub's answer.",
            discussion: "Exits 1 when the bundle is refused, with a sentence saying why and what to do. A bundle already applied is not an error.")

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: "The bundle file.") var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UserFacingError("cannot read \(file); check the path and that you may read it")
            }
            let result = if hubDatabase.isGiven {
                try HubBundles(database: hubDatabase.open(workspace: workspace, creating: false))
                    .importBundle(data, actor: "admin", now: Date())
            } else {
                try StationBundles(database: openStation(workspace)).importBundle(data, actor: "admin", now: Date())
            }
            if case .refused(let refusal) = result {
                throw UserFacingError("refused \(file): \(refusal)")
            }
            print(result)
        }
    }
}

/// The workspace's station database; a missing workspace is an error, not a new one.
private func openStation(_ option: WorkspaceOption) throws -> StationDatabase {
    let workspace = option.resolved()
    guard workspace.exists else { throw WorkspaceError.missing(workspace.directory.path) }
    return try StationDatabase(path: workspace.stationPath)
}
