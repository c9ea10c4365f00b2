import Domain
import Foundation
import GRDB

/// A gold item: a task with its answer key, known only to the hub (`GoldMigration`).
public struct GoldItem: Equatable, Sendable {
    /// How it joined the pool: imported with its key, or made from the work (a
    /// consensus a lead or trainer accepted as the key).
    public enum Source: String, Sendable {
        case imported = "import"
        case fromWork = "work"
    }

    /// What a station would be handed: id, text, marking, priority, meta, body.
    public var task: LabelTask
    /// The answer key.
    public var key: Answer
    public var source: Source
    public var addedBy: String
    public var addedAt: Date
    /// When it left the pool (seen by too many people, or found wrong); nil while in it.
    public var retiredAt: Date?

    public init(
        task: LabelTask, key: Answer, source: Source, addedBy: String, addedAt: Date, retiredAt: Date? = nil
    ) {
        self.task = task
        self.key = key
        self.source = source
        self.addedBy = addedBy
        self.addedAt = addedAt
        self.retiredAt = retiredAt
    }
}

extension HubTransaction {
    /// Adds items to a project's gold pool, after those it has, in the order given.
    ///
    /// Refuses (throws `StoreError.duplicateTask`) an id already in the pool or already a
    /// task's: a station keys gold items and tasks alike. A geo item's chip must be in
    /// the media store.
    public func insertGoldItems(_ items: [GoldItem], projectID: String) throws {
        guard try HubProjectRecord.fetchOne(db, key: projectID) != nil else {
            throw StoreError.noSuchProject(projectID: projectID)
        }
        var seq = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM gold_item WHERE project_id = ?", arguments: [projectID]) ?? 0
        let isTask = try db.cachedStatement(sql: "SELECT 1 FROM task WHERE project_id = ? AND id = ?")
        let isGold = try db.cachedStatement(sql: "SELECT 1 FROM gold_item WHERE project_id = ? AND id = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO gold_item (project_id, id, text, marking, priority, meta, body, answer, source, added_by, added_at, seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in items {
            let task = item.task
            // A gold item made from work keeps its task's id, so it is handed out as an
            // ordinary re-lease of that task looks; one imported needs an id of its own.
            let clashesWithTask = try item.source == .imported && Bool.fetchOne(isTask, arguments: [projectID, task.id]) ?? false
            let clashesWithGold = try Bool.fetchOne(isGold, arguments: [projectID, task.id]) ?? false
            if clashesWithTask || clashesWithGold {
                throw StoreError.duplicateTask(projectID: projectID, taskID: task.id)
            }
            seq += 1
            try insert.execute(arguments: [
                projectID, task.id, task.text, task.marking.rawValue, task.priority, task.meta, task.storedBody, item.key.json.canonicalText,
                item.source.rawValue, item.addedBy, item.addedAt, seq,
            ])
            for needed in task.mediaNeeded {
                guard let held = try media(sha256: needed.sha256) else { throw StoreError.unknownMedia(taskID: task.id, media: needed) }
                guard held.byteCount == needed.byteCount else {
                    throw StoreError.mediaSizeDiffers(taskID: task.id, named: needed, held: held.byteCount)
                }
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO gold_media (project_id, gold_id, sha256) VALUES (?, ?, ?)")
                    .execute(arguments: [projectID, task.id, needed.sha256])
            }
        }
    }

    /// One gold item, retired or not.
    public func goldItem(projectID: String, id: String) throws -> GoldItem? {
        try goldItems(projectID: projectID, includingRetired: true, id: id).first
    }

    /// A project's gold items in the order they joined; retired ones too when asked.
    public func goldItems(projectID: String, includingRetired: Bool = false) throws -> [GoldItem] {
        try goldItems(projectID: projectID, includingRetired: includingRetired, id: nil)
    }

    private func goldItems(projectID: String, includingRetired: Bool, id: String?) throws -> [GoldItem] {
        var conditions = includingRetired ? "" : " AND retired_at IS NULL"
        var arguments: [any DatabaseValueConvertible] = [projectID]
        if let id {
            conditions += " AND id = ?"
            arguments.append(id)
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, text, marking, priority, meta, body, answer, source, added_by, added_at, retired_at
            FROM gold_item WHERE project_id = ?\(conditions) ORDER BY seq
            """, arguments: StatementArguments(arguments))
        return try rows.map { row in
            let id: String = row[0]
            func unreadable(_ problem: String) -> StoreError { .unreadableRow(table: "gold_item", problem: "gold item \(id) \(problem)") }
            let markingText: String = row[2], sourceText: String = row[7], answerText: String = row[6]
            guard let marking = Marking(rawValue: markingText) else { throw unreadable("has unknown marking \"\(markingText)\"") }
            guard let source = GoldItem.Source(rawValue: sourceText) else { throw unreadable("has unknown source \"\(sourceText)\"") }
            var task = LabelTask(id: id, projectID: projectID, text: row[1], marking: marking, priority: row[3], meta: row[4])
            let keyJSON: JSONValue
            do { keyJSON = try JSONValue.parse(answerText) } catch { throw unreadable("has a key that is not JSON: \(error)") }
            let body: String? = row[5]
            let key: Answer
            do throws(Answer.Unreadable) {
                try task.restoreBody(body)
                key = try Answer(json: keyJSON)
            } catch {
                throw unreadable(error.description)
            }
            return GoldItem(task: task, key: key, source: source, addedBy: row[8], addedAt: row[9], retiredAt: row[10])
        }
    }

    /// The first few ids used by both a gold item and a task of the project: an import of
    /// tasks checks this after its insert, so a task can never take a gold item's id.
    public func idsInPoolAndTasks(projectID: String, limit: Int = 5) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT gold_item.id FROM gold_item JOIN task ON task.project_id = gold_item.project_id AND task.id = gold_item.id
            WHERE gold_item.project_id = ? AND gold_item.source = 'import' ORDER BY gold_item.seq LIMIT ?
            """, arguments: [projectID, limit])
    }
}

/// A gold item's answer as a station sent it, kept beside the key it is scored against.
public struct GoldAnswer: Equatable, Sendable {
    public var annotation: Annotation
    public var receivedAt: Date
    /// A reviewer's score, 0 to 1, for an answer the engine cannot score (free text).
    public var verdict: Double?

    public init(annotation: Annotation, receivedAt: Date, verdict: Double? = nil) {
        self.annotation = annotation
        self.receivedAt = receivedAt
        self.verdict = verdict
    }
}

extension HubTransaction {
    /// The project's gold policy: the default until one is set.
    public func goldPolicy(projectID: String) throws -> GoldPolicy {
        guard let text = try String.fetchOne(db.cachedStatement(sql: "SELECT policy FROM gold_policy WHERE project_id = ?"), arguments: [projectID]) else {
            return GoldPolicy()
        }
        do {
            return try JSONDecoder().decode(GoldPolicy.self, from: Data(text.utf8))
        } catch {
            throw StoreError.unreadableRow(table: "gold_policy", problem: "the gold policy of \(projectID) cannot be read: \(error)")
        }
    }

    public func setGoldPolicy(_ policy: GoldPolicy, projectID: String) throws {
        let text = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
        try db.execute(sql: "INSERT INTO gold_policy (project_id, policy) VALUES (?, ?) ON CONFLICT (project_id) DO UPDATE SET policy = excluded.policy",
                       arguments: [projectID, text])
    }

    /// How many leases, and of them gold, a person has been handed on the project.
    public func handed(projectID: String, username: String) throws -> (all: Int, gold: Int) {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT handed, gold_handed FROM gold_person WHERE project_id = ? AND username = ?"), arguments: [projectID, username])
        return row.map { (all: $0[0], gold: $0[1]) } ?? (0, 0)
    }

    /// Counts a batch handed to a person.
    public func countHanded(projectID: String, username: String, all: Int, gold: Int) throws {
        try db.cachedStatement(sql: """
            INSERT INTO gold_person (project_id, username, handed, gold_handed) VALUES (?, ?, ?, ?)
            ON CONFLICT (project_id, username) DO UPDATE SET handed = handed + excluded.handed, gold_handed = gold_handed + excluded.gold_handed
            """).execute(arguments: [projectID, username, all, gold])
    }

    /// Up to `limit` gold items of the project, in the pool, that were never handed to
    /// `username`, drawn at random.
    public func unseenGoldItems<Random: RandomNumberGenerator>(
        projectID: String, username: String, limit: Int, random: inout Random
    ) throws -> [GoldItem] {
        guard limit > 0 else { return [] }
        let ids = try String.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM gold_item WHERE project_id = ? AND retired_at IS NULL AND \(Self.unseenBy)
            ORDER BY seq
            """), arguments: [projectID, projectID, username, username])
        return try ids.shuffled(using: &random).prefix(limit).compactMap { try goldItem(projectID: projectID, id: $0) }
    }

    /// How many pool items `username` has not been handed yet.
    public func unseenGoldCount(projectID: String, username: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM gold_item WHERE project_id = ? AND retired_at IS NULL AND \(Self.unseenBy)
            """), arguments: [projectID, projectID, username, username]) ?? 0
    }

    /// A condition on `gold_item`, taking the project and the username twice: not handed
    /// to that person, and, for an item made from work, not a task they labelled.
    static let unseenBy = """
        id NOT IN (SELECT gold_id FROM gold_lease WHERE project_id = ? AND username = ?)
        AND (source = 'import' OR NOT EXISTS (
            SELECT 1 FROM judgement WHERE judgement.project_id = gold_item.project_id AND judgement.task_id = gold_item.id
              AND judgement.username = ?))
        """

    /// The epoch a lease of the gold item carries: 1, or for an item made from work one
    /// above its task's, as a re-lease of that task would be (a station keeps the task
    /// it was first leased and takes it again only under a later epoch).
    public func goldLeaseEpoch(of item: GoldItem) throws -> Int {
        guard item.source == .fromWork else { return 1 }
        let epoch = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT epoch FROM task WHERE project_id = ? AND id = ?"), arguments: [item.task.projectID, item.task.id])
        return (epoch ?? 0) + 1
    }

    /// Records gold items handed to `username` at `station`: never to be handed to them again.
    public func recordGoldLeases(_ leases: [LeasedTask], projectID: String, username: String, station: String, now: Date) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO gold_lease (project_id, gold_id, username, station, epoch, expires_at, leased_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for lease in leases {
            try insert.execute(arguments: [projectID, lease.task.id, username, station, lease.epoch, lease.expiresAt, now])
        }
    }

    /// Whether the gold item was handed to `username` at `station`: their work on it is
    /// a gold answer (and, for an item made from work, not more work on its task).
    public func goldWasLeased(projectID: String, goldID: String, to username: String, at station: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM gold_lease WHERE project_id = ? AND gold_id = ? AND username = ? AND station = ?"),
            arguments: [projectID, goldID, username, station]) ?? false
    }

    /// Whether a gold item handed to someone at `station` has the media file `sha256`: a
    /// station may fetch a gold chip exactly as it may the chip of a task it holds, or else
    /// the item would wait for its imagery there for ever (and stand out by that).
    public func goldMediaWasLeased(sha256: String, to station: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (
                SELECT 1 FROM gold_media
                JOIN gold_lease ON gold_lease.project_id = gold_media.project_id AND gold_lease.gold_id = gold_media.gold_id
                WHERE gold_media.sha256 = ? AND gold_lease.station = ?)
            """), arguments: [sha256, station]) ?? false
    }

    /// The content a gold answer with this id was received with, if it was.
    public func goldAnswerContent(id: UUID) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT content FROM gold_answer WHERE id = ?"), arguments: [id.uuidString])
    }

    /// Keeps a gold answer with its score, scored as it arrives (nil for a skip or for
    /// free text waiting for its reviewer), so reports add scores up in SQL, and adds it
    /// to the person's record unless it was made before their quality reset
    /// (`resetQuality`). Returns whether it counts in the record.
    @discardableResult
    public func insertGoldAnswer(_ annotation: Annotation, content: String, receivedAt: Date, score: GoldScore? = nil) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT INTO gold_answer (id, project_id, gold_id, username, station, content, answer, skip_reason, created_at, seconds_on_task, received_at,
                                     score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                annotation.id.uuidString, annotation.projectID, annotation.taskID, annotation.username, annotation.stationID, content,
                annotation.isSkip ? nil : annotation.answer.json.canonicalText, annotation.skipReason, annotation.createdAt, annotation.secondsOnTask, receivedAt,
                score?.value,
            ])
        guard try counts(answeredAt: annotation.createdAt, projectID: annotation.projectID, username: annotation.username) else { return false }
        try addToRecord(
            projectID: annotation.projectID, username: annotation.username, sign: 1, score: score, isSkip: annotation.isSkip,
            seconds: annotation.secondsOnTask)
        return true
    }

    /// Adds (`sign` 1) or takes back (-1) one answer's part of a person's running record.
    private func addToRecord(projectID: String, username: String, sign: Int, score: GoldScore?, isSkip: Bool, seconds: Double) throws {
        let scored = score == nil ? 0 : sign, awaiting = score == nil && !isSkip ? sign : 0, skipped = isSkip ? sign : 0
        try db.cachedStatement(sql: """
            INSERT INTO gold_person (project_id, username, scored, credit, correct, awaiting, skipped, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id, username) DO UPDATE SET scored = scored + excluded.scored, credit = credit + excluded.credit,
                correct = correct + excluded.correct, awaiting = awaiting + excluded.awaiting, skipped = skipped + excluded.skipped,
                seconds = seconds + excluded.seconds
            """).execute(arguments: [
                projectID, username, scored, Double(sign) * (score?.value ?? 0), score?.isCorrect == true ? sign : 0, awaiting, skipped,
                Double(sign) * seconds,
            ])
        let countError = try db.cachedStatement(sql: """
            INSERT INTO gold_person_error (project_id, username, error_class, count) VALUES (?, ?, ?, ?)
            ON CONFLICT (project_id, username, error_class) DO UPDATE SET count = count + excluded.count
            """)
        for error in score?.errors ?? [] {
            try countError.execute(arguments: [projectID, username, error.errorClass.rawValue, sign])
        }
    }

    /// Each person's record on a project's gold (of one person when named), as kept up
    /// when each answer arrived: what quality decides on, at every sync and in reports.
    public func goldTallies(projectID: String, username: String? = nil) throws -> [PersonQuality] {
        let filter = username == nil ? "" : " AND username = ?"
        let arguments = StatementArguments([projectID] + (username.map { [$0] } ?? []))
        var people: [String: PersonQuality] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT username, scored, credit, correct, awaiting, skipped, seconds FROM gold_person
            WHERE project_id = ?\(filter) AND scored + awaiting + skipped > 0
            """, arguments: arguments) {
            var person = PersonQuality(username: row[0])
            person.scored = row[1]
            person.credit = row[2]
            person.correct = row[3]
            person.awaitingReview = row[4]
            person.skipped = row[5]
            person.goldSeconds = row[6]
            people[person.username] = person
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT username, error_class, count FROM gold_person_error WHERE project_id = ?\(filter) AND count > 0
            """, arguments: arguments) {
            let name: String = row[0], text: String = row[1]
            guard let errorClass = GoldErrorClass(rawValue: text) else {
                throw StoreError.unreadableRow(table: "gold_person_error", problem: "unknown error class \"\(text)\"")
            }
            people[name]?.errors[errorClass] = row[2]
        }
        return people.values.sorted { $0.username < $1.username }
    }

    /// Seconds on task of every answered (not skipped) gold item and judgement of the
    /// project, per person: what the signs of rushing are made from.
    public func secondsOnTask(projectID: String) throws -> (gold: [String: [Double]], other: [String: [Double]]) {
        func read(_ table: String) throws -> [String: [Double]] {
            var seconds: [String: [Double]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT username, seconds_on_task FROM \(table) WHERE project_id = ? AND skip_reason IS NULL", arguments: [projectID]) {
                seconds[row[0], default: []].append(row[1])
            }
            return seconds
        }
        return (try read("gold_answer"), try read("judgement"))
    }

    /// The gold answers of a project, oldest first (of one person when named).
    public func goldAnswers(projectID: String, username: String? = nil) throws -> [GoldAnswer] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, gold_id, username, station, answer, skip_reason, created_at, seconds_on_task, received_at, verdict
            FROM gold_answer WHERE project_id = ? \(username == nil ? "" : "AND username = ?") ORDER BY received_at, rowid
            """, arguments: StatementArguments([projectID] + (username.map { [$0] } ?? [])))
        return try rows.map { row in
            let idText: String = row[0]
            guard let id = UUID(uuidString: idText) else { throw StoreError.unreadableRow(table: "gold_answer", problem: "gold answer id \(idText) is not a UUID") }
            let answerText: String? = row[4]
            var answer = Answer.empty(.classification)
            if let answerText {
                do { answer = try Answer(json: try JSONValue.parse(answerText)) } catch {
                    throw StoreError.unreadableRow(table: "gold_answer", problem: "gold answer \(idText) cannot be read: \(error)")
                }
            }
            let annotation = Annotation(
                id: id, taskID: row[1], projectID: projectID, answer: answer, skipReason: row[5], username: row[2], stationID: row[3],
                leaseEpoch: 1, createdAt: row[6], secondsOnTask: row[7])
            return GoldAnswer(annotation: annotation, receivedAt: row[8], verdict: row[9])
        }
    }
}

extension HubTransaction {
    /// Per gold item of a project: how many people it was handed to and how many answered.
    public func goldExposure(projectID: String) throws -> [String: (handed: Int, answered: Int)] {
        var exposure: [String: (handed: Int, answered: Int)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT gold_id, COUNT(*) FROM gold_lease WHERE project_id = ? GROUP BY gold_id", arguments: [projectID]) {
            exposure[row[0], default: (0, 0)].handed = row[1]
        }
        for row in try Row.fetchAll(db, sql: "SELECT gold_id, COUNT(*) FROM gold_answer WHERE project_id = ? GROUP BY gold_id", arguments: [projectID]) {
            exposure[row[0], default: (0, 0)].answered = row[1]
        }
        return exposure
    }

    /// Takes items out of the pool (they are no longer handed out; their answers still
    /// count); returns the ids that were in it.
    public func retireGoldItems(_ ids: [String], projectID: String, at now: Date) throws -> [String] {
        var retired: [String] = []
        for id in ids {
            try db.execute(sql: "UPDATE gold_item SET retired_at = ? WHERE project_id = ? AND id = ? AND retired_at IS NULL", arguments: [now, projectID, id])
            if db.changesCount > 0 { retired.append(id) }
        }
        return retired
    }
}

extension HubTransaction {
    /// Records a reviewer's score for a gold answer; nil when there is no such answer
    /// waiting for one (or reviewed before). An answer made before the person's quality
    /// reset takes the verdict but leaves their record as it is.
    public func setGoldVerdict(answerID: UUID, projectID: String, score: Double, by reviewer: String, at now: Date) throws -> GoldVerdictChange? {
        let verdict = GoldScore.reviewed(score)
        // Only an answer the engine could not score (waiting, or reviewed before) takes a verdict.
        guard let old = try Row.fetchOne(db, sql: """
            SELECT username, verdict, seconds_on_task, created_at, gold_id FROM gold_answer
            WHERE id = ? AND project_id = ? AND skip_reason IS NULL AND (score IS NULL OR verdict IS NOT NULL)
            """, arguments: [answerID.uuidString, projectID])
        else { return nil }
        let username: String = old[0], earlier: Double? = old[1], seconds: Double = old[2], answeredAt: Date = old[3]
        let counts = try counts(answeredAt: answeredAt, projectID: projectID, username: username)
        if counts {
            // The record loses the answer as it stood (waiting, or an earlier verdict) and gains it scored.
            try addToRecord(projectID: projectID, username: username, sign: -1, score: earlier.map(GoldScore.reviewed), isSkip: false, seconds: seconds)
            try addToRecord(projectID: projectID, username: username, sign: 1, score: verdict, isSkip: false, seconds: seconds)
        }
        try db.execute(
            sql: "UPDATE gold_answer SET verdict = ?, score = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ? AND project_id = ?",
            arguments: [score, verdict.value, reviewer, now, answerID.uuidString, projectID])
        return GoldVerdictChange(username: username, goldID: old[4], answeredAt: answeredAt, earlier: earlier, countsInRecord: counts)
    }
}

extension HubTransaction {
    /// A task as the hub holds it, or nil.
    public func hubTask(projectID: String, id: String) throws -> HubTask? {
        try HubTaskRecord.fetchOne(
            db, sql: "SELECT \(HubTaskRecord.selection()) FROM task WHERE project_id = ? AND id = ?", arguments: [projectID, id]
        )?.hubTask()
    }

    /// The ids of a project's tasks in `state`.
    public func taskIDs(projectID: String, state: HubTask.State) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT id FROM task WHERE project_id = ? AND state = ?", arguments: [projectID, state.rawValue]))
    }

    /// Tasks a reviewer turned down as gold candidates.
    public func rejectedGoldCandidates(projectID: String) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT task_id FROM gold_candidate_rejected WHERE project_id = ?", arguments: [projectID]))
    }

    public func rejectGoldCandidate(projectID: String, taskID: String, by reviewer: String, at now: Date) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO gold_candidate_rejected (project_id, task_id, rejected_by, rejected_at) VALUES (?, ?, ?, ?)",
            arguments: [projectID, taskID, reviewer, now])
    }
}
