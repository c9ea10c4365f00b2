import Domain
import Foundation
import Hub
import Store

/// `labeldesk bench quality`: scoring gold answers, Dawid-Skene beside crowd-kit, and the
/// quality report of a busy hub.
public enum QualityBenchmark {
    /// Scores `count` single-label answers against their keys with `GoldScoring`, as the
    /// hub scores gold; returns the seconds and how many came out right (so the work
    /// cannot be optimised away).
    public static func scoring(count: Int) -> (seconds: Double, correct: Int) {
        let project = Project(id: "bench", title: "Bench", labels: ["a", "b", "c", "d"].map { LabelChoice(name: $0) })
        var random = SeededRandom(seed: 1)
        let names = ["a", "b", "c", "d"]
        let pairs = (0..<count).map { _ in
            (Answer.labels([names[Int(random.next() % 4)]]), Answer.labels([names[Int(random.next() % 4)]]))
        }
        let start = DispatchTime.now()
        var correct = 0
        for (answer, key) in pairs where GoldScoring.score(answer, against: key, in: project).score?.isCorrect == true { correct += 1 }
        return (seconds(since: start), correct)
    }

    /// Votes of `people` people of different skill on `tasks` tasks of `classes` classes,
    /// every person labelling every task, seeded.
    public static func votes(tasks: Int, people: Int, classes: Int) -> LabelVotes {
        var random = SeededRandom(seed: 42)
        var votes = LabelVotes(taskCount: tasks, personCount: people, classCount: classes)
        votes.reserveCapacity(tasks * people)
        for task in 0..<tasks {
            let truth = Int(random.next() % UInt64(classes))
            for person in 0..<people {
                let skill = 0.55 + 0.08 * Double(person)
                let right = Double(random.next() % 1_000_000) / 1_000_000 < skill
                votes.add(task: task, person: person, label: right ? truth : Int(random.next() % UInt64(classes)))
            }
        }
        return votes
    }

    public struct DawidSkeneFigures: Sendable {
        public var ourSeconds: Double
        public var peerSeconds: Double?
        /// Tasks whose label differs from crowd-kit's, when it ran.
        public var differing: Int?
        public var peerProblem: String?
    }

    /// Our Dawid-Skene beside crowd-kit's on the same votes, in the same run.
    public static func dawidSkene(tasks: Int, people: Int, classes: Int, folder: URL) throws -> DawidSkeneFigures {
        let votes = votes(tasks: tasks, people: people, classes: classes)
        var best = Double.infinity
        var estimate: DawidSkene.Estimate?
        for _ in 0..<3 {
            let start = DispatchTime.now()
            estimate = DawidSkene().estimate(votes)
            best = min(best, seconds(since: start))
        }
        let ours = estimate?.consensus.labels ?? []
        // crowd-kit reads the same votes from a CSV and writes its labels back.
        let csv = folder.appendingPathComponent("votes.csv")
        var text = "task,worker,label\n"
        text.reserveCapacity(votes.count * 12)
        for index in 0..<votes.count {
            text += "\(votes.tasks[index]),\(votes.people[index]),\(votes.labels[index])\n"
        }
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("crowdkit_ds.py")
        try """
            import sys, time
            import pandas as pd
            from crowdkit.aggregation import DawidSkene
            frame = pd.read_csv(sys.argv[1])
            best = None
            for _ in range(3):
                start = time.perf_counter()
                result = DawidSkene(n_iter=100, tol=1e-5).fit_predict(frame)
                elapsed = time.perf_counter() - start
                best = elapsed if best is None else min(best, elapsed)
            result.sort_index().to_csv(sys.argv[2], header=False)
            print(best)
            """.write(to: script, atomically: true, encoding: .utf8)
        let labelsFile = folder.appendingPathComponent("crowdkit_labels.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, csv.path, labelsFile.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let seconds = Double(String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            let last = String(decoding: complaint, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit \(process.terminationStatus)"
            return DawidSkeneFigures(ourSeconds: best, peerSeconds: nil, differing: nil, peerProblem: "crowd-kit did not run (\(last)); pip install crowd-kit to compare")
        }
        var theirs = [Int](repeating: -1, count: tasks)
        for line in try String(contentsOf: labelsFile, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: ",")
            if parts.count == 2, let task = Int(parts[0]), let label = Int(parts[1]), theirs.indices.contains(task) { theirs[task] = label }
        }
        let differing = zip(ours, theirs).filter { $0 != $1 }.count
        return DawidSkeneFigures(ourSeconds: best, peerSeconds: seconds, differing: differing, peerProblem: nil)
    }

    /// The quality report on a hub whose project holds `annotations` annotations by
    /// `people` people, `goldAnswers` of them gold answers and the rest ordinary
    /// judgements (ten to a task): the report reads each person's kept record, so the
    /// ordinary ones should not enter its cost, and this puts them in the database to
    /// show it (its pace figures, on request, do read them; not timed here). Returns the
    /// report's best time, the gold answers it added up, and the time the filling took.
    public static func report(people: Int, annotations: Int, goldAnswers: Int, folder: URL) throws -> (seconds: Double, scored: Int, filling: Double) {
        let filling = DispatchTime.now()
        let database = try HubDatabase(path: folder.appendingPathComponent("quality.sqlite").path)
        let hub = Hub(database: database)
        let project = Project(id: "bench", title: "Bench", labels: ["a", "b", "c"].map { LabelChoice(name: $0) })
        try hub.createProject(project, actor: "bench", now: Date())
        let items = 2_000
        let now = Date()
        try database.write { transaction in
            try transaction.insertGoldItems((0..<items).map { index in
                GoldItem(
                    task: LabelTask(id: "g\(index)", projectID: "bench", text: "gold \(index)", marking: .unclassified),
                    key: .labels([["a", "b", "c"][index % 3]]), source: .imported, addedBy: "bench", addedAt: now)
            }, projectID: "bench")
            var random = SeededRandom(seed: 3)
            for index in 0..<goldAnswers {
                let annotation = Annotation(
                    id: UUID(), taskID: "g\(index % items)", projectID: "bench", labels: [["a", "b", "c"][Int(random.next() % 3)]],
                    username: "p\(index % people)", stationID: "s\(index % 20)", leaseEpoch: 1, createdAt: now, secondsOnTask: 4)
                // Scored as the hub scores an answer when it arrives.
                let score = GoldScoring.score(annotation.answer, against: .labels([["a", "b", "c"][index % items % 3]]), in: project).score
                try transaction.insertGoldAnswer(annotation, content: annotation.canonicalContent, receivedAt: now, score: score)
            }
            try transaction.insertBenchmarkWork(
                projectID: "bench", judgements: max(0, annotations - goldAnswers), perTask: 10, people: people, at: now)
        }
        let filled = seconds(since: filling)
        var best = Double.infinity
        var scored = 0
        for _ in 0..<3 {
            let start = DispatchTime.now()
            let report = try hub.qualityReport(projectID: "bench")
            best = min(best, seconds(since: start))
            scored = report.people.reduce(0) { $0 + $1.scored }
        }
        return (best, scored, filled)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
