import Domain
import Foundation
import Hub
import Interchange
import Store

/// `labeldesk bench import`: import and export rates for every format through the real
/// hub on real files, and a plain Python loader of the same JSONL beside ours.
public enum InterchangeBenchmark {
    public struct FormatFigures: Sendable {
        public var format: String
        public var kind: TaskKind
        public var importSeconds: Double
        /// Reading the file into records alone, timed apart from the import (which reads
        /// each piece while the one before is inserted).
        public var readSeconds: Double
        public var exportSeconds: Double
        /// Of the export, reading the hub into records; the rest is writing the format.
        public var fetchSeconds: Double
        public var bytes: Int
        /// The hub's WAL file after the import: what its commit wrote.
        public var walBytes: Int
    }

    /// The project each format is measured on: the kind it is mostly used for.
    public static func project(for format: any TaskFormat.Type) -> Project {
        switch format.name {
        case CoNLLFormat.name, ProdigyFormat.name:
            return Project(id: "bench", title: "Bench", kind: .spans, labels: [LabelChoice(name: "person"), LabelChoice(name: "location")], allowsOverlap: false)
        default:
            return Project(id: "bench", title: "Bench", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")])
        }
    }

    /// Records as the format would carry them from another tool: tasks with their work.
    /// `plain` leaves the work out (tasks only, as a team brings new work).
    public static func records(count: Int, project: Project, plain: Bool) -> [InterchangeRecord] {
        let made = BenchmarkRecords.make(count: count, project: project)
        guard plain else { return made }
        return made.map { record in
            var task = record.task
            task.predictions = []
            return InterchangeRecord(task: task, layout: record.layout)
        }
    }

    /// Writes the file, then times importing it into a fresh hub (read + all-or-nothing
    /// insert, `synchronous=FULL`) and exporting every task back to bytes.
    public static func measure(
        format: any TaskFormat.Type, count: Int, plain: Bool, in folder: URL
    ) throws -> FormatFigures {
        let project = project(for: format)
        let data = try Formats.write(records(count: count, project: project, plain: plain), as: format, project: project, options: InterchangeOptions())
        let hubPath = folder.appendingPathComponent("hub-\(format.name)-\(plain ? "plain" : "rich").sqlite").path
        let hub = Hub(database: try HubDatabase(path: hubPath))
        try hub.createProject(project, actor: "bench", now: Date())
        // The reading alone, for the figure beside: the import reads each piece while the
        // one before goes in, so its time is not the sum of the two.
        let readStart = DispatchTime.now()
        _ = try Formats.read(data, as: format, fileName: "bench.\(format.name)", project: project, options: InterchangeOptions())
        let readSeconds = seconds(since: readStart)
        let importStart = DispatchTime.now()
        try hub.importFile(data, as: format, fileName: "bench.\(format.name)", projectID: project.id, options: InterchangeOptions(), actor: "bench", now: Date())
        let importSeconds = seconds(since: importStart)
        let walBytes = ((try? FileManager.default.attributesOfItem(atPath: hubPath + "-wal"))?[.size] as? Int) ?? 0
        let exportStart = DispatchTime.now()
        let (found, exported) = try hub.exportRecords(projectID: project.id, all: true, actor: "bench", now: Date())
        let fetchSeconds = seconds(since: exportStart)
        let written = try Formats.write(exported, as: format, project: found, options: InterchangeOptions())
        let exportSeconds = seconds(since: exportStart)
        precondition(exported.count == count, "the export must give back every task imported")
        _ = written.count
        return FormatFigures(format: format.name, kind: project.kind, importSeconds: importSeconds, readSeconds: readSeconds, exportSeconds: exportSeconds, fetchSeconds: fetchSeconds, bytes: data.count, walBytes: walBytes)
    }

    /// A JSONL file of `count` plain classification tasks, for the Python peer and ours alike.
    public static func plainJSONL(count: Int) throws -> Data {
        let project = project(for: JSONLFormat.self)
        return try Formats.write(records(count: count, project: project, plain: true), as: JSONLFormat.self, project: project, options: InterchangeOptions())
    }

    /// The peer: the same JSONL loaded by plain Python (`json` + `sqlite3` `executemany`,
    /// one transaction, WAL, `synchronous=FULL`) into a table like the hub's.
    public static let pythonLoader = #"""
    import json, sqlite3, sys, time
    path, db = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE task (project_id TEXT NOT NULL, id TEXT NOT NULL, text TEXT NOT NULL, marking TEXT NOT NULL, priority INTEGER NOT NULL, meta TEXT, body TEXT, state TEXT NOT NULL, epoch INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (project_id, id))")
    rows = []
    with open(path, encoding="utf-8") as lines:
        for seq, line in enumerate(lines, 1):
            item = json.loads(line)
            meta = item.get("meta")
            rows.append(("bench", item["id"], item["text"], item.get("marking", "UNCLASSIFIED"), item.get("priority", 0),
                         json.dumps(meta, sort_keys=True, separators=(",", ":")) if meta is not None else None, None, "open", 0, seq))
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO task VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.execute("COMMIT")
    print(time.perf_counter() - start)
    """#

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
