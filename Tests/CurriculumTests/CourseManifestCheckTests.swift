import Curriculum
import Domain
import Foundation
import Testing

/// `course.conf` as trainers write it: every setting read, every mistake named by line.
@Suite("course.conf: every check")
struct CourseManifestCheckTests {
    private func parse(_ text: String, id: String = "sentiment") -> (manifest: CourseManifest?, problems: [String]) {
        let parsed = CourseManifest.parse(text, id: id, file: "\(id)/course.conf")
        return (parsed.manifest, parsed.problems.map(\.description))
    }

    @Test func everySettingIsReadWithTheLineItIsOn() throws {
        // Given a manifest with every setting, comments and blank lines among them
        let text = """
            # Sentiment labeling
            title: Sentiment labeling
            audience: labeler, lead
            prerequisites: labeldesk-basics

            pass mark: 75%
            attempts: 3
            retry wait: 10m
            qualifies: sentiment, sentiment-2
            lesson: lessons/01.md
            lesson: lessons/02.md | lessons/02-b.md
            quiz: quiz.gift
            feedback: at the end
            practice: practice/project.json practice/tasks.jsonl
            remediate label Negative: lessons/02.md
            remediate error Wrong Label: lessons/01.md
            """
        // When parsed
        let (manifest, problems) = parse(text)
        // Then nothing is wrong and each setting holds what was written
        #expect(problems.isEmpty)
        let read = try #require(manifest)
        #expect(read.title == "Sentiment labeling")
        #expect(read.audience == [.labeler, .lead])
        #expect(read.prerequisites == ["labeldesk-basics"])
        #expect(read.passMark == 0.75)
        #expect(read.attemptsAllowed == 3)
        #expect(read.retryWaitSeconds == 600)
        #expect(read.qualifies == ["sentiment", "sentiment-2"])
        #expect(read.lessons == [
            CourseManifest.LessonEntry(file: "lessons/01.md", line: 10),
            CourseManifest.LessonEntry(file: "lessons/02.md", variant: "lessons/02-b.md", line: 11),
        ])
        #expect(read.quiz == "quiz.gift" && read.feedback == .atTheEnd)
        #expect(read.practice == CourseManifest.PracticeEntry(project: "practice/project.json", tasks: "practice/tasks.jsonl", line: 14))
        // And a remediated label keeps its case, while the words around it and error classes are read in any case
        #expect(read.remediation == [
            CourseManifest.Remediation(trigger: .label("Negative"), lesson: "lessons/02.md", line: 15),
            CourseManifest.Remediation(trigger: .errorClass(.wrongLabel), lesson: "lessons/01.md", line: 16),
        ])
        #expect(read.lines["quiz"] == 12 && read.lines["qualifies"] == 9)
        #expect(read.hasAssessment)
    }

    @Test func emptyAndRepeatedListsAreNamedByLine() {
        // Given lists that name nothing, or one thing twice
        let (manifest, problems) = parse("""
            title: T
            qualifies:
            prerequisites: basics, basics
            quiz: quiz.gift
            """)
        // Then each is a problem on its own line, and no manifest is given
        #expect(manifest == nil)
        #expect(problems == [
            "sentiment/course.conf:2: qualifies names no project; name the projects whose queues open once the course is passed, like \"qualifies: sentiment\", or take the line out",
            "sentiment/course.conf:3: the prerequisite \"basics\" is named twice; name it once",
        ])
        #expect(parse("title: T\nquiz: q.gift\nqualifies: a, b, a\nprerequisites:").problems == [
            "sentiment/course.conf:3: the project \"a\" is named twice; name it once",
            "sentiment/course.conf:4: the prerequisites line names no course; name the course folders to pass first, like \"prerequisites: labeldesk-basics\", or take the line out",
        ])
    }

    @Test func aLessonFileNamedTwiceIsRefusedWithTheEarlierLine() {
        let problems = parse("""
            title: T
            lesson: lessons/01.md
            lesson: lessons/02.md | lessons/01.md
            lesson: lessons/03.md | lessons/03.md
            quiz: quiz.gift
            """).problems
        #expect(problems == [
            "sentiment/course.conf:3: \"lessons/01.md\" is already a lesson on line 2; each lesson file is named once",
            "sentiment/course.conf:4: a lesson's two versions are the same file \"lessons/03.md\"; name a second file, or give the lesson one",
        ])
    }

    @Test func aLabelOrErrorClassRemediatedTwiceIsRefused() {
        let problems = parse("""
            title: T
            lesson: a.md
            lesson: b.md
            quiz: quiz.gift
            remediate label negative: a.md
            remediate label negative: b.md
            remediate error missed: a.md
            remediate error MISSED: b.md
            remediate label Negative: b.md
            """).problems
        // A label differing in case is another label; an error class in capitals is the same class
        #expect(problems == [
            "sentiment/course.conf:6: label \"negative\" is already remediated on line 5; map each label or error class to one lesson",
            "sentiment/course.conf:8: error \"missed\" is already remediated on line 7; map each label or error class to one lesson",
        ])
    }

    @Test func aCourseWithNothingToAnswerCannotQualifyOrRetest() {
        // Given a course of lessons alone that qualifies for a project and remediates a label
        let (manifest, problems) = parse("""
            title: Reading only
            qualifies: sentiment
            lesson: lessons/01.md
            remediate label negative: lessons/01.md
            """)
        // Then both lines are named: no attempt at it can ever pass
        #expect(manifest == nil)
        #expect(problems == [
            "sentiment/course.conf:2: the course qualifies for sentiment but has no quiz or practice, so no one can pass it; add a \"quiz:\" or \"practice:\" line",
            "sentiment/course.conf:4: remediation assigns a lesson and a retest, but the course has no quiz or practice to retest with; add a \"quiz:\" or \"practice:\" line",
        ])
        // And the same lessons with nothing riding on them are a course
        #expect(parse("title: Reading only\nlesson: lessons/01.md").manifest?.hasAssessment == false)
    }

    @Test func mistakesOfEveryKindAreCollectedInOnePass() {
        let problems = parse("""
            title:
            audience: labeler, wizard
            pass mark: 180%
            attempts: none
            retry wait: soon
            feedback: sometimes
            practice: practice/tasks.jsonl
            colour: blue
            just words
            remediate error sloppiness: lessons/01.md
            remediate label negative: lessons/99.md
            lesson: lessons/01.md
            title: Again
            """, id: "Bad Name").problems
        #expect(problems.count == 14, "\(problems)")
        #expect(problems.first == "Bad Name/course.conf: the folder name \"Bad Name\" is the course's id, so it may hold only lower-case letters, digits, '-' and '_' (1 to 48); rename the folder")
        #expect(problems.contains("Bad Name/course.conf:2: \"wizard\" is not a role; the audience is one or more of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"))
        #expect(problems.contains("Bad Name/course.conf:3: the pass mark \"180%\" is not a share of the marks; write it like \"pass mark: 80%\""))
        #expect(problems.contains { $0.hasPrefix("Bad Name/course.conf:9: \"just words\" is not a \"name: value\" line") })
        #expect(problems.contains { $0.hasPrefix("Bad Name/course.conf:10: \"sloppiness\" is not an error class") })
        #expect(problems.contains("Bad Name/course.conf:11: \"lessons/99.md\" is not one of the course's lessons; add a \"lesson: lessons/99.md\" line or name a lesson the course has"))
        #expect(problems.contains("Bad Name/course.conf:13: \"title\" is already given on line 1; give it once"))
    }
}
