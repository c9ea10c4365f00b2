import ArgumentParser
import Foundation
import Store
import Sync
import Workstation

struct StationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "station",
        abstract: "Register stations at a hub, or join this station to one.",
        subcommands: [Add.self, List.self, Revoke.self, Join.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a station at the hub and print its one-time enrolment code.",
            discussion: "The code is good for 24 hours and once. On the station, run: labeldesk station join URL CODE"
        )
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: "The station's name: letters, digits, '.', '-' and '_'.") var name: String

        func run() throws {
            guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw UserFacingError("station name \"\(name)\" may hold only letters, digits, '.', '-' and '_', 1 to 64 of them")
            }
            let database = try hubDatabase.open(workspace: workspace, creating: true)
            let code = try database.addStation(id: name, actor: "admin", now: Date())
            print(code)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the hub's stations and whether they are enrolled or revoked.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption

        func run() throws {
            let database = try hubDatabase.open(workspace: workspace, creating: false)
            for station in try database.stations() {
                let state: String
                if let revokedAt = station.revokedAt {
                    state = "revoked \(Self.time(revokedAt))"
                } else if let enrolledAt = station.enrolledAt {
                    state = "enrolled \(Self.time(enrolledAt))"
                } else {
                    state = "waiting for enrolment"
                }
                print("\(station.id)\t\(state)\tregistered \(Self.time(station.createdAt))")
            }
        }

        static func time(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a station: the hub refuses everything from it from now on.",
            discussion: "To let it back, register it again (station add) and join it again."
        )
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: "The station's name.") var name: String

        func run() throws {
            let database = try hubDatabase.open(workspace: workspace, creating: false)
            try database.revokeStation(id: name, actor: "admin", now: Date())
            print("Revoked station \(name).")
        }
    }

    struct Join: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrol this workspace's station at a hub, with the code from the hub's admin.",
            discussion: """
                Makes the station's key pair here and sends the hub only its public half. From then on \
                the station syncs with that hub over HTTP. The station's cache of tasks from its old hub \
                is emptied; work not yet sent must be sent first.
                """
        )
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: ArgumentHelp("The hub's address.", valueName: "URL")) var url: String
        @Argument(help: "The one-time enrolment code.") var code: String

        func run() async throws {
            let target = try workspace.prepared()
            let opened = try target.open()
            // Checked before enrolling too, so a refused join does not use up the code.
            let unsent = try opened.station.outboxCount()
            guard unsent == 0 else { throw StationJoinError.unsentWork(count: unsent) }
            let identity = try await HTTPTransport.enrol(hubURL: url, code: code)
            try opened.station.joinHub(identity, now: Date())
            var settings = opened.settings
            settings.stationID = identity.stationID
            try target.save(settings)
            print("Joined the hub at \(identity.hubURL ?? url) as station \(identity.stationID).")
            if try opened.station.accounts().isEmpty {
                print("This station has no accounts yet: add them here with `labeldesk user add NAME`, and at the hub with `labeldesk user add NAME --db HUB.sqlite`.")
            }
        }
    }
}
