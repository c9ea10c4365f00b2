import Foundation
import Store

/// Enrolment by files, for a station that never reaches the hub: offer, join, enrol.
///
/// The same exchange as `POST /v1/enrol`, cut in two and carried by hand: the hub's
/// offer holds what its `EnrolmentReply` would say (the station's id, the hub's key)
/// plus the code, the station answers with the `EnrolmentRequest` it would have posted,
/// and the hub applies that with `HubEnrolment.enrol`, the server's own code. The key
/// pair is made on the station, and only its public half travels.
public enum OfflineEnrolment {
    /// At the hub: registers the station (a new code, as `station add` prints) and
    /// returns the offer to carry to it.
    ///
    /// - Parameter hubURL: where the station may reach the hub over HTTP some day; nil
    ///   for a station that will only ever sync by bundles.
    /// - Throws: `HTTPTransportError.badHubURL` before anything is registered,
    ///   `StoreError.stationExists` for a station enrolled and not revoked.
    public static func offer(stationID: String, site: String? = nil, hubURL: String?, database: HubDatabase, actor: String, now: Date) throws -> EnrolmentOffer {
        let address = try hubURL.map { try HTTPTransport.parseHubURL($0).absoluteString }
        // The hub's key first: making it is repeatable, issuing a code replaces the last one.
        let hubKey = try HubEnrolment.hubPublicKey(database: database, now: now)
        let code = try database.addStation(id: stationID, site: site, actor: actor, now: now)
        return EnrolmentOffer(
            stationID: stationID, code: code, hubPublicKey: hubKey,
            codeExpiresAt: now.addingTimeInterval(HubDatabase.enrolmentCodeLifetime), hubURL: address)
    }

    /// At the station: makes its key pair, joins the hub of the offer, and returns the
    /// reply to carry back.
    ///
    /// Joining is `StationDatabase.joinHub`, as after an HTTP enrolment: the identity
    /// is saved (without a hub address when the offer has none: the station then syncs
    /// only by bundles) and the old hub's cache is emptied. The station's bundles are
    /// refused at the hub until the admin has applied the reply, and then accepted,
    /// so the station may start its first bundle at once.
    ///
    /// - Parameter keys: fresh for every join; tests pass their own.
    /// - Throws: `OfflineEnrolmentError.offerExpired` (by this machine's clock) or
    ///   `.badKey`, `StationJoinError.unsentWork`; each before anything is saved.
    public static func join(
        _ offer: EnrolmentOffer, station: StationDatabase, now: Date, keys: StationKeyPair = StationKeyPair()
    ) throws -> (identity: StationIdentity, reply: EnrolmentOfferReply) {
        guard now < offer.codeExpiresAt else { throw OfflineEnrolmentError.offerExpired(stationID: offer.stationID, at: offer.codeExpiresAt) }
        guard let hubKey = offer.hubPublicKeyData else { throw OfflineEnrolmentError.badKey(in: .offer) }
        let address = try offer.hubURL.map { text in
            guard let url = try? HTTPTransport.parseHubURL(text) else { throw OfflineEnrolmentError.badHubURL(text) }
            return url.absoluteString
        }
        let identity = StationIdentity(
            stationID: offer.stationID, privateKey: keys.privateKey, hubURL: address, hubPublicKey: hubKey, enrolledAt: now)
        try station.joinHub(identity, now: now)
        let request = EnrolmentRequest(code: offer.code, publicKey: keys.publicKey.base64EncodedString())
        return (identity, EnrolmentOfferReply(stationID: offer.stationID, request: request))
    }

    /// At the hub: applies a station's reply through `HubEnrolment.enrol`.
    ///
    /// Checks first, using nothing up, that the station is known and not revoked; the
    /// code is spent only if it was issued to that station, checked in the transaction
    /// that spends it. The same reply applied twice is not an error, since its key is
    /// already the station's.
    ///
    /// - Throws: `OfflineEnrolmentError` for a reply this hub will not take.
    public static func enrol(_ reply: EnrolmentOfferReply, database: HubDatabase, now: Date) throws -> OfflineEnrolmentOutcome {
        let stationID = reply.stationID
        guard let station = try database.station(id: stationID) else { throw OfflineEnrolmentError.unknownStation(stationID) }
        guard !station.isRevoked else { throw OfflineEnrolmentError.stationRevoked(stationID) }
        if let enrolledKey = station.publicKey {
            guard enrolledKey.base64EncodedString() == reply.publicKey else { throw OfflineEnrolmentError.enrolledWithAnotherKey(stationID) }
            return .alreadyEnrolled(stationID: stationID)
        }
        do {
            _ = try HubEnrolment.enrol(reply.request, expectedStation: stationID, database: database, now: now)
        } catch StoreError.enrolmentCodeOfAnotherStation(_, let holder) {
            throw OfflineEnrolmentError.codeOfAnotherStation(reply: stationID, holder: holder)
        } catch StoreError.unknownEnrolmentCode {
            throw OfflineEnrolmentError.codeNotValid(stationID: stationID)
        } catch StoreError.enrolmentCodeExpired {
            throw OfflineEnrolmentError.codeExpired(stationID: stationID)
        } catch StoreError.badPublicKey {
            throw OfflineEnrolmentError.badKey(in: .reply)
        }
        return .enrolled(stationID: stationID)
    }
}

/// What applying a station's reply did.
public enum OfflineEnrolmentOutcome: Equatable, Sendable, CustomStringConvertible {
    case enrolled(stationID: String)
    /// The reply had been applied before: the station holds its key already.
    case alreadyEnrolled(stationID: String)

    public var description: String {
        switch self {
        case .enrolled(let id): "Enrolled station \(id)."
        case .alreadyEnrolled(let id): "Station \(id) is already enrolled with this reply's key; nothing changed."
        }
    }
}
