import Crypto
import Foundation
import Store

/// The hub's side of enrolment: a one-time code and a station's new public key in, the
/// station's id and the hub's public key out.
///
/// Shared by the HTTP server and tests; the key pair is made on the station, so the
/// station's private key is never sent anywhere.
public enum HubEnrolment {
    /// - Throws: `StoreError.unknownEnrolmentCode` or `.enrolmentCodeExpired` (a wrong,
    ///   used or old code), `StoreError.badPublicKey` (not a base64 32-byte key).
    ///
    /// - Parameter expectedStation: the station the enrolment says it is for, if it says.
    public static func enrol(
        _ request: EnrolmentRequest, expectedStation: String? = nil, database: HubDatabase, now: Date
    ) throws -> EnrolmentReply {
        guard let publicKey = Data(base64Encoded: request.publicKey) else { throw StoreError.badPublicKey }
        // The hub's key first: making it is repeatable, using up the code is not.
        let hubKey = try hubPublicKey(database: database, now: now)
        let stationID = try database.enrolStation(
            code: request.code, publicKey: publicKey, expectedStation: expectedStation, now: now)
        return EnrolmentReply(stationID: stationID, hubPublicKey: hubKey.base64EncodedString())
    }

    /// The hub's raw Ed25519 public key, made with its private key on first use.
    public static func hubPublicKey(database: HubDatabase, now: Date) throws -> Data {
        let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: database.hubPrivateKey(now: now))
        return privateKey.publicKey.rawRepresentation
    }
}
