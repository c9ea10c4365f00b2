import Foundation

/// What a lead's station asks the hub: the floor, and perhaps one action first.
///
/// Like a sync, one message each way, over any transport that reaches the hub: the
/// in-process hub on its own machine, or HTTP signed by the lead's enrolled station.
public struct LeadRequest: Codable, Equatable, Sendable {
    public var stationID: String
    /// The lead asking; the hub checks their role on its roster.
    public var lead: String
    public var since: Date
    public var site: String?
    /// Done before the floor is read, so the reply shows its effect.
    public var action: LeadAction?

    public init(stationID: String, lead: String, since: Date, site: String? = nil, action: LeadAction? = nil) {
        self.stationID = stationID
        self.lead = lead
        self.since = since
        self.site = site
        self.action = action
    }
}

/// The hub's answer: the sentence of what the action did, and the floor after it.
public struct LeadReply: Codable, Equatable, Sendable {
    public var sentence: String?
    public var floor: ShiftFloor

    public init(sentence: String?, floor: ShiftFloor) {
        self.sentence = sentence
        self.floor = floor
    }
}
