import Foundation

/// Something the audit log must remember.
///
/// Never put a password, or anything typed into a password field, in `detail`.
public enum AuditKind: String, Codable, CaseIterable, Sendable {
    case logonSuccess = "logon.success"
    case logonFailure = "logon.failure"
    case lockout
    case unlock
    case sessionStart = "session.start"
    case sessionEnd = "session.end"
    case idleLock = "idle.lock"
    case idleUnlock = "idle.unlock"
    case submit
    case skip
    case undo
    case importTasks = "import"
    case export
    case userAdd = "user.add"
    case projectCreate = "project.create"
    case stationAdd = "station.add"
    case stationEnrol = "station.enrol"
    case stationRevoke = "station.revoke"
    case bundleExport = "bundle.export"
    case bundleImport = "bundle.import"
    case bundleRefused = "bundle.refused"
    case predictionsImport = "predictions.import"
    case goldImport = "gold.import"
    case goldPolicy = "gold.policy"
    case goldRetire = "gold.retire"
    case goldReview = "gold.review"
    case goldCandidate = "gold.candidate"
    case coursePublish = "course.publish"
    case courseAssign = "course.assign"
    case courseMark = "course.mark"
    case cohortCreate = "cohort.create"
    case cohortAdd = "cohort.add"
    case remediationClear = "remediation.clear"
    case qualityReset = "quality.reset"
    /// A person finished a course attempt at a station (graded there; the hub grades it again).
    case courseAttempt = "course.attempt"
    /// A shift lead's change from the console or `labeldesk lead` (see `LeadAction`).
    case leadAction = "lead.action"
}

public struct AuditEvent: Equatable, Sendable {
    public var kind: AuditKind
    /// The username acting, or `system`.
    public var actor: String
    public var detail: String
    public var at: Date

    public init(kind: AuditKind, actor: String, detail: String, at: Date) {
        self.kind = kind
        self.actor = actor
        self.detail = detail
        self.at = at
    }
}
