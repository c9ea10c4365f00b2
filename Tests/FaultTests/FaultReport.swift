import Foundation
import GRDB

/// What the databases say after the faults: every station's work against what the hub holds.
///
/// Read straight from the files with SQL, not through the app's types, so the count
/// does not trust the code under test to describe itself.
struct FaultReport {
    /// Annotation UUIDs made at the stations (committed to a station database).
    var attempted = 0
    /// Of those, answered by the hub (an outcome recorded, the outbox row gone).
    var acknowledged = 0
    var acceptedAnswers = 0
    var supersededAnswers = 0
    var rejectedAnswers = 0
    /// Annotations still in some station's outbox.
    var unsent = 0
    /// Made at a station, not held by the hub.
    var lost: [String] = []
    /// Gone from a station's outbox with no outcome recorded: must not happen.
    var answeredWithoutOutcome: [String] = []
    /// Held by the hub with other labels than the station made.
    var altered: [String] = []
    /// Held by the hub, made at no station.
    var unknownAtHub: [String] = []
    /// A UUID stored twice at the hub, a task with two canonical judgements, or one
    /// station answering the same lease of a task twice (the same submission counted twice).
    var duplicated: [String] = []
    var hubJudgements = 0
    var canonicalJudgements = 0
    var tasksAnswered = 0
    /// Tasks with judgements but none canonical: late work must not leave a task unanswered.
    var tasksWithoutCanonical: [String] = []

    struct StationAnnotation {
        var id: String
        var taskKey: String
        var labels: String
        var epoch: Int
        var station: String
        var outcome: String?
    }

    static func read(stationPaths: [String], hubPath: String) throws -> FaultReport {
        var report = FaultReport()
        var made: [String: StationAnnotation] = [:]
        for path in stationPaths {
            let database = try DatabaseQueue(path: path)
            try database.read { db in
                for row in try Row.fetchAll(db, sql: "SELECT id, project_id, task_id, labels, lease_epoch, station_id, outcome FROM annotation") {
                    let annotation = StationAnnotation(
                        id: row["id"], taskKey: "\(row["project_id"] as String)/\(row["task_id"] as String)", labels: row["labels"],
                        epoch: row["lease_epoch"], station: row["station_id"], outcome: row["outcome"])
                    if made.updateValue(annotation, forKey: annotation.id) != nil {
                        report.duplicated.append("UUID \(annotation.id) made at two stations")
                    }
                }
                report.unsent += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
                let unanswered = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM annotation WHERE outcome IS NULL AND id NOT IN (SELECT annotation_id FROM outbox)
                    """) ?? 0
                if unanswered > 0 { report.answeredWithoutOutcome.append("\(unanswered) annotations at \(path)") }
            }
        }
        report.attempted = made.count
        for annotation in made.values {
            switch annotation.outcome {
            case "accepted": report.acceptedAnswers += 1
            case "superseded": report.supersededAnswers += 1
            case "rejected": report.rejectedAnswers += 1
            default: continue
            }
            report.acknowledged += 1
        }

        let hub = try DatabaseQueue(path: hubPath)
        try hub.read { db in
            var held: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, labels FROM judgement") {
                let id: String = row["id"]
                if held.updateValue(row["labels"], forKey: id) != nil { report.duplicated.append("UUID \(id) stored twice at the hub") }
            }
            report.hubJudgements = held.count
            for (id, annotation) in made {
                guard let labels = held[id] else {
                    report.lost.append("\(id) (\(annotation.taskKey) from \(annotation.station), outcome \(annotation.outcome ?? "none"))")
                    continue
                }
                if labels != annotation.labels { report.altered.append("\(id): made \(annotation.labels), held \(labels)") }
            }
            report.unknownAtHub = held.keys.filter { made[$0] == nil }.sorted()
            report.canonicalJudgements = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM judgement WHERE canonical = 1") ?? 0
            report.tasksAnswered = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT project_id || '/' || task_id) FROM judgement") ?? 0
            report.tasksWithoutCanonical = try String.fetchAll(db, sql: """
                SELECT project_id || '/' || task_id FROM judgement GROUP BY project_id, task_id HAVING MAX(canonical) = 0
                """)
            for row in try Row.fetchAll(db, sql: """
                SELECT project_id, task_id, COUNT(*) AS n FROM judgement WHERE canonical = 1
                GROUP BY project_id, task_id HAVING n > 1
                """) {
                report.duplicated.append("task \(row["project_id"] as String)/\(row["task_id"] as String) has \(row["n"] as Int) canonical judgements")
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT project_id, task_id, station_id, lease_epoch, COUNT(*) AS n FROM judgement
                GROUP BY project_id, task_id, station_id, lease_epoch HAVING n > 1
                """) {
                report.duplicated.append(
                    "task \(row["project_id"] as String)/\(row["task_id"] as String) answered \(row["n"] as Int) times by \(row["station_id"] as String) under lease epoch \(row["lease_epoch"] as Int)")
            }
        }
        return report
    }
}
