import ArgumentParser
import Foundation
import Hub

/// `labeldesk cohort ...`: named groups of people to assign courses to.
struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort", abstract: "Cohorts: named groups of people a trainer assigns courses to.",
        subcommands: [Create.self, Add.self, List.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an empty cohort.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: "Its name: letters, digits, '-', '_' or '.'.") var name: String
        @Option(name: .customLong("as"), help: "Who makes it: a trainer, lead or admin on the hub's roster.") var actor: String

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            try hub.createCohort(name: name, actor: actor, now: Date())
            print("Made cohort \(name); add people with labeldesk cohort add \(name) USER...")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add people to a cohort; each is given the courses assigned to it before.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: "The cohort.") var name: String
        @Argument(help: "People on the hub's roster.") var usernames: [String]
        @Option(name: .customLong("as"), help: "Who adds them: a trainer, lead or admin on the hub's roster.") var actor: String

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            let addition = try hub.addToCohort(name: name, usernames: usernames, actor: actor, now: Date())
            if !addition.added.isEmpty {
                print("Added \(addition.added.joined(separator: ", ")) to \(name)."
                    + (addition.coursesGiven.isEmpty ? "" : " Given its courses: \(addition.coursesGiven.joined(separator: ", "))."))
            }
            if !addition.alreadyIn.isEmpty { print("Already in \(name): \(addition.alreadyIn.joined(separator: ", ")).") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every cohort and who is in it.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            let cohorts = try hub.cohorts()
            guard !cohorts.isEmpty else {
                print("No cohorts yet; make one with labeldesk cohort create NAME --as TRAINER.")
                return
            }
            for cohort in cohorts {
                print("\(cohort.name)\t\(cohort.members.count) \(cohort.members.count == 1 ? "person" : "people")\t\(cohort.members.joined(separator: ", "))")
            }
        }
    }
}
