import Domain
import Foundation
import GRDB

extension StationDatabase {
    /// Caches leased tasks, queued.
    ///
    /// A task that already has work waiting in the outbox keeps that work and its row
    /// untouched: a stale lease must not bring back a task the labeler has done. A lease
    /// with an older epoch than the cached one is ignored too.
    public func cacheLeases(_ leases: [LeasedTask]) throws {
        guard !leases.isEmpty else { return }
        try pool.write { db in try Self.cacheLeases(leases, in: db) }
    }

    static func cacheLeases(_ leases: [LeasedTask], in db: Database) throws {
        guard !leases.isEmpty else { return }
        var seq = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM task") ?? 0
        // One prepared statement for the whole batch: records would be several times slower.
        let statement = try db.makeStatement(sql: """
            INSERT INTO task (project_id, id, text, marking, priority, meta, body, epoch, expires_at, seq, assignee, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued')
            ON CONFLICT (project_id, id) DO UPDATE SET
                text = excluded.text, marking = excluded.marking, priority = excluded.priority,
                meta = excluded.meta, body = excluded.body, epoch = excluded.epoch, expires_at = excluded.expires_at,
                assignee = excluded.assignee, state = 'queued'
            WHERE excluded.epoch >= task.epoch
              AND NOT EXISTS (
                SELECT 1 FROM annotation JOIN outbox ON outbox.annotation_id = annotation.id
                WHERE annotation.project_id = excluded.project_id AND annotation.task_id = excluded.id)
            """)
        // Leases of one batch mostly share an expiry; format each distinct date once.
        var expiryValues: [Date: DatabaseValue] = [:]
        for lease in leases {
            seq += 1
            let expiry: DatabaseValue
            if let known = expiryValues[lease.expiresAt] {
                expiry = known
            } else {
                expiry = lease.expiresAt.databaseValue
                expiryValues[lease.expiresAt] = expiry
            }
            let task = lease.task
            statement.setUncheckedArguments([
                task.projectID, task.id, task.text, task.marking.rawValue, task.priority, task.meta, task.storedBody,
                lease.epoch, expiry, seq, lease.assignee,
            ])
            try statement.execute()
        }
        try recordMediaNeeded(by: leases, in: db)
    }

    /// The task to show next in a project: highest priority first, then the order the
    /// tasks arrived in. An index lookup (`task_next`), so it stays instant.
    ///
    /// A task whose imagery is not here and verified is passed over: nothing is shown
    /// before every byte it draws on matched its hash. With `username`, only what may be
    /// served to them: their own leases and those for anyone.
    public func nextTask(projectID: String, for username: String? = nil) throws -> LeasedTask? {
        try pool.read { db in
            try StationTaskRecord.fetchOne(
                db.cachedStatement(sql: """
                    SELECT * FROM task WHERE state = 'queued' AND project_id = ? AND \(Self.servable) AND NOT \(Self.waitsForMedia)
                      AND NOT EXISTS (SELECT 1 FROM pause WHERE pause.username = ? AND pause.project_id = task.project_id)
                    ORDER BY priority DESC, seq LIMIT 1
                    """),
                arguments: [projectID, username, username, username]
            )?.leasedTask()
        }
    }

    /// A condition on `task`, taking the username twice: a task that person may be
    /// served (any, when the username is NULL).
    static let servable = "(? IS NULL OR task.assignee IS NULL OR task.assignee = ?)"

    /// The labelers this station leases for: accounts that may label and logged on here
    /// in the last `days` days. A person's first logon brings their own leases at the
    /// next sync.
    public func peopleToLeaseFor(now: Date, days: Int = 30) throws -> [String] {
        let since = now.addingTimeInterval(-Double(days) * 86_400)
        return try accounts()
            .filter { $0.role.mayLabel && ($0.lastLogonAt.map { $0 >= since } ?? false) }
            .map(\.username).sorted()
    }

    /// How many tasks are cached and queued, in all projects.
    public func queuedTaskCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM task WHERE state = 'queued'") ?? 0 }
    }

    /// Queued tasks per project, with every known project present (0 when none are queued).
    /// How many leases a sync should ask for so every project has `target` queued.
    ///
    /// A request asks for one number per project (and per person, when it names
    /// `people`), so ask for what the emptiest queue lacks: none starves, though a fuller
    /// one may get more than it needs.
    public func leasesWanted(toFill target: Int, people: [String] = []) throws -> Int {
        guard !people.isEmpty else { return max(0, target - (try queuedTaskCountsByProject().values.min() ?? 0)) }
        var emptiest = Int.max
        for person in people {
            emptiest = min(emptiest, try queuedTaskCountsByProject(servableTo: person).values.min() ?? 0)
        }
        return max(0, target - emptiest)
    }

    public func queuedTaskCountsByProject(servableTo username: String? = nil) throws -> [String: Int] {
        try pool.read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT project.id AS id,
                       (SELECT COUNT(*) FROM task WHERE task.state = 'queued' AND task.project_id = project.id AND \(Self.servable)) AS queued
                FROM project
                """), arguments: [username, username])
            var counts: [String: Int] = [:]
            for row in rows { counts[row["id"]] = row["queued"] }
            return counts
        }
    }

    /// Every project this station knows, with what waits and what `username` did today.
    ///
    /// "Today" is the calendar day of `now` in `calendar`'s time zone. With `projectID`,
    /// only that project's: what the task screen needs after each save, without counting
    /// every other queue on the way.
    public func queueSummaries(username: String, now: Date, calendar: Calendar, projectID: String? = nil) throws -> [QueueSummary] {
        let dayStart = calendar.startOfDay(for: now)
        let dayEnd = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart.addingTimeInterval(86_400)
        return try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT project.id, project.json, project.waiting_at_hub,
                       (SELECT COUNT(*) FROM task
                        WHERE task.state = 'queued' AND task.project_id = project.id AND \(Self.servable)) AS queued,
                       (\(Self.countWaitingForMedia) AND task.project_id = project.id AND \(Self.servable)) AS waiting_for_imagery,
                       (SELECT COUNT(*) FROM annotation
                        WHERE annotation.username = ? AND annotation.project_id = project.id
                          AND annotation.created_at >= ? AND annotation.created_at < ?) AS done_today,
                       (SELECT pause.courses FROM pause WHERE pause.username = ? AND pause.project_id = project.id) AS pause_courses,
                       (SELECT pause.lead FROM pause WHERE pause.username = ? AND pause.project_id = project.id) AS pause_lead
                FROM project WHERE ? IS NULL OR project.id = ? ORDER BY project.id
                """, arguments: [username, username, username, username, username, dayStart, dayEnd, username, username, projectID, projectID])
            let summaries = try rows.map { row in
                let record = StationProjectRecord(id: row["id"], json: row["json"], waitingAtHub: row["waiting_at_hub"])
                let queued: Int = row["queued"]
                let waitingForImagery: Int = row["waiting_for_imagery"]
                // No pause row: open. An empty course list: quality paused them. Else the courses it needs.
                let pauseCourses: String? = row["pause_courses"]
                let lead = try (row["pause_lead"] as String?).map { try JSONDecoder().decode(LeadHold.self, from: Data($0.utf8)) }
                return QueueSummary(
                    project: try record.project(), waiting: queued - waitingForImagery + record.waitingAtHub,
                    doneToday: row["done_today"], waitingForImagery: waitingForImagery, isPaused: pauseCourses == "",
                    coursesNeeded: pauseCourses.map(Self.courseList) ?? [], heldBy: lead)
            }
            // The order a lead gave the queues (higher first), then by id.
            return summaries.sorted { ($0.project.priority, $1.project.id) > ($1.project.priority, $0.project.id) }
        }
    }
}
