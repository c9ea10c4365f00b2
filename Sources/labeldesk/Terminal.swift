import Foundation
import Logging
import Screens
import TerminalCore
import TerminalCurses
import Workstation

/// Starts the terminal workstation on a workspace.
enum Terminal {
    static func run(workspace: Workspace) async throws {
        try CursesBackend.refuseUnsuitableTerminal()
        if !workspace.exists {
            try DemoWorkspace.create(in: workspace, assets: DemoWorkspace.locateAssets(), training: TrainingFolder.locate(), now: Date())
        }
        let opened = try workspace.open()
        LoggingSystem.bootstrap(FileLogHandler.factory(path: workspace.logPath))
        let logger = Logger(label: "labeldesk")
        let backend = try CursesBackend()
        // The terminal belongs to the UI: anything written to stderr from here on, a
        // crash report included, goes to the log file for an admin to read.
        redirectStandardError(to: workspace.logPath)
        defer { backend.restore() }
        let inbox = ActionInbox()
        let runner = EffectRunner(
            station: opened.station, syncer: opened.syncer, settings: opened.settings, link: opened.link, inbox: inbox, hub: opened.hub,
            logger: logger)
        let state = AppState(settings: opened.settings, size: backend.size, now: Date(), timeZone: .current, link: opened.link)
        logger.info("started", metadata: ["workspace": "\(workspace.directory.path)"])
        RunLoop(state: state, backend: backend, runner: runner, inbox: inbox, stopRequested: { backend.stopRequested }).run()
        logger.info("stopped")
    }
}

private func redirectStandardError(to path: String) {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    guard descriptor >= 0 else { return }
    dup2(descriptor, STDERR_FILENO)
    close(descriptor)
}
