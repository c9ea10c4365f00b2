import Domain
import Foundation
import Hummingbird
import Sync

/// Builds JSON responses with the sync protocol's encoder (sorted keys, millisecond dates).
///
/// Hummingbird's own encoder writes ISO 8601 dates; the station reads milliseconds, so
/// every body goes through `SyncCoding` instead.
enum JSONResponse {
    static func make(status: HTTPResponse.Status = .ok, _ value: some Encodable) -> Response {
        respond(status: status) { try SyncCoding.encoder().encode(value) }
    }

    /// A sync reply, written the fast way (`SyncCoding.encode`): replies carry thousands
    /// of outcomes and leases.
    static func make(_ reply: SyncReply) -> Response {
        respond(status: .ok) { try SyncCoding.encode(reply) }
    }

    private static func respond(status: HTTPResponse.Status, encoding: () throws -> Data) -> Response {
        let data: Data
        do {
            data = try encoding()
        } catch {
            // Our own reply types always encode; if one ever does not, say so in JSON.
            data = Data(#"{"error":"the hub could not write its reply"}"#.utf8)
            return Response(
                status: .internalServerError, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
