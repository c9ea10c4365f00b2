import Curriculum
import Domain
import Foundation
import Testing

/// Course folders on disk, read and checked as `course lint` and the hub read them.
///
/// The practice reader is the one seam: reading LabelDesk JSONL belongs to `Interchange`,
/// which this target may not import, so these tests hand `CourseFolder` the practice set
/// a reader would give (the hub's own reader is exercised end to end by `course lint`).
@Suite("Course folders: checks past parsing")
struct CourseFolderCheckTests {
    /// A folder of courses in the temporary directory, removed by `remove()`.
    struct Courses {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-courses-\(UUID().uuidString)")

        func write(_ path: String, _ text: String) throws {
            try write(path, Data(text.utf8))
        }

        func write(_ path: String, _ data: Data) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func read(practice: @escaping CourseFolder.PracticeReader = CourseFolderCheckTests.sentimentPractice) -> (courses: [Course], problems: [String]) {
            let read = CourseFolder.readAll(root: root, practice: practice)
            return (read.courses, read.problems.map(\.description))
        }
    }

    static let sentimentProject = Project(
        id: "sentiment-practice", title: "Practice", labels: [LabelChoice(name: "negative", mnemonic: "n"), LabelChoice(name: "positive", mnemonic: "p")])

    /// What the hub's reader gives for a two-task practice file of the sentiment project.
    static let sentimentPractice: CourseFolder.PracticeReader = { _, _, _, _, _ in
        let items = [("p1", "one long string of cliches .", "negative"), ("p2", "a very well-made , funny and entertaining picture .", "positive")].map {
            PracticeItem(task: LabelTask(id: $0.0, projectID: sentimentProject.id, text: $0.1, marking: .unclassified), key: .labels([$0.2]), explanation: "because")
        }
        return (CoursePractice(project: sentimentProject, items: items), [])
    }

    static let manifest = """
        title: Sentiment
        qualifies: sentiment
        lesson: lessons/01.md
        lesson: lessons/02.md | lessons/02-b.md
        quiz: quiz.gift
        practice: practice/project.json practice/tasks.jsonl
        remediate label positive: lessons/02.md
        remediate error wrong label: lessons/01.md
        """

    /// A course that reads cleanly: two lessons (one in two versions, one with an image
    /// and a link to the other), a quiz, a practice set.
    func writeCleanCourse(in courses: Courses, id: String = "sentiment") throws {
        try courses.write("\(id)/course.conf", Self.manifest)
        try courses.write("\(id)/lessons/01.md", "# What sentiment is\n\nThe reviewer's opinion.\n\n![a chart](images/chart.png)\n\nNext: [negation](02.md).\n")
        try courses.write("\(id)/lessons/images/chart.png", Data([0x89, 0x50, 0x4E, 0x47]))
        try courses.write("\(id)/lessons/02.md", "# Negation\n\nNot bad is good. Back to [the start](01.md#what-sentiment-is); see [the site](https://example.org).\n")
        try courses.write("\(id)/lessons/02-b.md", "# Negation, by example\n\n> i do n't think i laughed out loud once .\n")
        try courses.write("\(id)/quiz.gift", "::One:: A negated fault is {=praise ~blame}.\n\n::Two:: Pick the two. {~%50%a ~%50%b ~%-50%c}\n")
        try courses.write("\(id)/practice/project.json", "{}")
        try courses.write("\(id)/practice/tasks.jsonl", "{}")
    }

    @Test func aCleanCourseReadsWithItsLessonsQuizPracticeAndImage() throws {
        let courses = Courses()
        defer { courses.remove() }
        try writeCleanCourse(in: courses)
        // When the folder is read
        let (read, problems) = courses.read()
        // Then nothing is wrong, and the course holds what its files say
        #expect(problems.isEmpty, "\(problems)")
        let course = try #require(read.first)
        #expect(course.lessons.map(\.title) == ["What sentiment is", "Negation"])
        #expect(course.lessons[1].variant?.file == "lessons/02-b.md")
        #expect(course.quiz?.questions.map(\.kindTitle) == ["missing word", "multiple answers"])
        #expect(course.practice?.items.count == 2)
        // And the package carries the lessons' image but not what the links point off the machine to
        #expect(course.package.files.keys.sorted() == [
            "course.conf", "lessons/01.md", "lessons/02-b.md", "lessons/02.md", "lessons/images/chart.png", "practice/project.json",
            "practice/tasks.jsonl", "quiz.gift",
        ])
        #expect(course.remedialLesson(for: .label("positive"))?.title == "Negation")
    }

    @Test func questionsNoOneCanAnswerForFullMarksAreNamedByTheirLine() throws {
        let courses = Courses()
        defer { courses.remove() }
        try writeCleanCourse(in: courses)
        // Given a quiz whose multiple-answer weights add up to 80%, and a short answer with only a half-right answer
        try courses.write("sentiment/quiz.gift", """
            // The quiz
            ::Fine:: Two plus two is {=four}.

            ::Short weights::
            Which two? {~%40%a ~%40%b ~c}

            ::Half only:: Name it. {=%50%near enough}

            ::No number:: How many? {#=%50%3:1}

            ::Essay:: Write about it. {}
            """)
        // Then each is named by the line it starts on, and the course is left out
        let (read, problems) = courses.read()
        #expect(read.isEmpty)
        #expect(problems == [
            "sentiment/quiz.gift:4: \"Short weights\": the right answers' weights add up to 80%, so choosing all of them earns 80%; make them add up to 100%",
            "sentiment/quiz.gift:7: \"Half only\": no answer earns full marks; give the right answer with = and no weight",
            "sentiment/quiz.gift:9: \"No number\": no answer earns full marks; give the right number with no weight, like {#42} or {#=42:1 =%50%40:5}",
        ])
    }

    @Test func lessonsWithNoHeadingOrALinkToNoLessonAreNamed() throws {
        let courses = Courses()
        defer { courses.remove() }
        try writeCleanCourse(in: courses)
        try courses.write("sentiment/lessons/02.md", "Negation turns a word around.\n\nNext: [the third lesson](03.md).\n")
        try courses.write("sentiment/lessons/02-b.md", "   \n")
        let (_, problems) = courses.read()
        #expect(problems == [
            "sentiment/lessons/02.md:1: has no heading; start it with a line like \"# Negation and contrast\": the first heading is the lesson's title",
            "sentiment/lessons/02.md:3: the link to \"03.md\" leads to no lesson of this course; link to a lesson course.conf names, or write the name without a link",
            "sentiment/lessons/02-b.md: is empty; write the lesson, or take its \"lesson:\" line out of course.conf",
        ])
    }

    @Test func remediationThePracticeProjectCanNeverTriggerIsNamed() throws {
        let courses = Courses()
        defer { courses.remove() }
        try writeCleanCourse(in: courses)
        // Given a label in the wrong case, a label the project lacks, and a spans error class on a classification project
        try courses.write("sentiment/course.conf", Self.manifest + """

            remediate label Negative: lessons/01.md
            remediate label neutral: lessons/01.md
            remediate error boundary: lessons/02.md
            """)
        let (read, problems) = courses.read()
        #expect(read.isEmpty)
        #expect(problems == [
            "sentiment/course.conf:9: \"Negative\" is not a label of the practice project \"sentiment-practice\" (labels are matched exactly: \"negative\"); use one of \"negative\", \"positive\"",
            "sentiment/course.conf:10: \"neutral\" is not a label of the practice project \"sentiment-practice\"; use one of \"negative\", \"positive\"",
            "sentiment/course.conf:11: the gold scorer never reports \"boundary\" for \(Self.sentimentProject.kind.title) (the practice project \"sentiment-practice\"); use one of \"wrong label\", \"missing label\", \"extra label\"",
        ])
    }

    @Test func aLessonOrQuizTheCourseNeverNamesIsFound() throws {
        let courses = Courses()
        defer { courses.remove() }
        try writeCleanCourse(in: courses)
        // Given a third lesson written and never listed, and an old quiz left behind
        try courses.write("sentiment/lessons/03.md", "# Sarcasm\n")
        try courses.write("sentiment/old/quiz-v1.gift", "Old? {T}\n")
        let (read, problems) = courses.read()
        #expect(read.isEmpty)
        #expect(problems == [
            "sentiment/lessons/03.md: is in the course folder, but course.conf never names it, so no one sees it; add a \"lesson:\" line for it, or move it out of the folder",
            "sentiment/old/quiz-v1.gift: is in the course folder, but course.conf never names it, so no one sees it; add a \"quiz:\" line for it, or move it out of the folder",
        ])
    }

    @Test func aPrerequisiteNoOneCanPassIsNamed() throws {
        let courses = Courses()
        defer { courses.remove() }
        try writeCleanCourse(in: courses)
        try courses.write("sentiment/course.conf", "prerequisites: reading\n" + Self.manifest)
        try courses.write("reading/course.conf", "title: Reading\nlesson: intro.md\n")
        try courses.write("reading/intro.md", "# Read me\n")
        let (read, problems) = courses.read()
        #expect(read.map(\.id) == ["reading"])
        #expect(problems == [
            "sentiment/course.conf:1: the prerequisite \"reading\" has no quiz or practice, so no one can pass it and this course never opens; give it a quiz, or take it out of the list",
        ])
    }

    @Test func kindTitlesNameEachGIFTQuestionType() throws {
        let source = """
            Read this first.

            Grant is buried in Grant's tomb.{F}

            Who's buried there?{=no one =nobody}

            Grant is {~buried =entombed ~living} in Grant's tomb.

            Who is buried? {~Grant ~Jefferson =no one}

            Which two? {~%50%Grant ~%50%his wife ~%-50%no one}

            When was Grant born? {#1822:1}

            Match. {=Canada -> Ottawa =Italy -> Rome}

            Grant was born in {#1822} in Ohio.

            Write about Grant. {}
            """
        let titles = try GIFTParser.parse(source, fileName: "q.gift").map(\.kindTitle)
        #expect(titles == [
            "description", "true/false", "short answer", "missing word", "multiple choice", "multiple answers", "numerical", "matching",
            "missing number", "essay",
        ])
    }
}
