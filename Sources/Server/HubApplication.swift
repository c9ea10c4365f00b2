import Foundation
import Hub
import Hummingbird
import Logging
import Store
import Sync

/// Builds the hub's HTTP application: the router over `Hub`, on the configured address.
///
/// One function, as Hummingbird's examples do, so `labeldesk serve` and the tests build
/// the same thing. Run it with `runService()` (stops gracefully on SIGTERM and SIGINT)
/// or `run()` inside a task that is cancelled to stop it.
///
/// - Parameter onServerRunning: called once the server listens, with the real port
///   (useful with port 0).
public func buildApplication(
    hub: Hub, database: HubDatabase, configuration: ServerConfiguration,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router(context: BasicRequestContext.self)
    HubController(
        hub: hub, database: database,
        verifier: RequestVerifier(database: database, allowedClockSkew: configuration.allowedClockSkew),
        configuration: configuration
    ).addRoutes(to: router)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: configuration.logger
    )
}
