import Domain
import Foundation
import Store

extension Hub {
    /// Hours the throughput sparkline covers, the last being the hour now running.
    public static let sparklineHours = 12

    /// The floor for the shift lead's console and `report shift`: queues, throughput,
    /// quality and people from `since` to `now`, read in one transaction.
    ///
    /// Work is counted by the hour it was made in, whole hours from the one `since` falls
    /// in (`activity_hour`), so a refresh reads some thousands of rows however many
    /// annotations the hub holds. A `site` narrows people and stations to those last
    /// seen there; projects stay whole, since a queue is shared by every site.
    public func shiftFloor(since: Date, site: String? = nil, now: Date, thresholds: FloorThresholds = FloorThresholds()) throws -> ShiftFloor {
        let inputs = try database.read { transaction in try FloorInputs(transaction: transaction, since: since, now: now) }
        if let site, !inputs.stations.contains(where: { $0.site == site }) {
            let sites = Set(inputs.stations.compactMap(\.site)).sorted()
            throw HubError.refused(
                "no station stands at site \"\(site)\"; " + (sites.isEmpty ? "no station has a site yet" : "the sites are " + sites.joined(separator: ", "))
                    + " (labeldesk station add NAME --site SITE gives a station its site)")
        }
        let agreement = try agreementOnFloor(inputs.projects, now: now)
        return ShiftFloorFigures(inputs: inputs, since: since, now: now, site: site, thresholds: thresholds, agreement: agreement).floor
    }

    /// Each overlapped project's Krippendorff's alpha, worked out at most once a minute:
    /// it reads every overlapped judgement of the project, far more than a 2-second
    /// refresh may, and agreement moves slowly.
    func agreementOnFloor(_ projects: [FloorInputs.ProjectInputs], now: Date) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for project in projects where project.policy.overlap > 0 {
            if let cached = agreementCache.value(for: project.project.id, now: now) {
                if let alpha = cached { values[project.project.id] = alpha }
                continue
            }
            let alpha = try agreementReport(projectID: project.project.id).alpha
            agreementCache.store(alpha, for: project.project.id, now: now)
            if let alpha { values[project.project.id] = alpha }
        }
        return values
    }
}

/// Agreement figures kept for a minute between the console's refreshes.
final class AgreementCache: @unchecked Sendable {
    static let lifetime: TimeInterval = 60
    private let lock = NSLock()
    private var entries: [String: (value: Double?, at: Date)] = [:]

    /// The kept value (itself nil when there was nothing to measure), or nil when none is fresh.
    func value(for projectID: String, now: Date) -> Double?? {
        lock.withLock {
            guard let entry = entries[projectID], now.timeIntervalSince(entry.at) < Self.lifetime, entry.at <= now else { return nil }
            return .some(entry.value)
        }
    }

    func store(_ value: Double?, for projectID: String, now: Date) {
        lock.withLock { entries[projectID] = (value, now) }
    }
}

/// What one refresh reads from the hub's database.
struct FloorInputs {
    struct ProjectInputs {
        var project: Project
        var policy: GoldPolicy
        var waiting: Int
        var leased: Int
        var oldestWaitingSince: Date?
        /// Each person's gold record on the project (for quality holds and error classes).
        var records: [PersonQuality]
    }

    var projects: [ProjectInputs]
    var hours: [ActivityHour]
    var seconds: [String: [Int: Int]]
    var users: [HubUser]
    var holds: [String: LeadHold]
    var stations: [(id: String, site: String?)]
    var seen: [StationSeen]
    var bundlesAwaiting: [String: Int]
    var flags: [FloorFlag]
    var courses: [CourseDue]

    init(transaction: HubTransaction, since: Date, now: Date) throws {
        let waiting = try transaction.openTaskCounts()
        let leased = try transaction.leasedTaskCounts()
        projects = try transaction.projects().map { project in
            ProjectInputs(
                project: project, policy: try transaction.goldPolicy(projectID: project.id), waiting: waiting[project.id] ?? 0,
                leased: leased[project.id] ?? 0, oldestWaitingSince: try transaction.oldestWaitingSince(projectID: project.id),
                records: try transaction.goldTallies(projectID: project.id))
        }
        let firstHour = min(HubTransaction.hour(of: since), HubTransaction.hour(of: now) - Hub.sparklineHours + 1)
        hours = try transaction.activityHours(from: firstHour)
        seconds = try transaction.secondsOnTaskCounts(from: HubTransaction.hour(of: since))
        users = try transaction.users()
        holds = try transaction.leadHolds()
        stations = try transaction.stationSites()
        seen = try transaction.stationsSeen()
        bundlesAwaiting = try transaction.bundlesAwaitingAnswer()
        flags = try transaction.flagsWaiting()
        courses = try transaction.openCourseAssignments()
    }
}

/// The floor's figures from what a refresh read: pure, so each can be checked by hand.
struct ShiftFloorFigures {
    let floor: ShiftFloor

    init(inputs: FloorInputs, since: Date, now: Date, site: String?, thresholds: FloorThresholds, agreement: [String: Double]) {
        let shiftStart = HubTransaction.hour(of: since)
        let nowHour = HubTransaction.hour(of: now)
        let shiftHours = inputs.hours.filter { $0.hour >= shiftStart && $0.hour <= nowHour }
        func hourStart(_ hour: Int) -> Date { Date(timeIntervalSince1970: Double(hour) * 3600) }
        // Grouped once: 300 people by 20 projects by 12 hours must not each scan every row.
        let shiftByProject = Dictionary(grouping: shiftHours, by: \.projectID)
        let shiftByPerson = Dictionary(grouping: shiftHours, by: \.username)
        var doneByProjectHour: [String: [Int: Int]] = [:]
        for row in inputs.hours { doneByProjectHour[row.projectID, default: [:]][row.hour, default: 0] += row.done }
        let records = inputs.projects.map { input in
            Dictionary(input.records.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        }
        func samples(_ rows: [ActivityHour], over periods: [Int]) -> [PChart.Sample] {
            var byHour: [Int: PChart.Sample] = [:]
            for row in rows {
                byHour[row.hour, default: PChart.Sample(successes: 0, trials: 0)].successes += row.goldCredit
                byHour[row.hour]?.trials += row.goldScored
            }
            return periods.map { byHour[$0] ?? PChart.Sample(successes: 0, trials: 0) }
        }

        // Stations: the last word of each, and who was where.
        let seenByID = Dictionary(inputs.seen.map { ($0.stationID, $0) }, uniquingKeysWith: { first, _ in first })
        let siteByID = Dictionary(inputs.stations.map { ($0.id, $0.site) }, uniquingKeysWith: { first, _ in first })
        func isOnline(_ seen: StationSeen) -> Bool {
            seen.transport == "bundle"
                ? now.timeIntervalSince(seen.seenAt) <= thresholds.bundleOverdueSeconds
                : now.timeIntervalSince(seen.seenAt) <= thresholds.silentStationSeconds
        }
        var stations: [StationFloor] = []
        for (id, stationSite) in inputs.stations {
            let seen = seenByID[id]
            let transport: StationFloor.Transport = seen == nil ? .never : seen?.transport == "bundle" ? .bundle : .live
            let overdue = seen.map { $0.transport == "bundle" && now.timeIntervalSince($0.seenAt) > thresholds.bundleOverdueSeconds } ?? false
            stations.append(StationFloor(
                id: id, site: stationSite, transport: transport, online: seen.map(isOnline) ?? false, lastSync: seen?.seenAt,
                unsent: seen?.unsent ?? 0, bundlesAwaiting: inputs.bundlesAwaiting[id] ?? 0, bundleOverdue: overdue,
                people: seen?.presence.map(\.username).sorted() ?? []))
        }
        // A person is where the station that saw them last says they are.
        var presenceByPerson: [String: (presence: PersonPresence, seen: StationSeen)] = [:]
        for seen in inputs.seen {
            for presence in seen.presence where presenceByPerson[presence.username].map({ $0.seen.seenAt < seen.seenAt }) ?? true {
                presenceByPerson[presence.username] = (presence, seen)
            }
        }

        // Projects.
        var projects: [ProjectFloor] = []
        var charts: [String: (floor: PChart, hours: [Int])] = [:]
        let flagsByProject = Dictionary(grouping: inputs.flags, by: \.projectID)
        for input in inputs.projects {
            let id = input.project.id
            let mine = shiftByProject[id] ?? []
            let hourly = (0..<Hub.sparklineHours).map { offset in doneByProjectHour[id]?[nowHour - Hub.sparklineHours + 1 + offset] ?? 0 }
            let scored = mine.reduce(0) { $0 + $1.goldScored }, credit = mine.reduce(0.0) { $0 + $1.goldCredit }
            let periods = Array(shiftStart...max(shiftStart, nowHour))
            let chart = PChart(samples(mine, over: periods))
            charts[id] = (chart, periods)
            projects.append(ProjectFloor(
                id: id, title: input.project.title, kind: input.project.kind, waiting: input.waiting, leased: input.leased,
                doneThisShift: mine.reduce(0) { $0 + $1.done }, oldestWaitingSeconds: input.oldestWaitingSince.map { max(0, now.timeIntervalSince($0)) },
                waitTargetSeconds: Double(input.project.waitTargetMinutes * 60), hourly: hourly,
                medianSeconds: Self.median(inputs.seconds[id] ?? [:]), gold: scored > 0 ? GoldAccuracy(right: credit, scored: scored) : nil,
                hoursOutside: chart.signalled.map { hourStart(periods[$0.index]) }, agreement: agreement[id],
                goldRate: input.policy.rate, overlap: input.policy.overlap, priority: input.project.priority,
                flagsWaiting: flagsByProject[id]?.count ?? 0,
                goldChart: chart.points.map { point in
                    GoldHour(
                        start: hourStart(periods[point.index]), scored: point.trials, accuracy: point.proportion, lower: point.lower,
                        upper: point.upper, signals: point.signals.map(\.rawValue))
                }))
        }
        projects.sort { ($0.priority, $1.id) > ($1.priority, $0.id) }

        // People: everyone on the roster who labels, and anyone else with work or a station this shift.
        let active = Set(shiftHours.map(\.username)).union(presenceByPerson.keys).union(inputs.holds.keys)
        let roles = Dictionary(inputs.users.map { ($0.username, $0.role) }, uniquingKeysWith: { first, _ in first })
        let names = Set(inputs.users.filter { $0.role == .labeler }.map(\.username)).union(active.filter { roles[$0]?.mayLabel ?? true })
        let coursesByPerson = Dictionary(grouping: inputs.courses, by: \.username)
        let flagsByPerson = Dictionary(grouping: shiftHours, by: \.username).mapValues { $0.reduce(0) { $0 + $1.flagged } }
        var alerts: [FloorAlert] = []
        var people: [PersonFloor] = []
        for username in names.sorted() {
            let hours = shiftByPerson[username] ?? []
            let hoursByProject = Dictionary(grouping: hours, by: \.projectID)
            let located = presenceByPerson[username]
            let stationID = located?.seen.stationID
            let personSite = stationID.flatMap { siteByID[$0] ?? nil }
            if let site, personSite != site { continue }
            let held = inputs.projects.indices.filter { index in
                records[index][username]?.standing(under: inputs.projects[index].policy) == .paused
            }.map { inputs.projects[$0].project.id }
            let state = Self.state(
                hold: inputs.holds[username], located: located, heldProjects: held, now: now, thresholds: thresholds, isOnline: isOnline)
            let done = hours.reduce(0) { $0 + $1.done }, active = hours.reduce(0.0) { $0 + $1.seconds }
            let scored = hours.reduce(0) { $0 + $1.goldScored }, credit = hours.reduce(0.0) { $0 + $1.goldCredit }
            var outside = false
            for input in inputs.projects {
                let mine = hoursByProject[input.project.id] ?? []
                guard let chart = charts[input.project.id], mine.contains(where: { $0.goldScored > 0 }) else { continue }
                if !PChart(samples(mine, over: chart.hours), center: chart.floor.center).signalled.isEmpty { outside = true }
                // Quality: the shift's gold on this project, once there is enough of it.
                let projectScored = mine.reduce(0) { $0 + $1.goldScored }
                let gold = GoldAccuracy(right: mine.reduce(0.0) { $0 + $1.goldCredit }, scored: projectScored)
                if projectScored >= thresholds.minimumGold, gold.upper < input.policy.warnBelow {
                    let first = mine.filter { $0.goldScored > 0 }.map(\.hour).min() ?? shiftStart
                    alerts.append(FloorAlert(
                        kind: .quality, subject: username, since: hourStart(first),
                        sentence: "\(username)'s gold on \(input.project.id) is \(ShiftWords.percent(gold.accuracy)) (\(ShiftWords.percent(gold.lower))-\(ShiftWords.percent(gold.upper))) over \(projectScored) items, below \(ShiftWords.percent(input.policy.warnBelow))."))
                }
            }
            var errors: [FloorErrorClass] = []
            for (index, input) in inputs.projects.enumerated() {
                guard let record = records[index][username], record.scored > 0 else { continue }
                for (errorClass, count) in record.errors where count >= 3 {
                    let share = Double(count) / Double(record.scored)
                    if share >= thresholds.errorClassShare {
                        errors.append(FloorErrorClass(projectID: input.project.id, name: errorClass.rawValue, count: count, share: share))
                    }
                }
            }
            errors.sort { ($0.share, $1.name) > ($1.share, $0.name) }
            let due = (coursesByPerson[username] ?? []).map { course in
                FloorCourseDue(courseID: course.courseID, dueAt: course.dueAt, isOverdue: course.dueAt.map { $0 < now } ?? false)
            }
            for course in due where course.isOverdue {
                alerts.append(FloorAlert(
                    kind: .courseOverdue, subject: username, since: course.dueAt ?? now,
                    sentence: "\(username) has not passed \(course.courseID), due \(Self.when(course.dueAt ?? now))."))
            }
            if case .idle(let idleSince) = state {
                alerts.append(FloorAlert(
                    kind: .idle, subject: username, since: idleSince,
                    sentence: "\(username) has been idle for \(ShiftWords.duration(now.timeIntervalSince(idleSince))) at \(stationID ?? "a station")."))
            }
            people.append(PersonFloor(
                username: username, stationID: stationID, site: personSite, state: state, movedTo: inputs.holds[username]?.movedTo, done: done,
                tasksPerHour: active > 0 ? Double(done) / (active / 3600) : nil, activeSeconds: active,
                gold: scored > 0 ? GoldAccuracy(right: credit, scored: scored) : nil, outsideControl: outside, errorClasses: errors,
                flagsRaised: flagsByPerson[username] ?? 0, coursesDue: due))
        }

        if let site { stations = stations.filter { $0.site == site } }
        for station in stations {
            guard let lastSync = station.lastSync else { continue }
            if station.transport == .live, !station.online {
                alerts.append(FloorAlert(
                    kind: .silentStation, subject: station.id, since: lastSync,
                    sentence: "Station \(station.id) has not synced for \(ShiftWords.duration(now.timeIntervalSince(lastSync)))."))
            } else if station.bundleOverdue {
                alerts.append(FloorAlert(
                    kind: .silentStation, subject: station.id, since: lastSync.addingTimeInterval(thresholds.bundleOverdueSeconds),
                    sentence: "Station \(station.id)'s bundle is overdue: the last came \(ShiftWords.duration(now.timeIntervalSince(lastSync))) ago."))
            }
        }
        for project in projects {
            if project.isBacklogLate, let age = project.oldestWaitingSeconds {
                alerts.append(FloorAlert(
                    kind: .backlog, subject: project.id, since: now.addingTimeInterval(project.waitTargetSeconds - age),
                    sentence: "\(project.id)'s oldest waiting task has waited \(ShiftWords.duration(age)), over its target of \(ShiftWords.duration(project.waitTargetSeconds))."))
            }
            if let waiting = flagsByProject[project.id], let oldest = waiting.map(\.flaggedAt).min() {
                alerts.append(FloorAlert(
                    kind: .flag, subject: project.id, since: oldest,
                    sentence: waiting.count == 1
                        ? "1 flagged task of \(project.id) waits for an answer."
                        : "\(waiting.count) flagged tasks of \(project.id) wait for an answer."))
            }
            if let last = project.hoursOutside.last {
                alerts.append(FloorAlert(
                    kind: .quality, subject: project.id, since: last,
                    sentence: "\(project.id)'s gold accuracy in the hour from \(Self.when(last)) is outside its control limits or run rules."))
            }
        }
        alerts.sort { ($0.since, $1.kind.rawValue, $1.subject) > ($1.since, $0.kind.rawValue, $0.subject) }
        floor = ShiftFloor(
            since: since, now: now, site: site, thresholds: thresholds, projects: projects, people: people, stations: stations, alerts: alerts,
            flags: inputs.flags, marking: inputs.projects.map(\.project.defaultMarking).max() ?? .unclassified)
    }

    /// The median of a histogram of whole seconds: the middle task's second, or the mean
    /// of the two middle ones; nil when it is empty.
    static func median(_ counts: [Int: Int]) -> Double? {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        func value(at rank: Int) -> Int {
            var seen = 0
            for second in counts.keys.sorted() {
                seen += counts[second] ?? 0
                if seen > rank { return second }
            }
            return counts.keys.max() ?? 0
        }
        let lower = value(at: (total - 1) / 2), upper = value(at: total / 2)
        return Double(lower + upper) / 2
    }

    /// What a person is doing, from the lead's hold, their station's last word and quality.
    static func state(
        hold: LeadHold?, located: (presence: PersonPresence, seen: StationSeen)?, heldProjects: [String], now: Date, thresholds: FloorThresholds,
        isOnline: (StationSeen) -> Bool
    ) -> PersonState {
        if let hold, hold.movedTo == nil { return .paused(by: hold.by, note: hold.note) }
        guard let located else { return heldProjects.isEmpty ? .away : .heldByQuality(projects: heldProjects) }
        guard isOnline(located.seen) else { return .offline(lastSeen: located.seen.seenAt) }
        let presence = located.presence
        if presence.activity == .locked { return .locked(since: presence.since) }
        if now.timeIntervalSince(presence.lastInputAt) > thresholds.idleSeconds { return .idle(since: presence.lastInputAt) }
        switch presence.activity {
        case .labeling: return .labeling(projectID: presence.subject ?? "")
        case .training: return .training(courseID: presence.subject ?? "")
        case .home, .locked: return heldProjects.isEmpty ? .home : .heldByQuality(projects: heldProjects)
        }
    }

    static func when(_ date: Date) -> String { Hub.utcFormatter("yyyy-MM-dd HH:mm 'UTC'").string(from: date) }
}
