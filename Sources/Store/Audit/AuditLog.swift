import Crypto
import Domain
import Foundation
import GRDB

/// The append-only, hash-chained audit log both databases keep in `audit_entry`.
///
/// Each entry stores the hash of the one before it (`prev_hash`, 64 zeros for the first)
/// and its own `hash`: the SHA-256, in lower-case hex, of
/// `prev_hash + "\n" + fields`, where `fields` is `seq`, `at`, `kind`, `actor` and
/// `detail`, each written as `<length in UTF-8 bytes>:<text>` and joined by `"\n"`. The
/// length prefixes make the split unambiguous whatever a detail contains. Changing,
/// deleting or reordering entries therefore breaks the chain at the first entry touched,
/// and `verify` names it.
///
/// Append-only is also enforced in SQLite: triggers (`audit_entry_refuses_update`,
/// `audit_entry_refuses_delete`) raise on any UPDATE or DELETE of `audit_entry`, so no
/// code path of ours can rewrite history by mistake. Someone with the file can drop the
/// triggers; the chain is what catches that.
enum AuditLog {
    static let genesisHash = String(repeating: "0", count: 64)

    /// Appends an entry inside the caller's transaction, so the entry commits or rolls
    /// back with the change it records.
    @discardableResult
    static func append(_ event: AuditEvent, in db: Database) throws -> AuditEntryRecord {
        let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"))
        // AUTOINCREMENT never reuses a number, even after the last entry is removed, so
        // the next seq comes from sqlite_sequence rather than from the last row.
        let highestEver = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'")) ?? 0
        let seq = highestEver + 1
        let prevHash: String = last?["hash"] ?? genesisHash
        let at = Timestamp.precise(event.at)
        let hash = entryHash(
            prevHash: prevHash, seq: seq, at: at, kind: event.kind.rawValue, actor: event.actor, detail: event.detail)
        let record = AuditEntryRecord(
            seq: seq, at: at, kind: event.kind.rawValue, actor: event.actor, detail: event.detail,
            prevHash: prevHash, hash: hash)
        try db.cachedStatement(sql: """
            INSERT INTO audit_entry (seq, at, kind, actor, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [seq, at, record.kind, record.actor, record.detail, prevHash, hash])
        return record
    }

    static func entryHash(prevHash: String, seq: Int64, at: String, kind: String, actor: String, detail: String) -> String {
        let fields = [String(seq), at, kind, actor, detail].map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
        return Hex.text(SHA256.hash(data: Data((prevHash + "\n" + fields).utf8)))
    }

    /// Walks the chain from the first entry and reports the first one that does not fit.
    static func verify(in db: Database) throws -> AuditVerification {
        var expectedSeq: Int64 = 1
        var previousHash = genesisHash
        var count = 0
        let rows = try AuditEntryRecord.fetchCursor(db, sql: "SELECT * FROM audit_entry ORDER BY seq")
        while let entry = try rows.next() {
            let seq = entry.seq ?? 0
            if seq != expectedSeq {
                return .broken(
                    at: Int(expectedSeq),
                    reason: "entry \(expectedSeq) is missing: entry \(seq) follows entry \(expectedSeq - 1)")
            }
            if entry.prevHash != previousHash {
                return .broken(
                    at: Int(seq),
                    reason: "entry \(seq) does not follow entry \(seq - 1): its prev_hash is not entry \(seq - 1)'s hash "
                        + "(an entry was rewritten, removed or moved)")
            }
            let recomputed = entryHash(
                prevHash: entry.prevHash, seq: seq, at: entry.at, kind: entry.kind, actor: entry.actor, detail: entry.detail)
            if recomputed != entry.hash {
                return .broken(at: Int(seq), reason: "entry \(seq) was changed: its content does not match its hash")
            }
            previousHash = entry.hash
            expectedSeq += 1
            count += 1
        }
        let highestEver = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'") ?? 0
        if highestEver >= expectedSeq {
            return .broken(
                at: Int(expectedSeq),
                reason: "entry \(expectedSeq) is missing: entries up to \(highestEver) were written, the log ends at \(expectedSeq - 1)")
        }
        return .intact(entries: count)
    }

    static func recentEntries(limit: Int, in db: Database) throws -> [AuditEntry] {
        let records = try AuditEntryRecord.fetchAll(
            db, sql: "SELECT * FROM audit_entry ORDER BY seq DESC LIMIT ?", arguments: [limit])
        return records.reversed().map { record in
            AuditEntry(
                seq: Int(record.seq ?? 0), at: Timestamp.parse(record.at) ?? .distantPast, kind: record.kind,
                actor: record.actor, detail: record.detail, hash: record.hash)
        }
    }
}
