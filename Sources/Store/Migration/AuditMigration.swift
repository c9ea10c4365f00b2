import GRDB

/// The audit table, the same in both databases. Shipped: never change it; add a new
/// migration instead.
enum AuditMigration {
    static func createAuditTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_entry (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                actor TEXT NOT NULL,
                detail TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE TRIGGER audit_entry_refuses_update BEFORE UPDATE ON audit_entry
            BEGIN
                SELECT RAISE(ABORT, 'audit_entry is append-only: an entry cannot be changed');
            END;
            CREATE TRIGGER audit_entry_refuses_delete BEFORE DELETE ON audit_entry
            BEGIN
                SELECT RAISE(ABORT, 'audit_entry is append-only: an entry cannot be deleted');
            END;
            """)
    }
}
