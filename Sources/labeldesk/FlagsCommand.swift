import ArgumentParser
import Domain
import Foundation
import Hub
import Workstation

struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags", abstract: "Tasks labelers flagged for the shift lead.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List flagged tasks, newest first, with the labeler's note.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "Only this project's flags.") var project: String?

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            let rows = try hub.flags(projectID: project)
            guard !rows.isEmpty else {
                print("No flagged tasks\(project.map { " in \($0)" } ?? "").")
                return
            }
            for row in rows {
                let skipped = row.skipReason.map { " (skipped: \($0))" } ?? ""
                print("\(Timestamp.seconds(row.flaggedAt))\t\(row.projectID)/\(row.taskID)\t\(row.username)@\(row.stationID)\(skipped)\t\(row.note)")
            }
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports from the hub's data.", subcommands: [Predictions.self, Quality.self, Errors.self, AgreementCommand.self, ConsensusCommand.self, Items.self, Training.self, Shift.self])

    enum Layout: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    struct AgreementCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agreement",
            abstract: "How far people agree on tasks two or more labelled: Krippendorff's alpha, Fleiss' kappa, and each pair's kappa or matched F1.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Option(help: "table, csv or json.") var format: Layout = .table

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            print(QualityReportText.render(try hub.agreementReport(projectID: project), as: format), terminator: "")
        }
    }

    struct ConsensusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consensus",
            abstract: "Each labelled task's consensus label and its confidence, by majority vote or Dawid-Skene (anchored by gold).")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Option(help: "majority or dawid-skene.") var method: String = "dawid-skene"
        @Option(help: "table, csv or json.") var format: Layout = .table

        func run() throws {
            guard let chosen = ConsensusReport.Method(rawValue: method) else {
                throw UserFacingError("--method is majority or dawid-skene, not \"\(method)\"")
            }
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            print(QualityReportText.render(try hub.consensusReport(projectID: project, method: chosen), as: format), terminator: "")
        }
    }

    struct Errors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The errors people make on gold: the confusion matrix, error classes, the gold items most missed, and weak spots.",
            discussion: """
                Classification projects get the confusion matrix (rows: the key's label, columns: the label given), for \
                everyone or --person. Weak spots are a person's labels (or, for other kinds, error classes) with at least 5 \
                gold items where the 95% interval's upper bound is below the project's warn threshold: what the curriculum \
                remediates.
                """)
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Option(help: "Only this person.") var person: String?
        @Option(help: "table, csv or json.") var format: Layout = .table
        @Option(help: "Most-missed gold items to list.") var top = 20

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            let report = try hub.errorReport(projectID: project, username: person)
            print(QualityReportText.render(report, as: format, top: top), terminator: "")
        }
    }

    struct Quality: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each person's accuracy on the project's gold, its Wilson 95% interval, errors by class, and standing.",
            discussion: """
                Gold answers are scored at the hub against their keys, by the project's kind. A person is warned or \
                paused only after the policy's minimum of scored gold items, and only when the interval's upper bound is \
                below the threshold. Free-text gold waits for a reviewer and is counted apart.
                """)
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Option(help: "Only this person.") var person: String?
        @Option(help: "table, csv or json.") var format: Layout = .table
        @Flag(help: "Add signs of rushing: median time on gold against other work, answers much faster than the person's median (reads every judgement).")
        var pace = false

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            let report = try hub.qualityReport(projectID: project, username: person, withPace: pace)
            print(QualityReportText.render(report, as: format), terminator: "")
        }
    }

    struct Predictions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How often model predictions were accepted unchanged: per label, per model version, per person.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            print(try hub.predictionReport(projectID: project).text, terminator: "")
        }
    }
}
