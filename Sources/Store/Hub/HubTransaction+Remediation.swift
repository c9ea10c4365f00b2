import Domain
import Foundation
import GRDB

/// What a reviewer's verdict changed, so the hub can move the answer's part of the
/// person's per-trigger record too.
public struct GoldVerdictChange: Equatable, Sendable {
    public var username: String
    public var goldID: String
    public var answeredAt: Date
    /// The verdict it had before; nil when it was waiting for its first.
    public var earlier: Double?
    /// False for an answer made before the person's quality reset: it counts nowhere.
    public var countsInRecord: Bool
}

/// A fresh start on a project's gold: the record a person had, set aside.
public struct QualityReset: Equatable, Sendable {
    public var projectID: String
    public var username: String
    public var at: Date
    public var reason: String
    /// The course whose remedial retest earned it, when one did.
    public var courseID: String?
    /// The record set aside: scored items and their credit.
    public var scored: Int
    public var credit: Double

    public init(projectID: String, username: String, at: Date, reason: String, courseID: String? = nil, scored: Int, credit: Double) {
        self.projectID = projectID
        self.username = username
        self.at = at
        self.reason = reason
        self.courseID = courseID
        self.scored = scored
        self.credit = credit
    }
}

/// One scored gold answer, lightly: who, on which project, when they answered, its score.
public struct ScoredGoldRow: Equatable, Sendable {
    public var projectID: String
    public var username: String
    public var answeredAt: Date
    public var score: Double

    public init(projectID: String, username: String, answeredAt: Date, score: Double) {
        self.projectID = projectID
        self.username = username
        self.answeredAt = answeredAt
        self.score = score
    }
}

extension HubTransaction {
    /// When the person's record on the project counts from (their last quality reset); nil: from the start.
    public func countsFrom(projectID: String, username: String) throws -> Date? {
        try Date.fetchOne(
            db.cachedStatement(sql: "SELECT counts_from FROM gold_person WHERE project_id = ? AND username = ?"), arguments: [projectID, username])
    }

    /// Whether an answer made at `answeredAt` counts in the person's record.
    func counts(answeredAt: Date, projectID: String, username: String) throws -> Bool {
        guard let from = try countsFrom(projectID: projectID, username: username) else { return true }
        return answeredAt >= from
    }

    /// Adds (`sign` 1) or takes back (-1) one answer's part of the person's record per
    /// trigger (`trigger` in a `course.conf`'s words, `credit` what the answer earned on
    /// it): one item each. A trigger whose record was restarted after `answeredAt` is
    /// left as it is.
    public func addToTriggerRecord(
        projectID: String, username: String, contributions: [(trigger: String, credit: Double)], sign: Int, answeredAt: Date
    ) throws {
        let add = try db.cachedStatement(sql: """
            INSERT INTO gold_person_trigger (project_id, username, trigger, items, credit) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (project_id, username, trigger) DO UPDATE SET items = items + excluded.items, credit = credit + excluded.credit
            WHERE since IS NULL OR since <= ?
            """)
        for (trigger, credit) in contributions {
            try add.execute(arguments: [projectID, username, trigger, sign, Double(sign) * credit, answeredAt])
        }
    }

    /// The person's record per trigger on the project: items and credit, by the trigger's words.
    public func triggerRecords(projectID: String, username: String) throws -> [(trigger: String, items: Int, credit: Double)] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT trigger, items, credit FROM gold_person_trigger WHERE project_id = ? AND username = ? ORDER BY trigger"),
            arguments: [projectID, username]
        ).map { ($0[0], $0[1], $0[2]) }
    }

    /// Starts the person's record on one trigger afresh: answers made from `at` on count.
    public func restartTriggerRecord(projectID: String, username: String, trigger: String, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO gold_person_trigger (project_id, username, trigger, items, credit, since) VALUES (?, ?, ?, 0, 0, ?)
            ON CONFLICT (project_id, username, trigger) DO UPDATE SET items = 0, credit = 0, since = excluded.since
            """, arguments: [projectID, username, trigger, at])
    }

    /// A fresh start on the project's gold: the person's record (scored, credit, errors,
    /// triggers, the leases onboarding counts) starts again at `at`, so only answers made
    /// from then on count and their first leases are onboarding gold again. The answers
    /// themselves are kept. Returns the reset, with the record it set aside.
    @discardableResult
    public func resetQuality(projectID: String, username: String, at: Date, reason: String, courseID: String? = nil) throws -> QualityReset {
        let old = try Row.fetchOne(db, sql: "SELECT scored, credit FROM gold_person WHERE project_id = ? AND username = ?", arguments: [projectID, username])
        let reset = QualityReset(
            projectID: projectID, username: username, at: at, reason: reason, courseID: courseID, scored: old?[0] ?? 0, credit: old?[1] ?? 0)
        try db.execute(sql: """
            INSERT INTO gold_person (project_id, username, counts_from) VALUES (?, ?, ?)
            ON CONFLICT (project_id, username) DO UPDATE SET handed = 0, gold_handed = 0, scored = 0, credit = 0, correct = 0, awaiting = 0,
                skipped = 0, seconds = 0, counts_from = excluded.counts_from
            """, arguments: [projectID, username, at])
        try db.execute(sql: "DELETE FROM gold_person_error WHERE project_id = ? AND username = ?", arguments: [projectID, username])
        try db.execute(
            sql: "UPDATE gold_person_trigger SET items = 0, credit = 0, since = ? WHERE project_id = ? AND username = ?",
            arguments: [at, projectID, username])
        try db.execute(
            sql: "INSERT INTO quality_reset (project_id, username, at, reason, course_id, scored, credit) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [projectID, username, at, reason, courseID, reset.scored, reset.credit])
        return reset
    }

    /// Quality resets, oldest first: of a project, a person, a course's retests, or all.
    public func qualityResets(projectID: String? = nil, username: String? = nil, courseID: String? = nil) throws -> [QualityReset] {
        var conditions: [String] = [], arguments: [any DatabaseValueConvertible] = []
        if let projectID { conditions.append("project_id = ?"); arguments.append(projectID) }
        if let username { conditions.append("username = ?"); arguments.append(username) }
        if let courseID { conditions.append("course_id = ?"); arguments.append(courseID) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(
            db, sql: "SELECT project_id, username, at, reason, course_id, scored, credit FROM quality_reset \(filter) ORDER BY at, id",
            arguments: StatementArguments(arguments)
        ).map { QualityReset(projectID: $0[0], username: $0[1], at: $0[2], reason: $0[3], courseID: $0[4], scored: $0[5], credit: $0[6]) }
    }

    /// Every scored gold answer (skips and answers waiting for a reviewer left out) of the
    /// projects, of the people when named, in the order they were made. Resets do not
    /// matter here: this is the history, for figures over time.
    public func scoredGoldAnswers(projectIDs: [String], usernames: [String]? = nil) throws -> [ScoredGoldRow] {
        guard !projectIDs.isEmpty else { return [] }
        var sql = "SELECT project_id, username, created_at, score FROM gold_answer WHERE score IS NOT NULL AND project_id IN ("
            + Array(repeating: "?", count: projectIDs.count).joined(separator: ", ") + ")"
        var arguments: [any DatabaseValueConvertible] = projectIDs
        if let usernames {
            guard !usernames.isEmpty else { return [] }
            sql += " AND username IN (" + Array(repeating: "?", count: usernames.count).joined(separator: ", ") + ")"
            arguments += usernames
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY created_at, rowid", arguments: StatementArguments(arguments)).map {
            ScoredGoldRow(projectID: $0[0], username: $0[1], answeredAt: $0[2], score: $0[3])
        }
    }
}
