import Domain
import Foundation

/// How sync messages become JSON bytes and back, the same on the station and the hub.
///
/// Keys are sorted because `JSONEncoder`'s key order is not stable on Linux, and the
/// bytes are hashed for request signatures. Dates travel as milliseconds since 1970: the
/// databases keep milliseconds, so nothing a station sends changes on the way, and a
/// number is cheaper to read than ISO 8601 text when a batch holds thousands of dates.
public enum SyncCoding {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }

    /// A request as JSON bytes, the fast way (see `SyncWriter`).
    public static func encode(_ request: SyncRequest) throws -> Data {
        var writer = SyncWriter(reservingCapacity: 256 + request.annotations.count * 320)
        try writer.write(request)
        return writer.data
    }

    /// A reply as JSON bytes, the fast way (see `SyncWriter`).
    public static func encode(_ reply: SyncReply) throws -> Data {
        var writer = SyncWriter(reservingCapacity: 256 + reply.outcomes.count * 80 + reply.leases.count * 400)
        try writer.write(reply)
        return writer.data
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }

    /// Decodes `type`, turning the decoder's error into a sentence that names the field.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(DecodingProblem) -> T {
        do {
            return try decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw DecodingProblem(error)
        } catch {
            throw DecodingProblem(sentence: "the body cannot be read as JSON: \(error)")
        }
    }
}
