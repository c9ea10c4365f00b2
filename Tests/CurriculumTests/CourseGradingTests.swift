import Curriculum
import Domain
import Foundation
import Testing

@Suite("Grading attempts and the course rules")
struct CourseGradingTests {
    static let project = Project(id: "practice", title: "Practice", labels: [LabelChoice(name: "positive"), LabelChoice(name: "negative")], leaseSeconds: 60)

    static func course(passMark: Double = 0.8, attempts: Int? = 2, retryWait: Int = 600, prerequisites: [String] = []) throws -> Course {
        let quiz = try CourseQuiz(file: "quiz.gift", source: """
            ::Enter:: Which key submits? {=Enter ~Tab ~%-50%Escape}

            ::Both:: Which two keys move by word? {~%50%w ~%50%b ~%-100%q}

            ::Why:: Say why gold is secret. {}
            """)
        let items = [
            PracticeItem(task: LabelTask(id: "p1", projectID: "practice", text: "A joy.", marking: .unclassified), key: .labels(["positive"]), explanation: "Joy."),
            PracticeItem(task: LabelTask(id: "p2", projectID: "practice", text: "Dull.", marking: .unclassified), key: .labels(["negative"]), explanation: "Dull."),
        ]
        let manifest = CourseManifest(
            id: "basics", title: "Basics", prerequisites: prerequisites, passMark: passMark, attemptsAllowed: attempts, retryWaitSeconds: retryWait,
            qualifies: ["sentiment"], quiz: "quiz.gift")
        return Course(manifest: manifest, lessons: [], quiz: quiz, practice: CoursePractice(project: project, items: items), package: CoursePackage(id: "basics", files: [:]))
    }

    @Test func quizQuestionsAreMarkedAsMoodleDoesAndPracticeByTheGoldScorers() throws {
        let course = try Self.course()
        #expect(course.assessment.map(\.key) == ["q0", "q1", "q2", "p:p1", "p:p2"])
        let grade = CourseGrading.grade([
            "q0": .question(.choice(2)),            // Escape: -0.5
            "q1": .question(.choices([0, 1])),      // both right: 1
            "q2": .question(.text("So nobody learns the key.")),
            "p:p1": .practice(.labels(["positive"])),
            // p2 left unanswered: 0 of 1
        ], in: course)
        #expect(grade.items["q0"] == .marked(-0.5))
        #expect(grade.items["q1"] == .marked(1))
        #expect(grade.items["q2"] == .awaitingTrainer)
        #expect(grade.items["p:p1"] == .marked(1))
        #expect(grade.items["p:p2"] == .unanswered)
        #expect(grade.marks == 1.5)
        #expect(grade.outOf == 4)
        #expect(!grade.passes(0.3), "an essay not yet marked keeps the attempt from passing")

        let marked = CourseGrading.grade(["q1": .question(.choices([0, 1])), "q2": .question(.text("x")), "p:p1": .practice(.labels(["positive"])), "p:p2": .practice(.labels(["negative"])), "q0": .question(.choice(0))], in: course, trainerMarks: ["q2": 0.5])
        #expect(marked.share == 4.5 / 5)
        #expect(marked.passes(0.8))
        #expect(!marked.awaitingTrainer)
    }

    @Test func aResponseOfTheWrongShapeEarnsNothing() throws {
        let course = try Self.course()
        let grade = CourseGrading.grade(["q0": .practice(.labels(["positive"])), "p:p1": .question(.choice(0))], in: course)
        #expect(grade.items["q0"] == .marked(0))
        #expect(grade.items["p:p1"] == .marked(0))
    }

    @Test func attemptsRetryWaitsPrerequisitesAndRetestsFollowTheManifest() throws {
        let manifest = try Self.course(prerequisites: ["intro"]).manifest
        let start = Date(timeIntervalSince1970: 1_000_000)
        func failed(_ minutes: Double) -> AttemptRecord { AttemptRecord(id: UUID(), finishedAt: start.addingTimeInterval(minutes * 60), share: 0.5, passed: false) }
        func state(_ attempts: [AttemptRecord], at minutes: Double, passed: Set<String> = ["intro"], assignment: CourseAssignment? = nil) -> CourseState {
            CourseProgress.state(of: manifest, attempts: attempts, assignment: assignment, passedCourses: passed, now: start.addingTimeInterval(minutes * 60))
        }
        #expect(state([], at: 0, passed: []) == .locked(behind: ["intro"]))
        #expect(state([], at: 0) == .open)
        #expect(state([failed(0)], at: 5) == .waiting(until: start.addingTimeInterval(600)))
        #expect(state([failed(0)], at: 10) == .open)
        #expect(state([failed(0), failed(20)], at: 100) == .outOfAttempts)
        let pass = AttemptRecord(id: UUID(), finishedAt: start.addingTimeInterval(1800), share: 0.9, passed: true)
        #expect(state([failed(0), pass], at: 40) == .passed(at: pass.finishedAt))
        #expect(state([failed(0), AttemptRecord(id: UUID(), finishedAt: start.addingTimeInterval(60), share: 0, passed: false, awaitingTrainer: true)], at: 40) == .awaitingTrainer)

        // A remedial assignment made after the pass asks for a retest: earlier attempts no longer count.
        let remedial = CourseAssignment(reason: .remediation(projectID: "sentiment", trigger: "negative", lesson: "lessons/02.md"), assignedAt: start.addingTimeInterval(3600))
        #expect(state([failed(0), pass], at: 70, assignment: remedial) == .open)
        #expect(state([failed(0), pass, failed(61)], at: 65, assignment: remedial) == .waiting(until: start.addingTimeInterval(61 * 60 + 600)))
        #expect(CourseProgress.isOverdue(CourseAssignment(reason: .assigned(by: "tom", cohort: nil), assignedAt: start, dueAt: start), state: .open, now: start.addingTimeInterval(1)))
        #expect(!CourseProgress.isOverdue(CourseAssignment(reason: .assigned(by: "tom", cohort: nil), assignedAt: start, dueAt: start), state: .passed(at: start), now: start.addingTimeInterval(1)))
    }

    @Test func aQueueNeedsEveryCourseThatQualifiesForIt() throws {
        let basics = try Self.course().manifest
        let other = CourseManifest(id: "advanced", title: "Advanced", qualifies: ["sentiment", "topics"])
        #expect(CourseProgress.coursesNeeded(for: "sentiment", courses: [basics, other], passedCourses: []) == ["advanced", "basics"])
        #expect(CourseProgress.coursesNeeded(for: "sentiment", courses: [basics, other], passedCourses: ["basics"]) == ["advanced"])
        #expect(CourseProgress.coursesNeeded(for: "geo", courses: [basics, other], passedCourses: []) == [])
        let passed = CourseProgress.passedCourses(["basics": [AttemptRecord(id: UUID(), finishedAt: Date(), share: 1, passed: true)], "advanced": []])
        #expect(passed == ["basics"])
    }
}
