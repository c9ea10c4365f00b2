import Domain
import Foundation
import Hub
import Screens
import Store

/// `labeldesk bench lead`: one refresh of the lead's console on a hub as full as a busy
/// site's, and what refreshing costs a station's sync running beside it.
public enum LeadBenchmark {
    public struct Result: Sendable {
        public var filling: Double
        /// The first refresh, and the rest's median and slowest.
        public var first: Double
        public var median: Double
        public var slowest: Double
        public var refreshes: Int
        /// A station's sync alone, and while the console refreshes without pause.
        public var syncAlone: Double
        public var syncBeside: Double
        /// Means over many syncs: alone, and beside a console refreshing every two seconds.
        public var syncAloneMean: Double
        public var syncPacedMean: Double
        public var people: Int
        public var projects: Int
        public var annotations: Int
    }

    public static func run(people: Int, projects count: Int, annotations: Int, refreshes: Int, syncs: Int, folder: URL) throws -> Result {
        let filling = DispatchTime.now()
        let database = try HubDatabase(path: folder.appendingPathComponent("lead.sqlite").path)
        let hub = Hub(database: database, goldSeed: 1)
        let now = Date()
        let projectIDs = (0..<count).map { String(format: "project-%02d", $0) }
        for id in projectIDs {
            try hub.createProject(Project(id: id, title: id, labels: ["a", "b", "c"].map { LabelChoice(name: $0) }, leaseSeconds: 3_600), actor: "bench", now: now)
        }
        for person in 0..<people { _ = try hub.setUser(username: "p\(person)", role: .labeler, actor: "bench", now: now) }
        _ = try hub.setUser(username: "lead", role: .lead, actor: "bench", now: now)
        let stations = max(1, people / 10)
        for station in 0..<stations { _ = try database.addStation(id: "s\(station)", site: station % 2 == 0 ? "north" : "south", actor: "bench", now: now) }
        let gold = annotations / 20
        try database.write { transaction in
            let each = (annotations - gold) / count
            for (index, id) in projectIDs.enumerated() {
                try transaction.insertBenchmarkWork(
                    projectID: id, judgements: each, perTask: 1, people: people, at: now.addingTimeInterval(-86_400), firstID: index * each)
            }
            // Gold records as scored answers leave them: each person's on their first project, with error classes.
            let items = 200
            try transaction.insertGoldItems((0..<items).map { index in
                GoldItem(
                    task: LabelTask(id: "g\(index)", projectID: projectIDs[0], text: "gold \(index)", marking: .unclassified),
                    key: .labels([["a", "b", "c"][index % 3]]), source: .imported, addedBy: "bench", addedAt: now)
            }, projectID: projectIDs[0])
            let project = Project(id: projectIDs[0], title: projectIDs[0], labels: ["a", "b", "c"].map { LabelChoice(name: $0) })
            var random = SeededRandom(seed: 5)
            for index in 0..<gold {
                let annotation = Annotation(
                    id: UUID(), taskID: "g\(index % items)", projectID: projectIDs[0], labels: [["a", "b", "c"][Int(random.next() % 3)]],
                    username: "p\(index % people)", stationID: "s\(index % stations)", leaseEpoch: 1, createdAt: now.addingTimeInterval(-3_600), secondsOnTask: 4)
                let score = GoldScoring.score(annotation.answer, against: .labels([["a", "b", "c"][index % items % 3]]), in: project).score
                try transaction.insertGoldAnswer(annotation, content: annotation.canonicalContent, receivedAt: now, score: score)
            }
            try transaction.insertBenchmarkActivity(projectIDs: projectIDs, people: people, hours: Hub.sparklineHours, now: now)
        }
        // Waiting work in every queue, and every station's last word, through the hub's own calls.
        for id in projectIDs {
            try hub.importTasks(projectID: id, tasks: (0..<2_000).map { LabelTask(id: "open-\($0)", projectID: id, text: "open \($0)", marking: .unclassified) }, actor: "bench", now: now.addingTimeInterval(-5_400))
        }
        for station in 0..<stations {
            let presence = (0..<10).map { offset in
                let person = station * 10 + offset
                return PersonPresence(
                    username: "p\(person)", activity: person % 7 == 0 ? .locked : .labeling, subject: projectIDs[person % count],
                    since: now.addingTimeInterval(-600), lastInputAt: now.addingTimeInterval(person % 13 == 0 ? -900 : -5))
            }
            _ = try hub.exchange(SyncRequest(stationID: "s\(station)", annotations: [], cursor: 0, wantedLeases: 0, presence: presence), now: now)
        }
        let filled = seconds(since: filling)

        let since = now.addingTimeInterval(-8 * 3_600)
        var times: [Double] = []
        for _ in 0..<max(2, refreshes) {
            let start = DispatchTime.now()
            let floor = try hub.shiftFloor(since: since, now: now)
            times.append(seconds(since: start))
            precondition(floor.people.count == people, "the benchmark's floor lost people")
        }
        let first = times.removeFirst()
        times.sort()

        // A station's sync: ten answers and ten new leases, alone and beside a refreshing console.
        var leases = try hub.exchange(SyncRequest(stationID: "s0", annotations: [], cursor: 0, wantedLeases: 10), now: now).leases
        func syncOnce() throws -> Double {
            let answers = leases.filter { $0.task.projectID == projectIDs[0] }.prefix(10).map { lease in
                Annotation(
                    id: UUID(), taskID: lease.task.id, projectID: lease.task.projectID, labels: ["a"], username: "p0", stationID: "s0",
                    leaseEpoch: lease.epoch, createdAt: now, secondsOnTask: 5)
            }
            let start = DispatchTime.now()
            let reply = try hub.exchange(SyncRequest(stationID: "s0", annotations: Array(answers), cursor: 0, wantedLeases: 10), now: now)
            let took = seconds(since: start)
            leases = reply.leases
            return took
        }
        var alone: [Double] = []
        for _ in 0..<syncs { alone.append(try syncOnce()) }
        // Beside a console as it runs (a refresh every two seconds) for the mean cost,
        // then beside one refreshing without pause, the worst case, for the median.
        func beside(pauseSeconds: Double, count: Int) throws -> [Double] {
            let stop = Flag()
            let refresher = Thread {
                while !stop.isSet {
                    let start = DispatchTime.now()
                    _ = try? hub.shiftFloor(since: since, now: now)
                    let rest = pauseSeconds - seconds(since: start)
                    if rest > 0 { Thread.sleep(forTimeInterval: rest) }
                }
            }
            refresher.start()
            defer { stop.set() }
            var times: [Double] = []
            for _ in 0..<count { times.append(try syncOnce()) }
            return times
        }
        let paced = try beside(pauseSeconds: LeadScreen.refreshSeconds, count: syncs * 4)
        let pacedAlone = try (0..<(syncs * 4)).map { _ in try syncOnce() }
        let continuous = try beside(pauseSeconds: 0, count: syncs)
        return Result(
            filling: filled, first: first, median: times[times.count / 2], slowest: times.last ?? first, refreshes: times.count,
            syncAlone: median(alone), syncBeside: median(continuous), syncAloneMean: mean(pacedAlone), syncPacedMean: mean(paced),
            people: people, projects: count, annotations: annotations)
    }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// A stop sign for the refreshing thread.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }
}
