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

    /// Asks the hub for the shift floor (and a lead's action first), for the lead's console.
    func lead(_ request: LeadRequest) async throws -> LeadReply
}

extension SyncTransport {
    /// A transport that carries no media (bundle-only): bundles bring the files instead.
    public func fetchMedia(
        _ media: MediaReference, for stationID: String, from offset: Int, receive: (Data) throws -> Void
    ) async throws {
        throw MediaFetchError.notCarried
    }

    /// A transport that cannot ask the hub live (bundle-only): the console needs a hub it can reach.
    public func lead(_ request: LeadRequest) async throws -> LeadReply {
        throw LeadUnreachable()
    }
}

/// Why a bundle-only station has no lead's console.
public struct LeadUnreachable: Error, CustomStringConvertible {
    public init() {}
    public var description: String {
        "this station reaches the hub only by bundle files, and the floor is live: watch it on the hub's machine, or with labeldesk report shift there"
    }
}
