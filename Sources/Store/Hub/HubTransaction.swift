import Domain
import Foundation
import GRDB
import GRDBSQLite

/// The steps `Hub` builds its transactions from.
///
/// Only valid inside the `HubDatabase.write` or `read` call that made it; never keep
/// one. Each step keeps the tables consistent on its own; the caller decides which
/// steps make one change.
public final class HubTransaction {
    let db: Database

    init(db: Database) {
        self.db = db
    }

    public func appendAudit(_ event: AuditEvent) throws {
        try AuditLog.append(event, in: db)
    }

    // MARK: Requests

    /// Remembers a request's nonce; false when it was seen before (a replay).
    ///
    /// Recorded in the transaction that does what the request asks, so a request is
    /// either refused and leaves nothing, or done and remembered; one commit, one fsync.
    /// Nonces older than `window` are forgotten: requests that old are refused by their
    /// timestamp before their nonce is looked at.
    public func recordNonce(stationID: String, nonce: String, now: Date, window: TimeInterval) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM request_nonce WHERE seen_at < ?")
            .execute(arguments: [now.addingTimeInterval(-window).databaseText])
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO request_nonce (station_id, nonce, seen_at) VALUES (?, ?, ?)")
            .execute(arguments: [stationID, nonce, now.databaseText])
        return db.changesCount == 1
    }

    // MARK: Changes

    /// The newest change number; what a station's cursor becomes after a pull.
    public func latestChange() throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(seq), 0) FROM change")) ?? 0
    }

    /// Numbers a change stations will pull (a project, a course), after every one before.
    func recordChange(kind: String, subject: String, now: Date) throws -> Int64 {
        try ChangeRecord(seq: nil, kind: kind, subject: subject, at: now).insert(db)
        return db.lastInsertedRowID
    }

    // MARK: Projects

    public func project(id: String) throws -> Project? {
        try HubProjectRecord.fetchOne(db, key: id)?.project()
    }

    public func projects() throws -> [Project] {
        try HubProjectRecord.order(Column("id")).fetchAll(db).map { try $0.project() }
    }

    /// Adds a project and records the change, so stations pull it.
    public func insertProject(_ project: Project, now: Date) throws {
        guard try HubProjectRecord.fetchOne(db, key: project.id) == nil else {
            throw StoreError.projectExists(projectID: project.id)
        }
        let change = try recordChange(kind: "project.create", subject: project.id, now: now)
        try HubProjectRecord(
            id: project.id, json: try project.storedJSON(), createdAt: now, createdChange: change, changedChange: change
        ).insert(db)
    }

    /// Projects created or changed after `cursor`.
    public func projectsChanged(since cursor: Int64) throws -> [Project] {
        // Prepared once: every sync asks, and building the query each time cost more
        // than running it.
        try HubProjectRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM project WHERE changed_change > ? ORDER BY id"), arguments: [cursor]
        ).map { try $0.project() }
    }

    // MARK: Tasks

    /// Inserts new tasks into a project, in order, after every task already there: open,
    /// or each in the state `states` gives (an import of work already done elsewhere,
    /// whose judgements the caller inserts in the same transaction).
    ///
    /// Throws `StoreError.duplicateTask` naming the first id the project already has, or
    /// `taskIDUsedTwice` for one the batch gives twice; the caller's transaction then
    /// rolls back, so nothing of the batch stays.
    ///
    /// `importedAt` is recorded for the batch's run of task numbers (`task_batch`), from
    /// which the lead's console tells how long the oldest waiting task has waited.
    public func insertTasks(_ tasks: [LabelTask], projectID: String, states: [HubTask.State]? = nil, importedAt: Date? = nil) throws {
        try bulkImport(projectID: projectID, importedAt: importedAt) {
            try $0.insertTasks(PreparedTasks(tasks, projectID: projectID, states: states), expectedTotal: tasks.count)
        }
    }

    public func setTaskState(projectID: String, taskID: String, to state: HubTask.State) throws {
        try db.cachedStatement(sql: "UPDATE task SET state = ? WHERE project_id = ? AND id = ?")
            .execute(arguments: [state.rawValue, projectID, taskID])
    }

    /// Returns leased tasks whose lease ran out before `now` to the open pool; the epoch
    /// stays, and rises when the task is leased again.
    @discardableResult
    public func expireLeases(now: Date) throws -> Int {
        try db.cachedStatement(sql: "UPDATE task SET state = 'open' WHERE state = 'leased' AND lease_expires_at < ?")
            .execute(arguments: [now.databaseText])
        return db.changesCount
    }

    /// Leases up to `limit` open tasks of a project to `station`, highest priority first,
    /// then import order; each epoch rises by one.
    ///
    /// - Parameter unlabelledBy: in a project that overlaps work (a task back in the
    ///   open pool after one person's answer, for the next), pass over the tasks this
    ///   person has already answered; `.some(nil)`, when the lease is for no one in
    ///   particular, over every task anyone has. `nil` checks nothing: no open task has
    ///   an answer where nothing overlaps.
    public func leaseOpenTasks(
        projectID: String, limit: Int, to station: String, until expiry: Date, unlabelledBy person: String?? = nil
    ) throws -> [LeasedTask] {
        guard limit > 0 else { return [] }
        var arguments: StatementArguments = [station, expiry, projectID]
        var unlabelled = ""
        if let person {
            unlabelled = """
                AND NOT EXISTS (SELECT 1 FROM judgement WHERE judgement.project_id = task.project_id AND judgement.task_id = task.id
                                AND (? IS NULL OR judgement.username = ?))
                """
            arguments += [person, person]
        }
        arguments += [limit]
        // One statement for the whole batch: a station filling a large cache leases
        // a hundred thousand tasks at once. RETURNING gives the rows as updated (new
        // epoch) but in no promised order, hence the sort.
        let records = try HubTaskRecord.fetchAll(db, sql: """
            UPDATE task SET state = 'leased', station = ?, epoch = epoch + 1, lease_expires_at = ?
            WHERE rowid IN (
                SELECT rowid FROM task WHERE project_id = ? AND state = 'open' \(unlabelled)
                ORDER BY priority DESC, seq LIMIT ?)
            RETURNING \(HubTaskRecord.selection())
            """, arguments: arguments)
        return try records
            .sorted { ($0.priority, -$0.seq) > ($1.priority, -$1.seq) }
            .map { record in LeasedTask(task: try record.hubTask().task, epoch: record.epoch, expiresAt: expiry) }
    }

    /// Open tasks per project, every project present.
    public func openTaskCounts() throws -> [String: Int] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT project.id AS id,
                   (SELECT COUNT(*) FROM task WHERE task.project_id = project.id AND task.state = 'open') AS open
            FROM project
            """))
        var counts: [String: Int] = [:]
        for row in rows { counts[row["id"]] = row["open"] }
        return counts
    }

    public func taskCounts(projectID: String) throws -> TaskCounts {
        let rows = try Row.fetchAll(
            db, sql: "SELECT state, COUNT(*) AS count FROM task WHERE project_id = ? GROUP BY state", arguments: [projectID])
        var counts = TaskCounts()
        for row in rows {
            let count: Int = row["count"]
            switch HubTask.State(rawValue: row["state"]) {
            case .open: counts.open = count
            case .leased: counts.leased = count
            case .done: counts.done = count
            case .skipped: counts.skipped = count
            case nil: break
            }
        }
        return counts
    }

    // MARK: Judgements

    /// How the hub answered this annotation when it first arrived, if it has.
    public func receipt(ofJudgement id: UUID) throws -> JudgementReceipt? {
        // Prepared statements and rows read by hand: this and `standing` run once per
        // annotation received, where decoding whole records cost more than SQLite did.
        let statement = try db.cachedStatement(sql: "SELECT content, outcome FROM judgement WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id.uuidString]) else { return nil }
        let outcome: String = row[1]
        guard let status = AnnotationOutcome.Status(rawValue: outcome) else {
            throw StoreError.unreadableRow(table: "judgement", problem: "judgement \(id.uuidString) has unknown outcome \"\(outcome)\"")
        }
        return JudgementReceipt(content: row[0], firstOutcome: status)
    }

    /// A task's lease and canonical judgement, or nil when the project has no such task.
    public func standing(projectID: String, taskID: String) throws -> TaskStanding? {
        let statement = try db.cachedStatement(sql: """
            SELECT task.epoch, task.station, task.lease_expires_at, judgement.id, judgement.lease_epoch, judgement.station_id,
                   length(task.text), json_extract(task.body, '$.image.chip[2]'), json_extract(task.body, '$.image.chip[3]')
            FROM task LEFT JOIN judgement
              ON judgement.project_id = task.project_id AND judgement.task_id = task.id AND judgement.canonical = 1
            WHERE task.project_id = ? AND task.id = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [projectID, taskID]) else { return nil }
        let canonicalID: String? = row[3]
        let chipWidth: Int? = row[7], chipHeight: Int? = row[8]
        return TaskStanding(
            epoch: row[0], station: row[1], leaseExpiresAt: row[2],
            canonical: canonicalID.map { TaskStanding.CanonicalMark(judgementID: $0, leaseEpoch: row[4], stationID: row[5]) },
            textLength: row[6], chip: chipWidth.flatMap { width in chipHeight.map { ChipSize(width: width, height: $0) } })
    }

    /// The people whose answers (not skips) a task has, and whether `person` gave one
    /// or a skip: what decides whether an overlapped task needs someone more.
    public func answeringPeople(projectID: String, taskID: String) throws -> Set<String> {
        Set(try String.fetchAll(
            db.cachedStatement(sql: "SELECT DISTINCT username FROM judgement WHERE project_id = ? AND task_id = ? AND skip_reason IS NULL"),
            arguments: [projectID, taskID]))
    }

    /// Whether `person` has any judgement (an answer or a skip) on the task.
    public func hasJudged(projectID: String, taskID: String, person: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM judgement WHERE project_id = ? AND task_id = ? AND username = ? LIMIT 1"),
            arguments: [projectID, taskID, person]) ?? false
    }

    /// Every judgement of a project, in the order they arrived: what agreement and
    /// consensus are computed from.
    public func judgements(projectID: String) throws -> [Judgement] {
        try JudgementRecord.fetchAll(db, sql: "SELECT * FROM judgement WHERE project_id = ? ORDER BY rowid", arguments: [projectID])
            .map { try $0.judgement() }
    }

    public func judgements(projectID: String, taskID: String) throws -> [Judgement] {
        try JudgementRecord.fetchAll(
            db, sql: "SELECT * FROM judgement WHERE project_id = ? AND task_id = ? ORDER BY rowid",
            arguments: [projectID, taskID]
        ).map { try $0.judgement() }
    }

    /// Stores a judgement. At most one per task may be canonical: demote the old one first.
    public func insertJudgement(_ judgement: Judgement) throws {
        // Bound by hand rather than through Codable: one insert per annotation received,
        // where encoding the record cost more than SQLite did.
        let record = JudgementRecord(judgement)
        try db.cachedStatement(sql: """
            INSERT INTO judgement (id, project_id, task_id, labels, skip_reason, username, station_id, lease_epoch,
                                   created_at, seconds_on_task, content, canonical, outcome, received_at,
                                   answer, flag, prediction_accepted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                record.id, record.projectId, record.taskId, record.labels, record.skipReason, record.username,
                record.stationId, record.leaseEpoch, record.createdAt.databaseText, record.secondsOnTask, record.content,
                record.canonical, record.outcome, record.receivedAt.databaseText,
                record.answer, record.flag, record.predictionAccepted,
            ])
    }

    public func setCanonical(judgementID: String, _ isCanonical: Bool) throws {
        try db.cachedStatement(sql: "UPDATE judgement SET canonical = ? WHERE id = ?").execute(arguments: [isCanonical, judgementID])
    }

    /// Each task of a project with its canonical judgement, in import order; tasks
    /// without one are left out.
    public func canonicalJudgements(projectID: String) throws -> [(task: HubTask, judgement: Judgement)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(HubTaskRecord.selection(of: "task")), judgement.id FROM task
            JOIN judgement ON judgement.project_id = task.project_id AND judgement.task_id = task.id AND judgement.canonical = 1
            WHERE task.project_id = ?
            ORDER BY task.seq
            """, arguments: [projectID])
        var judgementsByID: [String: JudgementRecord] = [:]
        for record in try JudgementRecord.filter(Column("project_id") == projectID && Column("canonical") == true).fetchAll(db) {
            judgementsByID[record.id] = record
        }
        return try rows.compactMap { row in
            let task = try HubTaskRecord(row: row).hubTask()
            let judgementID: String = row[HubTaskRecord.columns.count]
            guard let judgement = judgementsByID[judgementID] else { return nil }
            return (task, try judgement.judgement())
        }
    }
}

extension HubTransaction {
    /// Flagged work, newest first, in one project or all: what a shift lead answers.
    public func flaggedJudgements(projectID: String?) throws -> [Judgement] {
        let filter = projectID == nil ? "" : "AND project_id = ?"
        return try JudgementRecord.fetchAll(
            db, sql: "SELECT * FROM judgement WHERE flag IS NOT NULL \(filter) ORDER BY received_at DESC, rowid DESC",
            arguments: projectID.map { [$0] } ?? []
        ).map { try $0.judgement() }
    }

    /// Every judgement made on a task that offered a model prediction, with its task, in
    /// arrival order: what prediction acceptance is counted from.
    public func judgementsOnPredictions(projectID: String) throws -> [(task: HubTask, judgement: Judgement)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(HubTaskRecord.selection(of: "task")), judgement.id FROM judgement
            JOIN task ON task.project_id = judgement.project_id AND task.id = judgement.task_id
            WHERE judgement.project_id = ? AND judgement.prediction_accepted IS NOT NULL
            ORDER BY judgement.rowid
            """, arguments: [projectID])
        var judgementsByID: [String: JudgementRecord] = [:]
        for record in try JudgementRecord.fetchAll(
            db, sql: "SELECT * FROM judgement WHERE project_id = ? AND prediction_accepted IS NOT NULL", arguments: [projectID]) {
            judgementsByID[record.id] = record
        }
        return try rows.compactMap { row in
            let judgementID: String = row[HubTaskRecord.columns.count]
            guard let record = judgementsByID[judgementID] else { return nil }
            return (try HubTaskRecord(row: row).hubTask(), try record.judgement())
        }
    }
}

extension HubTransaction {
    /// A project's tasks in import order, each with its judgements (canonical first, then
    /// in arrival order): what an export writes. `answeredOnly` leaves out tasks without
    /// a canonical judgement.
    ///
    /// Two statements, rows read by position: an export reads a hundred thousand tasks.
    /// Only the reading is done on the connection's thread; decoding the rows (task
    /// bodies, answers, dates) is spread over every core.
    public func tasksWithJudgements(projectID: String, answeredOnly: Bool) throws -> [(task: HubTask, judgements: [Judgement])] {
        try tasksWithJudgements(projectID: projectID, answeredOnly: answeredOnly) { task, judgements in (task, judgements) }
    }

    /// `tasksWithJudgements`, each task and its judgements made into what the caller
    /// wants by `transform`, which runs on every core (so it must be pure).
    public func tasksWithJudgements<Value>(
        projectID: String, answeredOnly: Bool, _ transform: (HubTask, [Judgement]) throws -> Value
    ) throws -> [Value] {
        var judgementRecords: [JudgementRecord] = []
        try RawRow.forEach(in: db, sql: """
            SELECT \(JudgementRecord.selection) FROM judgement WHERE project_id = ? ORDER BY canonical DESC, rowid
            """, argument: projectID) { row in judgementRecords.append(try JudgementRecord(raw: row)) }
        // Decoded on the other core while this one reads the tasks.
        let readJudgements = judgementRecords
        let decoding = PieceWork.inBackground { Result { try readJudgements.map { try $0.judgement() } } }
        var taskRecords: [HubTaskRecord] = []
        try RawRow.forEach(in: db, sql: "SELECT \(HubTaskRecord.selection()) FROM task WHERE project_id = ? ORDER BY seq", argument: projectID) { row in
            taskRecords.append(HubTaskRecord(raw: row))
        }
        let judgements = try decoding().get()
        var grouping: [String: [Judgement]] = [:]
        grouping.reserveCapacity(min(judgements.count, taskRecords.count))
        for judgement in judgements { grouping[judgement.annotation.taskID, default: []].append(judgement) }
        let judgementsByTask = grouping
        let kept = answeredOnly ? taskRecords.filter { judgementsByTask[$0.id]?.first?.isCanonical == true } : taskRecords
        return try PieceWork.map(count: kept.count) { index in
            try transform(try kept[index].hubTask(), judgementsByTask[kept[index].id] ?? [])
        }
    }
}

extension HubTransaction {
    /// Gives open tasks a model's prediction, replacing one the same model gave before.
    ///
    /// Only open tasks change: a leased or done task keeps what its labeler was shown, so
    /// an annotation's `predictionAccepted` always refers to the prediction it saw.
    /// Returns the ids changed, in the order given; ids of tasks not open are skipped.
    public func attachPredictions(_ predictions: [(taskID: String, prediction: Prediction)], projectID: String) throws -> [String] {
        let read = try db.cachedStatement(sql: "SELECT \(HubTaskRecord.selection()) FROM task WHERE project_id = ? AND id = ? AND state = 'open'")
        let write = try db.cachedStatement(sql: "UPDATE task SET body = ? WHERE project_id = ? AND id = ?")
        var changed: [String] = []
        for (taskID, prediction) in predictions {
            guard let row = try Row.fetchOne(read, arguments: [projectID, taskID]) else { continue }
            var task = try HubTaskRecord(row: row).hubTask().task
            task.predictions.removeAll { $0.model == prediction.model }
            task.predictions.insert(prediction, at: 0)
            try write.execute(arguments: [task.storedBody, projectID, taskID])
            changed.append(taskID)
        }
        return changed
    }
}
