import Curriculum
import Domain
import Testing

@Suite("course.conf")
struct CourseManifestTests {
    static let full = """
        # The sentiment course.
        title: Sentiment labeling
        audience: labeler, lead
        prerequisites: labeldesk-basics
        pass mark: 75%
        attempts: 3
        retry wait: 10m
        qualifies: sentiment, reviews
        lesson: lessons/01-what.md
        lesson: lessons/02-negation.md | lessons/02-negation-b.md
        quiz: quiz.gift
        feedback: at the end
        practice: practice/project.json practice/tasks.jsonl
        remediate label negative: lessons/02-negation.md
        remediate error missed: lessons/01-what.md
        """

    @Test func everySettingIsRead() throws {
        let parsed = CourseManifest.parse(Self.full, id: "sentiment", file: "sentiment/course.conf")
        #expect(parsed.problems == [])
        let manifest = try #require(parsed.manifest)
        #expect(manifest.title == "Sentiment labeling")
        #expect(manifest.audience == [.labeler, .lead])
        #expect(manifest.prerequisites == ["labeldesk-basics"])
        #expect(manifest.passMark == 0.75)
        #expect(manifest.attemptsAllowed == 3)
        #expect(manifest.retryWaitSeconds == 600)
        #expect(manifest.qualifies == ["sentiment", "reviews"])
        #expect(manifest.lessons == [
            .init(file: "lessons/01-what.md", line: 9),
            .init(file: "lessons/02-negation.md", variant: "lessons/02-negation-b.md", line: 10),
        ])
        #expect(manifest.quiz == "quiz.gift")
        #expect(manifest.feedback == .atTheEnd)
        #expect(manifest.practice == .init(project: "practice/project.json", tasks: "practice/tasks.jsonl", line: 13))
        #expect(manifest.remediation == [
            .init(trigger: .label("negative"), lesson: "lessons/02-negation.md", line: 14),
            .init(trigger: .errorClass(.missed), lesson: "lessons/01-what.md", line: 15),
        ])
        #expect(manifest.lines["quiz"] == 11)
        #expect(manifest.namedFiles == [
            "lessons/01-what.md", "lessons/02-negation.md", "lessons/02-negation-b.md", "quiz.gift", "practice/project.json", "practice/tasks.jsonl",
        ])
    }

    @Test func defaultsAreALabelersCourseAtEightyPercentWithAnyNumberOfAttempts() throws {
        let manifest = try #require(CourseManifest.parse("title: T\nlesson: a.md\n", id: "t", file: "t/course.conf").manifest)
        #expect(manifest.audience == [.labeler])
        #expect(manifest.passMark == 0.8)
        #expect(manifest.attemptsAllowed == nil)
        #expect(manifest.retryWaitSeconds == 0)
        #expect(manifest.feedback == .afterEachQuestion)
    }

    @Test func everyProblemIsNamedByItsLine() {
        let text = """
            title: Broken
            audience: labeler, wizard
            pass mark: lots
            attempts: 0
            retry wait: soon
            lesson: a.md | b.md | c.md
            this line has no colon
            colour: blue
            remediate error sloppy: a.md
            remediate label negative: nowhere.md
            title: Again
            feedback: sometimes
            prerequisites: broken
            """
        let parsed = CourseManifest.parse(text, id: "broken", file: "broken/course.conf")
        #expect(parsed.manifest == nil)
        let lines = parsed.problems.map(\.line)
        // Line by line as read, then what only the whole file shows (no lessons at all;
        // a remediation naming a lesson the course lacks, which fails two checks).
        #expect(lines == [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 1, 10, 10])
        #expect(parsed.problems[0].description == "broken/course.conf:2: \"wizard\" is not a role; the audience is one or more of labeler, trainer, lead, admin")
        #expect(parsed.problems[8].problem == "\"title\" is already given on line 1; give it once")
        #expect(parsed.problems.contains { $0.problem.contains("\"nowhere.md\" is not one of the course's lessons") })
    }

    @Test func aFolderNameThatCannotBeAnIDIsNamed() {
        let parsed = CourseManifest.parse("title: T\nlesson: a.md\n", id: "My Course", file: "My Course/course.conf")
        #expect(parsed.manifest == nil)
        #expect(parsed.problems.map(\.line) == [nil])
    }

    @Test func marksAndTimesAreReadAsPeopleWriteThem() {
        #expect(CourseManifest.duration("90s") == 90)
        #expect(CourseManifest.duration("2h") == 7200)
        #expect(CourseManifest.duration("1d") == 86400)
        #expect(CourseManifest.duration("45") == 45)
        #expect(CourseManifest.duration("-5m") == nil)
        #expect(CourseManifest.duration("5 weeks") == nil)
        let marks = ["pass mark: 80%", "pass mark: 80", "pass mark: 0.8"].map {
            CourseManifest.parse("title: T\nlesson: a.md\n\($0)", id: "t", file: "f").manifest?.passMark
        }
        #expect(marks == [0.8, 0.8, 0.8])
        #expect(CourseManifest.parse("title: T\nlesson: a.md\npass mark: 120%", id: "t", file: "f").manifest == nil)
    }
}
