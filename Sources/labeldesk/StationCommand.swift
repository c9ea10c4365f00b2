import ArgumentParser
import Domain
import Foundation
import Store
import Sync
import Workstation

struct StationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "station",
        abstract: "Register and enrol stations at a hub, or join this station to one.",
        subcommands: [Add.self, List.self, Revoke.self, Join.self, Enrol.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a station at the hub and print its one-time enrolment code.",
            discussion: """
                The code is good for 24 hours and once. On the station, run: labeldesk station join URL CODE. \
                For a station the network never reaches, add --offer FILE: the offer (the station's id, the \
                code, its expiry and the hub's public key) goes to the station on removable media, the station \
                runs `labeldesk station join --offer FILE --reply-out REPLY`, and its reply comes back for \
                `labeldesk station enrol REPLY`.
                """
        )
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: "The station's name: letters, digits, '.', '-' and '_'.") var name: String
        @Option(help: "The site the station stands at, for the lead's console and report shift --site.") var site: String?
        @Option(help: ArgumentHelp("Also write an enrolment offer file for a station without a network to the hub.", valueName: "FILE"))
        var offer: String?
        @Option(name: .customLong("hub-url"), help: ArgumentHelp(
            "With --offer: the hub's address, for a station that may reach it over HTTP some day.",
            discussion: "Without it, the station syncs only by bundle files.", valueName: "URL"))
        var hubURL: String?

        func validate() throws {
            if hubURL != nil, offer == nil {
                throw ValidationError("--hub-url goes into an offer file; add --offer FILE")
            }
        }

        func run() throws {
            guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw UserFacingError("station name \"\(name)\" may hold only letters, digits, '.', '-' and '_', 1 to 64 of them")
            }
            guard let offerPath = offer else {
                let database = try hubDatabase.open(workspace: workspace, creating: true)
                let code = try database.addStation(id: name, site: site, actor: "admin", now: Date())
                print(code)
                return
            }
            let offerURL = URL(fileURLWithPath: offerPath)
            // Checked first, so a mistyped folder does not replace the station's last code for nothing.
            guard FileManager.default.fileExists(atPath: offerURL.deletingLastPathComponent().path) else {
                throw UserFacingError("the folder \(offerURL.deletingLastPathComponent().path) does not exist; create it first or give another --offer path")
            }
            let database = try hubDatabase.open(workspace: workspace, creating: true)
            let made = try OfflineEnrolment.offer(stationID: name, site: site, hubURL: hubURL, database: database, actor: "admin", now: Date())
            print(made.code)
            do {
                try made.fileData().write(to: offerURL, options: .atomic)
            } catch {
                throw UserFacingError(
                    "station \(name) is registered with the code above, but the offer cannot be written to \(offerPath): \(error.localizedDescription). "
                        + "Run the command again with a path you can write to; it issues a new code and the one above stops working")
            }
            print("Wrote the enrolment offer for \(name) to \(offerPath). Carry it to the station and run there: "
                + "labeldesk station join --offer FILE --reply-out REPLY. The code in it is good until \(List.time(made.codeExpiresAt)), once.")
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

        static func time(_ date: Date) -> String { Timestamp.seconds(date) }
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
            abstract: "Enrol this workspace's station at a hub: over HTTP with a code, or by an offer file.",
            discussion: """
                Two forms. `station join URL CODE` enrols over HTTP with the code the hub's admin printed. \
                `station join --offer FILE --reply-out REPLY`, for a site with no network to the hub, joins \
                with the offer file the admin wrote (`station add NAME --offer FILE`) and writes REPLY, which \
                goes back to the hub for `labeldesk station enrol REPLY`; without a hub address in the offer, \
                the station then syncs only by bundle files, and its bundles are accepted once the reply is \
                enrolled. Either way the station's key pair is made here and the hub gets only its public half. \
                The station's cache of tasks from its old hub is emptied; work not yet sent must be sent first.
                """
        )
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: ArgumentHelp("The hub's address (HTTP form).", valueName: "URL")) var url: String?
        @Argument(help: "The one-time enrolment code (HTTP form).") var code: String?
        @Option(help: ArgumentHelp("The enrolment offer file from the hub's admin (file form).", valueName: "FILE"))
        var offer: String?
        @Option(name: .customLong("reply-out"), help: ArgumentHelp("With --offer: where to write the reply to carry back to the hub.", valueName: "REPLY"))
        var replyOut: String?

        func validate() throws {
            if offer != nil {
                guard url == nil, code == nil else {
                    throw ValidationError("join either over HTTP (station join URL CODE) or by an offer file (station join --offer FILE --reply-out REPLY), not both")
                }
                guard replyOut != nil else {
                    throw ValidationError("say where to write this station's reply for the hub: --reply-out REPLY")
                }
                return
            }
            guard replyOut == nil else { throw ValidationError("--reply-out goes with --offer FILE") }
            guard let url else {
                throw ValidationError("give the hub's address and code (station join URL CODE), or an offer file (station join --offer FILE --reply-out REPLY)")
            }
            guard code != nil else {
                if FileManager.default.fileExists(atPath: url) {
                    throw ValidationError("\(url) is a file; to join with an enrolment offer, run: labeldesk station join --offer \(url) --reply-out REPLY")
                }
                throw ValidationError("give the one-time enrolment code after the hub's address: station join URL CODE")
            }
        }

        func run() async throws {
            if let offer, let replyOut {
                try joinByOffer(offerPath: offer, replyPath: replyOut)
                return
            }
            guard let url, let code else { throw ValidationError("give the hub's address and the code: station join URL CODE") }
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
            try adviseOnAccounts(opened)
        }

        /// The file form: nothing goes over a network, the reply is written for the admin to carry.
        private func joinByOffer(offerPath: String, replyPath: String) throws {
            guard let data = FileManager.default.contents(atPath: offerPath) else {
                throw UserFacingError("cannot read \(offerPath); check the path and that you may read it")
            }
            let offer: EnrolmentOffer
            do {
                offer = try EnrolmentOffer.read(data)
            } catch {
                throw UserFacingError("cannot join with \(offerPath): \(error)")
            }
            let replyURL = URL(fileURLWithPath: replyPath)
            // Checked before joining, so a mistyped folder does not leave a station whose reply was never written.
            guard FileManager.default.fileExists(atPath: replyURL.deletingLastPathComponent().path) else {
                throw UserFacingError("the folder \(replyURL.deletingLastPathComponent().path) does not exist; create it first or give another --reply-out path")
            }
            let target = try workspace.prepared()
            let opened = try target.open()
            let joined: (identity: StationIdentity, reply: EnrolmentOfferReply)
            do {
                joined = try OfflineEnrolment.join(offer, station: opened.station, now: Date())
            } catch let error as OfflineEnrolmentError {
                throw UserFacingError("cannot join with \(offerPath): \(error)")
            }
            var settings = opened.settings
            settings.stationID = joined.identity.stationID
            try target.save(settings)
            do {
                try joined.reply.fileData().write(to: replyURL, options: .atomic)
            } catch {
                throw UserFacingError(
                    "this station has joined as \(joined.identity.stationID), but its reply cannot be written to \(replyPath): \(error.localizedDescription). "
                        + "Run the same command again with a path you can write to; the offer's code is still unused")
            }
            if let hubURL = joined.identity.hubURL {
                print("Joined the hub at \(hubURL) as station \(joined.identity.stationID).")
            } else {
                print("Joined the hub as station \(joined.identity.stationID), to sync by bundle files only.")
            }
            print("Wrote the reply to \(replyPath). Carry it to the hub's admin, who runs: labeldesk station enrol REPLY --db HUB.sqlite. "
                + "Until then the hub refuses this station's bundles.")
            try adviseOnAccounts(opened)
        }

        private func adviseOnAccounts(_ opened: OpenWorkspace) throws {
            if try opened.station.accounts().isEmpty {
                print("This station has no accounts yet: add them here with `labeldesk user add NAME`, and at the hub with `labeldesk user add NAME --db HUB.sqlite`.")
            }
        }
    }

    struct Enrol: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrol a station at the hub from the reply file it wrote (enrolment without a network).",
            discussion: """
                The reply comes from `labeldesk station join --offer FILE --reply-out REPLY` on the station, \
                made with the offer of `labeldesk station add NAME --offer FILE`. It uses up the station's code; \
                from then on the hub accepts the station's bundles, and the station the hub's. A refused reply \
                changes nothing; applying the same reply again is not an error.
                """
        )
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: ArgumentHelp("The station's reply file.", valueName: "REPLY")) var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UserFacingError("cannot read \(file); check the path and that you may read it")
            }
            let database = try hubDatabase.open(workspace: workspace, creating: false)
            do {
                let reply = try EnrolmentOfferReply.read(data)
                print(try OfflineEnrolment.enrol(reply, database: database, now: Date()))
            } catch let error as OfflineEnrolmentError {
                throw UserFacingError("cannot enrol from \(file): \(error)")
            }
        }
    }
}
