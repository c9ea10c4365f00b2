import Foundation
import Logging

/// How `labeldesk serve` listens, what it accepts, and whose clock it keeps.
///
/// One value the command line and the tests both make; the clock is injectable so tests
/// can move the hub past a lease's expiry without waiting.
public struct ServerConfiguration: Sendable {
    /// The host to bind; LabelDesk hubs listen on an address the admin names.
    public var host: String
    /// The port to bind; 0 asks the system for a free one (tests).
    public var port: Int
    /// The largest request body accepted, in bytes; larger bodies get 413.
    public var maximumBodySize: Int
    /// How far a request's timestamp may be from the hub's clock, either way.
    public var allowedClockSkew: TimeInterval
    /// The hub's "now": lease expiry, signature timestamps, audit times.
    public var clock: @Sendable () -> Date
    /// Where the server logs. The default writes errors only, to stderr: never stdout,
    /// which `labeldesk serve` keeps for the line saying where it listens.
    public var logger: Logger

    public init(
        host: String = "127.0.0.1", port: Int = 0, maximumBodySize: Int = 8 * 1024 * 1024,
        allowedClockSkew: TimeInterval = 300, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = ServerConfiguration.errorsToStandardError()
    ) {
        self.host = host
        self.port = port
        self.maximumBodySize = maximumBodySize
        self.allowedClockSkew = allowedClockSkew
        self.clock = clock
        self.logger = logger
    }

    /// A logger that writes only errors, to stderr.
    public static func errorsToStandardError() -> Logger {
        var logger = Logger(label: "labeldesk.hub", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .error
        return logger
    }
}
