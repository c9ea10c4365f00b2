import ArgumentParser
import Foundation
import Store
import Workstation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the audit logs.",
        subcommands: [Verify.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain of the station's and the hub's audit logs.",
            discussion: "Exits 0 when both chains are intact; otherwise names the first broken entry and exits 1."
        )
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let opened = try workspace.resolved().open()
            var intact = true
            for (name, verification) in [("station", try opened.station.verifyAudit()), ("hub", try opened.hub.verifyAudit())] {
                switch verification {
                case .intact(let entries):
                    print("\(name) audit log: intact, \(entries) entries")
                case let .broken(seq, reason):
                    intact = false
                    print("\(name) audit log: BROKEN at entry \(seq): \(reason)")
                }
            }
            if !intact { throw ExitCode(1) }
        }
    }
}
