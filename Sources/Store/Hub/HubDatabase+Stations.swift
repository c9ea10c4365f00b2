import Crypto
import Domain
import Foundation
import GRDB

/// A station as the hub knows it.
public struct KnownStation: Equatable, Sendable {
    public var id: String
    /// The raw 32-byte Ed25519 public key; nil until the station enrols.
    public var publicKey: Data?
    public var createdAt: Date
    public var enrolledAt: Date?
    public var revokedAt: Date?

    public var isEnrolled: Bool { publicKey != nil }
    public var isRevoked: Bool { revokedAt != nil }
}

extension HubDatabase {
    /// How long a one-time enrolment code stays valid.
    public static let enrolmentCodeLifetime: TimeInterval = 24 * 3600

    /// Registers a station and returns its one-time enrolment code.
    ///
    /// Only the code's SHA-256 is stored. Asking again for a station that has not
    /// enrolled yet replaces its code; an enrolled station must be revoked first.
    ///
    /// `site` is where the station stands, for the lead's console and `report shift --site`;
    /// nil keeps the site it had.
    public func addStation(id: String, site: String? = nil, actor: String, now: Date) throws -> String {
        let code = Self.makeEnrolmentCode()
        try pool.write { db in
            let existing = try Row.fetchOne(db, sql: "SELECT public_key, revoked_at FROM station WHERE id = ?", arguments: [id])
            if let existing, existing["public_key"] as String? != nil, existing["revoked_at"] as Date? == nil {
                throw StoreError.stationExists(stationID: id)
            }
            try db.execute(sql: """
                INSERT INTO station (id, enrolment_code_hash, code_expires_at, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET enrolment_code_hash = excluded.enrolment_code_hash,
                    code_expires_at = excluded.code_expires_at, public_key = NULL, enrolled_at = NULL, revoked_at = NULL
                """, arguments: [id, Self.hash(code), now.addingTimeInterval(Self.enrolmentCodeLifetime), now])
            if let site { try db.execute(sql: "UPDATE station SET site = ? WHERE id = ?", arguments: [site, id]) }
            // A station enrolled afresh starts new bundle streams: its old numbers mean nothing now.
            try db.execute(sql: "DELETE FROM bundle_received WHERE sender = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM bundle_sent WHERE receiver = ?", arguments: [id])
            try AuditLog.append(AuditEvent(kind: .stationAdd, actor: actor, detail: "station \(id) registered" + (site.map { " at site \($0)" } ?? "") + "; enrolment code issued", at: now), in: db)
        }
        return code
    }

    /// Enrols the station whose one-time code this is: stores its public key and uses up the code.
    ///
    /// - Returns: the station's id.
    ///
    /// - Parameter expectedStation: when the enrolment names its station (a reply file
    ///   does), the code must have been issued to that station, checked in the same
    ///   transaction that uses the code up.
    public func enrolStation(code: String, publicKey: Data, expectedStation: String? = nil, now: Date) throws -> String {
        guard publicKey.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil else {
            throw StoreError.badPublicKey
        }
        let normalized = code.uppercased().filter { $0.isLetter || $0.isNumber }
        return try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, code_expires_at FROM station WHERE enrolment_code_hash = ?", arguments: [Self.hash(normalized)]) else {
                throw StoreError.unknownEnrolmentCode
            }
            let id: String = row["id"]
            if let expectedStation, expectedStation != id {
                throw StoreError.enrolmentCodeOfAnotherStation(presentedBy: expectedStation, holder: id)
            }
            if let expires: Date = row["code_expires_at"], expires < now { throw StoreError.enrolmentCodeExpired(stationID: id) }
            try db.execute(sql: """
                UPDATE station SET public_key = ?, enrolled_at = ?, enrolment_code_hash = NULL, code_expires_at = NULL WHERE id = ?
                """, arguments: [publicKey.base64EncodedString(), now, id])
            try AuditLog.append(AuditEvent(kind: .stationEnrol, actor: id, detail: "station \(id) enrolled", at: now), in: db)
            return id
        }
    }

    /// Revokes a station: from now on every request and bundle from it is refused.
    public func revokeStation(id: String, actor: String, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE station SET revoked_at = ?, enrolment_code_hash = NULL WHERE id = ?", arguments: [now, id])
            guard db.changesCount == 1 else { throw StoreError.noSuchStation(stationID: id) }
            try AuditLog.append(AuditEvent(kind: .stationRevoke, actor: actor, detail: "station \(id) revoked", at: now), in: db)
        }
    }

    public func stations() throws -> [KnownStation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM station ORDER BY id").map(Self.knownStation)
        }
    }

    public func station(id: String) throws -> KnownStation? {
        try pool.read { db in
            // Prepared once: every signed request looks its station up.
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM station WHERE id = ?"), arguments: [id]).map(Self.knownStation)
        }
    }

    /// The hub's Ed25519 private key (raw 32 bytes), made on first use.
    public func hubPrivateKey(now: Date) throws -> Data {
        try pool.write { db in
            if let stored = try String.fetchOne(db, sql: "SELECT private_key FROM hub_identity WHERE id = 1"), let key = Data(base64Encoded: stored) {
                return key
            }
            let key = Curve25519.Signing.PrivateKey().rawRepresentation
            try db.execute(sql: "INSERT INTO hub_identity (id, private_key, created_at) VALUES (1, ?, ?)", arguments: [key.base64EncodedString(), now])
            return key
        }
    }

    /// Eight letters and digits people can read aloud: no 0/O, 1/I/L.
    static func makeEnrolmentCode() -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return String(characters[0..<4]) + "-" + String(characters[4..<8]) + "-" + String(characters[8..<12])
    }

    static func hash(_ code: String) -> String {
        let normalized = code.uppercased().filter { $0.isLetter || $0.isNumber }
        return Hex.text(SHA256.hash(data: Data(normalized.utf8)))
    }

    private static func knownStation(_ row: Row) -> KnownStation {
        KnownStation(
            id: row["id"], publicKey: (row["public_key"] as String?).flatMap { Data(base64Encoded: $0) },
            createdAt: row["created_at"], enrolledAt: row["enrolled_at"], revokedAt: row["revoked_at"]
        )
    }
}
