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
        /// A station's syncs beside a console refreshing every two seconds, then more often
        /// (so that many syncs meet a refresh), then without pause.
        public var comparisons: [SyncComparison]
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

        // A station's sync: answers to ten of the tasks it holds, and more leases when it
        // holds few (each project leases it one), as a station keeps its queue filled: the
        // same work on every sync however many are timed, so none runs out of tasks.
        var held = try hub.exchange(SyncRequest(stationID: "s0", annotations: [], cursor: 0, wantedLeases: 1), now: now).leases
        func syncOnce() throws -> Interval {
            let answers = held.prefix(10).map { lease in
                Annotation(
                    id: UUID(), taskID: lease.task.id, projectID: lease.task.projectID, labels: ["a"], username: "p0", stationID: "s0",
                    leaseEpoch: lease.epoch, createdAt: now, secondsOnTask: 5)
            }
            held.removeFirst(answers.count)
            let start = DispatchTime.now().uptimeNanoseconds
            let reply = try hub.exchange(
                SyncRequest(stationID: "s0", annotations: Array(answers), cursor: 0, wantedLeases: held.count < 10 ? 1 : 0), now: now)
            let end = DispatchTime.now().uptimeNanoseconds
            precondition(reply.outcomes.allSatisfy { $0.status != .rejected }, "the benchmark's answers were refused")
            held += reply.leases
            return Interval(start: start, end: end)
        }
        // Syncs paced as a busy site sends them, in alternating windows of two refresh
        // periods: alone, then beside a refreshing console, so both sides see the hub's
        // file, its WAL and its caches in the same states.
        func alternating(pauseSeconds: Double, count: Int) throws -> SyncComparison {
            let console = Refresher(hub: hub, since: since, now: now, pauseSeconds: pauseSeconds)
            defer { console.stop() }
            let perWindow = max(1, Int(2 * LeadScreen.refreshSeconds / syncInterval))
            var alone: [Interval] = [], beside: [Interval] = []
            while alone.count < count || beside.count < count {
                for refreshing in [false, true] {
                    console.setActive(refreshing)
                    let windowStart = DispatchTime.now().uptimeNanoseconds
                    for index in 0..<perWindow {
                        let due = windowStart + UInt64(Double(index) * syncInterval * 1e9)
                        let wait = Int64(due) - Int64(DispatchTime.now().uptimeNanoseconds)
                        if wait > 0 { Thread.sleep(forTimeInterval: Double(wait) / 1e9) }
                        let timing = try syncOnce()
                        if refreshing { beside.append(timing) } else { alone.append(timing) }
                    }
                }
            }
            console.setActive(false)
            let refreshes = console.intervals()
            let during = beside.filter { sync in refreshes.contains { $0.start < sync.end && sync.start < $0.end } }
            return SyncComparison(pauseSeconds: pauseSeconds, alone: alone.map(\.seconds), beside: beside.map(\.seconds), during: during.map(\.seconds))
        }
        let comparisons = try Self.refreshPauses.map { try alternating(pauseSeconds: $0, count: syncs) }
        return Result(
            filling: filled, first: first, median: times[times.count / 2], slowest: times.last ?? first, refreshes: times.count,
            comparisons: comparisons, people: people, projects: count, annotations: annotations)
    }

    /// Syncs' times in seconds: alone, beside a refreshing console, and of those beside
    /// it the ones that ran while a refresh did.
    public struct SyncComparison: Sendable {
        public var pauseSeconds: Double
        public var alone: [Double]
        public var beside: [Double]
        public var during: [Double]
    }

    /// When a sync or a refresh began and ended, in uptime nanoseconds.
    struct Interval {
        var start: UInt64
        var end: UInt64
        var seconds: Double { Double(end - start) / 1e9 }
    }

    /// A console's refreshes on a thread of their own, every `pauseSeconds` while active,
    /// each one's interval kept so syncs that overlapped one can be told apart.
    final class Refresher: @unchecked Sendable {
        private let lock = NSLock()
        private var active = false
        private var stopped = false
        private var done: [Interval] = []
        private let refresh: () -> Void
        private let pauseSeconds: Double

        init(hub: Hub, since: Date, now: Date, pauseSeconds: Double) {
            refresh = { _ = try? hub.shiftFloor(since: since, now: now) }
            self.pauseSeconds = pauseSeconds
            Thread { self.loop() }.start()
        }

        private func loop() {
            while !isStopped {
                guard isActive else { Thread.sleep(forTimeInterval: 0.01); continue }
                let start = DispatchTime.now().uptimeNanoseconds
                refresh()
                let end = DispatchTime.now().uptimeNanoseconds
                lock.withLock { done.append(Interval(start: start, end: end)) }
                let rest = pauseSeconds - Double(end - start) / 1e9
                if rest > 0 { Thread.sleep(forTimeInterval: rest) }
            }
        }

        private var isActive: Bool { lock.withLock { active } }
        private var isStopped: Bool { lock.withLock { stopped } }
        func setActive(_ value: Bool) { lock.withLock { active = value } }
        func stop() { lock.withLock { stopped = true } }
        func intervals() -> [Interval] { lock.withLock { done } }
    }

    /// The pauses between refreshes syncs are timed beside: the console's own, one short
    /// enough that a refresh meets a sync every few, and none.
    public static let refreshPauses = [LeadScreen.refreshSeconds, 0.25, 0]

    /// How often the measured station syncs: a site's thirty stations each every
    /// second or so, as one stream.
    static let syncInterval = 0.025

    public static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
