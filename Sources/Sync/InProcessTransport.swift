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

    public func lead(_ request: LeadRequest) async throws -> LeadReply {
        try hub.lead(request, now: clock())
    }

    /// Reads the hub's own media store, with the same lease check the server makes.
    public func fetchMedia(
        _ media: MediaReference, for stationID: String, from offset: Int, receive: (Data) throws -> Void
    ) async throws {
        let stored = try hub.media(media.sha256, forStation: stationID)
        var position = offset
        while position < stored.reference.byteCount {
            let piece = try stored.read(from: position, length: 1 << 20)
            guard !piece.isEmpty else { break }
            try receive(piece)
            position += piece.count
        }
    }
}
