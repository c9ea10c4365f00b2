import Domain
import Crypto
import Foundation

/// The byte layout of a bundle file, formats 1 and 2. Integers are unsigned, big-endian.
///
/// ```
/// offset    size  field
/// 0         8     magic "LDBUNDLE"
/// 8         2     format version (1; 2 when the bundle carries media)
/// 10        4     header length H
/// 14        8     file length L = 62 + H + P + 64 + M + 32
/// 22        32    SHA-256 of the header
/// 54        8     start check: the first 8 bytes of SHA-256(bytes 0..<54)
/// 62        H     header: JSON with sorted keys (`BundleHeader`)
/// 62+H      P     payload: JSON with sorted keys, a `SyncRequest` or `SyncReply`
///                 (`SyncCoding`); P and the payload's SHA-256 are in the header
/// 62+H+P    64    Ed25519 signature by the sender of bytes 0..<62+H+P
/// 62+H+P+64 M     format 2: media members, the files the header's `media` lists, in
///                 its order, each exactly its `byteCount` bytes (M is their sum)
/// L-32      32    SHA-256 of bytes 0..<L-32
/// ```
///
/// Media members are outside the signed bytes but bound to them: the signed header
/// names each member's SHA-256 and length, and the reader checks every member against
/// its name before anything is applied. So a file's bytes travel once, raw (no base64
/// inside the JSON), and the bundle's hash, which is made when the hub applies the
/// station's bundle, needs only the media's names, not their bytes.
///
/// Every part has its own check, so a reader can say what went wrong and a person can
/// act on it. The start check makes the declared length trustworthy: a file shorter
/// than L was cut short (copy it again), not damaged. The header digest, the payload
/// digest and the last digest, which covers the signature, say which part a flipped
/// bit is in. When all of them hold, the bytes are as the sender wrote them, so a
/// signature that does not verify means the bundle was signed by someone else, not
/// damaged on the way.
///
/// The bundle's hash, which the next bundle of the stream chains to, is the SHA-256 of
/// the signed bytes (0..<62+H+P): the same bundle written twice has the same hash even
/// where Ed25519 signing is randomised.
enum BundleFormat {
    static let magic = Data("LDBUNDLE".utf8)
    /// The newest format this code writes and reads; it writes 1 when a bundle carries no media.
    static let version: UInt16 = 2
    static let versionWithoutMedia: UInt16 = 1
    /// Magic, version, header length, file length, header digest, start check.
    static let startLength = 62
    static let signatureLength = 64
    static let digestLength = 32
    /// The signature and the final digest.
    static let endLength = signatureLength + digestLength
    /// Bytes 54..<62 hold the first 8 bytes of the SHA-256 of bytes 0..<54.
    static let startCheckOffset = 54

    /// The hub's name in bundle headers; a station has one hub.
    static let hubID = "hub"

    static func sha256(_ data: Data) -> Data { Data(SHA256.hash(data: data)) }

    static func hex(_ data: Data) -> String { Hex.text(data) }
}
