import Domain
import Foundation

/// What a bundle says about itself, signed with its payload.
///
/// Stored as JSON with sorted keys: the bytes are hashed and signed, and a person
/// inspecting a file on removable media can read them.
public struct BundleHeader: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Station to hub: a `SyncRequest`.
        case request
        /// Hub to station: a `SyncReply`.
        case reply
    }

    public var kind: Kind
    public var sender: String
    public var receiver: String
    /// 1, 2, 3... per sender and receiver.
    public var sequence: Int64
    /// The hash of the sender's bundle `sequence - 1` to this receiver; 64 zeros for the first.
    public var previousHash: String
    /// The receiver must have applied this sender's bundle `buildsOn` (0: none) first.
    ///
    /// The bundle carries everything since: it is the last bundle the sender knows the
    /// receiver applied. So a lost bundle in between is covered by this one, and only a
    /// receiver that is behind that point (restored from a backup) has a real gap.
    public var buildsOn: Int64
    /// The last bundle of the other direction's stream the sender has applied.
    public var acknowledges: Int64
    public var createdAt: Date
    public var payloadLength: Int
    /// SHA-256 of the payload, lower-case hex.
    public var payloadSHA256: String
    /// The media files that follow the signature, in order (format 2); nil when none,
    /// so a bundle without media has the same header bytes as before media existed.
    public var media: [MediaReference]?

    /// The bytes of all media members together.
    var mediaLength: Int { media?.reduce(0) { $0 + $1.byteCount } ?? 0 }

    public init(
        kind: Kind, sender: String, receiver: String, sequence: Int64, previousHash: String, buildsOn: Int64,
        acknowledges: Int64, createdAt: Date, payloadLength: Int, payloadSHA256: String, media: [MediaReference]? = nil
    ) {
        self.media = media
        self.kind = kind
        self.sender = sender
        self.receiver = receiver
        self.sequence = sequence
        self.previousHash = previousHash
        self.buildsOn = buildsOn
        self.acknowledges = acknowledges
        self.createdAt = createdAt
        self.payloadLength = payloadLength
        self.payloadSHA256 = payloadSHA256
    }

    /// The header's JSON: sorted keys, the time as `Timestamp.precise` text.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.precise(date))
        }
        return try encoder.encode(self)
    }

    static func decoded(from data: Data) throws -> BundleHeader {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an ISO 8601 time")
            }
            return date
        }
        return try decoder.decode(BundleHeader.self, from: data)
    }

    /// A sentence's worth of what is wrong with the fields, if anything.
    var problem: String? {
        if sequence < 1 { return "its number is \(sequence); bundles are numbered from 1" }
        if buildsOn < 0 || buildsOn >= sequence {
            return "bundle \(sequence) says it builds on bundle \(buildsOn), which is not an earlier bundle"
        }
        if acknowledges < 0 { return "it acknowledges bundle \(acknowledges)" }
        if previousHash.count != 64 || !previousHash.allSatisfy(\.isHexDigit) {
            return "its previous-bundle hash is not 64 hex digits"
        }
        if sender.isEmpty || receiver.isEmpty { return "it does not name its sender and receiver" }
        if let media, media.contains(where: { !MediaReference.isWellFormed($0.sha256) || $0.byteCount <= 0 }) {
            return "its media list names a file without a 64-digit SHA-256 or a size"
        }
        return nil
    }
}
