import Domain
import Foundation
import GRDB

/// Who this station is to its hub.
public struct StationIdentity: Equatable, Sendable {
    public var stationID: String
    /// The raw 32-byte Ed25519 private key, made on this station at enrolment.
    public var privateKey: Data
    /// The hub's address for HTTP sync; nil for a station that syncs only by bundles.
    public var hubURL: String?
    /// The hub's raw Ed25519 public key, to check the hub's bundles.
    public var hubPublicKey: Data
    public var enrolledAt: Date

    public init(stationID: String, privateKey: Data, hubURL: String?, hubPublicKey: Data, enrolledAt: Date) {
        self.stationID = stationID
        self.privateKey = privateKey
        self.hubURL = hubURL
        self.hubPublicKey = hubPublicKey
        self.enrolledAt = enrolledAt
    }
}

extension StationDatabase {
    /// This station's enrolment, or nil when it runs standalone.
    public func identity() throws -> StationIdentity? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM identity WHERE id = 1") else { return nil }
            guard let privateKey = Data(base64Encoded: row["private_key"] as String),
                  let hubKey = Data(base64Encoded: row["hub_public_key"] as String) else {
                throw StoreError.unreadableRow(table: "identity", problem: "a key is not valid base64")
            }
            return StationIdentity(stationID: row["station_id"], privateKey: privateKey, hubURL: row["hub_url"], hubPublicKey: hubKey, enrolledAt: row["enrolled_at"])
        }
    }

    /// Records this station's enrolment, replacing any earlier one.
    public func saveIdentity(_ identity: StationIdentity) throws {
        try pool.write { db in try Self.saveIdentity(identity, in: db) }
    }

    /// A new enrolment starts new bundle streams in both directions, so the stream
    /// positions of an earlier one are forgotten in the same transaction.
    static func saveIdentity(_ identity: StationIdentity, in db: Database) throws {
        try db.execute(sql: "DELETE FROM bundle_received")
        try db.execute(sql: "DELETE FROM bundle_sent")
        try db.execute(sql: """
            INSERT OR REPLACE INTO identity (id, station_id, private_key, hub_url, hub_public_key, enrolled_at)
            VALUES (1, ?, ?, ?, ?, ?)
            """, arguments: [identity.stationID, identity.privateKey.base64EncodedString(), identity.hubURL, identity.hubPublicKey.base64EncodedString(), identity.enrolledAt])
    }
}
