import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore

/// The app's update and render: routing between screens, the idle lock and sync timing.
///
/// Pure: time arrives in actions, and everything that touches disk or network leaves as
/// an `AppEffect`.
public enum App {
    public static func update(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        switch action {
        case let .input(event, at):
            state.now = at
            state.lastInputAt = at
            switch event {
            case .resize(let size):
                state.size = size
                switch state.screen {
                case .task:
                    return taskAction(.bodyResized(TaskScreen.bodySize(for: size)), &state)
                case let .lesson(lesson, course, shownFile):
                    var lesson = lesson
                    let effects = LessonScreen.update(&lesson, .resized(size))
                    state.screen = .lesson(lesson, course: course, shownFile: shownFile)
                    return effects.flatMap { lessonEffect($0, &state) }
                case let .quiz(quiz, course):
                    var quiz = quiz
                    let effects = QuizScreen.resized(&quiz, to: size)
                    state.screen = .quiz(quiz, course: course)
                    return effects.flatMap { quizEffect($0, &state) }
                case let .review(review, courseID):
                    var review = review
                    let effects = PracticeScreen.resized(&review, to: size)
                    state.screen = .review(review, courseID: courseID)
                    return effects.flatMap { reviewEffect($0, &state) }
                default:
                    break
                }
                return []
            case .key(let key):
                advanceClock(at, &state)
                if var lock = state.lock {
                    let effects = LockScreen.update(&lock, key)
                    state.lock = lock
                    return effects.flatMap { lockEffect($0, &state) }
                }
                return handleKey(key, &state)
            }
        case .tick(let now):
            return tick(now, &state)
        case .logonAnswered(let answer):
            return logonAnswered(answer, &state)
        case .unlockAnswered(let answer):
            return unlockAnswered(answer, &state)
        case .queuesLoaded(let queues):
            if case .task(let task) = state.screen, let queue = queues.first(where: { $0.projectID == task.project.id }) {
                return taskAction(.countsChanged(waiting: queue.waiting, doneToday: queue.doneToday), &state)
            }
            guard case .home(var home) = state.screen else { return [] }
            let effects = HomeScreen.loaded(&home, queues: queues)
            state.screen = .home(home)
            return effects.flatMap { homeEffect($0, &state) }
        case .queueCounted(let queue):
            // One queue's counts after a save or undo: for the task screen only, never a
            // home list (which would shrink to that one queue).
            if case .task(let task) = state.screen, queue.projectID == task.project.id {
                return taskAction(.countsChanged(waiting: queue.waiting, doneToday: queue.doneToday), &state)
            }
            return []
        case let .taskOpened(project, task, waiting, doneToday):
            guard case .home(var home) = state.screen else { return [] }
            guard let keys = try? project.labelKeys() else {
                HomeScreen.failed(&home, message: "Project \(project.id) cannot be opened: its keys clash. Tell an admin.")
                state.screen = .home(home)
                return []
            }
            // The body's size before the first task begins, so a kind lays it out once.
            var screen = TaskScreen.State(project: project, keys: keys, current: task, now: state.now, doneToday: doneToday, waiting: waiting, timeZone: state.timeZone,
                systemHigh: state.settings.systemHigh, bodySize: TaskScreen.bodySize(for: state.size))
            screen.sync = state.sync
            if task == nil { screen.message = "All done: this queue is empty. Press q to go back." }
            let opening = TaskScreen.start(&screen)
            state.screen = .task(screen)
            // Keys typed while the queue opened belong to the task.
            return taskEffects(opening, &state) + home.deferredKeys.flatMap { taskAction(.key($0), &state) }
        case .submitted(let next):
            scheduleSubmissionSync(&state)
            return taskAction(.taskArrived(next, at: state.now), &state)
        case .undone(let task):
            return taskAction(.undone(task, at: state.now), &state)
        case let .viewportLoaded(request, image):
            return kindEvent(.viewportLoaded(request, image), &state) ?? taskAction(.viewportLoaded(request, image), &state)
        case .cursorLocated(let readout):
            return kindEvent(.cursorLocated(readout), &state) ?? taskAction(.cursorLocated(readout), &state)
        case .viewRested(let serial):
            return kindEvent(.viewRested(serial: serial), &state) ?? taskAction(.viewRested(serial: serial), &state)
        case .viewRefined(let view):
            return kindEvent(.viewRefined(view), &state) ?? taskAction(.viewRefined(view), &state)
        case .coursesLoaded(let work):
            coursesLoaded(work, &state)
            return []
        case .attemptRecorded(let result):
            guard case let .quiz(quiz, course) = state.screen else { return [] }
            var updated = quiz
            let effects = QuizScreen.recorded(&updated, result)
            state.screen = .quiz(updated, course: course)
            // The attempt goes to the hub at the next sync: no undo window holds it.
            return effects.flatMap { quizEffect($0, &state) } + startSync(&state, flushAll: false)
        case let .lessonPictureLoaded(source, picture):
            return lessonAction(.pictureLoaded(source: source, picture), &state)
        case let .lessonPictureRefined(source, cells):
            return lessonAction(.pictureRefined(source: source, cells), &state)
        case .trainerCoursesLoaded(let courses):
            return trainerRoute(&state) { TrainerScreen.coursesLoaded(&$0, courses) }
        case .trainerCourseLoaded(let view):
            return trainerRoute(&state) { TrainerScreen.courseLoaded(&$0, view) }
        case .trainerDone(let sentence):
            return trainerRoute(&state) { TrainerScreen.done(&$0, sentence: sentence) }
        case let .leadFloorLoaded(floor, sentence):
            return leadRoute(&state) { LeadScreen.floorLoaded(&$0, floor, sentence: sentence) }
        case let .goldCandidatesLoaded(projectID, labels, candidates):
            guard case .goldReview(var review) = state.screen, review.projectID == projectID else { return [] }
            let effects = GoldReviewScreen.loaded(&review, labels: labels, candidates: candidates)
            state.screen = .goldReview(review)
            return effects.flatMap { goldReviewEffect($0, &state) }
        case let .goldCandidateDecided(taskID, sentence):
            guard case .goldReview(var review) = state.screen else { return [] }
            let effects = GoldReviewScreen.decided(&review, taskID: taskID, sentence: sentence)
            state.screen = .goldReview(review)
            return effects.flatMap { goldReviewEffect($0, &state) }
        case .failed(let message):
            // A password being checked (at the lock or at logon) gets its answer, so the
            // keys typed meanwhile are not held forever.
            if var lock = state.lock, lock.isChecking {
                let effects = LockScreen.refused(&lock, .couldNotCheck)
                state.lock = lock
                return effects.flatMap { lockEffect($0, &state) }
            }
            switch state.screen {
            case .task: return taskAction(.saveFailed(message), &state)
            case .home(var home):
                HomeScreen.failed(&home, message: message)
                state.screen = .home(home)
            case .login(var login):
                let effects = login.isChecking ? LoginScreen.refused(&login, .couldNotCheck) : []
                if !login.isChecking { login.message = message }
                state.screen = .login(login)
                return effects.flatMap { loginEffect($0, &state) }
            case .goldReview(var review):
                GoldReviewScreen.failed(&review, message: message)
                state.screen = .goldReview(review)
            case .trainer(var trainer):
                TrainerScreen.failed(&trainer, message: message)
                state.screen = .trainer(trainer)
            case .lead(var lead):
                LeadScreen.failed(&lead, message: message)
                state.screen = .lead(lead)
            case .courses(var courses):
                courses.message = message
                state.screen = .courses(courses)
            case .course(var course):
                course.message = message
                state.screen = .course(course)
            case let .quiz(quiz, course):
                var updated = quiz
                if updated.phase == .saving { QuizScreen.saveFailed(&updated, message: message) } else { updated.message = message }
                state.screen = .quiz(updated, course: course)
            case let .review(review, courseID):
                var updated = review
                updated.message = message
                state.screen = .review(updated, courseID: courseID)
            case .notice, .lesson: break
            }
            return []
        case let .syncStatusChanged(indicator, finishedSync):
            state.sync = indicator
            if finishedSync { syncFinished(indicator, &state) }
            switch state.screen {
            case .task: _ = taskAction(.syncChanged(indicator), &state)
            case .home(var home):
                home.sync = indicator
                state.screen = .home(home)
            case .courses(var courses):
                courses.sync = indicator
                state.screen = .courses(courses)
            case .course(var course):
                course.sync = indicator
                state.screen = .course(course)
            default: break
            }
            // A sync may have brought tasks or news from the hub: show the new counts.
            if finishedSync, let username = state.session?.account.username { return [.loadQueues(username: username)] }
            return []
        case .stopRequested:
            return state.isQuitting ? [] : quit(&state)
        case .finished:
            state.isRunning = false
            return []
        }
    }

    // MARK: keys

    private static func handleKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard !state.isQuitting else { return [] }
        switch state.screen {
        case .notice(var notice):
            let effects = NoticeScreen.update(&notice, key)
            state.screen = .notice(notice)
            return effects.flatMap { effect -> [AppEffect] in
                switch effect {
                case .acknowledged:
                    state.screen = .login(LoginScreen.State())
                    return []
                case .quit:
                    return quit(&state)
                }
            }
        case .login(var login):
            let effects = LoginScreen.update(&login, key)
            state.screen = .login(login)
            return effects.flatMap { loginEffect($0, &state) }
        case .home(var home):
            let effects = HomeScreen.update(&home, key)
            state.screen = .home(home)
            return effects.flatMap { homeEffect($0, &state) }
        case .task:
            // The key's time reaches the screen first, so time on task counts up to it.
            return taskAction(.tick(state.now), &state) + taskAction(.key(key), &state)
        case .trainer:
            return trainerRoute(&state) { TrainerScreen.update(&$0, key) }
        case .lead:
            return leadRoute(&state) { LeadScreen.update(&$0, key) }
        case .goldReview(var review):
            let effects = GoldReviewScreen.update(&review, key)
            state.screen = .goldReview(review)
            return effects.flatMap { goldReviewEffect($0, &state) }
        case .courses(var courses):
            let effects = CoursesScreen.update(&courses, key)
            state.screen = .courses(courses)
            return effects.flatMap { coursesEffect($0, &state) }
        case .course(var course):
            let effects = CourseScreen.update(&course, key)
            state.screen = .course(course)
            return effects.flatMap { courseEffect($0, &state) }
        case let .lesson(lesson, course, shownFile):
            var updated = lesson
            let effects = LessonScreen.update(&updated, .keyPressed(key))
            state.screen = .lesson(updated, course: course, shownFile: shownFile)
            return effects.flatMap { lessonEffect($0, &state) }
        case let .quiz(quiz, course):
            var updated = quiz
            let effects = QuizScreen.update(&updated, key)
            state.screen = .quiz(updated, course: course)
            return effects.flatMap { quizEffect($0, &state) }
        case let .review(review, courseID):
            var updated = review
            let effects = PracticeScreen.update(&updated, key)
            state.screen = .review(updated, courseID: courseID)
            return effects.flatMap { reviewEffect($0, &state) }
        }
    }

    private static func goldReviewEffect(_ effect: GoldReviewScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard case .goldReview(let review) = state.screen, let session = state.session else { return [] }
        switch effect {
        case let .decide(taskID, decision):
            return [.decideGoldCandidate(projectID: review.projectID, taskID: taskID, decision, reviewer: session.account.username)]
        case .back:
            state.screen = .home(homeState(for: session, state: state))
            return [.loadQueues(username: session.account.username)]
        }
    }

    private static func homeEffect(_ effect: HomeScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard let username = state.session?.account.username else { return [] }
        switch effect {
        case .openQueue(let projectID): return [.openTask(projectID: projectID, username: username)]
        case .openCourses:
            guard case .home(let home) = state.screen, let work = home.coursework else { return [] }
            var courses = CoursesScreen.State(coursework: work, now: state.now, timeZone: state.timeZone)
            courses.sync = state.sync
            state.screen = .courses(courses)
            return []
        case .openReview:
            guard case .home(var home) = state.screen, let work = home.coursework else { return [] }
            guard let first = work.dueReviews(now: state.now).first, let course = work.practiceItem(of: first)?.course, let practice = course.practice else {
                HomeScreen.failed(&home, message: "The practice items due for review are not on this station any more; press r to refresh.")
                state.screen = .home(home)
                return []
            }
            // One course's items at a time: they share its project, so its task screen.
            let items = work.dueReviews(now: state.now).filter { $0.courseID == course.id }.compactMap { work.practiceItem(of: $0)?.item }
            var review = PracticeScreen.State(courseTitle: course.title, project: practice.project, items: items, mode: .review, feedback: course.manifest.feedback, size: state.size)
            let effects = PracticeScreen.start(&review)
            state.screen = .review(review, courseID: course.id)
            return effects.flatMap { reviewEffect($0, &state) }
        case .openTrainer:
            return openTrainer(&state)
        case .openLead:
            return openLead(&state)
        case let .reviewGold(projectID, title, marking):
            state.screen = .goldReview(GoldReviewScreen.State(projectID: projectID, projectTitle: title, projectMarking: marking))
            return [.loadGoldCandidates(projectID: projectID)]
        case .refresh: return startSync(&state, flushAll: false) + [.loadQueues(username: username)]
        case .logOut: return logOut(&state, reason: "logged out")
        case .quit: return quit(&state)
        }
    }

    // MARK: courses

    /// New coursework: every screen that shows it follows, the ones underneath too.
    private static func coursesLoaded(_ work: Coursework, _ state: inout AppState) {
        switch state.screen {
        case .home(var home):
            HomeScreen.coursesLoaded(&home, work)
            state.screen = .home(home)
        case .courses(var courses):
            CoursesScreen.coursesLoaded(&courses, work)
            state.screen = .courses(courses)
        case .course(var course):
            CourseScreen.coursesLoaded(&course, work)
            state.screen = .course(course)
        case let .lesson(lesson, course, shownFile):
            var updated = course
            CourseScreen.coursesLoaded(&updated, work)
            state.screen = .lesson(lesson, course: updated, shownFile: shownFile)
        case let .quiz(quiz, course):
            var updated = course
            CourseScreen.coursesLoaded(&updated, work)
            state.screen = .quiz(quiz, course: updated)
        default:
            break
        }
    }

    /// An answer for the practice part's kind, if a course screen is showing one; nil
    /// otherwise, for the task screen to take.
    private static func kindEvent(_ event: KindEvent, _ state: inout AppState) -> [AppEffect]? {
        switch state.screen {
        case let .quiz(quiz, course):
            var updated = quiz
            let effects = QuizScreen.deliver(event, &updated)
            state.screen = .quiz(updated, course: course)
            return effects.flatMap { quizEffect($0, &state) }
        case let .review(review, courseID):
            var updated = review
            let effects = PracticeScreen.deliver(event, &updated)
            state.screen = .review(updated, courseID: courseID)
            return effects.flatMap { reviewEffect($0, &state) }
        default:
            return nil
        }
    }

    private static func coursesEffect(_ effect: CoursesScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard case .courses(let courses) = state.screen, let session = state.session else { return [] }
        switch effect {
        case .openCourse(let courseID):
            var course = CourseScreen.State(
                coursework: courses.coursework, courseID: courseID, username: session.account.username, now: state.now, timeZone: state.timeZone)
            course.sync = state.sync
            state.screen = .course(course)
            return []
        case .back:
            var home = homeState(for: session, state: state)
            HomeScreen.coursesLoaded(&home, courses.coursework)
            state.screen = .home(home)
            return [.loadQueues(username: session.account.username)]
        }
    }

    private static func courseEffect(_ effect: CourseScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard case .course(let course) = state.screen, let session = state.session else { return [] }
        if effect == .back { return backToCourses(course, &state) }
        guard let entry = course.entry else { return [] }
        let username = session.account.username
        switch effect {
        case .openLesson(let file):
            guard let lesson = entry.course.lessons.first(where: { $0.file == file }) else { return [] }
            let variant = lesson.showsVariant(to: username)
            let shownFile = variant ? lesson.variant?.file ?? lesson.file : lesson.file
            var screen = LessonScreen.State(title: lesson.title, document: MarkdownParser.parse(lesson.markdown(forVariant: variant)), size: state.size)
            let effects = LessonScreen.start(&screen)
            state.screen = .lesson(screen, course: course, shownFile: shownFile)
            return [.recordLessonReading(username: username, courseID: entry.id, lesson: lesson.file, variant: variant)]
                + effects.flatMap { lessonEffect($0, &state) }
        case .startAttempt(let courseID):
            // The rules once more, on the clock the app has: a start is never let through stale.
            guard course.coursework.mayStartAttempt(courseID, now: state.now) else { return [] }
            var quiz = QuizScreen.State(course: entry.course, username: username, now: state.now, timeZone: state.timeZone, size: state.size)
            let effects = QuizScreen.start(&quiz)
            state.screen = .quiz(quiz, course: course)
            return effects.flatMap { quizEffect($0, &state) }
        case .back:
            return backToCourses(course, &state)
        }
    }

    private static func backToCourses(_ course: CourseScreen.State, _ state: inout AppState) -> [AppEffect] {
        var courses = CoursesScreen.State(coursework: course.coursework, now: state.now, timeZone: state.timeZone)
        courses.selected = course.coursework.entries.firstIndex { $0.id == course.courseID } ?? 0
        courses.sync = state.sync
        state.screen = .courses(courses)
        return []
    }

    /// An action for the lesson on screen, if one is; its effects run as the app's.
    private static func lessonAction(_ action: LessonScreen.Action, _ state: inout AppState) -> [AppEffect] {
        guard case let .lesson(lesson, course, shownFile) = state.screen else { return [] }
        var updated = lesson
        let effects = LessonScreen.update(&updated, action)
        state.screen = .lesson(updated, course: course, shownFile: shownFile)
        return effects.flatMap { lessonEffect($0, &state) }
    }

    private static func lessonEffect(_ effect: LessonScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard case let .lesson(_, course, shownFile) = state.screen, let username = state.session?.account.username else { return [] }
        switch effect {
        case .back:
            state.screen = .course(course)
            return [.loadQueues(username: username)]
        case let .loadPicture(source, cells):
            return [.loadLessonPicture(courseID: course.courseID, path: CourseLesson.imagePath(source, inLesson: shownFile), source: source, cells: cells)]
        case let .refinePicture(source, picture, cells, depth):
            return [.refineLessonPicture(source: source, picture, cells: cells, depth: depth)]
        }
    }

    private static func quizEffect(_ effect: QuizScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard case let .quiz(quiz, course) = state.screen, let username = state.session?.account.username else { return [] }
        switch effect {
        case let .handIn(responses, startedAt):
            return [.recordAttempt(AttemptSubmission(course: quiz.course, username: username, startedAt: startedAt, responses: responses))]
        case .back:
            state.screen = .course(course)
            return [.loadQueues(username: username)]
        case .practice(let practice):
            return kindEffect(practice).map { [$0] } ?? []
        }
    }

    private static func reviewEffect(_ effect: PracticeScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard case let .review(_, courseID) = state.screen, let session = state.session else { return [] }
        let username = session.account.username
        switch effect {
        case let .answered(item, _, mark):
            // An answer a trainer must mark moves nothing: it is neither right nor wrong yet.
            guard let mark else { return [] }
            return [.recordReview(username: username, courseID: courseID, item: item, right: PracticeScreen.isRight(mark))]
        case .finished, .leave:
            state.screen = .home(homeState(for: session, state: state))
            return [.loadQueues(username: username)]
        default:
            return kindEffect(effect).map { [$0] } ?? []
        }
    }

    /// A practice kind's request as the effect the runner knows.
    private static func kindEffect(_ effect: PracticeScreen.Effect) -> AppEffect? {
        switch effect {
        case .loadViewport(let request): .loadViewport(request)
        case .locateCursor(let request): .locateCursor(request)
        case .notifyWhenRested(let serial): .notifyWhenRested(serial: serial)
        case .refineView(let request): .refineView(request)
        case .answered, .finished, .leave: nil
        }
    }

    private static func taskAction(_ action: TaskScreen.Action, _ state: inout AppState) -> [AppEffect] {
        guard case .task(var task) = state.screen, state.session != nil else { return [] }
        let effects = TaskScreen.update(&task, action)
        state.screen = .task(task)
        return taskEffects(effects, &state)
    }

    private static func taskEffects(_ effects: [TaskScreen.Effect], _ state: inout AppState) -> [AppEffect] {
        guard case .task(let task) = state.screen, let session = state.session else { return [] }
        let username = session.account.username
        return effects.flatMap { effect -> [AppEffect] in
            switch effect {
            case .save(let decision):
                return [.save(Submission(decision: decision, username: username))]
            case .undo:
                return [.undo(username: username, projectID: task.project.id)]
            case .back:
                state.screen = .home(homeState(for: session, state: state))
                return [.loadQueues(username: username)]
            case .loadViewport(let request): return [.loadViewport(request)]
            case .locateCursor(let request): return [.locateCursor(request)]
            case .notifyWhenRested(let serial): return [.notifyWhenRested(serial: serial)]
            case .refineView(let request): return [.refineView(request)]
            }
        }
    }

    static func homeState(for session: AppState.Session, state: AppState) -> HomeScreen.State {
        var home = HomeScreen.State(displayName: session.account.displayName, previousLogonAt: session.previousLogonAt, timeZone: state.timeZone, now: state.now)
        home.sync = state.sync
        home.reviewsGold = session.account.role.mayReviewGold
        home.trains = session.account.role.mayTeach || session.account.role.mayAssignCourses
        home.leads = session.account.role.mayLead
        return home
    }

    // MARK: logon, lock, session

    private static func logonAnswered(_ answer: LogonAnswer, _ state: inout AppState) -> [AppEffect] {
        guard case .login(var login) = state.screen else { return [] }
        switch answer {
        case let .accepted(account, previous):
            let session = AppState.Session(account: account, previousLogonAt: previous, startedAt: state.now)
            state.session = session
            state.lastInputAt = state.now
            // Keys typed while the password was checked were meant for what comes next:
            // they wait for the queues, then replay on the home screen.
            var home = homeState(for: session, state: state)
            home.deferredKeys = login.deferredKeys
            state.screen = .home(home)
            return [.audit(AuditEvent(kind: .sessionStart, actor: account.username, detail: "session started", at: state.now)),
                    .loadQueues(username: account.username)] + startSync(&state, flushAll: false)
        case .refused(let refusal):
            let effects = LoginScreen.refused(&login, refusal)
            state.screen = .login(login)
            return effects.flatMap { loginEffect($0, &state) }
        }
    }

    private static func unlockAnswered(_ answer: LogonAnswer, _ state: inout AppState) -> [AppEffect] {
        guard var lock = state.lock else { return [] }
        switch answer {
        case .accepted:
            state.lock = nil
            state.lastInputAt = state.now
            return []
        case .refused(let refusal):
            if refusal == .wrongPassword {
                let effects = LockScreen.refused(&lock, refusal)
                state.lock = lock
                return effects.flatMap { lockEffect($0, &state) }
            }
            // The account locked itself: end the session, the login screen says why.
            let effects = logOut(&state, reason: "account locked at the idle lock")
            var login = LoginScreen.State()
            _ = LoginScreen.refused(&login, refusal)
            state.screen = .login(login)
            return effects
        }
    }

    private static func loginEffect(_ effect: LoginScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        switch effect {
        case let .logOn(username, password): [.logOn(username: username, password: password)]
        case .quit: quit(&state)
        }
    }

    private static func lockEffect(_ effect: LockScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        switch effect {
        case let .unlock(username, password): return [.unlock(username: username, password: password)]
        case .logOut: return logOut(&state, reason: "logged out at the idle lock")
        }
    }

    private static func logOut(_ state: inout AppState, reason: String) -> [AppEffect] {
        guard let session = state.session else { return [] }
        state.session = nil
        state.lock = nil
        state.screen = .notice(NoticeScreen.State(notice: state.settings.notice, hint: state.settings.loginHint))
        return [.audit(AuditEvent(kind: .sessionEnd, actor: session.account.username, detail: reason, at: state.now))] + startSync(&state, flushAll: false)
    }

    private static func quit(_ state: inout AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        if let session = state.session {
            effects.append(.audit(AuditEvent(kind: .sessionEnd, actor: session.account.username, detail: "quit", at: state.now)))
        }
        state.isQuitting = true
        return effects + [.finish]
    }

    // MARK: time

    private static func tick(_ now: Date, _ state: inout AppState) -> [AppEffect] {
        state.now = now
        var effects: [AppEffect] = []
        // No ticks reach the task behind the lock: locked time is not time on task.
        if case .task = state.screen, state.lock == nil { effects += taskAction(.tick(now), &state) }
        // The trainer's live view asks the hub again on the app's ticks; not behind the lock.
        if case .trainer = state.screen, state.lock == nil { effects += trainerRoute(&state) { TrainerScreen.ticked(&$0, now) } }
        if case .lead = state.screen, state.lock == nil { effects += leadRoute(&state) { LeadScreen.ticked(&$0, now) } }
        advanceClock(now, &state)
        if let session = state.session, state.lock == nil, !state.isQuitting,
           now.timeIntervalSince(state.lastInputAt) >= TimeInterval(state.settings.idleLockSeconds) {
            state.lock = LockScreen.State(username: session.account.username)
            effects.append(.audit(AuditEvent(kind: .idleLock, actor: session.account.username, detail: "locked after \(state.settings.idleLockSeconds) s without a key", at: now)))
        }
        if state.session != nil, !state.isQuitting, !state.isSyncing, now >= nextSyncDue(state) {
            effects += startSync(&state, flushAll: false)
        }
        return effects
    }

    /// Retry waits and due dates count down on the screens that show them, to the time of
    /// the last tick or key.
    private static func advanceClock(_ now: Date, _ state: inout AppState) {
        switch state.screen {
        case .home(var home):
            HomeScreen.ticked(&home, now)
            state.screen = .home(home)
        case .courses(var courses):
            courses.now = now
            state.screen = .courses(courses)
        case .trainer(var trainer):
            // A due date typed as a time from now counts from the key that sent it.
            trainer.now = now
            state.screen = .trainer(trainer)
        case .course(var course):
            CourseScreen.ticked(&course, now)
            state.screen = .course(course)
        case let .quiz(quiz, course):
            var updated = quiz
            QuizScreen.ticked(&updated, now)
            var page = course
            CourseScreen.ticked(&page, now)
            state.screen = .quiz(updated, course: page)
        case let .lesson(lesson, course, shownFile):
            var page = course
            CourseScreen.ticked(&page, now)
            state.screen = .lesson(lesson, course: page, shownFile: shownFile)
        default:
            break
        }
    }

    /// When the next background sync is due.
    ///
    /// After a failure, the backoff decides, counted from when the failed sync ended (a
    /// timeout can take longer than the first delays). Otherwise the interval, or sooner
    /// when a submission has waited out its undo window.
    static func nextSyncDue(_ state: AppState) -> Date {
        guard let started = state.lastSyncStartedAt else { return state.now }
        if state.syncFailures > 0 {
            let delay = state.syncBackoff.delay(
                afterFailures: state.syncFailures, seed: SyncBackoff.seed(for: state.settings.stationID))
            return (state.lastSyncFinishedAt ?? started).addingTimeInterval(delay)
        }
        let regular = started.addingTimeInterval(TimeInterval(state.settings.syncIntervalSeconds))
        return min(regular, state.submissionSyncDueAt ?? regular)
    }

    private static func startSync(_ state: inout AppState, flushAll: Bool) -> [AppEffect] {
        guard !state.isSyncing else { return [] }
        state.isSyncing = true
        state.lastSyncStartedAt = state.now
        state.submissionSyncDueAt = nil
        return [.sync(flushAll: flushAll)]
    }

    /// A sync ended: count it towards the backoff, and if work is still waiting (it was
    /// inside its undo window), sync again once that window has passed.
    private static func syncFinished(_ indicator: SyncIndicator, _ state: inout AppState) {
        state.isSyncing = false
        state.lastSyncFinishedAt = state.now
        switch indicator.link {
        case .offline, .refused: state.syncFailures += 1
        case .online, .standalone, .bundles: state.syncFailures = 0
        }
        if indicator.pending > 0 { scheduleSubmissionSync(&state) }
    }

    /// Asks for a sync one undo window (and a second, for the clock's rounding) from now,
    /// unless one is already due sooner. A bundle-only station has no hub to send to: its
    /// work waits for `labeldesk bundle export`, and the regular interval still refreshes
    /// its status.
    private static func scheduleSubmissionSync(_ state: inout AppState) {
        guard state.submissionSyncDueAt == nil, state.sync.link != .bundles else { return }
        state.submissionSyncDueAt = state.now.addingTimeInterval(TimeInterval(state.settings.undoWindowSeconds + 1))
    }

    // MARK: render

    /// Draws the whole terminal for this state. Pure.
    public static func render(_ state: AppState, into buffer: inout Buffer) {
        if let lock = state.lock {
            LockScreen.render(lock, into: &buffer)
            return
        }
        switch state.screen {
        case .notice(let notice): NoticeScreen.render(notice, into: &buffer)
        case .login(let login): LoginScreen.render(login, into: &buffer)
        case .home(let home): HomeScreen.render(home, into: &buffer)
        case .task(let task): TaskScreen.render(task, into: &buffer)
        case .goldReview(let review): GoldReviewScreen.render(review, into: &buffer)
        case .trainer(let trainer): TrainerScreen.render(trainer, into: &buffer)
        case .lead(let lead): LeadScreen.render(lead, into: &buffer)
        case .courses(let courses): CoursesScreen.render(courses, into: &buffer)
        case .course(let course): CourseScreen.render(course, into: &buffer)
        case .lesson(let lesson, _, _): LessonScreen.render(lesson, into: &buffer)
        case .quiz(let quiz, _): QuizScreen.render(quiz, into: &buffer)
        case .review(let review, _): PracticeScreen.render(review, into: &buffer)
        }
    }
}
