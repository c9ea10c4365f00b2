import ArgumentParser
import Foundation
import Workstation

/// `labeldesk`: with no subcommand, the terminal workstation; subcommands for admins.
/// argument-parser runs the command and prints any error as "Error: <sentence>": every
/// error type LabelDesk throws describes itself as a sentence for a person.
@main
struct LabelDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labeldesk",
        abstract: "A keyboard-first terminal workstation for data labelers.",
        discussion: """
            With no subcommand, opens LabelDesk in this terminal on the workspace (created \
            with the built-in demo on first run).
            """,
        subcommands: [
            DemoCommand.self, ProjectCommand.self, ImportCommand.self, ExportCommand.self, ImageryCommand.self, PredictionsCommand.self,
            UserCommand.self, AuditCommand.self, BenchCommand.self, FlagsCommand.self, ReportCommand.self,
            GoldCommand.self, ServeCommand.self, StationCommand.self,
            CourseCommand.self, CohortCommand.self,
            BundleCommand.self,
            FaultStationCommand.self,
        ]
    )

    @OptionGroup var workspace: WorkspaceOption

    func run() async throws {
        try await Terminal.run(workspace: workspace.resolved())
    }
}

/// `--workspace DIR`, shared by every subcommand.
struct WorkspaceOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder.", discussion: "Default: $LABELDESK_HOME, or ~/.labeldesk.", valueName: "DIR"))
    var workspace: String?

    func resolved() -> Workspace { Workspace.resolve(workspace) }

    /// The workspace, created empty (no demo) if it does not exist yet.
    func prepared() throws -> Workspace {
        let resolved = resolved()
        try resolved.prepare()
        return resolved
    }
}
