import Crypto
import Foundation

/// A station's Ed25519 key pair as raw bytes, as the databases and the wire keep them.
///
/// Made on the station at enrolment; only `publicKey` is ever sent.
public struct StationKeyPair: Sendable {
    /// 32 bytes; stays on the station.
    public let privateKey: Data
    /// 32 bytes; the hub keeps it to check the station's signatures.
    public let publicKey: Data

    /// A fresh pair from the system's random source.
    public init() {
        let key = Curve25519.Signing.PrivateKey()
        privateKey = key.rawRepresentation
        publicKey = key.publicKey.rawRepresentation
    }

    /// The pair of a stored private key.
    public init(privateKey: Data) throws(RequestSigningError) {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: privateKey) else { throw .unreadableKey }
        self.privateKey = key.rawRepresentation
        publicKey = key.publicKey.rawRepresentation
    }
}
