import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore

/// A small course with every GIFT kind, two lessons (one in two versions) and practice
/// on a sentiment project, built from files as a station reads a package.
enum CourseFixture {
    static let quizSource = """
        // The quiz of the sentiment course: one question of each GIFT kind.
        Read each question, answer it, then press Enter.

        ::Polarity::A review that says "not bad at all" is {
          =positive#Right: "not" flips "bad".
          ~negative#Not quite: "not" flips the word after it.
          ~neutral#It takes a side.
        }

        ::Skip reasons::Which are good reasons to skip a task? {
          ~%50%The text is not in the project's language#Yes.
          ~%50%The task is marked above this station#Yes: report it too.
          ~%-100%It is long#No: long tasks are work too.
        }

        ::Flags::A flag goes to the shift lead with the task. {T#Right.#It does: the lead reads every note.####Flags are for the lead.}

        ::Submit key::Which key hands in the label you chose? {=Enter =return#Either name works.}

        ::Labels::How many labels does the sentiment project have? {#2:0}

        ::Keys::Match each key to what it does. {
          =s -> skip the task
          =f -> flag the task
          =u -> undo the last submission
        }

        ::Missing word::Press {~q =Enter ~Tab} to hand in the label you chose.

        ::Essay::Describe a review you found hard to label, and why. {}
        """

    static let sentimentPractice = Project(
        id: "sentiment-practice", title: "Sentiment practice",
        labels: [LabelChoice(name: "negative", mnemonic: "n"), LabelChoice(name: "positive", mnemonic: "p")],
        instructions: "Is the reviewer's opinion of the film negative or positive?")

    static let practiceItems = [
        PracticeItem(
            task: LabelTask(id: "p1", projectID: "sentiment-practice", text: "a gripping , funny and moving film .", marking: .unclassified),
            key: .labels(["positive"]), explanation: "Every word praises the film."),
        PracticeItem(
            task: LabelTask(id: "p2", projectID: "sentiment-practice", text: "it never finds its footing .", marking: .unclassified),
            key: .labels(["negative"]), explanation: "\"Never finds its footing\" says the film fails."),
    ]

    static let lessonOne = """
        # What sentiment is

        A review's **sentiment** is the reviewer's opinion of the film: *negative* or *positive*.

        ![The keys n and p](keys.png)

        Press `n` or `p`, then Enter.
        """

    static let lessonTwo = "# Negation\n\n\"Not bad\" is praise: *not* flips the word after it.\n"
    static let lessonTwoB = "# Negation\n\nWatch for *not*, *never* and *no*: each flips what follows.\n"

    static func course(feedback: CourseManifest.Feedback = .afterEachQuestion, attempts: Int? = 3, retryWait: Int = 10, quiz: Bool = true, practice: Bool = true) throws -> Course {
        var manifest = CourseManifest(
            id: "sentiment", title: "Sentiment labeling", prerequisites: [], passMark: 0.8, attemptsAllowed: attempts,
            retryWaitSeconds: retryWait, qualifies: ["reviews"],
            lessons: [.init(file: "lessons/01.md", line: 8), .init(file: "lessons/02.md", variant: "lessons/02-b.md", line: 9)],
            quiz: quiz ? "quiz.gift" : nil, feedback: feedback)
        manifest.lines = [:]
        let lessons = [
            CourseLesson(file: "lessons/01.md", title: "What sentiment is", markdown: lessonOne),
            CourseLesson(file: "lessons/02.md", title: "Negation", markdown: lessonTwo, variant: .init(file: "lessons/02-b.md", markdown: lessonTwoB)),
        ]
        let files: [String: Data] = ["course.conf": Data("title: Sentiment labeling\n".utf8), "quiz.gift": Data(quizSource.utf8)]
        return Course(
            manifest: manifest, lessons: lessons, quiz: quiz ? try CourseQuiz(file: "quiz.gift", source: quizSource) : nil,
            practice: practice ? CoursePractice(project: sentimentPractice, items: practiceItems) : nil,
            package: CoursePackage(id: "sentiment", files: files))
    }

    static func basics() throws -> Course {
        let manifest = CourseManifest(id: "basics", title: "LabelDesk basics", lessons: [.init(file: "lessons/01.md", line: 2)])
        return Course(
            manifest: manifest, lessons: [CourseLesson(file: "lessons/01.md", title: "The keys of LabelDesk", markdown: "# The keys of LabelDesk\n")],
            quiz: nil, practice: nil, package: CoursePackage(id: "basics", files: [:]))
    }

    static func record(_ minutes: Double, share: Double, passed: Bool) -> AttemptRecord {
        AttemptRecord(id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", Int(minutes * 100)))!, finishedAt: Fixture.start.addingTimeInterval(minutes * 60), share: share, passed: passed)
    }

    /// Ana's courses: sentiment failed once a minute ago (a wait of 10 minutes), basics assigned.
    static func coursework(retryWait: Int = 600, attempts: [AttemptRecord]? = nil) throws -> Coursework {
        let sentiment = try course(retryWait: retryWait)
        let assignment = CourseAssignment(reason: .assigned(by: "tess", cohort: "night shift"), assignedAt: Fixture.start.addingTimeInterval(-86_400), dueAt: Fixture.start.addingTimeInterval(2 * 86_400))
        return Coursework(
            username: "ana", role: .labeler, courses: [sentiment, try basics()],
            standings: [
                CourseStanding(username: "ana", courseID: "sentiment", attempts: attempts ?? [record(-1, share: 0.4, passed: false)]),
                CourseStanding(username: "ana", courseID: "basics", assignment: assignment),
            ],
            local: [], hubLocks: [QueuePause(username: "ana", projectID: "reviews", courses: ["sentiment"])], lessonsRead: ["sentiment": ["lessons/01.md"]],
            reviews: [Coursework.Review(courseID: "sentiment", item: "p:p2", due: Fixture.start.addingTimeInterval(-30))])
    }
}
