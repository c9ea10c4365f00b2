import Foundation

/// What a station sends the hub: its unsent work and where its pull left off.
///
/// One message for every transport: in-process, HTTP and bundle files carry it alike.
public struct SyncRequest: Codable, Equatable, Sendable {
    public var stationID: String
    /// The outbox, oldest first.
    public var annotations: [Annotation]
    /// The hub change number the station has seen up to.
    public var cursor: Int64
    /// How many more tasks the station would like leased, per project it serves (and,
    /// when it names `people`, per person).
    public var wantedLeases: Int
    /// The labelers who work at this station, for whom it leases: each lease then names
    /// one of them (`LeasedTask.assignee`), who alone is served it, so the hub can mix
    /// gold per person. Empty: leases for whoever logs on, and no gold.
    public var people: [String]

    /// Nothing to send and nothing wanted: answering it changes nothing the next sync
    /// would not do again, so neither side needs to wait for the disk (see `Durability`).
    public var isIdle: Bool { annotations.isEmpty && wantedLeases <= 0 }

    public init(stationID: String, annotations: [Annotation], cursor: Int64, wantedLeases: Int, people: [String] = []) {
        self.stationID = stationID
        self.annotations = annotations
        self.cursor = cursor
        self.wantedLeases = wantedLeases
        self.people = people
    }

    enum CodingKeys: String, CodingKey {
        case stationID, annotations, cursor, wantedLeases, people
    }

    /// A request from a station that names no people (older stations and bundles) reads as such.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            stationID: try container.decode(String.self, forKey: .stationID),
            annotations: try container.decode([Annotation].self, forKey: .annotations),
            cursor: try container.decode(Int64.self, forKey: .cursor),
            wantedLeases: try container.decode(Int.self, forKey: .wantedLeases),
            people: try container.decodeIfPresent([String].self, forKey: .people) ?? [])
    }

    /// `people` only when there are some, so a request naming nobody reads as it always did.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stationID, forKey: .stationID)
        try container.encode(annotations, forKey: .annotations)
        try container.encode(cursor, forKey: .cursor)
        try container.encode(wantedLeases, forKey: .wantedLeases)
        if !people.isEmpty { try container.encode(people, forKey: .people) }
    }
}

/// The hub's definite answer for one annotation.
public struct AnnotationOutcome: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// Stored; it is the task's canonical answer.
        case accepted
        /// Stored as an extra judgement; another annotation is canonical.
        case superseded
        /// Not stored; `reason` says why.
        case rejected
    }

    public var annotationID: UUID
    public var status: Status
    public var reason: String?

    public init(annotationID: UUID, status: Status, reason: String? = nil) {
        self.annotationID = annotationID
        self.status = status
        self.reason = reason
    }
}

/// What the hub answers: outcomes, new leases, what changed, and the new cursor.
public struct SyncReply: Codable, Equatable, Sendable {
    public var outcomes: [AnnotationOutcome]
    public var leases: [LeasedTask]
    /// Projects created or changed since the request's cursor.
    public var projects: [Project]
    /// Tasks still waiting at the hub, per project, after these leases.
    public var waitingAtHub: [String: Int]
    public var cursor: Int64
    /// Who among the request's `people` may not label which project now (their gold
    /// record fell below the pause threshold): the whole list, replacing the last, when
    /// the request named people and asked for work; nil otherwise.
    public var pauses: [QueuePause]?

    /// The answer to an idle request sent with `cursor`: no outcomes, no leases, nothing
    /// changed at the hub since. Only the time of the sync and the counts are new.
    public func isIdle(sentWithCursor cursor: Int64?) -> Bool {
        outcomes.isEmpty && leases.isEmpty && projects.isEmpty && self.cursor == cursor
    }

    public init(
        outcomes: [AnnotationOutcome], leases: [LeasedTask], projects: [Project], waitingAtHub: [String: Int], cursor: Int64,
        pauses: [QueuePause]? = nil
    ) {
        self.outcomes = outcomes
        self.leases = leases
        self.projects = projects
        self.waitingAtHub = waitingAtHub
        self.cursor = cursor
        self.pauses = pauses
    }
}

/// A person paused on a project: their station serves them none of its work until a
/// lead lifts the pause, and tells them to see their lead.
public struct QueuePause: Codable, Hashable, Sendable {
    public var username: String
    public var projectID: String

    public init(username: String, projectID: String) {
        self.username = username
        self.projectID = projectID
    }
}
