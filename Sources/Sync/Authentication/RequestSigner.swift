import Crypto
import Foundation

/// Signs a station's HTTP requests with its Ed25519 key.
///
/// The station's private key never leaves the station: enrolment gave the hub only the
/// public half, so a valid signature proves the request came from this station.
public struct RequestSigner: Sendable {
    public let stationID: String
    private let key: Curve25519.Signing.PrivateKey

    /// - Parameter privateKey: the raw 32-byte key from `StationIdentity`.
    public init(stationID: String, privateKey: Data) throws(RequestSigningError) {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: privateKey) else {
            throw RequestSigningError.unreadableKey
        }
        self.stationID = stationID
        self.key = key
    }

    /// The four authentication headers for one request.
    ///
    /// - Parameter nonce: fresh for every request; tests pass one to replay it.
    public func headers(method: String, path: String, body: Data, now: Date, nonce: String = RequestSignature.makeNonce()) throws -> [String: String] {
        let timestamp = String(Int64(now.timeIntervalSince1970.rounded(.down)))
        let message = RequestSignature.message(method: method, path: path, timestamp: timestamp, nonce: nonce, body: body)
        let signature = try key.signature(for: message)
        return [
            RequestSignature.stationHeader: stationID,
            RequestSignature.timestampHeader: timestamp,
            RequestSignature.nonceHeader: nonce,
            RequestSignature.signatureHeader: signature.base64EncodedString(),
        ]
    }
}

/// Why a station cannot sign.
public enum RequestSigningError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadableKey

    public var description: String {
        "this station's private key cannot be read; enrol the station again with `labeldesk station join URL CODE`"
    }
}
