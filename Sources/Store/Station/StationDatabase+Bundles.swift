import Domain
import Foundation
import GRDB

extension StationDatabase {
    /// Where this station's bundle streams with `hubID` stand.
    public func bundleStream(hubID: String) throws -> StationBundleStream {
        try pool.read { db in try Self.bundleStream(hubID: hubID, in: db) }
    }

    /// Reserves the next number of this station's stream and records the bundle made for it.
    ///
    /// `seal` gets the stream as it stands and returns the signed bundle numbered one
    /// past `lastSent`; its number, hash and audit entry are stored in the same
    /// transaction, so two exports can never share a number.
    public func recordBundleSent(hubID: String, seal: (StationBundleStream) throws -> SealedBundle) throws -> SealedBundle {
        try pool.write { db in
            let stream = try Self.bundleStream(hubID: hubID, in: db)
            let sealed = try seal(stream)
            guard sealed.sequence == stream.lastSent.lastSequence + 1 else {
                fatalError("a station bundle must be numbered \(stream.lastSent.lastSequence + 1), not \(sealed.sequence)")
            }
            try db.execute(sql: """
                INSERT INTO bundle_sent (id, last_sequence, last_hash) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET last_sequence = excluded.last_sequence, last_hash = excluded.last_hash
                """, arguments: [sealed.sequence, sealed.hash])
            try AuditLog.append(sealed.audit, in: db)
            return sealed
        }
    }

    /// Applies a hub bundle's reply and records the bundle as applied, in one transaction.
    ///
    /// `check` sees the stream's position inside the transaction, before anything is
    /// written: it throws to refuse the bundle (nothing is written) or returns false for
    /// one already applied (nothing is written either). Returns whether it was applied.
    ///
    /// - Parameters:
    ///   - acknowledging: the last of this station's bundles the hub applied.
    ///   - carriedMedia: files the bundle carried, already installed in `mediaFolder`
    ///     (every byte checked): marked present once the leases naming them are cached.
    public func applyBundleReply(
        _ reply: SyncReply, from sender: String, sequence: Int64, hash: String, acknowledging: Int64,
        carriedMedia: [MediaReference] = [], audit: AuditEvent, now: Date, check: (BundleStreamPosition) throws -> Bool
    ) throws -> Bool {
        let (applied, released) = try pool.write { db -> (Bool, [String]) in
            let position = try Self.bundlePosition(from: sender, in: db)
            guard try check(position) else { return (false, []) }
            let released = try Self.applySyncReply(reply, now: now, mediaFolder: mediaFolder, in: db)
            try Self.markPresent(carriedMedia, in: db)
            try db.execute(sql: """
                INSERT INTO bundle_received (sender, last_sequence, last_hash, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (sender) DO UPDATE SET
                    last_sequence = excluded.last_sequence, last_hash = excluded.last_hash, received_at = excluded.received_at
                """, arguments: [sender, sequence, hash, now])
            try db.execute(sql: """
                INSERT INTO bundle_sent (id, last_sequence, last_hash, acknowledged_by_hub) VALUES (1, 0, ?, ?)
                ON CONFLICT (id) DO UPDATE SET acknowledged_by_hub = MAX(acknowledged_by_hub, excluded.acknowledged_by_hub)
                """, arguments: [BundleStreamPosition.genesisHash, acknowledging])
            try AuditLog.append(audit, in: db)
            return (true, released)
        }
        deleteMediaFiles(released)
        return applied
    }

    private static func bundleStream(hubID: String, in db: Database) throws -> StationBundleStream {
        let sent = try Row.fetchOne(db, sql: "SELECT last_sequence, last_hash, acknowledged_by_hub FROM bundle_sent WHERE id = 1")
        return StationBundleStream(
            lastSent: sent.map { BundleStreamPosition(lastSequence: $0["last_sequence"], lastHash: $0["last_hash"]) } ?? .start,
            acknowledgedByHub: sent?["acknowledged_by_hub"] ?? 0,
            appliedFromHub: try bundlePosition(from: hubID, in: db))
    }

    private static func bundlePosition(from sender: String, in db: Database) throws -> BundleStreamPosition {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT last_sequence, last_hash FROM bundle_received WHERE sender = ?", arguments: [sender])
        else { return .start }
        return BundleStreamPosition(lastSequence: row["last_sequence"], lastHash: row["last_hash"])
    }
}
