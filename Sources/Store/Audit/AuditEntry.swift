import Domain
import Foundation

/// One entry of an audit log, as stored.
public struct AuditEntry: Equatable, Sendable {
    public var seq: Int
    public var at: Date
    /// The kind as written; a kind this version does not know is kept as text.
    public var kind: String
    public var actor: String
    public var detail: String
    public var hash: String

    public var auditKind: AuditKind? { AuditKind(rawValue: kind) }
}
