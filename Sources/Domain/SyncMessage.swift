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
    /// Course attempts made here and not yet acknowledged, oldest first: the training
    /// outbox, sent like annotations and acknowledged in `SyncReply.trainingOutcomes`.
    public var attempts: [CourseAttempt]
    /// Lessons opened here and not yet acknowledged, oldest first.
    public var lessonReadings: [LessonReading]
    /// Who is logged on here and what they are doing, for the shift lead's console.
    public var presence: [PersonPresence]
    /// Annotations still in the outbox after this request's batch (waiting out the undo
    /// window or the next batch): what the lead's console shows as not yet sent.
    public var unsent: Int

    /// Nothing to send and nothing wanted: answering it changes nothing the next sync
    /// would not do again, so neither side needs to wait for the disk (see `Durability`).
    public var isIdle: Bool { annotations.isEmpty && attempts.isEmpty && lessonReadings.isEmpty && wantedLeases <= 0 }

    public init(stationID: String, annotations: [Annotation], cursor: Int64, wantedLeases: Int, people: [String] = [], attempts: [CourseAttempt] = [],
        lessonReadings: [LessonReading] = [], presence: [PersonPresence] = [], unsent: Int = 0
    ) {
        self.stationID = stationID
        self.annotations = annotations
        self.cursor = cursor
        self.wantedLeases = wantedLeases
        self.people = people
        self.attempts = attempts
        self.lessonReadings = lessonReadings
        self.presence = presence
        self.unsent = unsent
    }

    enum CodingKeys: String, CodingKey {
        case stationID, annotations, cursor, wantedLeases, people, attempts, lessonReadings, presence, unsent
    }

    /// A request from a station that names no people (older stations and bundles) reads as such.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            stationID: try container.decode(String.self, forKey: .stationID),
            annotations: try container.decode([Annotation].self, forKey: .annotations),
            cursor: try container.decode(Int64.self, forKey: .cursor),
            wantedLeases: try container.decode(Int.self, forKey: .wantedLeases),
            people: try container.decodeIfPresent([String].self, forKey: .people) ?? [],
            attempts: try container.decodeIfPresent([CourseAttempt].self, forKey: .attempts) ?? [],
            lessonReadings: try container.decodeIfPresent([LessonReading].self, forKey: .lessonReadings) ?? [],
            presence: try container.decodeIfPresent([PersonPresence].self, forKey: .presence) ?? [],
            unsent: try container.decodeIfPresent(Int.self, forKey: .unsent) ?? 0)
    }

    /// `people`, `attempts` and `lessonReadings` only when there are some, so a request naming nobody reads as it always did.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stationID, forKey: .stationID)
        try container.encode(annotations, forKey: .annotations)
        try container.encode(cursor, forKey: .cursor)
        try container.encode(wantedLeases, forKey: .wantedLeases)
        if !people.isEmpty { try container.encode(people, forKey: .people) }
        if !attempts.isEmpty { try container.encode(attempts, forKey: .attempts) }
        if !lessonReadings.isEmpty { try container.encode(lessonReadings, forKey: .lessonReadings) }
        if !presence.isEmpty { try container.encode(presence, forKey: .presence) }
        if unsent > 0 { try container.encode(unsent, forKey: .unsent) }
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
    /// The hub's answer for each of the request's course attempts and lesson readings
    /// (the same shape as an annotation's: accepted, or rejected with the reason;
    /// `annotationID` is the attempt's or reading's id).
    public var trainingOutcomes: [AnnotationOutcome]
    /// Courses published or changed since the request's cursor, as their files.
    public var courses: [CoursePackage]
    /// Where each of the request's `people` stands in their courses: the whole list,
    /// replacing the last, when the request named people and asked for work; nil otherwise.
    public var standings: [CourseStanding]?

    /// The answer to an idle request sent with `cursor`: no outcomes, no leases, nothing
    /// changed at the hub since. Only the time of the sync and the counts are new.
    public func isIdle(sentWithCursor cursor: Int64?) -> Bool {
        outcomes.isEmpty && trainingOutcomes.isEmpty && leases.isEmpty && projects.isEmpty && courses.isEmpty && self.cursor == cursor
    }

    public init(
        outcomes: [AnnotationOutcome], leases: [LeasedTask], projects: [Project], waitingAtHub: [String: Int], cursor: Int64,
        pauses: [QueuePause]? = nil, trainingOutcomes: [AnnotationOutcome] = [], courses: [CoursePackage] = [], standings: [CourseStanding]? = nil
    ) {
        self.outcomes = outcomes
        self.leases = leases
        self.projects = projects
        self.waitingAtHub = waitingAtHub
        self.cursor = cursor
        self.pauses = pauses
        self.trainingOutcomes = trainingOutcomes
        self.courses = courses
        self.standings = standings
    }

    enum CodingKeys: String, CodingKey {
        case outcomes, leases, projects, waitingAtHub, cursor, pauses, trainingOutcomes, courses, standings
    }

    /// A reply from a hub that knows no courses (an older bundle) reads as one with none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            outcomes: try container.decode([AnnotationOutcome].self, forKey: .outcomes),
            leases: try container.decode([LeasedTask].self, forKey: .leases),
            projects: try container.decode([Project].self, forKey: .projects),
            waitingAtHub: try container.decode([String: Int].self, forKey: .waitingAtHub),
            cursor: try container.decode(Int64.self, forKey: .cursor),
            pauses: try container.decodeIfPresent([QueuePause].self, forKey: .pauses),
            trainingOutcomes: try container.decodeIfPresent([AnnotationOutcome].self, forKey: .trainingOutcomes) ?? [],
            courses: try container.decodeIfPresent([CoursePackage].self, forKey: .courses) ?? [],
            standings: try container.decodeIfPresent([CourseStanding].self, forKey: .standings))
    }

    /// The training members only when they hold something, so a reply without them
    /// reads as it always did.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcomes, forKey: .outcomes)
        try container.encode(leases, forKey: .leases)
        try container.encode(projects, forKey: .projects)
        try container.encode(waitingAtHub, forKey: .waitingAtHub)
        try container.encode(cursor, forKey: .cursor)
        try container.encodeIfPresent(pauses, forKey: .pauses)
        if !trainingOutcomes.isEmpty { try container.encode(trainingOutcomes, forKey: .trainingOutcomes) }
        if !courses.isEmpty { try container.encode(courses, forKey: .courses) }
        try container.encodeIfPresent(standings, forKey: .standings)
    }
}

/// A person kept from a project: their station serves them none of its work.
///
/// Either quality paused them (their gold record fell below the pause threshold), and
/// the station tells them to see their lead until a lead lifts it or a remedial retest
/// is passed; or the project needs courses they have not passed (`courses`), and the
/// station names those courses until they pass them.
public struct QueuePause: Codable, Hashable, Sendable {
    public var username: String
    public var projectID: String
    /// The courses the project's queue needs that the person has not passed; empty for
    /// a pause quality made.
    public var courses: [String]
    /// A shift lead's pause or move: who, and the note shown on the station; nil for a
    /// pause quality or qualification made.
    public var lead: LeadHold?

    public init(username: String, projectID: String, courses: [String] = [], lead: LeadHold? = nil) {
        self.username = username
        self.projectID = projectID
        self.courses = courses
        self.lead = lead
    }

    enum CodingKeys: String, CodingKey { case username, projectID, courses, lead }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            username: try container.decode(String.self, forKey: .username),
            projectID: try container.decode(String.self, forKey: .projectID),
            courses: try container.decodeIfPresent([String].self, forKey: .courses) ?? [],
            lead: try container.decodeIfPresent(LeadHold.self, forKey: .lead))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(username, forKey: .username)
        try container.encode(projectID, forKey: .projectID)
        if !courses.isEmpty { try container.encode(courses, forKey: .courses) }
        try container.encodeIfPresent(lead, forKey: .lead)
    }
}

/// A shift lead's hold on a person's queue, as the person's station shows it.
public struct LeadHold: Codable, Hashable, Sendable {
    /// The lead who paused or moved the person.
    public var by: String
    /// The lead's note for a pause; for a move, the project the person was moved to.
    public var note: String
    /// Set for a move: the one project left open.
    public var movedTo: String?

    public init(by: String, note: String, movedTo: String? = nil) {
        self.by = by
        self.note = note
        self.movedTo = movedTo
    }

    /// The sentence on the person's station.
    public var sentence: String {
        if let movedTo { return "\(by) moved you to \(movedTo) for now." }
        return "Paused by \(by)" + (note.isEmpty ? "." : ": \(note)")
    }
}
