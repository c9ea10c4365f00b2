import Domain
import Foundation
import Hub

/// Syncs with a hub in the same process: standalone mode, same code path, no network.
public struct InProcessTransport: SyncTransport {
    let hub: Hub
    let clock: @Sendable () -> Date

    /// - Parameter clock: the hub's "now"; tests pass a fixed or stepped clock.
    public init(hub: Hub, clock: @escaping @Sendable () -> Date) {
        self.hub = hub
        self.clock = clock
    }

    public func exchange(_ request: SyncRequest) async throws -> SyncReply {
        try hub.exchange(request, now: clock())
    }
}
