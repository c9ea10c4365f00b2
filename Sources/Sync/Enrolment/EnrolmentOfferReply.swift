import Crypto
import Foundation

/// A station's answer to an `EnrolmentOffer`, carried back to the hub as a file: the
/// `EnrolmentRequest` it would have posted to `/v1/enrol`, and who it is for.
///
/// The file (`station join --offer FILE --reply-out FILE`), keys sorted:
///
/// ```json
/// {
///   "code" : "ABCD-EFGH-JKMN",
///   "format" : 1,
///   "kind" : "labeldesk.enrolment-reply",
///   "publicKey" : "<the station's raw 32-byte Ed25519 public key, base64>",
///   "stationID" : "bay-3"
/// }
/// ```
///
/// Only the public half of the station's key is in it; the private half never leaves
/// the station. `stationID` lets the hub check the code belongs to that station before
/// using it up, so a reply carried to the wrong hub or mixed up with another station's
/// changes nothing.
public struct EnrolmentOfferReply: Codable, Equatable, Sendable {
    public var kind: EnrolmentFile.Kind
    public var format: Int
    public var stationID: String
    public var code: String
    /// The station's raw 32-byte Ed25519 public key, base64.
    public var publicKey: String

    public init(stationID: String, request: EnrolmentRequest) {
        kind = .reply
        format = EnrolmentFile.format
        self.stationID = stationID
        code = request.code
        publicKey = request.publicKey
    }

    /// What the hub applies: the same message the HTTP enrolment carries.
    public var request: EnrolmentRequest { EnrolmentRequest(code: code, publicKey: publicKey) }

    /// The file's bytes.
    public func fileData() throws -> Data {
        try EnrolmentFile.encoder().encode(self)
    }

    /// Reads a reply file, refusing anything that is not a whole reply with a usable key.
    ///
    /// - Throws: `OfflineEnrolmentError` naming what is wrong.
    public static func read(_ data: Data) throws(OfflineEnrolmentError) -> EnrolmentOfferReply {
        let reply = try EnrolmentFile.read(EnrolmentOfferReply.self, kind: .reply, from: data)
        guard let key = Data(base64Encoded: reply.publicKey), key.count == 32,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil
        else { throw .badKey(in: .reply) }
        return reply
    }
}
