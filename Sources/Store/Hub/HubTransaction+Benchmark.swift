import Foundation
import GRDB

extension HubTransaction {
    /// Fills a project with `count` judgements by `people` people on `count / perTask`
    /// done tasks, in two SQL statements: for benchmarks that need a hub as full as a busy
    /// one (ten million annotations in a minute or two), not for real work.
    /// `firstID` numbers the judgements' ids, so several projects filled this way do not share ids.
    public func insertBenchmarkWork(projectID: String, judgements count: Int, perTask: Int, people: Int, at date: Date, firstID: Int = 0) throws {
        guard count > 0 else { return }
        let tasks = max(1, count / max(1, perTask))
        let firstSeq = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM task") ?? 0) + 1
        try db.execute(sql: """
            INSERT INTO task (project_id, id, text, marking, priority, state, epoch, seq)
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
            SELECT ?, printf('bench-%08d', i), 'benchmark task ' || i, 'UNCLASSIFIED', 0, 'done', 1, ? + i FROM n
            """, arguments: [tasks, projectID, firstSeq])
        let stamp = date.databaseText
        // The secondary indexes are made once after, from sorted keys, as a bulk import makes them.
        try withIndexesRebuilt(Self.judgementsBulkRebuiltIndexes) {
            try db.execute(sql: """
                INSERT INTO judgement (id, project_id, task_id, labels, username, station_id, lease_epoch, created_at, seconds_on_task,
                                       content, canonical, outcome, received_at, answer)
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                SELECT printf('%08x-0000-7000-8000-%012x', (i + ?) / 65536, i + ?), ?, printf('bench-%08d', i % ?), '["a"]', printf('p%d', i % ?),
                       printf('s%d', i % 20), 1, ?, 3 + i % 7, '{}', i < ?, 'accepted', ?, '{"labels":["a"]}'
                FROM n
                """, arguments: [count, firstID, firstID, projectID, tasks, people, stamp, tasks, stamp])
        }
    }
}

extension HubTransaction {
    /// The shift's hourly figures for `people` people over `hours` hours up to `now`, each
    /// person on one project an hour, as a busy floor's syncs would have left them: for
    /// the lead console's benchmark, not for real work.
    public func insertBenchmarkActivity(projectIDs: [String], people: Int, hours: Int, now: Date) throws {
        let last = Self.hour(of: now)
        let activity = try db.makeStatement(sql: """
            INSERT INTO activity_hour (project_id, hour, username, done, skipped, flagged, milliseconds, gold_scored, gold_micro_credit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let seconds = try db.makeStatement(sql: """
            INSERT INTO activity_seconds (project_id, hour, second, count) VALUES (?, ?, ?, ?)
            ON CONFLICT (project_id, hour, second) DO UPDATE SET count = count + excluded.count
            """)
        for hour in (last - hours + 1)...last {
            for person in 0..<people {
                let projectID = projectIDs[(person + hour) % projectIDs.count]
                let done = 80 + (person * 7 + hour) % 60
                let gold = 3 + person % 5
                try activity.execute(arguments: [
                    projectID, hour, "p\(person)", done, person % 11 == 0 ? 1 : 0, person % 29 == 0 ? 1 : 0, done * 6_500, gold,
                    Int64(gold) * (person % 17 == 0 ? 600_000 : 900_000),
                ])
                try seconds.execute(arguments: [projectID, hour, 2 + (person + hour) % 40, done])
            }
        }
    }
}
