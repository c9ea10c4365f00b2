import Domain
import Foundation

/// Carries one sync request to the hub and brings its reply back.
///
/// One message, several carriers: in-process (standalone mode), HTTP, and signed bundle
/// files. A transport either returns the hub's reply or throws; it never makes one up.
public protocol SyncTransport: Sendable {
    func exchange(_ request: SyncRequest) async throws -> SyncReply

    /// Fetches a media file's bytes from `offset` to its end, handing each piece to
    /// `receive` as it arrives, so a cut connection leaves what came in the caller's hands.
    ///
    /// The bytes are not trusted: the caller checks the whole file against its SHA-256.
    func fetchMedia(
        _ media: MediaReference, for stationID: String, from offset: Int, receive: (Data) throws -> Void
    ) async throws
}

extension SyncTransport {
    /// A transport that carries no media (bundle-only): bundles bring the files instead.
    public func fetchMedia(
        _ media: MediaReference, for stationID: String, from offset: Int, receive: (Data) throws -> Void
    ) async throws {
        throw MediaFetchError.notCarried
    }
}
