import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore

/// Everything the terminal shows, in one value. Only `App.update` changes it.
public struct AppState: Equatable, Sendable {
    public enum Screen: Equatable, Sendable {
        case notice(NoticeScreen.State)
        case login(LoginScreen.State)
        case home(HomeScreen.State)
        case task(TaskScreen.State)
        case goldReview(GoldReviewScreen.State)
        /// The person's courses.
        case courses(CoursesScreen.State)
        case course(CourseScreen.State)
        /// A lesson of a course, read from its page; `shownFile` is the version shown
        /// (its pictures are found beside it).
        case lesson(LessonScreen.State, course: CourseScreen.State, shownFile: String)
        /// An attempt at a course, started from its page.
        case quiz(QuizScreen.State, course: CourseScreen.State)
        /// The spaced review of practice items, from home.
        case review(PracticeScreen.State, courseID: String)
        /// The trainer's screen: the hub's courses, their live view, essays to mark.
        case trainer(TrainerScreen.State)
        /// The shift lead's console: the floor, live, and a lead's actions.
        case lead(LeadScreen.State)
    }

    /// The person logged in, and when their session began.
    public struct Session: Equatable, Sendable {
        public var account: Account
        public var previousLogonAt: Date?
        public var startedAt: Date
    }

    public var screen: Screen
    /// Set while the idle lock hides the screen.
    public var lock: LockScreen.State?
    public var session: Session?
    public var settings: WorkspaceSettings
    public var size: Size
    public var now: Date
    public var lastInputAt: Date
    public var lastSyncStartedAt: Date?
    public var lastSyncFinishedAt: Date?
    public var isSyncing = false
    /// Syncs in a row that did not reach the hub (or that it refused); 0 once one works.
    public var syncFailures = 0
    /// When the next sync is due because of a submission: once the undo window has
    /// passed, so the work reaches the hub soon rather than at the next interval.
    public var submissionSyncDueAt: Date?
    public var syncBackoff = SyncBackoff()
    public var sync: SyncIndicator
    public var timeZone: TimeZone
    /// False once the app has finished; the run loop then stops.
    public var isRunning = true
    /// Quitting: waiting for the last sync before the run loop stops.
    public var isQuitting = false

    public init(settings: WorkspaceSettings, size: Size, now: Date, timeZone: TimeZone, link: SyncIndicator.Link) {
        self.settings = settings
        self.screen = .notice(NoticeScreen.State(notice: settings.notice, hint: settings.loginHint))
        self.size = size
        self.now = now
        self.lastInputAt = now
        self.sync = SyncIndicator(link: link)
        self.timeZone = timeZone
    }
}

/// Facts the app learns: keys, time, and the answers of effects.
public enum AppAction: Equatable, Sendable {
    case input(InputEvent, at: Date)
    case tick(Date)
    case logonAnswered(LogonAnswer)
    case unlockAnswered(LogonAnswer)
    case queuesLoaded([HomeScreen.Queue])
    /// One queue's counts, read from the database after a save or undo.
    case queueCounted(HomeScreen.Queue)
    case taskOpened(project: Project, task: LeasedTask?, waiting: Int, doneToday: Int)
    case submitted(next: LeasedTask?)
    case undone(LeasedTask?)
    case syncStatusChanged(SyncIndicator, finishedSync: Bool)
    case failed(String)
    /// Imagery the geo screen asked for, read by the effect runner.
    case viewportLoaded(ViewportRequest, PixelImage)
    case cursorLocated(ImageReadout)
    /// No key for `TaskScreen.restMilliseconds` since the `.notifyWhenRested` with this serial.
    case viewRested(serial: Int)
    /// The resting view, refined with chafa's symbols off the run loop.
    case viewRefined(RefinedView)
    /// The hub's gold candidates of a project, with the labels a key may take.
    case goldCandidatesLoaded(projectID: String, labels: [String], candidates: [GoldReviewScreen.Candidate])
    /// The hub took a reviewer's decision on a candidate.
    case goldCandidateDecided(taskID: String, sentence: String)
    /// The person's courses, as the station works them out (sent with every queue load).
    case coursesLoaded(Coursework)
    /// A finished attempt is saved with its grade.
    case attemptRecorded(QuizScreen.AttemptResult)
    /// The pixels of a lesson's picture.
    case lessonPictureLoaded(source: String, PixelImage)
    /// A lesson's picture drawn by chafa.
    case lessonPictureRefined(source: String, Buffer)
    /// The hub's published courses, counted for the trainer's screen.
    case trainerCoursesLoaded([TrainerScreen.CourseSummary])
    /// One course's live view, from the hub's training report.
    case trainerCourseLoaded(TrainerScreen.CourseView)
    /// The hub took a trainer's mark or assignment; the sentence says what was done.
    case trainerDone(sentence: String)
    /// The hub's floor for the lead's console; with the sentence of the action it did first.
    case leadFloorLoaded(ShiftFloor, sentence: String?)
    /// A signal (SIGTERM, SIGINT, SIGHUP) asked the program to stop: quit cleanly.
    case stopRequested
    /// Everything the quit asked for is done.
    case finished
}

/// The answer to a logon or unlock attempt.
public enum LogonAnswer: Equatable, Sendable {
    case accepted(Account, previousLogonAt: Date?)
    case refused(LoginScreen.Refusal)
}

/// Commands for the effect runner. Nothing here runs inside `update`.
public enum AppEffect: Equatable, Sendable {
    case logOn(username: String, password: String)
    case unlock(username: String, password: String)
    case loadQueues(username: String)
    case openTask(projectID: String, username: String)
    case save(Submission)
    case undo(username: String, projectID: String)
    case sync(flushAll: Bool)
    case audit(AuditEvent)
    /// Read a window of a chip for the geo screen; answered with `.viewportLoaded`.
    case loadViewport(ViewportRequest)
    /// Read one pixel's value and place; answered with `.cursorLocated`.
    case locateCursor(CursorRequest)
    /// Answer `.viewRested(serial)` after `TaskScreen.restMilliseconds`.
    case notifyWhenRested(serial: Int)
    /// Draw a resting view with chafa's symbols on a queue of its own; answered with `.viewRefined`.
    case refineView(RefineRequest)
    /// Ask the hub for a project's gold candidates; answered with `.goldCandidatesLoaded`.
    case loadGoldCandidates(projectID: String)
    /// Send a reviewer's decision to the hub, which checks their role; answered with
    /// `.goldCandidateDecided` or `.failed`.
    case decideGoldCandidate(projectID: String, taskID: String, GoldReviewScreen.Decision, reviewer: String)
    /// Grade a finished attempt, save it with its grade and outbox row, and move the
    /// review cards of its practice answers; answered with `.attemptRecorded`.
    case recordAttempt(AttemptSubmission)
    /// Note that a person opened a lesson (which version), for the hub's training report.
    case recordLessonReading(username: String, courseID: String, lesson: String, variant: Bool)
    /// A practice item answered in review: move its card.
    case recordReview(username: String, courseID: String, item: String, right: Bool)
    /// Read a lesson's picture from its course's files; answered with `.lessonPictureLoaded`.
    case loadLessonPicture(courseID: String, path: String, source: String, cells: Size)
    /// Draw a lesson's picture with chafa into `cells`; answered with `.lessonPictureRefined`.
    case refineLessonPicture(source: String, PixelImage, cells: Size, depth: ColorDepth)
    /// Ask the hub for its published courses and their counts; answered with `.trainerCoursesLoaded`.
    case loadTrainerCourses
    /// Ask the hub for a course's live view; answered with `.trainerCourseLoaded`.
    case loadTrainerCourse(courseID: String)
    /// Send a trainer's mark (0...1) for an item of an attempt to the hub, which checks
    /// their role; answered with `.trainerDone` and the course's view, or `.failed`.
    case markEssay(attemptID: UUID, item: String, mark: Double, trainer: String)
    /// Assign a course at the hub, which checks the person's role; answered like a mark.
    case assignCourse(courseID: String, to: TrainerScreen.Assignee, dueAt: Date?, actor: String)
    /// Ask the hub for the floor (and a lead's action first) over the station's link;
    /// answered with `.leadFloorLoaded`, or `.failed` with the hub's refusal.
    case askLeadFloor(LeadRequest)
    /// Finish outstanding work, send what can be sent, then answer `.finished`.
    case finish
}

/// A finished attempt, before the runner gives it an id and a time.
public struct AttemptSubmission: Equatable, Sendable {
    /// The course as it was answered: graded on this version.
    public var course: Course
    public var username: String
    public var startedAt: Date
    public var responses: [String: AttemptResponse]

    public init(course: Course, username: String, startedAt: Date, responses: [String: AttemptResponse]) {
        self.course = course
        self.username = username
        self.startedAt = startedAt
        self.responses = responses
    }

    /// The attempt as it is saved and sent.
    public func attempt(id: UUID, stationID: String, at now: Date) -> CourseAttempt {
        CourseAttempt(
            id: id, courseID: course.id, courseVersion: course.version, username: username, stationID: stationID, startedAt: startedAt,
            finishedAt: now, responses: responses)
    }
}

/// A labeler's decision on a task, before the runner gives it an id and a time.
public struct Submission: Equatable, Sendable {
    public var decision: TaskScreen.Decision
    public var username: String

    public init(decision: TaskScreen.Decision, username: String) {
        self.decision = decision
        self.username = username
    }

    public var task: LeasedTask { decision.task }

    /// The annotation this submission makes, once the runner has given it an id and a time.
    public func annotation(id: UUID, stationID: String, at now: Date) -> Annotation {
        Annotation(
            id: id, taskID: decision.task.task.id, projectID: decision.task.task.projectID, answer: decision.answer,
            skipReason: decision.skipReason, username: username, stationID: stationID, leaseEpoch: decision.task.epoch,
            createdAt: now, secondsOnTask: decision.secondsOnTask, flag: decision.flag,
            predictionAccepted: decision.predictionAccepted)
    }
}
