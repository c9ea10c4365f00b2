import Domain
import Foundation
import Store

extension Hub {
    /// The hub's side of a sync: take the station's work, hand out leases, report changes.
    ///
    /// One transaction, in this order:
    /// 1. Apply each annotation at most once, keyed by its UUID. A resend with the same
    ///    content gets the outcome it got the first time; a resend with different
    ///    content is rejected as a client fault. Work sent by another station than the
    ///    one that made it, by a person not on the hub's roster or whose role may not
    ///    label (see `Role.mayLabel`), for a task the hub does not know, or with labels
    ///    the project does not have, is rejected with the reason.
    /// 2. Decide which judgement is canonical (see `CanonicalRule`).
    /// 3. Expire leases that ran out before `now`: those tasks are open again.
    /// 4. Lease up to `request.wantedLeases` open tasks of each project to the station,
    ///    highest priority first, then import order; each lease raises the task's epoch
    ///    and lasts the project's `leaseSeconds`.
    /// 5. Answer with the outcomes, the leases, the projects changed since the station's
    ///    cursor, the open tasks left per project, and the new cursor.
    ///
    /// Training comes beside the work: course attempts and lesson readings are applied
    /// once each by id (see `apply(_:CourseAttempt...)`) and answered in
    /// `trainingOutcomes`; courses published since the cursor travel as packages; and a
    /// request that names people and is not idle is answered with their course
    /// standings. A person who has not passed the courses a project needs is leased
    /// none of its tasks or gold and gets a `QueuePause` naming the courses.
    ///
    /// - Parameter admit: runs first in the transaction; the server records the
    ///   request's nonce there, so a replay is refused and a sync is one commit.
    public func exchange(
        _ request: SyncRequest, now: Date, admitting admit: (HubTransaction) throws -> Void = { _ in }
    ) throws -> SyncReply {
        // An idle request writes only what the next sync would write again (expired
        // leases reopened, its nonce): it need not wait for an fsync.
        try database.write(request.isIdle ? .redoable : .full) { transaction in
            try admit(transaction)
            return try exchange(request, now: now, in: transaction)
        }
    }

    /// `exchange` inside the caller's transaction: a bundle's place in its stream is
    /// then stored with the work it brought, so a crash cannot apply it twice.
    ///
    /// - Parameter transport: how the request came (`live`: in-process or HTTP; `bundle`),
    ///   kept with the station's last sync for the lead's console.
    public func exchange(_ request: SyncRequest, now: Date, in transaction: HubTransaction, transport: String = "live") throws -> SyncReply {
        try transaction.recordStationSeen(request.stationID, at: now, transport: transport, unsent: request.unsent, presence: request.presence)
        // Projects are read (and their JSON decoded) only when there is work to check
        // against them or leases to hand out: an idle sync needs neither.
        // A lead's hold (and anything else changed since the station's cursor) must reach
        // the station's people even on an idle sync: then their pauses are answered too.
        let changedSinceCursor = try transaction.latestChange() > request.cursor
        let answersPeople = !request.people.isEmpty && (!request.isIdle || changedSinceCursor)
        var projectsByID: [String: Project] = [:]
        if !request.isIdle || answersPeople {
            for project in try transaction.projects() { projectsByID[project.id] = project }
        }
        var roster = RosterLookup(transaction: transaction)
        var policies = PolicyLookup(transaction: transaction)

        let outcomes = try request.annotations.map { annotation in
            try apply(
                annotation, sentBy: request.stationID, projects: projectsByID, roster: &roster, policies: &policies, transaction: transaction, now: now)
        }

        var courses = CourseLookup(transaction: transaction)
        let trainingOutcomes = try request.attempts.map { attempt in
            try apply(attempt, sentBy: request.stationID, roster: &roster, courses: &courses, transaction: transaction, now: now)
        } + request.lessonReadings.map { reading in
            try apply(reading, sentBy: request.stationID, roster: &roster, transaction: transaction, now: now)
        }

        try transaction.expireLeases(now: now)
        var leases: [LeasedTask] = []
        var pauses: [QueuePause] = []
        let people = Array(Set(request.people)).sorted()
        var random = goldRandom
        var passedCourses: [String: Set<String>] = [:]
        let holds = people.isEmpty ? [:] : try transaction.leadHolds()
        for project in projectsByID.values.sorted(by: { $0.id < $1.id }) {
            let expiry = now.addingTimeInterval(TimeInterval(project.leaseSeconds))
            let policy = try policies.policy(of: project.id)
            if people.isEmpty {
                // Leases for whoever logs on could reach someone not qualified: a project
                // a course qualifies for is leased only to people named.
                guard try !courses.manifests().contains(where: { $0.qualifies.contains(project.id) }) else { continue }
                leases += try transaction.leaseOpenTasks(
                    projectID: project.id, limit: request.wantedLeases, to: request.stationID, until: expiry,
                    unlabelledBy: policy.overlap > 0 ? .some(nil) : nil
                ).map(Self.asSent)
                continue
            }
            for person in people {
                // A lead's hold first: paused everywhere, or moved to one project.
                if let hold = holds[person], hold.movedTo != project.id {
                    pauses.append(QueuePause(username: person, projectID: project.id, lead: hold))
                    continue
                }
                // Qualification next: someone who has not passed the courses the project
                // needs is leased none of its work, gold included.
                let needed = try Self.coursesNeeded(projectID: project.id, person: person, courses: &courses, passed: &passedCourses, transaction: transaction)
                guard needed.isEmpty else {
                    pauses.append(QueuePause(username: person, projectID: project.id, courses: needed))
                    continue
                }
                // Then quality: a paused person is leased nothing here.
                let standing = try transaction.goldTallies(projectID: project.id, username: person).first?.standing(under: policy) ?? .tooFewItems
                guard standing != .paused else {
                    pauses.append(QueuePause(username: person, projectID: project.id))
                    continue
                }
                leases += try leaseBatch(
                    projectID: project.id, for: person, policy: policy, isProven: standing == .proven, wanted: request.wantedLeases,
                    station: request.stationID, until: expiry, now: now, random: &random, transaction: transaction)
            }
        }
        return SyncReply(
            outcomes: outcomes, leases: leases,
            projects: try transaction.projectsChanged(since: request.cursor),
            waitingAtHub: try transaction.openTaskCounts(),
            cursor: try transaction.latestChange(), pauses: answersPeople ? pauses : nil,
            trainingOutcomes: trainingOutcomes,
            courses: try transaction.coursesChanged(since: request.cursor),
            standings: answersPeople
                ? try Self.courseStandings(
                    for: people, projects: projectsByID.values.sorted { $0.id < $1.id }, roster: &roster, courses: &courses, transaction: transaction)
                : nil)
    }

    /// A lease as a station gets it: a file's token layout is for exporting the file
    /// again, and stations never need it.
    static func asSent(_ lease: LeasedTask) -> LeasedTask {
        guard lease.task.layout != nil else { return lease }
        var sent = lease
        sent.task.layout = nil
        return sent
    }

    private func apply(
        _ annotation: Annotation, sentBy stationID: String, projects: [String: Project], roster: inout RosterLookup,
        policies: inout PolicyLookup, transaction: HubTransaction, now: Date
    ) throws -> AnnotationOutcome {
        func rejected(_ reason: String) -> AnnotationOutcome {
            AnnotationOutcome(annotationID: annotation.id, status: .rejected, reason: reason)
        }
        let content = annotation.canonicalContent
        if let earlier = try transaction.receipt(ofJudgement: annotation.id) {
            guard earlier.content == content else {
                return rejected(
                    "annotation \(annotation.id.uuidString) was already received with different content; this is a client fault")
            }
            return AnnotationOutcome(annotationID: annotation.id, status: earlier.firstOutcome)
        }
        if let problem = try Self.authorshipProblem(of: annotation, sentBy: stationID, roster: &roster) {
            return rejected(problem)
        }
        guard let project = projects[annotation.projectID] else {
            return rejected("project \"\(annotation.projectID)\" is not known at the hub")
        }
        // Work on a gold item handed to this person here is a gold answer, even where a
        // task has the same id (gold made from work keeps its task's id).
        if try transaction.goldWasLeased(projectID: annotation.projectID, goldID: annotation.taskID, to: annotation.username, at: stationID) {
            return try applyGold(
                annotation, content: content, project: project, policy: try policies.policy(of: project.id), transaction: transaction, now: now)
        }
        guard let standing = try transaction.standing(projectID: annotation.projectID, taskID: annotation.taskID) else {
            return rejected(Self.unknownTask(annotation))
        }
        if let problem = project.answerProblem(annotation.answer, isSkip: annotation.isSkip, textLength: standing.textLength, chip: standing.chip) {
            return rejected(problem)
        }
        // The shift's figures count work as it arrives, once: a resend answered above never reaches here.
        try transaction.recordActivity(annotation, goldCredit: nil)
        let needed = try policies.policy(of: annotation.projectID).peopleNeeded(taskID: annotation.taskID)
        if needed > 1 {
            return try applyOverlapped(annotation, content: content, standing: standing, needed: needed, transaction: transaction, now: now)
        }

        switch CanonicalRule.decide(newcomer: annotation, standing: standing, now: now) {
        case .canonical(let replacesExisting):
            if replacesExisting, let existing = standing.canonical {
                try transaction.setCanonical(judgementID: existing.judgementID, false)
            }
            try transaction.insertJudgement(Judgement(
                annotation: annotation, content: content, isCanonical: true, firstOutcome: .accepted, receivedAt: now))
            try transaction.setTaskState(
                projectID: annotation.projectID, taskID: annotation.taskID, to: annotation.isSkip ? .skipped : .done)
            return AnnotationOutcome(annotationID: annotation.id, status: .accepted)
        case .extra:
            try transaction.insertJudgement(Judgement(
                annotation: annotation, content: content, isCanonical: false, firstOutcome: .superseded, receivedAt: now))
            return AnnotationOutcome(annotationID: annotation.id, status: .superseded)
        }
    }

    /// Work on a task several people label (see `GoldPolicy.isOverlapped`).
    ///
    /// The first answer is the task's canonical one, as anywhere; each other person's is
    /// kept beside it, accepted, and their own repeat follows the canonical rule among
    /// theirs. The task goes back to the open pool for someone who has not answered it
    /// until `needed` people have, then it is done. Only work under the task's current
    /// lease moves it back to the pool: late work must not take a lease from its holder.
    /// A skip sets nothing aside here; the task waits for someone else.
    private func applyOverlapped(
        _ annotation: Annotation, content: String, standing: TaskStanding, needed: Int, transaction: HubTransaction, now: Date
    ) throws -> AnnotationOutcome {
        let isCurrent = CanonicalRule.isCurrent(annotation, for: standing, now: now)
        let isNewPerson = try !transaction.hasJudged(projectID: annotation.projectID, taskID: annotation.taskID, person: annotation.username)
        let status: AnnotationOutcome.Status
        if standing.canonical == nil, !annotation.isSkip {
            try transaction.insertJudgement(Judgement(annotation: annotation, content: content, isCanonical: true, firstOutcome: .accepted, receivedAt: now))
            status = .accepted
        } else {
            status = isNewPerson || isCurrent ? .accepted : .superseded
            try transaction.insertJudgement(Judgement(annotation: annotation, content: content, isCanonical: false, firstOutcome: status, receivedAt: now))
        }
        let answered = try transaction.answeringPeople(projectID: annotation.projectID, taskID: annotation.taskID).count
        if answered >= needed {
            try transaction.setTaskState(projectID: annotation.projectID, taskID: annotation.taskID, to: .done)
        } else if isCurrent {
            try transaction.setTaskState(projectID: annotation.projectID, taskID: annotation.taskID, to: .open)
        }
        return AnnotationOutcome(annotationID: annotation.id, status: status)
    }

    /// The words for work on a task the hub does not know, the same for a gold item
    /// never handed to that station: no reply tells gold from anything else.
    static func unknownTask(_ annotation: Annotation) -> String {
        "task \"\(annotation.taskID)\" is not in project \"\(annotation.projectID)\" at the hub"
    }

    /// Why the hub will not take this work from this sender, if it will not.
    ///
    /// The station is the authenticated sender, so work claiming another station could
    /// take over that station's lease (see `CanonicalRule`). The person must be on the
    /// hub's roster in a role that labels: stations keep their own accounts for logon
    /// without a network, so the hub cannot trust a station's word for who may label.
    static func authorshipProblem(of annotation: Annotation, sentBy stationID: String, roster: inout RosterLookup) throws -> String? {
        if annotation.stationID != stationID {
            return "annotation \(annotation.id.uuidString) was made at station \"\(annotation.stationID)\" but sent by station \"\(stationID)\"; a station may only send its own work"
        }
        guard let user = try roster.user(annotation.username) else {
            return "user \"\(annotation.username)\" is not known at the hub; an admin adds them with `labeldesk user add \(annotation.username) --role labeler --db HUB.sqlite`"
        }
        guard user.role.mayLabel else {
            let allowed = Role.labelingRoles.map { $0.rawValue + "s" }.joined(separator: " and ")
            return "user \"\(user.username)\" has the role \(user.role.rawValue) at the hub, and only \(allowed) may label"
        }
        return nil
    }
}

/// Each project's gold policy as one exchange sees it, read once however many
/// annotations of the project a batch holds.
struct PolicyLookup {
    let transaction: HubTransaction
    private var known: [String: GoldPolicy] = [:]

    init(transaction: HubTransaction) {
        self.transaction = transaction
    }

    mutating func policy(of projectID: String) throws -> GoldPolicy {
        if let cached = known[projectID] { return cached }
        let found = try transaction.goldPolicy(projectID: projectID)
        known[projectID] = found
        return found
    }
}

/// The hub's roster as one exchange sees it: each person looked up once, however many
/// annotations of theirs a batch holds.
struct RosterLookup {
    let transaction: HubTransaction
    private var known: [String: HubUser?] = [:]

    init(transaction: HubTransaction) {
        self.transaction = transaction
    }

    mutating func user(_ username: String) throws -> HubUser? {
        if let cached = known[username] { return cached }
        let found = try transaction.user(username: username)
        known[username] = found
        return found
    }
}
