import Crypto
import Foundation
import Store

/// The hub's check that a request comes from an enrolled station and was not replayed.
///
/// Two steps. `verify` runs the checks, cheapest first, and writes nothing. `admit`
/// then records the nonce inside the transaction that does what the request asks, so
/// the same signed request cannot be used twice, a refused one leaves the hub exactly
/// as it was, and a done one costs one commit, not two.
public struct RequestVerifier: Sendable {
    let database: HubDatabase
    /// How far a request's timestamp may be from the hub's clock, either way.
    public let allowedClockSkew: TimeInterval

    public init(database: HubDatabase, allowedClockSkew: TimeInterval = 300) {
        self.database = database
        self.allowedClockSkew = allowedClockSkew
    }

    /// Checks a request and records its nonce in a transaction of its own; returns the
    /// station that signed it. For requests that change nothing else.
    ///
    /// - Throws: `AuthenticationFailure` (answer 401) or a database error (answer 500).
    public func authenticate(method: String, path: String, header: (String) -> String?, body: Data, now: Date) throws -> String {
        let verified = try verify(method: method, path: path, header: header, body: body, now: now)
        try database.write { transaction in try admit(verified, in: transaction) }
        return verified.stationID
    }

    /// Checks a request's signature headers, writing nothing.
    ///
    /// - Parameter header: the request's value for a header name, or nil.
    /// - Throws: `AuthenticationFailure` (answer 401) or a database error (answer 500).
    public func verify(method: String, path: String, header: (String) -> String?, body: Data, now: Date) throws -> VerifiedRequest {
        var values: [String: String] = [:]
        for name in RequestSignature.headerNames {
            guard let value = header(name), !value.isEmpty else { throw AuthenticationFailure.missingHeader(name) }
            values[name] = value
        }
        let stationID = values[RequestSignature.stationHeader]!
        let timestampText = values[RequestSignature.timestampHeader]!
        let nonce = values[RequestSignature.nonceHeader]!
        guard let seconds = Int64(timestampText) else { throw AuthenticationFailure.malformedHeader(RequestSignature.timestampHeader) }
        guard nonce.count == 32, nonce.allSatisfy(\.isHexDigit) else { throw AuthenticationFailure.malformedHeader(RequestSignature.nonceHeader) }
        guard let signature = Data(base64Encoded: values[RequestSignature.signatureHeader]!) else {
            throw AuthenticationFailure.malformedHeader(RequestSignature.signatureHeader)
        }

        let skew = Double(seconds) - now.timeIntervalSince1970
        guard abs(skew) <= allowedClockSkew else {
            throw AuthenticationFailure.clockSkew(seconds: Int(skew.rounded()), allowed: Int(allowedClockSkew))
        }

        guard let station = try database.station(id: stationID) else { throw AuthenticationFailure.unknownStation(stationID) }
        guard !station.isRevoked else { throw AuthenticationFailure.revoked(stationID) }
        guard let rawKey = station.publicKey, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey) else {
            throw AuthenticationFailure.notEnrolled(stationID)
        }
        let message = RequestSignature.message(method: method, path: path, timestamp: timestampText, nonce: nonce, body: body)
        guard key.isValidSignature(signature, for: message) else { throw AuthenticationFailure.badSignature(stationID) }

        return VerifiedRequest(stationID: stationID, nonce: nonce, receivedAt: now)
    }

    /// Records a verified request's nonce in `transaction`; throws `.replayed` when it
    /// was seen before, and the caller's transaction then rolls back.
    public func admit(_ request: VerifiedRequest, in transaction: HubTransaction) throws {
        // A request is accepted while the hub's clock is within the skew of its
        // timestamp, a span of twice the skew; its nonce must be remembered that long.
        guard try transaction.recordNonce(
            stationID: request.stationID, nonce: request.nonce, now: request.receivedAt, window: 2 * allowedClockSkew)
        else { throw AuthenticationFailure.replayed(request.stationID) }
    }
}

/// A request whose signature checked out; not yet admitted (its nonce not yet recorded).
public struct VerifiedRequest: Sendable {
    /// The enrolled station that signed it.
    public let stationID: String
    let nonce: String
    let receivedAt: Date
}

/// Why the hub refuses to believe who sent a request; every case is a 401.
public enum AuthenticationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case missingHeader(String)
    case malformedHeader(String)
    case clockSkew(seconds: Int, allowed: Int)
    case unknownStation(String)
    case notEnrolled(String)
    case revoked(String)
    case badSignature(String)
    case replayed(String)

    public var description: String {
        switch self {
        case .missingHeader(let name):
            "the request has no \(name) header; every sync must be signed by an enrolled station"
        case .malformedHeader(let name):
            "the request's \(name) header cannot be read; every sync must be signed by an enrolled station"
        case let .clockSkew(seconds, allowed):
            "the request's time is \(abs(seconds)) s \(seconds < 0 ? "behind" : "ahead of") the hub's clock; set the station's and the hub's clocks right (at most \(allowed) s apart)"
        case .unknownStation(let id):
            "the hub knows no station \"\(id)\"; ask the hub's admin for an enrolment code (`labeldesk station add \(id)`) and run `labeldesk station join`"
        case .notEnrolled(let id):
            "station \"\(id)\" has not enrolled yet; run `labeldesk station join URL CODE` with the code from the hub's admin"
        case .revoked(let id):
            "station \"\(id)\" has been revoked at the hub; ask the hub's admin"
        case .badSignature(let id):
            "the request's signature does not match station \"\(id)\"'s key; it was changed on the way, or this station holds another key: enrol it again"
        case .replayed(let id):
            "this request from station \"\(id)\" was already received (its nonce was used before); a replayed request is refused"
        }
    }
}
