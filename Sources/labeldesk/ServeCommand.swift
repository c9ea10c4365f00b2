import ArgumentParser
import Foundation
import Hub
import Logging
import Server
import Store
import Sync
import Workstation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the hub as an HTTP server for stations.",
        discussion: """
            Prints "LabelDesk hub listening on http://HOST:PORT" once it listens (with port 0, the port \
            the system chose), then serves until SIGTERM or SIGINT, finishing requests under way. \
            Logs go to --log, or only errors to standard error.
            """
    )

    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @Option(help: ArgumentHelp("The address to listen on.", valueName: "HOST:PORT")) var listen = "127.0.0.1:8080"
    @Option(help: "The largest request body accepted, in megabytes.") var maxBodyMegabytes = 8
    @Option(help: ArgumentHelp("Append the server's log to this file.", valueName: "PATH")) var log: String?

    func run() async throws {
        let (host, port) = try Self.parseListen(listen)
        guard maxBodyMegabytes > 0 else { throw UserFacingError("--max-body-megabytes must be at least 1") }
        let database = try hubDatabase.open(workspace: workspace, creating: true)
        var configuration = ServerConfiguration(host: host, port: port, maximumBodySize: maxBodyMegabytes * 1024 * 1024)
        if let log {
            var logger = Logger(label: "labeldesk.hub", factory: { FileLogHandler(label: $0, path: log) })
            logger.logLevel = .info
            configuration.logger = logger
        }
        let application = buildApplication(hub: Hub(database: database), database: database, configuration: configuration) { port in
            // Written straight to the file descriptor: stdout may be a pipe, where print's
            // buffer would hold the line back from whoever waits for it.
            FileHandle.standardOutput.write(Data("LabelDesk hub listening on http://\(host):\(port)\n".utf8))
        }
        do {
            try await application.runService()
        } catch {
            throw UserFacingError("the hub cannot listen on \(listen): \(HTTPTransport.reason(for: error)); choose another address or port with --listen")
        }
    }

    /// `HOST:PORT`, `[IPv6]:PORT`, or `:PORT` for 127.0.0.1.
    static func parseListen(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw UserFacingError("--listen \"\(text)\" is not HOST:PORT; write it like 127.0.0.1:8080 (port 0 picks a free port)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }
}
