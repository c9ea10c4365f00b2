import Domain
import Foundation
import GRDB

/// One project's, hour's and person's work, as `activity_hour` keeps it.
public struct ActivityHour: Equatable, Sendable {
    public var projectID: String
    /// Unix seconds / 3600, by when the work was made.
    public var hour: Int
    public var username: String
    public var done: Int
    public var skipped: Int
    public var flagged: Int
    public var seconds: Double
    public var goldScored: Int
    public var goldCredit: Double

    public init(
        projectID: String, hour: Int, username: String, done: Int, skipped: Int, flagged: Int, seconds: Double, goldScored: Int, goldCredit: Double
    ) {
        self.projectID = projectID
        self.hour = hour
        self.username = username
        self.done = done
        self.skipped = skipped
        self.flagged = flagged
        self.seconds = seconds
        self.goldScored = goldScored
        self.goldCredit = goldCredit
    }
}

/// A station's last sync, as `station_seen` keeps it.
public struct StationSeen: Equatable, Sendable {
    public var stationID: String
    public var seenAt: Date
    /// `live` (in-process or HTTP) or `bundle`.
    public var transport: String
    public var unsent: Int
    public var presence: [PersonPresence]
}

/// A person's open course assignment.
public struct CourseDue: Equatable, Sendable {
    public var username: String
    public var courseID: String
    public var dueAt: Date?
}

extension HubTransaction {
    /// The hour an instant falls in, as `activity_hour` numbers them.
    public static func hour(of date: Date) -> Int { Int((date.timeIntervalSince1970 / 3600).rounded(.down)) }

    /// Adds one annotation applied from a station to its hour's figures: done or skipped,
    /// flagged, its active seconds, and (for gold) its credit when it was scored.
    public func recordActivity(_ annotation: Annotation, goldCredit: Double?) throws {
        let hour = Self.hour(of: annotation.createdAt)
        let skipped = annotation.isSkip
        try db.cachedStatement(sql: """
            INSERT INTO activity_hour (project_id, hour, username, done, skipped, flagged, milliseconds, gold_scored, gold_micro_credit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id, hour, username) DO UPDATE SET done = done + excluded.done, skipped = skipped + excluded.skipped,
                flagged = flagged + excluded.flagged, milliseconds = milliseconds + excluded.milliseconds,
                gold_scored = gold_scored + excluded.gold_scored, gold_micro_credit = gold_micro_credit + excluded.gold_micro_credit
            """).execute(arguments: [
                annotation.projectID, hour, annotation.username, skipped ? 0 : 1, skipped ? 1 : 0, annotation.flag == nil ? 0 : 1,
                Self.milliseconds(annotation.secondsOnTask), goldCredit == nil ? 0 : 1, Self.microCredit(goldCredit ?? 0),
            ])
        guard !skipped else { return }
        try db.cachedStatement(sql: """
            INSERT INTO activity_seconds (project_id, hour, second, count) VALUES (?, ?, ?, 1)
            ON CONFLICT (project_id, hour, second) DO UPDATE SET count = count + 1
            """).execute(arguments: [annotation.projectID, hour, Self.wholeSecond(annotation.secondsOnTask)])
    }

    static func milliseconds(_ seconds: Double) -> Int64 { seconds.isFinite ? Int64((max(0, seconds) * 1_000).rounded()) : 0 }
    static func microCredit(_ credit: Double) -> Int64 { credit.isFinite ? Int64((credit * 1_000_000).rounded()) : 0 }

    /// The histogram's bucket for a time on task: whole seconds, 600 for ten minutes or more.
    public static func wholeSecond(_ seconds: Double) -> Int { min(600, max(0, Int(seconds.rounded(.down)))) }

    /// Moves a gold answer's credit in its hour when a reviewer scores it (again).
    public func addGoldCredit(projectID: String, username: String, madeAt: Date, scored: Int, credit: Double) throws {
        try db.execute(sql: """
            UPDATE activity_hour SET gold_scored = gold_scored + ?, gold_micro_credit = gold_micro_credit + ?
            WHERE project_id = ? AND hour = ? AND username = ?
            """, arguments: [scored, Self.microCredit(credit), projectID, Self.hour(of: madeAt), username])
    }

    /// Every project's and person's hours from `firstHour` on.
    ///
    /// Read through SQLite's C interface: a 300-person floor's twelve hours are some
    /// thousands of rows, read on every refresh of the console.
    public func activityHours(from firstHour: Int) throws -> [ActivityHour] {
        var hours: [ActivityHour] = []
        // The hour goes in as text; the column's integer affinity compares it as a number.
        try RawRow.forEach(in: db, sql: """
            SELECT project_id, hour, username, done, skipped, flagged, milliseconds, gold_scored, gold_micro_credit FROM activity_hour WHERE hour >= ?
            """, argument: String(firstHour)) { row in
            hours.append(ActivityHour(
                projectID: row.requiredText(0), hour: row.int(1), username: row.requiredText(2), done: row.int(3), skipped: row.int(4), flagged: row.int(5),
                seconds: Double(row.int64(6)) / 1_000, goldScored: row.int(7), goldCredit: Double(row.int64(8)) / 1_000_000))
        }
        return hours
    }

    /// Per project, how many tasks done from `firstHour` on took each whole second.
    public func secondsOnTaskCounts(from firstHour: Int) throws -> [String: [Int: Int]] {
        var counts: [String: [Int: Int]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT project_id, second, SUM(count) FROM activity_seconds WHERE hour >= ? GROUP BY project_id, second
            """), arguments: [firstHour]) {
            counts[row[0], default: [:]][row[1]] = row[2]
        }
        return counts
    }

    // MARK: Stations

    /// Remembers a station's sync: when, how, what it still held and who was doing what.
    public func recordStationSeen(_ stationID: String, at now: Date, transport: String, unsent: Int, presence: [PersonPresence]) throws {
        let presenceJSON = String(decoding: try Self.presenceEncoder.encode(presence), as: UTF8.self)
        try db.cachedStatement(sql: """
            INSERT INTO station_seen (station_id, seen_at, transport, unsent, presence) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (station_id) DO UPDATE SET seen_at = excluded.seen_at, transport = excluded.transport,
                unsent = excluded.unsent, presence = excluded.presence
            """).execute(arguments: [stationID, now, transport, unsent, presenceJSON])
    }

    public func stationsSeen() throws -> [StationSeen] {
        try Row.fetchAll(db, sql: "SELECT station_id, seen_at, transport, unsent, presence FROM station_seen ORDER BY station_id").map { row in
            let stationID: String = row[0], json: String = row[4]
            let presence: [PersonPresence]
            do {
                presence = try Self.presenceDecoder.decode([PersonPresence].self, from: Data(json.utf8))
            } catch {
                throw StoreError.unreadableRow(table: "station_seen", problem: "station \(stationID)'s presence does not read: \(error)")
            }
            return StationSeen(stationID: stationID, seenAt: row[1], transport: row[2], unsent: row[3], presence: presence)
        }
    }

    /// Every station the hub knows with its site (nil: none given), revoked ones left out.
    public func stationSites() throws -> [(id: String, site: String?)] {
        try Row.fetchAll(db, sql: "SELECT id, site FROM station WHERE revoked_at IS NULL ORDER BY id").map { ($0[0], $0[1]) }
    }

    public func setStationSite(_ stationID: String, site: String?) throws -> Bool {
        try db.execute(sql: "UPDATE station SET site = ? WHERE id = ?", arguments: [site, stationID])
        return db.changesCount == 1
    }

    /// Per receiving station, bundles the hub wrote that it has not acknowledged.
    public func bundlesAwaitingAnswer() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT receiver, COUNT(*) FROM bundle_sent WHERE acknowledged = 0 GROUP BY receiver") {
            counts[row[0]] = row[1]
        }
        return counts
    }

    private static let presenceEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    private static let presenceDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    // MARK: Lead holds

    public func leadHolds() throws -> [String: LeadHold] {
        var holds: [String: LeadHold] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT username, held_by, note, moved_to FROM lead_hold")) {
            holds[row[0]] = LeadHold(by: row[1], note: row[2], movedTo: row[3])
        }
        return holds
    }

    public func setLeadHold(_ hold: LeadHold, username: String, at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO lead_hold (username, held_by, note, moved_to, held_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (username) DO UPDATE SET held_by = excluded.held_by, note = excluded.note, moved_to = excluded.moved_to,
                held_at = excluded.held_at
            """, arguments: [username, hold.by, hold.note, hold.movedTo, now])
    }

    /// Lifts a person's hold; false when there was none.
    public func clearLeadHold(username: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM lead_hold WHERE username = ?", arguments: [username])
        return db.changesCount == 1
    }

    // MARK: Queues

    /// Leased tasks per project.
    public func leasedTaskCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        // Through the index of leased tasks: the rest of the table (millions of done tasks) is never read.
        for row in try Row.fetchAll(db, sql: "SELECT project_id, COUNT(*) FROM task INDEXED BY task_lease_expiry WHERE state = 'leased' GROUP BY project_id") {
            counts[row[0]] = row[1]
        }
        return counts
    }

    /// When the project's oldest waiting task came in; nil when none waits.
    ///
    /// The open-task index runs by priority, then number: the first entry of each
    /// priority is that priority's oldest, so a few seeks find the oldest of all without
    /// reading the queue. The number's import batch gives the time; a task older than the
    /// batches counts from the project's creation.
    public func oldestWaitingSince(projectID: String) throws -> Date? {
        var oldest: Int64?
        var below: Int64? = nil
        while true {
            let row = try Row.fetchOne(db.cachedStatement(sql: below == nil
                ? "SELECT priority, seq FROM task WHERE project_id = ? AND state = 'open' ORDER BY priority DESC, seq LIMIT 1"
                : "SELECT priority, seq FROM task WHERE project_id = ? AND state = 'open' AND priority < ? ORDER BY priority DESC, seq LIMIT 1"),
                arguments: below == nil ? [projectID] : [projectID, below])
            guard let row else { break }
            let priority: Int64 = row[0], seq: Int64 = row[1]
            oldest = min(oldest ?? seq, seq)
            below = priority
        }
        guard let oldest else { return nil }
        if let batch = try Date.fetchOne(db.cachedStatement(sql: """
            SELECT imported_at FROM task_batch WHERE project_id = ? AND first_seq <= ? ORDER BY first_seq DESC LIMIT 1
            """), arguments: [projectID, oldest]) {
            return batch
        }
        return try Date.fetchOne(db, sql: "SELECT created_at FROM project WHERE id = ?", arguments: [projectID])
    }

    // MARK: Flags

    /// Flags no lead has answered, newest first.
    public func flagsWaiting() throws -> [FloorFlag] {
        try Row.fetchAll(db, sql: """
            SELECT id, project_id, task_id, username, flag, created_at FROM judgement
            WHERE flag IS NOT NULL AND flag_answer IS NULL ORDER BY received_at DESC
            """).compactMap { row in
            guard let id = UUID(uuidString: row[0]) else { return nil }
            return FloorFlag(annotationID: id, projectID: row[1], taskID: row[2], username: row[3], note: row[4], flaggedAt: row[5])
        }
    }

    /// Records a lead's answer to a flag; the flag's project and task, or nil when no such flag is waiting.
    public func answerFlag(_ annotationID: UUID, answer: String, by lead: String, at now: Date) throws -> (projectID: String, taskID: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT project_id, task_id FROM judgement WHERE id = ? AND flag IS NOT NULL", arguments: [annotationID.uuidString])
        else { return nil }
        try db.execute(
            sql: "UPDATE judgement SET flag_answer = ?, flag_answered_by = ?, flag_answered_at = ? WHERE id = ?",
            arguments: [answer, lead, now, annotationID.uuidString])
        return (row[0], row[1])
    }

    /// A flag's answer, when a lead gave one.
    public func flagAnswer(_ annotationID: UUID) throws -> (answer: String, by: String, at: Date)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT flag_answer, flag_answered_by, flag_answered_at FROM judgement WHERE id = ? AND flag_answer IS NOT NULL
            """, arguments: [annotationID.uuidString]) else { return nil }
        return (row[0], row[1], row[2])
    }

    // MARK: People

    /// Open course assignments (not cleared by a pass), for who has courses due.
    public func openCourseAssignments() throws -> [CourseDue] {
        try Row.fetchAll(db, sql: "SELECT username, course_id, due_at FROM course_assignment WHERE cleared_at IS NULL ORDER BY username, course_id")
            .map { CourseDue(username: $0[0], courseID: $0[1], dueAt: $0[2]) }
    }
}

extension HubTransaction {
    /// Stores a project's new settings and records the change, so stations pull it.
    public func updateProject(_ project: Project, now: Date) throws {
        let change = try recordChange(kind: "project.change", subject: project.id, now: now)
        try db.execute(
            sql: "UPDATE project SET json = ?, changed_change = ? WHERE id = ?", arguments: [try project.storedJSON(), change, project.id])
        guard db.changesCount == 1 else { throw StoreError.noSuchProject(projectID: project.id) }
    }

    /// Records that a person's hold changed, so their station's next sync, even an idle
    /// one, is answered with the person's pauses.
    public func recordHoldChange(username: String, now: Date) throws {
        _ = try recordChange(kind: "lead.hold", subject: username, now: now)
    }
}
