import Domain
import Crypto
import Foundation

/// What a signed request carries and what exactly is signed.
///
/// The signed text is `METHOD\nPATH\nTIMESTAMP\nNONCE\nSHA256-HEX-OF-BODY`: the body's
/// hash ties the signature to these bytes, the timestamp bounds how long a captured
/// request is any use, and the nonce makes each request usable once within that time.
public enum RequestSignature {
    public static let stationHeader = "X-LabelDesk-Station"
    /// Unix seconds at the sender.
    public static let timestampHeader = "X-LabelDesk-Timestamp"
    /// 16 random bytes, hex.
    public static let nonceHeader = "X-LabelDesk-Nonce"
    /// The Ed25519 signature of `message`, base64.
    public static let signatureHeader = "X-LabelDesk-Signature"

    public static let headerNames = [stationHeader, timestampHeader, nonceHeader, signatureHeader]

    /// The bytes a station signs and the hub checks.
    public static func message(method: String, path: String, timestamp: String, nonce: String, body: Data) -> Data {
        Data([method.uppercased(), path, timestamp, nonce, sha256Hex(body)].joined(separator: "\n").utf8)
    }

    public static func sha256Hex(_ data: Data) -> String {
        Hex.text(SHA256.hash(data: data))
    }

    /// A fresh nonce: 16 bytes from the system's random source, as 32 hex digits.
    public static func makeNonce() -> String {
        // Two 64-bit draws, not sixteen byte-sized ones: each draw is a system call.
        var generator = SystemRandomNumberGenerator()
        return [generator.next(), generator.next()].map { (word: UInt64) in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
