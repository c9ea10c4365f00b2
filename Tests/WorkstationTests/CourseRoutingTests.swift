import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import Testing
@testable import Workstation

/// The routes of a course: home to the list, the list to a course, a course to its
/// lessons and its quiz, the quiz's hand-in to the runner and its mark back, the review
/// from home; with no disk or terminal.
@Suite struct CourseRoutingTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let account = Account(username: "ana", displayName: "Ana Labeler", role: .labeler)

    func course(retryWait: Int = 10) throws -> Course {
        let quiz = "::Flags::A flag goes to the lead. {T}\n\n::Key::Which key hands in? {=Enter ~q}\n"
        let manifest = CourseManifest(
            id: "sentiment", title: "Sentiment labeling", passMark: 1, attemptsAllowed: 3, retryWaitSeconds: retryWait, qualifies: ["reviews"],
            lessons: [.init(file: "lessons/01.md", variant: "lessons/01-b.md", line: 1)], quiz: "quiz.gift", feedback: .none)
        let practice = CoursePractice(
            project: Project(id: "p", title: "Practice", labels: [LabelChoice(name: "negative", mnemonic: "n"), LabelChoice(name: "positive", mnemonic: "p")]),
            items: [PracticeItem(task: LabelTask(id: "p1", projectID: "p", text: "dull .", marking: .unclassified), key: .labels(["negative"]), explanation: "Dull is a complaint.")])
        return Course(
            manifest: manifest,
            lessons: [CourseLesson(file: "lessons/01.md", title: "Sentiment", markdown: "# Sentiment\n\n![keys](keys.png)\n", variant: .init(file: "lessons/01-b.md", markdown: "# Sentiment, told again\n\n![keys](keys.png)\n"))],
            quiz: try CourseQuiz(file: "quiz.gift", source: quiz), practice: practice, package: CoursePackage(id: "sentiment", files: [:]))
    }

    func coursework(_ attempts: [AttemptRecord] = [], reviews: [Coursework.Review] = []) throws -> Coursework {
        Coursework(
            username: "ana", role: .labeler, courses: [try course()],
            standings: [CourseStanding(username: "ana", courseID: "sentiment", attempts: attempts)], local: [],
            hubLocks: [QueuePause(username: "ana", projectID: "reviews", courses: ["sentiment"])], reviews: reviews)
    }

    func loggedIn() throws -> AppState {
        var state = AppState(
            settings: WorkspaceSettings(systemHigh: .secret, idleLockSeconds: 900, syncIntervalSeconds: 30), size: Size(width: 80, height: 24), now: start,
            timeZone: TimeZone(identifier: "UTC")!, link: .standalone)
        _ = App.update(&state, .input(.key(.enter), at: start))
        _ = App.update(&state, .logonAnswered(.accepted(account, previousLogonAt: nil)))
        _ = App.update(&state, .syncStatusChanged(SyncIndicator(link: .standalone), finishedSync: true))
        _ = App.update(&state, .coursesLoaded(try coursework()))
        _ = App.update(&state, .queuesLoaded([HomeScreen.Queue(projectID: "reviews", title: "Film reviews", marking: .unclassified, waiting: 10, doneToday: 0, lockedBehind: ["sentiment"])]))
        return state
    }

    func key(_ key: Key, _ state: inout AppState, at offset: TimeInterval = 1) -> [AppEffect] {
        App.update(&state, .input(.key(key), at: start.addingTimeInterval(offset)))
    }

    @Test func aLockedQueueSendsThePersonToTheCourseWhoseLessonAndQuizOpenFromItsPage() throws {
        var state = try loggedIn()
        // Enter on the locked queue opens nothing
        #expect(key(.enter, &state).isEmpty)
        guard case .home(let home) = state.screen else { Issue.record("left home"); return }
        #expect(home.message == "Locked: pass \"Sentiment labeling\" first. Press c for your courses.")

        // c opens the list, Enter the course
        #expect(key(.character("c"), &state).isEmpty)
        guard case .courses = state.screen else { Issue.record("c did not open the courses"); return }
        #expect(key(.enter, &state).isEmpty)
        guard case .course = state.screen else { Issue.record("Enter did not open the course"); return }

        // Enter on the lesson opens the version this person is shown, records the reading
        // and asks for its picture beside that version's file
        let lesson = try course().lessons[0]
        let variant = lesson.showsVariant(to: "ana")
        let effects = key(.enter, &state)
        #expect(effects == [
            .recordLessonReading(username: "ana", courseID: "sentiment", lesson: "lessons/01.md", variant: variant),
            .loadLessonPicture(courseID: "sentiment", path: "lessons/keys.png", source: "keys.png", cells: Size(width: 78, height: 17)),
        ])
        guard case let .lesson(screen, _, shownFile) = state.screen else { Issue.record("no lesson"); return }
        #expect(shownFile == (variant ? "lessons/01-b.md" : "lessons/01.md"))
        #expect(screen.document.title == (variant ? "Sentiment, told again" : "Sentiment"))
        // Its picture arrives and is placed
        _ = App.update(&state, .lessonPictureLoaded(source: "keys.png", PixelImage(width: 40, height: 20)))
        guard case let .lesson(withPicture, _, _) = state.screen else { Issue.record("no lesson"); return }
        #expect(withPicture.places.count == 1)
        // q goes back to the course, which reloads
        #expect(key(.character("q"), &state) == [.loadQueues(username: "ana")])
        guard case .course = state.screen else { Issue.record("q did not go back to the course"); return }

        // s starts the quiz: two questions, then the practice, then the hand-in
        #expect(key(.character("s"), &state).isEmpty)
        guard case .quiz = state.screen else { Issue.record("s did not start the quiz"); return }
        _ = key(.character("t"), &state)
        _ = key(.enter, &state)
        _ = key(.character("b"), &state)
        _ = key(.enter, &state)
        _ = key(.character("n"), &state)
        let handIn = key(.enter, &state, at: 30)
        guard case .recordAttempt(let submission)? = handIn.first else { Issue.record("no hand-in: \(handIn)"); return }
        #expect(submission.username == "ana" && submission.course.id == "sentiment")
        #expect(submission.startedAt == start.addingTimeInterval(1))
        #expect(submission.responses == ["q0": .question(.truth(true)), "q1": .question(.choice(1)), "p:p1": .practice(.labels(["negative"]))])

        // The mark comes back: the page shows it and a sync is asked for at once
        let record = AttemptRecord(id: UUID(), finishedAt: start.addingTimeInterval(30), share: 2.0 / 3, passed: false)
        let grade = CourseGrading.grade(submission.responses, in: submission.course)
        let recorded = App.update(&state, .attemptRecorded(QuizScreen.AttemptResult(record: record, grade: grade, state: .waiting(until: start.addingTimeInterval(40)))))
        #expect(recorded == [.sync(flushAll: false)])
        var buffer = Buffer(size: state.size)
        App.render(state, into: &buffer)
        #expect(buffer.text.contains("Not passed"))
        // Enter goes back to the course page, which reloads; the new attempt arrives and the start is refused
        #expect(key(.enter, &state, at: 31) == [.loadQueues(username: "ana")])
        _ = App.update(&state, .coursesLoaded(try coursework([record])))
        #expect(key(.character("s"), &state, at: 32).isEmpty)
        guard case .course(let page) = state.screen else { Issue.record("not on the course"); return }
        #expect(page.message == "You can try again at 11:07:20, in 00:08: read the lessons meanwhile.")
        // Ticks run the wait down; once it is over, s starts again
        _ = App.update(&state, .tick(start.addingTimeInterval(40)))
        #expect(key(.character("s"), &state, at: 40).isEmpty)
        guard case .quiz = state.screen else { Issue.record("the start stayed refused after the wait"); return }
    }

    @Test func theReviewOpensFromHomeAndEachAnswerMovesItsCard() throws {
        var state = try loggedIn()
        _ = App.update(&state, .coursesLoaded(try coursework(reviews: [Coursework.Review(courseID: "sentiment", item: "p:p1", due: start)])))
        #expect(key(.character("v"), &state).isEmpty)
        guard case .review(_, let courseID) = state.screen else { Issue.record("v did not open the review"); return }
        #expect(courseID == "sentiment")
        _ = key(.character("p"), &state)
        #expect(key(.enter, &state) == [.recordReview(username: "ana", courseID: "sentiment", item: "p:p1", right: false)])
        // The course gives no feedback, so only the mark shows; Enter ends the review
        #expect(key(.enter, &state) == [.loadQueues(username: "ana")])
        guard case .home = state.screen else { Issue.record("the review did not end at home"); return }
    }

    @Test func aFailedSaveOfAnAttemptKeepsItOnScreen() throws {
        var state = try loggedIn()
        _ = key(.character("c"), &state)
        _ = key(.enter, &state)
        _ = key(.character("s"), &state)
        _ = key(.character("t"), &state)
        _ = key(.enter, &state)
        _ = key(.escape, &state)
        let effects = key(.character("y"), &state)
        guard case .recordAttempt? = effects.first else { Issue.record("no hand-in: \(effects)"); return }
        _ = App.update(&state, .failed("This station's database did not answer."))
        guard case let .quiz(quiz, _) = state.screen else { Issue.record("left the quiz"); return }
        #expect(quiz.message?.hasPrefix("This station's database did not answer.") == true)
    }
}
