import Curriculum
import Dispatch
import Domain
import Foundation
import Hub
import Logging
import Screens
import Store
import Sync
import Synchronization
import TerminalCore
import Widgets

/// Runs the app's effects off the UI thread and posts their answers to the inbox.
///
/// Database work runs in order on one queue, so a submission is saved before the
/// next one starts and before the next task is read. Sync runs on its own, so a slow
/// hub never holds up a keystroke.
public final class EffectRunner: Sendable {
    private let station: StationDatabase
    private let syncer: StationSyncer
    private let settings: WorkspaceSettings
    private let link: SyncIndicator.Link
    /// How the last sync went, so the status after a save shows it too.
    private let lastLink: Mutex<SyncIndicator.Link>
    let inbox: ActionInbox
    let clock: @Sendable () -> Date
    private let makeID: @Sendable () -> UUID
    private let calendar: Calendar
    private let logger: Logger
    private let storeQueue = DispatchQueue(label: "labeldesk.store")
    /// Imagery reads run apart from the database's queue, so a pan never waits behind a
    /// save, and in order, since a GDAL handle serves one thread at a time.
    private let imageryQueue = DispatchQueue(label: "labeldesk.imagery")
    /// Chafa's refined frames: tens of milliseconds each, so neither on the run loop nor
    /// ahead of the next viewport read on the imagery queue.
    private let refineQueue = DispatchQueue(label: "labeldesk.refine")
    private let chips: ChipLibrary
    private let policy = LogonPolicy()
    /// The hub in this process, in standalone mode: where gold candidates are reviewed.
    let hub: Hub?
    /// The cached courses, read once per version.
    private let shelf: CourseShelf
    private let scheduler = SpacedReview()
    /// Who is doing what here, as the run loop last noted it; sent with each sync.
    private let presence = Mutex(PresenceTracker())

    public init(
        station: StationDatabase, syncer: StationSyncer, settings: WorkspaceSettings, link: SyncIndicator.Link,
        inbox: ActionInbox, hub: Hub? = nil, calendar: Calendar = .current, logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() },
        makeID: @escaping @Sendable () -> UUID = { UUID.timeOrdered(at: Date()) }
    ) {
        self.station = station
        self.syncer = syncer
        self.settings = settings
        self.link = link
        self.hub = link == .standalone ? hub : nil
        self.lastLink = Mutex(link)
        self.inbox = inbox
        self.calendar = calendar
        self.logger = logger
        self.clock = clock
        self.makeID = makeID
        self.chips = ChipLibrary { media in try station.presentMediaFile(sha256: media.sha256) }
        self.shelf = CourseShelf(logger: logger)
    }

    /// Notes the state after an action, for the presence the next sync reports.
    public func note(_ state: AppState) {
        presence.withLock { $0.note(state) }
    }

    public func run(_ effect: AppEffect) {
        switch effect {
        case .sync(let flushAll):
            Task { await self.sync(flushAll: flushAll) }
        case .askLeadFloor(let request):
            // Over the station's own link, off the run loop: a slow hub never holds a key.
            Task {
                do {
                    let reply = try await self.syncer.lead(request)
                    self.inbox.post(.leadFloorLoaded(reply.floor, sentence: reply.sentence))
                } catch let refusal as HubError {
                    self.inbox.post(.failed(Self.sentence(refusal)))
                } catch {
                    self.logger.warning("lead console", metadata: ["error": "\(error)"])
                    self.inbox.post(.failed("The floor could not be read: \(error)."))
                }
            }
        case .finish:
            storeQueue.async {
                let done = DispatchSemaphore(value: 0)
                Task {
                    await self.sync(flushAll: true)
                    done.signal()
                }
                done.wait()
                self.inbox.post(.finished)
            }
        case .loadViewport, .locateCursor, .loadLessonPicture:
            imageryQueue.async { self.readImagery(effect) }
        case .refineView(let request):
            refineQueue.async { self.inbox.post(.viewRefined(request.render())) }
        case let .refineLessonPicture(source, picture, cells, depth):
            refineQueue.async {
                self.inbox.post(.lessonPictureRefined(source: source, ImageCanvas.render(picture, overlay: [], cells: cells, depth: depth, quality: .refined)))
            }
        case .notifyWhenRested(let serial):
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(TaskScreen.restMilliseconds)) {
                self.inbox.post(.viewRested(serial: serial))
            }
        default:
            storeQueue.async { self.perform(effect) }
        }
    }

    /// Reads what the geo screen asked for. A chip that cannot be read leaves the screen
    /// drawing its shapes on a dark ground, and says why once in the log and on screen.
    private func readImagery(_ effect: AppEffect) {
        do {
            switch effect {
            case .loadViewport(let request): inbox.post(.viewportLoaded(request, try chips.viewport(request)))
            case .locateCursor(let request): inbox.post(.cursorLocated(try chips.readout(request)))
            case let .loadLessonPicture(courseID, path, source, cells):
                guard let media = try station.courseMedia(courseID: courseID, path: path) else { throw ChipLibrary.Problem.unreadable("\(courseID)/\(path) is not among the course's pictures") }
                inbox.post(.lessonPictureLoaded(source: source, try chips.picture(media, fitting: cells)))
            default: break
            }
        } catch {
            logger.error("imagery", metadata: ["effect": "\(effect.logName)", "error": "\(error)"])
            if case .loadViewport = effect { inbox.post(.failed("This task's image could not be drawn: \(error). Skip it with s; the station's log has the details.")) }
        }
    }

    /// Waits until every database effect queued so far has run. For tests and shutdown.
    public func waitForStoreWork() {
        storeQueue.sync {}
    }

    private func perform(_ effect: AppEffect) {
        do {
            switch effect {
            case let .logOn(username, password):
                inbox.post(.logonAnswered(Self.answer(try station.logOn(username: username, password: password, now: clock(), policy: policy))))
            case let .unlock(username, password):
                inbox.post(.unlockAnswered(Self.answer(try station.checkPassword(username: username, password: password, now: clock(), policy: policy))))
            case .loadQueues(let username):
                // The courses first: the queues carry the locks worked out from them.
                let work = try coursework(for: username)
                inbox.post(.coursesLoaded(work))
                inbox.post(.queuesLoaded(try queues(for: username, locks: work)))
            case let .openTask(projectID, username):
                guard let project = try station.project(id: projectID) else {
                    inbox.post(.failed("Project \(projectID) is no longer on this station; press r to refresh."))
                    return
                }
                let queue = try queues(for: username, projectID: projectID).first
                inbox.post(.taskOpened(project: project, task: try station.nextTask(projectID: projectID, for: username), waiting: queue?.waiting ?? 0, doneToday: queue?.doneToday ?? 0))
            case .save(let submission):
                let annotation = submission.annotation(id: makeID(), stationID: settings.stationID, at: clock())
                try station.submit(annotation, now: annotation.createdAt)
                inbox.post(.submitted(next: try station.nextTask(projectID: annotation.projectID, for: submission.username)))
                // The counts come from the database after every change, so the screen
                // never keeps its own tally that a reload could contradict.
                if let queue = try queues(for: submission.username, projectID: annotation.projectID).first { inbox.post(.queueCounted(queue)) }
                postSyncStatus(finishedSync: false)
            case let .undo(username, projectID):
                inbox.post(.undone(try station.undoLastSubmission(username: username, projectID: projectID, now: clock())))
                if let queue = try queues(for: username, projectID: projectID).first { inbox.post(.queueCounted(queue)) }
                postSyncStatus(finishedSync: false)
            case .audit(let event):
                try station.audit(event)
            case .loadGoldCandidates(let projectID):
                guard let hub else { return inbox.post(.failed(Self.reviewAtTheHub(projectID))) }
                guard let project = try hub.project(id: projectID) else {
                    return inbox.post(.failed("Project \(projectID) is not at the hub; press q and r to refresh."))
                }
                guard let labels = Hub.consensusLabels(of: project) else {
                    return inbox.post(.failed(
                        "Gold candidates come from a consensus of labels; \(project.title) is a \(project.kind.title) project, whose gold comes from labeldesk gold import."))
                }
                let candidates = try hub.goldCandidates(projectID: projectID).map { candidate in
                    GoldReviewScreen.Candidate(
                        taskID: candidate.task.id, text: candidate.task.text, marking: candidate.task.marking, label: candidate.label,
                        confidence: candidate.confidence, votes: candidate.votes.map { .init(label: $0.label, count: $0.count) })
                }
                inbox.post(.goldCandidatesLoaded(projectID: projectID, labels: labels, candidates: candidates))
            case let .decideGoldCandidate(projectID, taskID, decision, reviewer):
                guard let hub else { return inbox.post(.failed(Self.reviewAtTheHub(projectID))) }
                let asHub: GoldCandidateDecision = switch decision {
                case .accept: .accept
                case .correct(let label): .correct(label)
                case .reject: .reject
                }
                do {
                    try hub.decideGoldCandidate(projectID: projectID, taskID: taskID, decision: asHub, reviewer: reviewer, now: clock())
                } catch let refusal as HubError {
                    return inbox.post(.failed(Self.sentence(refusal)))
                }
                inbox.post(.goldCandidateDecided(taskID: taskID, sentence: GoldReviewScreen.sentence(for: decision, taskID: taskID)))
            case .recordAttempt(let submission):
                try recordAttempt(submission)
            case .loadTrainerCourses, .loadTrainerCourse, .markEssay, .assignCourse:
                try performForTrainer(effect)
            case let .recordLessonReading(username, courseID, lesson, variant):
                try station.recordLessonReading(LessonReading(
                    id: makeID(), username: username, stationID: settings.stationID, courseID: courseID, lesson: lesson, variant: variant, at: clock()))
                postSyncStatus(finishedSync: false)
            case let .recordReview(username, courseID, item, right):
                let card = try station.reviewItems(username: username).first { $0.courseID == courseID && $0.item == item }?.card
                let next = scheduler.afterAnswer(card, right: right, at: clock())
                if next != card { try station.saveReviews([ReviewChange(courseID: courseID, item: item, card: next)], username: username) }
            case .sync, .askLeadFloor, .finish, .loadViewport, .locateCursor, .notifyWhenRested, .refineView, .loadLessonPicture, .refineLessonPicture:
                break
            }
        } catch {
            logger.error("effect failed", metadata: ["effect": "\(effect.logName)", "error": "\(error)"])
            // The details are in the log; the person gets what happened and what to do.
            inbox.post(.failed("This station's database did not answer. Your earlier work is safe; try again, and tell an admin if it keeps happening (the station's log has the details)."))
        }
    }

    /// The hub's refusal (a role, a rule) as the sentence a person reads on screen.
    static func sentence(_ refusal: HubError) -> String {
        refusal.description.prefix(1).uppercased() + refusal.description.dropFirst() + "."
    }

    /// Why a station that syncs with a hub elsewhere cannot show its gold candidates:
    /// the pool and its keys never leave that hub.
    static func reviewAtTheHub(_ projectID: String) -> String {
        "Gold candidates are reviewed where the hub is: on its machine, labeldesk gold candidates --project \(projectID)."
    }

    /// The queues' counts; with `locks`, each queue also says which courses it waits for
    /// (a save's recount needs only the counts).
    private func queues(for username: String, projectID: String? = nil, locks: Coursework? = nil) throws -> [HomeScreen.Queue] {
        try station.queueSummaries(username: username, now: clock(), calendar: calendar, projectID: projectID).map {
            HomeScreen.Queue(
                projectID: $0.project.id, title: $0.project.title, marking: $0.project.defaultMarking, waiting: $0.waiting,
                doneToday: $0.doneToday, waitingForImagery: $0.waitingForImagery, isPaused: $0.isPaused,
                lockedBehind: locks?.coursesNeeded(for: $0.project.id) ?? [], leadSentence: $0.heldBy?.sentence)
        }
    }

    /// A person's courses as the station sees them: the cached courses, the hub's
    /// standings and course locks, and what they did here.
    private func coursework(for username: String) throws -> Coursework {
        let role = try station.account(named: username)?.role ?? .labeler
        return Coursework(
            username: username, role: role, courses: try shelf.courses(in: station), standings: try station.courseStandings(username: username),
            local: try station.localAttempts(username: username), hubLocks: try station.pauses(username: username),
            lessonsRead: try station.lessonsRead(username: username),
            reviews: try station.reviewItems(username: username).map { Coursework.Review(courseID: $0.courseID, item: $0.item, due: $0.card.due) })
    }

    /// Grades a finished attempt as the hub will (`CourseGrading`), saves it with its grade,
    /// its outbox row and the review cards its practice answers move, in one transaction,
    /// then answers with the mark and where it leaves the person.
    private func recordAttempt(_ submission: AttemptSubmission) throws {
        let now = clock()
        let attempt = submission.attempt(id: makeID(), stationID: settings.stationID, at: now)
        let course = submission.course
        let grade = CourseGrading.grade(attempt.responses, in: course)
        let record = CourseProgress.record(of: attempt, grade: grade, passMark: course.manifest.passMark)
        // Practice answered wrong goes into the person's review; answered right, a card there moves on.
        let cards = Dictionary(
            try station.reviewItems(username: attempt.username).filter { $0.courseID == course.id }.map { ($0.item, $0.card) },
            uniquingKeysWith: { first, _ in first })
        var reviews: [ReviewChange] = []
        for item in course.assessment {
            guard case .practice = item, case .marked(let mark)? = grade.items[item.key] else { continue }
            let next = scheduler.afterAnswer(cards[item.key], right: PracticeScreen.isRight(mark), at: now)
            if next != cards[item.key] { reviews.append(ReviewChange(courseID: course.id, item: item.key, card: next)) }
        }
        try station.recordAttempt(attempt, record: record, reviews: reviews, now: now)
        let work = try coursework(for: attempt.username)
        let state = work.entry(course.id).map { work.state(of: $0, now: now) } ?? .open
        inbox.post(.attemptRecorded(QuizScreen.AttemptResult(record: record, grade: grade, state: state)))
        inbox.post(.coursesLoaded(work))
        postSyncStatus(finishedSync: false)
    }

    private func sync(flushAll: Bool) async {
        // A bundle-only station has no hub to reach: its work waits in the outbox, still
        // undoable, until `labeldesk bundle export` carries it. The status is refreshed all
        // the same, since a bundle imported meanwhile may have changed it.
        guard link != .bundles else {
            postSyncStatus(finishedSync: true)
            return
        }
        var reached: SyncIndicator.Link = .online
        do {
            let summary = try await syncer.sync(now: clock(), flushAll: flushAll, presence: presence.withLock { $0.presence })
            logger.info("synced", metadata: ["sent": "\(summary.sent)", "leased": "\(summary.leased)", "rejected": "\(summary.rejected)", "media": "\(summary.mediaFetched)"])
            for problem in summary.mediaProblems { logger.warning("imagery", metadata: ["problem": "\(problem)"]) }
        } catch let error as HTTPTransportError where error.isRefusalOfStation {
            // The hub answered no: the labeler must see it differs from a dead network.
            reached = .refused
            logger.error("the hub refused this station", metadata: ["error": "\(error)"])
        } catch {
            reached = .offline
            logger.warning("sync failed", metadata: ["error": "\(error)"])
        }
        if link != .standalone { lastLink.withLock { $0 = reached } }
        postSyncStatus(finishedSync: true)
    }

    /// In standalone mode the hub is in this process: there is no link to show.
    private func postSyncStatus(finishedSync: Bool) {
        guard let status = try? station.syncStatus() else { return }
        let shownLink = lastLink.withLock { $0 }
        let refusals = status.rejected.map { SyncIndicator.Refusal(taskID: $0.taskID ?? "unknown task", reason: $0.reason) }
        let indicator = SyncIndicator(
            link: shownLink, pending: status.pending, lastSyncAt: status.lastSyncAt, refusals: refusals,
            stationRefusal: shownLink == .refused ? status.lastError : nil)
        inbox.post(.syncStatusChanged(indicator, finishedSync: finishedSync))
    }

    private static func answer(_ result: LogonResult) -> LogonAnswer {
        switch result {
        case let .success(account, previousLogonAt): .accepted(account, previousLogonAt: previousLogonAt)
        case .wrongPassword: .refused(.wrongPassword)
        case .locked: .refused(.locked)
        case .justLocked: .refused(.justLocked)
        }
    }
}

extension AppEffect {
    /// The effect's name for logs, without anything typed into a password field.
    var logName: String {
        switch self {
        case .logOn(let username, _): "logOn(\(username))"
        case .unlock(let username, _): "unlock(\(username))"
        case .loadQueues: "loadQueues"
        case .openTask(let projectID, _): "openTask(\(projectID))"
        case .save(let submission): "save(\(submission.task.task.id))"
        case .undo: "undo"
        case .sync: "sync"
        case .audit(let event): "audit(\(event.kind.rawValue))"
        case .finish: "finish"
        case .loadViewport(let request): "loadViewport(\(request.media.sha256.prefix(12)))"
        case .locateCursor(let request): "locateCursor(\(request.column),\(request.row))"
        case .notifyWhenRested(let serial): "notifyWhenRested(\(serial))"
        case .refineView(let request): "refineView(\(request.view.serial))"
        case .loadGoldCandidates(let projectID): "loadGoldCandidates(\(projectID))"
        case let .decideGoldCandidate(projectID, taskID, _, _): "decideGoldCandidate(\(projectID), \(taskID))"
        case .recordAttempt(let submission): "recordAttempt(\(submission.course.id))"
        case let .recordLessonReading(_, courseID, lesson, _): "recordLessonReading(\(courseID)/\(lesson))"
        case let .recordReview(_, courseID, item, _): "recordReview(\(courseID)/\(item))"
        case let .loadLessonPicture(courseID, path, _, _): "loadLessonPicture(\(courseID)/\(path))"
        case let .refineLessonPicture(source, _, cells, _): "refineLessonPicture(\(source), \(cells.width)x\(cells.height))"
        case .loadTrainerCourses: "loadTrainerCourses"
        case .askLeadFloor(let request): "askLeadFloor(\(request.action.map { "\($0.subject)" } ?? "floor"))"
        case .loadTrainerCourse(let courseID): "loadTrainerCourse(\(courseID))"
        case let .markEssay(attemptID, item, _, _): "markEssay(\(attemptID.uuidString)/\(item))"
        case .assignCourse(let courseID, _, _, _): "assignCourse(\(courseID))"
        }
    }
}
