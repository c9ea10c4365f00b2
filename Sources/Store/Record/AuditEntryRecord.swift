import GRDB

/// A row of `audit_entry`, in either database.
struct AuditEntryRecord: SnakeCaseRecord {
    static let databaseTableName = "audit_entry"

    var seq: Int64?
    /// `Timestamp.precise`, kept as text because the hash covers these exact characters.
    var at: String
    var kind: String
    var actor: String
    var detail: String
    var prevHash: String
    var hash: String
}
