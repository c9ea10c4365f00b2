import Foundation

/// Everything the shift lead's console shows, read from the hub in one go.
///
/// Plain values, so the hub computes it (`Hub.shiftFloor`), HTTP carries it to a lead's
/// station, the console renders it and `report shift` prints it, all from the same
/// figures.
public struct ShiftFloor: Codable, Equatable, Sendable {
    /// The shift's start (the report's `--since`) and the moment the figures are for.
    public var since: Date
    public var now: Date
    /// Only this site's stations and the people last seen there; nil: every site.
    public var site: String?
    public var thresholds: FloorThresholds
    public var projects: [ProjectFloor]
    public var people: [PersonFloor]
    public var stations: [StationFloor]
    /// Newest first.
    public var alerts: [FloorAlert]
    /// Flags not yet answered, newest first.
    public var flags: [FloorFlag]
    /// The highest marking of the projects shown: flag notes and task ids come from their
    /// work, so the console's banner and a printed report carry it.
    public var marking: Marking

    public init(
        since: Date, now: Date, site: String?, thresholds: FloorThresholds, projects: [ProjectFloor], people: [PersonFloor],
        stations: [StationFloor], alerts: [FloorAlert], flags: [FloorFlag], marking: Marking = .unclassified
    ) {
        self.marking = marking
        self.since = since
        self.now = now
        self.site = site
        self.thresholds = thresholds
        self.projects = projects
        self.people = people
        self.stations = stations
        self.alerts = alerts
        self.flags = flags
    }
}

/// When the console raises an alert.
public struct FloorThresholds: Codable, Equatable, Sendable {
    /// A person whose keyboard has been still this long while logged on is idle too long.
    public var idleSeconds: Double
    /// A station that has not synced over HTTP for this long is offline.
    public var silentStationSeconds: Double
    /// A station that syncs by bundle is overdue when its last bundle is this old.
    public var bundleOverdueSeconds: Double
    /// Gold scored in the shift before a person's accuracy can raise an alert.
    public var minimumGold: Int
    /// The share of a person's scored gold one error class must reach to be shown.
    public var errorClassShare: Double

    public init(
        idleSeconds: Double = 600, silentStationSeconds: Double = 300, bundleOverdueSeconds: Double = 86_400, minimumGold: Int = 10,
        errorClassShare: Double = 0.1
    ) {
        self.errorClassShare = errorClassShare
        self.idleSeconds = idleSeconds
        self.silentStationSeconds = silentStationSeconds
        self.bundleOverdueSeconds = bundleOverdueSeconds
        self.minimumGold = minimumGold
    }
}

/// A share of gold answered right with its Wilson 95% interval.
public struct GoldAccuracy: Codable, Equatable, Sendable {
    public var scored: Int
    /// Right answers; partial credit adds up.
    public var right: Double
    public var lower: Double
    public var upper: Double

    public var accuracy: Double { scored > 0 ? right / Double(scored) : 0 }

    public init(right: Double, scored: Int) {
        let interval = WilsonInterval(successes: right, trials: scored)
        self.scored = scored
        self.right = right
        self.lower = interval.lower
        self.upper = interval.upper
    }
}

/// One project's queue and quality over the shift.
public struct ProjectFloor: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var kind: TaskKind
    public var waiting: Int
    public var leased: Int
    public var doneThisShift: Int
    /// How long the oldest waiting task has waited; nil when nothing waits.
    public var oldestWaitingSeconds: Double?
    /// The project's target for that age (`Project.waitTargetMinutes`).
    public var waitTargetSeconds: Double
    /// Tasks done in each of the last 12 hours, oldest first; the last is the hour now running.
    public var hourly: [Int]
    /// Median seconds on task over the shift, to the whole second; nil with no work done.
    public var medianSeconds: Double?
    /// Gold accuracy over the shift; nil with no gold scored.
    public var gold: GoldAccuracy?
    /// Hours of the shift whose gold accuracy a Western Electric rule marks, by their start.
    public var hoursOutside: [Date]
    /// Agreement on the project's overlapped work (Krippendorff's alpha), nil when there is none to measure.
    public var agreement: Double?
    public var goldRate: Double
    public var overlap: Double
    public var priority: Int
    /// Flags raised on the project's tasks and not answered.
    public var flagsWaiting: Int
    /// The p-chart of the shift's gold accuracy, one point per hour with gold.
    public var goldChart: [GoldHour]

    public var isBacklogLate: Bool { (oldestWaitingSeconds ?? 0) > waitTargetSeconds }

    public init(
        id: String, title: String, kind: TaskKind, waiting: Int, leased: Int, doneThisShift: Int, oldestWaitingSeconds: Double?,
        waitTargetSeconds: Double, hourly: [Int], medianSeconds: Double?, gold: GoldAccuracy?, hoursOutside: [Date], agreement: Double?,
        goldRate: Double, overlap: Double, priority: Int, flagsWaiting: Int, goldChart: [GoldHour] = []
    ) {
        self.goldChart = goldChart
        self.id = id
        self.title = title
        self.kind = kind
        self.waiting = waiting
        self.leased = leased
        self.doneThisShift = doneThisShift
        self.oldestWaitingSeconds = oldestWaitingSeconds
        self.waitTargetSeconds = waitTargetSeconds
        self.hourly = hourly
        self.medianSeconds = medianSeconds
        self.gold = gold
        self.hoursOutside = hoursOutside
        self.agreement = agreement
        self.goldRate = goldRate
        self.overlap = overlap
        self.priority = priority
        self.flagsWaiting = flagsWaiting
    }
}

/// One hour of a project's gold on its p-chart.
public struct GoldHour: Codable, Equatable, Sendable {
    public var start: Date
    public var scored: Int
    public var accuracy: Double
    /// The hour's 3-sigma control limits about the shift's centre line.
    public var lower: Double
    public var upper: Double
    /// The Western Electric rules the hour breaks, if any.
    public var signals: [String]

    public init(start: Date, scored: Int, accuracy: Double, lower: Double, upper: Double, signals: [String]) {
        self.start = start
        self.scored = scored
        self.accuracy = accuracy
        self.lower = lower
        self.upper = upper
        self.signals = signals
    }
}

/// What a person is doing now, as far as the hub can tell.
public enum PersonState: Codable, Equatable, Sendable {
    /// Paused by a lead (every project), with the lead's note.
    case paused(by: String, note: String)
    /// Held by quality on these projects (their gold record fell below the pause line).
    case heldByQuality(projects: [String])
    /// Their station has not been heard from since `lastSeen`.
    case offline(lastSeen: Date?)
    case locked(since: Date)
    /// Logged on with no key pressed since `since` for longer than the idle threshold.
    case idle(since: Date)
    case labeling(projectID: String)
    case training(courseID: String)
    /// Logged on, on the home screen.
    case home
    /// Not logged on at any station that syncs (worked earlier in the shift, or only on the roster).
    case away

    /// One or two words for a narrow column.
    public var word: String {
        switch self {
        case .paused: "paused"
        case .heldByQuality: "held"
        case .offline: "offline"
        case .locked: "locked"
        case .idle: "idle"
        case .labeling: "labeling"
        case .training: "training"
        case .home: "home"
        case .away: "away"
        }
    }
}

/// One person over the shift.
public struct PersonFloor: Codable, Equatable, Sendable {
    public var username: String
    public var stationID: String?
    public var site: String?
    public var state: PersonState
    /// Moved by a lead to this project only.
    public var movedTo: String?
    public var done: Int
    /// Tasks done per hour of active time on task this shift; nil before any.
    public var tasksPerHour: Double?
    public var activeSeconds: Double
    public var gold: GoldAccuracy?
    /// The person's hours a control-chart rule marks, against their project's floor.
    public var outsideControl: Bool
    /// Error classes that make up `FloorThresholds.errorClassShare` or more of the person's scored gold
    /// (their whole record on a project, at least three errors).
    public var errorClasses: [FloorErrorClass]
    public var flagsRaised: Int
    public var coursesDue: [FloorCourseDue]

    public init(
        username: String, stationID: String?, site: String?, state: PersonState, movedTo: String?, done: Int, tasksPerHour: Double?,
        activeSeconds: Double, gold: GoldAccuracy?, outsideControl: Bool, errorClasses: [FloorErrorClass], flagsRaised: Int,
        coursesDue: [FloorCourseDue]
    ) {
        self.username = username
        self.stationID = stationID
        self.site = site
        self.state = state
        self.movedTo = movedTo
        self.done = done
        self.tasksPerHour = tasksPerHour
        self.activeSeconds = activeSeconds
        self.gold = gold
        self.outsideControl = outsideControl
        self.errorClasses = errorClasses
        self.flagsRaised = flagsRaised
        self.coursesDue = coursesDue
    }
}

public struct FloorErrorClass: Codable, Equatable, Sendable {
    public var projectID: String
    /// The error class as gold scoring names it (for example "positive → negative").
    public var name: String
    public var count: Int
    /// Its share of the person's scored gold on the project.
    public var share: Double

    public init(projectID: String, name: String, count: Int, share: Double) {
        self.projectID = projectID
        self.name = name
        self.count = count
        self.share = share
    }
}

public struct FloorCourseDue: Codable, Equatable, Sendable {
    public var courseID: String
    public var dueAt: Date?
    public var isOverdue: Bool

    public init(courseID: String, dueAt: Date?, isOverdue: Bool) {
        self.courseID = courseID
        self.dueAt = dueAt
        self.isOverdue = isOverdue
    }
}

/// A station as the floor sees it.
public struct StationFloor: Codable, Equatable, Sendable {
    public enum Transport: String, Codable, Sendable {
        /// Syncs with the hub on its own machine or over HTTP.
        case live
        /// Carries its work by signed bundle files.
        case bundle
        /// Enrolled but never heard from.
        case never
    }

    public var id: String
    public var site: String?
    public var transport: Transport
    public var online: Bool
    public var lastSync: Date?
    /// Annotations the station said it still held to send, at its last sync.
    public var unsent: Int
    /// Bundles the hub wrote for the station that it has not answered yet.
    public var bundlesAwaiting: Int
    public var bundleOverdue: Bool
    /// Who was logged on there at its last sync.
    public var people: [String]

    public init(
        id: String, site: String?, transport: Transport, online: Bool, lastSync: Date?, unsent: Int, bundlesAwaiting: Int, bundleOverdue: Bool,
        people: [String]
    ) {
        self.id = id
        self.site = site
        self.transport = transport
        self.online = online
        self.lastSync = lastSync
        self.unsent = unsent
        self.bundlesAwaiting = bundlesAwaiting
        self.bundleOverdue = bundleOverdue
        self.people = people
    }
}

/// Something the lead should look at.
public struct FloorAlert: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case quality, idle, silentStation = "silent station", backlog, flag, courseOverdue = "course overdue"
    }

    public var kind: Kind
    /// What the alert is about: a project, a person or a station id.
    public var subject: String
    /// Since when the condition holds, as well as the hub can tell.
    public var since: Date
    /// The alert as a sentence.
    public var sentence: String

    public init(kind: Kind, subject: String, since: Date, sentence: String) {
        self.kind = kind
        self.subject = subject
        self.since = since
        self.sentence = sentence
    }
}

/// A flag waiting for the lead's answer.
public struct FloorFlag: Codable, Equatable, Sendable {
    public var annotationID: UUID
    public var projectID: String
    public var taskID: String
    public var username: String
    public var note: String
    public var flaggedAt: Date

    public init(annotationID: UUID, projectID: String, taskID: String, username: String, note: String, flaggedAt: Date) {
        self.annotationID = annotationID
        self.projectID = projectID
        self.taskID = taskID
        self.username = username
        self.note = note
        self.flaggedAt = flaggedAt
    }
}
