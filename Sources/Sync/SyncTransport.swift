import Domain

/// Carries one sync request to the hub and brings its reply back.
///
/// One message, several carriers: in-process (standalone mode), HTTP, and signed bundle
/// files. A transport either returns the hub's reply or throws; it never makes one up.
public protocol SyncTransport: Sendable {
    func exchange(_ request: SyncRequest) async throws -> SyncReply
}
