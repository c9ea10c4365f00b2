import Curriculum
import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

/// The training report at the hub, on a course four people took, with figures worked
/// by hand (and the intervals by scipy and statsmodels, quoted).
@Suite("The training report")
struct TrainingReportTests {
    static let files: [String: String] = [
        "course.conf": """
            title: Negation
            pass mark: 50%
            attempts: 2
            lesson: lessons/negation.md | lessons/negation-b.md
            quiz: quiz.gift
            remediate label negative: lessons/negation.md

            """,
        "lessons/negation.md": "# Negation\n\n\"Not bad\" is positive.\n",
        "lessons/negation-b.md": "# Negation, told another way\n\nA negated negative word is positive.\n",
        "quiz.gift": """
            ::Not bad:: "It was not bad at all" is {=positive ~negative}

            ::Sarcasm:: Sarcasm can flip a sentence's sentiment. {T}

            ::Mixed:: "Great cast, dull plot" is {~positive ~negative =mixed}

            """,
    ]

    static func course() throws -> Course {
        let read = CourseFolder.read(id: "negation", files: { files[$0].map { Data($0.utf8) } }, practice: Hub.practiceReader)
        return try #require(read.course, "\(read.problems)")
    }

    /// The responses that get a question right (true) or wrong, for q0, q1, q2.
    static func responses(_ right: [Bool]) -> [String: AttemptResponse] {
        [
            "q0": .question(.choice(right[0] ? 0 : 1)), "q1": .question(.truth(right[1])), "q2": .question(.choice(right[2] ? 2 : 0)),
        ]
    }

    static let readAt = monday.addingTimeInterval(100 * 60)

    /// Builds the hub through its API: gold answered before and after each person read
    /// the lesson, readings, attempts and assignments.
    static func builtHub(in directory: TemporaryDirectory) throws -> (Hub, Course) {
        let people = ["ana", "bea", "cy", "dee"]
        let hub = try makeHub(in: directory, labelers: people)
        try hub.setUser(username: "tess", role: .trainer, actor: "admin", now: monday)
        try hub.importGold((0..<12).map { index in
            InterchangeRecord(task: task("g\(index)"), annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "t")])
        }, projectID: "sentiment", actor: "admin", now: monday)
        try hub.setGoldPolicy(GoldPolicy(rate: 0, onboarding: 12, provenRate: 0), projectID: "sentiment", actor: "admin", now: monday)
        let course = try course()
        try hub.publishCourses([course], actor: "tess", now: monday)
        try hub.assignCourse("negation", to: .person("ana"), dueAt: monday.addingTimeInterval(86_400), actor: "tess", now: monday)
        try hub.assignCourse("negation", to: .person("dee"), dueAt: monday.addingTimeInterval(86_400), actor: "tess", now: monday)

        // Gold right (1) or wrong (0), before the reading (minutes before it) and after.
        let before: [String: [Int]] = ["ana": [1, 0, 1, 0], "bea": [0, 0, 1], "cy": [1, 1, 1, 1, 1, 0], "dee": []]
        let after: [String: [Int]] = ["ana": [1, 1, 1, 1, 1], "bea": [1, 0, 1, 1], "cy": [1, 1], "dee": [0, 1]]
        var answers: [Annotation] = []
        var readings: [LessonReading] = []
        for person in people {
            let leases = try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 12, people: [person]), now: monday).leases
                .sorted { Int($0.task.id.dropFirst()) ?? 0 < Int($1.task.id.dropFirst()) ?? 0 }
            let marks = (before[person] ?? []) + (after[person] ?? [])
            let beforeCount = before[person]?.count ?? 0
            for (index, right) in marks.enumerated() {
                let minutes = index < beforeCount ? -Double(beforeCount - index) : Double(index - beforeCount + 1)
                answers.append(work(on: leases[index], labels: [right == 1 ? "positive" : "negative"], username: person, at: readAt.addingTimeInterval(minutes * 60)))
            }
            readings.append(LessonReading(
                id: UUID(), username: person, stationID: "station-1", courseID: "negation", lesson: "lessons/negation.md",
                variant: person == "cy" || person == "dee", at: readAt))
        }
        // Attempts three hours in: q0 q1 q2 right or wrong; bea retries; dee's third is over the two allowed.
        let attempts: [(String, [Bool])] = [
            ("ana", [true, true, false]), ("bea", [true, false, false]), ("bea", [true, true, false]), ("cy", [true, true, true]),
            ("dee", [false, false, false]), ("dee", [false, false, false]), ("dee", [true, true, true]),
        ]
        let sent = attempts.enumerated().map { index, attempt in
            CourseAttempt(
                id: UUID(), courseID: "negation", courseVersion: course.version, username: attempt.0, stationID: "station-1",
                startedAt: monday.addingTimeInterval(Double(3 * 3600 + index * 60)), finishedAt: monday.addingTimeInterval(Double(3 * 3600 + index * 60 + 30)),
                responses: responses(attempt.1))
        }
        _ = try hub.exchange(
            SyncRequest(stationID: "station-1", annotations: answers, cursor: 0, wantedLeases: 0, attempts: sent, lessonReadings: readings),
            now: monday.addingTimeInterval(4 * 3600))
        return (hub, course)
    }

    @Test func whoStandsWhereAndTheAttemptsWithTheirMarks() throws {
        let directory = try TemporaryDirectory()
        let (hub, _) = try Self.builtHub(in: directory)
        // When the report is made two days in (the due dates were after one)
        let report = try hub.trainingReport(courseID: "negation", window: 4, now: monday.addingTimeInterval(2 * 86_400))
        // Then ana passed (2 of 3), bea passed on her retry, cy passed, and dee failed twice and is overdue
        let people = Dictionary(uniqueKeysWithValues: report.status.people.map { ($0.username, $0) })
        #expect(people["ana"]?.state.isPassed == true && people["bea"]?.state.isPassed == true && people["cy"]?.state.isPassed == true)
        #expect(people["dee"]?.state == .outOfAttempts && people["dee"]?.isOverdue == true && people["ana"]?.isOverdue == false)
        #expect(people["bea"]?.assignment == nil && people["bea"]?.attemptsUsed == 2)
        // And seven attempts, dee's third not counted
        #expect(report.attempts.count == 7)
        #expect(report.attempts.filter { !$0.counted }.map(\.attempt.username) == ["dee"])
        #expect(report.attempts.map { Int(($0.share * 3).rounded()) } == [2, 1, 2, 3, 0, 0, 3])
        #expect(report.remediations.isEmpty && report.resets.isEmpty)
    }

    @Test func theItemAnalysisIsMoodlesOnTheHubsMarksOfTheCountedAttempts() throws {
        let directory = try TemporaryDirectory()
        let (hub, _) = try Self.builtHub(in: directory)
        let report = try hub.trainingReport(courseID: "negation", window: 4, now: monday.addingTimeInterval(2 * 86_400))
        let items = try #require(report.items)
        // Then the six counted attempts are the rows, marked 1 or 0, and dee's third is left out
        let table = MarksTable(
            questions: [
                MarksTable.Question(name: "q0", maxMark: 1, randomGuessScore: 0.5), MarksTable.Question(name: "q1", maxMark: 1, randomGuessScore: 0.5),
                MarksTable.Question(name: "q2", maxMark: 1, randomGuessScore: 1.0 / 3.0),
            ],
            attempts: [[1, 1, 0], [1, 0, 0], [1, 1, 0], [1, 1, 1], [0, 0, 0], [0, 0, 0]].enumerated().map { MarksTable.Attempt(id: "\($0.offset)", marks: $0.element) })
        #expect(items.analysis == ItemAnalysis(table))
        #expect(items.leftOut == 1)
        #expect(items.titles == ["q0": "Not bad", "q1": "Sarcasm", "q2": "Mixed"])
        // Facility by hand: q0 4 of 6, q1 3 of 6, q2 1 of 6
        #expect(items.analysis.questions.map { Int((($0.facility ?? 0) * 6).rounded()) } == [4, 3, 1])
        #expect(items.analysis.quiz.attempts == 6)
    }

    @Test func lessonEfficacyFromReadingsAndGoldBeforeAndAfter() throws {
        let directory = try TemporaryDirectory()
        let (hub, _) = try Self.builtHub(in: directory)
        let report = try hub.trainingReport(courseID: "negation", window: 4, now: monday.addingTimeInterval(2 * 86_400))
        #expect(report.goldProjects == ["sentiment"] && report.window == 4)
        let lesson = try #require(report.efficacy.first)
        #expect(report.efficacy.count == 1 && lesson.lesson == "lessons/negation.md")
        // Then with a window of 4: ana 2/4 then 4/4, bea 1/3 then 3/4, cy 3/4 (her last four) then 2/2, dee none then 1/2
        #expect(lesson.readers.map { "\($0.username) \(Int($0.before.credit))/\($0.before.items) \(Int($0.after.credit))/\($0.after.items)" }
            == ["ana 2/4 4/4", "bea 1/3 3/4", "cy 3/4 2/2", "dee 0/0 1/2"])
        // And the change is the mean of +0.5, +0.4167, +0.25 over the three with both sides, with scipy's paired t interval
        #expect(lesson.change.count == 3)
        #expect(abs((lesson.change.mean ?? 0) - 0.3888888888888889) < 1e-12)
        #expect(abs((lesson.change.lower ?? 0) - 0.07267363608915894) < 1e-9 && abs((lesson.change.upper ?? 0) - 0.7051041416886188) < 1e-9)
        // And pooled: 6 of 11 before (Wilson 28.0-78.7%), 10 of 12 after (55.2-95.3%)
        #expect(lesson.before.trials == 11 && lesson.before.successes == 6 && abs(lesson.before.lower - 0.280091537409322) < 1e-9)
        #expect(lesson.after.trials == 12 && lesson.after.successes == 10 && abs(lesson.after.upper - 0.9530348578161462) < 1e-9)
    }

    @Test func theTwoVersionsComparedWithNewcombesInterval() throws {
        let directory = try TemporaryDirectory()
        let (hub, _) = try Self.builtHub(in: directory)
        let report = try hub.trainingReport(courseID: "negation", window: 4, now: monday.addingTimeInterval(2 * 86_400))
        let comparison = try #require(report.variants.first)
        // Then ana and bea read the first version (7 of 8 after), cy and dee the second (3 of 4)
        #expect(comparison.first.file == "lessons/negation.md" && comparison.second.file == "lessons/negation-b.md")
        let counts: [Int] = [comparison.first.readers, comparison.first.items, comparison.second.readers, comparison.second.items]
        #expect(counts == [2, 8, 2, 4])
        #expect(comparison.first.credit == 7 && comparison.second.credit == 3)
        // And the second less the first is -12.5 points, statsmodels' Newcombe interval -58.6 to +27.7
        let difference = try #require(comparison.difference)
        #expect(abs(difference.difference + 0.125) < 1e-12)
        #expect(abs(difference.lower + 0.5859185662328413) < 1e-9 && abs(difference.upper - 0.27677506460430507) < 1e-9)
    }

    @Test func anUnknownCourseOrABadWindowIsASentence() throws {
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        #expect(throws: HubError.refused("there is no published course \"nope\"; none is published yet (labeldesk course publish)")) {
            try hub.trainingReport(courseID: "nope", now: monday)
        }
        #expect(throws: HubError.refused("the efficacy window is a number of gold items, 1 or more, not 0")) {
            try hub.trainingReport(courseID: "nope", window: 0, now: monday)
        }
    }
}
