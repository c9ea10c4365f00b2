import Foundation

/// Settings of one workspace, read from `settings.json` in the workspace folder.
public struct WorkspaceSettings: Codable, Equatable, Sendable {
    /// The notice-and-consent text shown before login.
    public var notice: String
    /// The highest marking this station is accredited to hold. A task marked above it
    /// is a spill: the task screen does not show its text and lets the labeler only
    /// skip it, so it can be reported. The banner still shows the task's real marking.
    public var systemHigh: Marking
    /// Seconds without a key before the screen locks.
    public var idleLockSeconds: Int
    /// The name this station goes by at the hub.
    public var stationID: String
    /// Seconds a submission stays in the outbox before it is sent, so `u` can undo it.
    public var undoWindowSeconds: Int
    /// Seconds between background syncs.
    public var syncIntervalSeconds: Int
    /// A line shown under the notice, such as the demo account; nil shows none.
    public var loginHint: String?
    /// True for the built-in demo workspace, which `labeldesk demo --reset` may wipe.
    public var isDemo: Bool

    public init(
        notice: String = WorkspaceSettings.standardNotice, systemHigh: Marking = .unclassified,
        idleLockSeconds: Int = 15 * 60, stationID: String = "station-1", undoWindowSeconds: Int = 20,
        syncIntervalSeconds: Int = 30, loginHint: String? = nil, isDemo: Bool = false
    ) {
        self.notice = notice
        self.systemHigh = systemHigh
        self.idleLockSeconds = idleLockSeconds
        self.stationID = stationID
        self.undoWindowSeconds = undoWindowSeconds
        self.syncIntervalSeconds = syncIntervalSeconds
        self.loginHint = loginHint
        self.isDemo = isDemo
    }

    public static let standardNotice = """
        You are accessing an information system provided for authorized use only.
        By using this system you consent to the following: communications and data on \
        this system are routinely monitored, recorded and audited. Data stored on this \
        system is not private and may be disclosed or used for any authorized purpose. \
        Unauthorized use may result in disciplinary action and criminal penalties.
        """

    enum CodingKeys: String, CodingKey {
        case notice, systemHigh, idleLockSeconds, stationID, undoWindowSeconds, syncIntervalSeconds, loginHint, isDemo
    }

    /// Reads settings, taking the standard value for any key that is missing.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let standard = WorkspaceSettings()
        notice = try container.decodeIfPresent(String.self, forKey: .notice) ?? standard.notice
        systemHigh = try container.decodeIfPresent(Marking.self, forKey: .systemHigh) ?? standard.systemHigh
        idleLockSeconds = try container.decodeIfPresent(Int.self, forKey: .idleLockSeconds) ?? standard.idleLockSeconds
        stationID = try container.decodeIfPresent(String.self, forKey: .stationID) ?? standard.stationID
        undoWindowSeconds = try container.decodeIfPresent(Int.self, forKey: .undoWindowSeconds) ?? standard.undoWindowSeconds
        syncIntervalSeconds = try container.decodeIfPresent(Int.self, forKey: .syncIntervalSeconds) ?? standard.syncIntervalSeconds
        loginHint = try container.decodeIfPresent(String.self, forKey: .loginHint)
        isDemo = try container.decodeIfPresent(Bool.self, forKey: .isDemo) ?? false
    }
}
