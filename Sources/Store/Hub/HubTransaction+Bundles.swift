import Domain
import Foundation
import GRDB

/// The steps of the hub's bundle streams, for `Sync` to build its transactions from.
///
/// Applying a station's bundle and recording that it was applied belong in one
/// transaction, as a pulled cursor belongs with the data it brought: otherwise a crash
/// between the two would apply the bundle again and lease a second batch of tasks.
extension HubTransaction {
    // MARK: Bundles received

    /// The last bundle applied from `sender`, or `.start` when none has been.
    public func bundlePosition(from sender: String) throws -> BundleStreamPosition {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT last_sequence, last_hash FROM bundle_received WHERE sender = ?", arguments: [sender])
        else { return .start }
        return BundleStreamPosition(lastSequence: row["last_sequence"], lastHash: row["last_hash"])
    }

    /// Remembers that bundle `sequence` from `sender` has been applied.
    public func recordBundleApplied(from sender: String, sequence: Int64, hash: String, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO bundle_received (sender, last_sequence, last_hash, received_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (sender) DO UPDATE SET
                last_sequence = excluded.last_sequence, last_hash = excluded.last_hash, received_at = excluded.received_at
            """, arguments: [sender, sequence, hash, now])
    }

    // MARK: Bundles sent

    /// Marks the station's bundles up to `sequence` as applied there.
    public func acknowledgeBundlesSent(to receiver: String, through sequence: Int64) throws {
        try db.execute(
            sql: "UPDATE bundle_sent SET acknowledged = 1 WHERE receiver = ? AND sequence <= ? AND acknowledged = 0",
            arguments: [receiver, sequence])
    }

    /// The highest bundle the station has acknowledged, 0 when none.
    public func acknowledgedBundleSequence(to receiver: String) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "SELECT COALESCE(MAX(sequence), 0) FROM bundle_sent WHERE receiver = ? AND acknowledged = 1",
            arguments: [receiver]) ?? 0
    }

    /// The newest bundle written for the station, if any.
    public func latestBundleSent(to receiver: String) throws -> HubSentBundle? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM bundle_sent WHERE receiver = ? ORDER BY sequence DESC LIMIT 1", arguments: [receiver]
        ).map(Self.sentBundle)
    }

    public func bundleSent(to receiver: String, sequence: Int64) throws -> HubSentBundle? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM bundle_sent WHERE receiver = ? AND sequence = ?", arguments: [receiver, sequence]
        ).map(Self.sentBundle)
    }

    /// The station's bundles numbered after `first` up to `last`, in order.
    public func bundlesSent(to receiver: String, after first: Int64, through last: Int64) throws -> [HubSentBundle] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM bundle_sent WHERE receiver = ? AND sequence > ? AND sequence <= ? ORDER BY sequence
            """, arguments: [receiver, first, last]
        ).map(Self.sentBundle)
    }

    public func insertBundleSent(_ bundle: HubSentBundle) throws {
        try db.execute(sql: """
            INSERT INTO bundle_sent (receiver, sequence, hash, header, payload, acknowledged, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                bundle.receiver, bundle.sequence, bundle.hash, bundle.header, bundle.reply, bundle.acknowledged,
                bundle.createdAt,
            ])
    }

    private static func sentBundle(_ row: Row) -> HubSentBundle {
        HubSentBundle(
            receiver: row["receiver"], sequence: row["sequence"], hash: row["hash"], header: row["header"],
            reply: row["payload"], acknowledged: row["acknowledged"], createdAt: row["created_at"])
    }
}
