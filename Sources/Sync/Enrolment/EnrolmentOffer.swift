import Crypto
import Foundation

/// The hub's offer to one station, carried to it as a file: what `EnrolmentReply`
/// tells a station over HTTP, plus the one-time code to answer with.
///
/// The file (`station add NAME --offer FILE`), keys sorted:
///
/// ```json
/// {
///   "code" : "ABCD-EFGH-JKMN",
///   "codeExpiresAt" : "2026-11-22T09:00:00Z",
///   "format" : 1,
///   "hubPublicKey" : "<the hub's raw 32-byte Ed25519 public key, base64>",
///   "hubURL" : "http://hub.example:8080",
///   "kind" : "labeldesk.enrolment-offer",
///   "stationID" : "bay-3"
/// }
/// ```
///
/// `hubURL` is left out for a station that will only ever sync by bundles. The code is
/// as secret as the printed one: whoever holds the file can enrol as the station until
/// the code is used or expires, so it travels the way the site carries other media.
public struct EnrolmentOffer: Codable, Equatable, Sendable {
    public var kind: EnrolmentFile.Kind
    public var format: Int
    public var stationID: String
    public var code: String
    /// The hub's raw 32-byte Ed25519 public key, base64, to check the hub's bundles.
    public var hubPublicKey: String
    /// When the hub stops taking the code; the station refuses an offer past it.
    public var codeExpiresAt: Date
    /// The hub's address for HTTP sync, when the station may one day reach it.
    public var hubURL: String?

    public init(stationID: String, code: String, hubPublicKey: Data, codeExpiresAt: Date, hubURL: String?) {
        kind = .offer
        format = EnrolmentFile.format
        self.stationID = stationID
        self.code = code
        self.hubPublicKey = hubPublicKey.base64EncodedString()
        // Whole seconds, as the file keeps them: the offer read back equals the one written.
        self.codeExpiresAt = Date(timeIntervalSince1970: codeExpiresAt.timeIntervalSince1970.rounded(.down))
        self.hubURL = hubURL
    }

    /// The file's bytes.
    public func fileData() throws -> Data {
        try EnrolmentFile.encoder().encode(self)
    }

    /// Reads an offer file, refusing anything that is not a whole, usable offer.
    ///
    /// - Throws: `OfflineEnrolmentError` naming what is wrong: not JSON, another kind
    ///   of file, an unknown format, a missing field, a bad key or hub address.
    public static func read(_ data: Data) throws(OfflineEnrolmentError) -> EnrolmentOffer {
        let offer = try EnrolmentFile.read(EnrolmentOffer.self, kind: .offer, from: data)
        guard offer.hubPublicKeyData != nil else { throw .badKey(in: .offer) }
        if let hubURL = offer.hubURL {
            guard (try? HTTPTransport.parseHubURL(hubURL)) != nil else { throw .badHubURL(hubURL) }
        }
        return offer
    }

    /// The hub's key as raw bytes, or nil when it is not an Ed25519 public key.
    public var hubPublicKeyData: Data? {
        guard let key = Data(base64Encoded: hubPublicKey), key.count == 32,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil
        else { return nil }
        return key
    }
}
