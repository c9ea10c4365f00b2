import Curriculum
import Domain
import Foundation
import Testing

/// Courses read from real folders in a temporary directory.
@Suite("Course folders")
struct CourseFolderTests {
    /// No practice in these courses; practice sets are read by `Hub.practiceReader`, tested in HubTests.
    static let noPractice: CourseFolder.PracticeReader = { _, name, _, _, _ in (nil, [CourseProblem(file: name, problem: "no practice here")]) }

    static func folder(_ files: [String: String], images: [String: Data] = [:]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("courses-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for (path, data) in images { try data.write(to: root.appendingPathComponent(path)) }
        return root
    }

    static let basics = [
        "basics/course.conf": "title: Basics\nlesson: lessons/01.md | lessons/01-b.md\nquiz: quiz.gift\n",
        "basics/lessons/01.md": "# Keys\n\nPress **Enter**.\n\n![The home screen](home.png)\n",
        "basics/lessons/01-b.md": "# Keys, the short way\n\nEnter submits.\n",
        "basics/quiz.gift": "::Intro:: Read this first.\n\n::Enter:: Which key submits? {=Enter ~Tab ~Space}\n\n::Lock:: The screen locks when idle. {T}\n",
    ]

    @Test func aCourseIsReadWithItsLessonsQuizAndImages() throws {
        let root = try Self.folder(Self.basics, images: ["basics/lessons/home.png": Data([0x89, 0x50, 0x4e, 0x47])])
        let read = CourseFolder.readAll(root: root, practice: Self.noPractice)
        #expect(read.problems == [])
        let course = try #require(read.courses.first)
        #expect(course.id == "basics")
        #expect(course.lessons.map(\.title) == ["Keys"])
        #expect(course.lessons.first?.variant?.file == "lessons/01-b.md")
        #expect(course.quiz?.questions.count == 3)
        // The description asks nothing, so the assessment is the two questions, by their place.
        #expect(course.assessment.map(\.key) == ["q1", "q2"])
        #expect(course.image("home.png", inLesson: "lessons/01.md") == Data([0x89, 0x50, 0x4e, 0x47]))
        #expect(Set(course.package.files.keys) == ["course.conf", "lessons/01.md", "lessons/01-b.md", "lessons/home.png", "quiz.gift"])
    }

    @Test func aPackageReadsBackToTheSameCourseAndItsVersionFollowsEveryByte() throws {
        let root = try Self.folder(Self.basics, images: ["basics/lessons/home.png": Data([1, 2, 3])])
        let course = try #require(CourseFolder.readAll(root: root, practice: Self.noPractice).courses.first)
        let again = CourseFolder.read(course.package, practice: Self.noPractice)
        #expect(again.course == course)
        var changed = course.package
        changed.files["lessons/home.png"] = Data([1, 2, 4])
        #expect(changed.version != course.version)
        #expect(course.version.count == 16)
    }

    @Test func missingFilesBadQuizzesAndUnknownPrerequisitesAreNamedByFileAndLine() throws {
        let root = try Self.folder([
            "one/course.conf": "title: One\nprerequisites: nowhere\nlesson: lessons/missing.md\nquiz: quiz.gift\n",
            "one/quiz.gift": "::A:: Fine? {T}\n\n::B:: Broken {=yes ~no\n",
            "two/course.conf": "title: Two\nprerequisites: three\nlesson: a.md\n",
            "two/a.md": "# A\n\n![gone](pictures/gone.png)\n",
            "three/course.conf": "title: Three\nprerequisites: two\nlesson: a.md\n",
            "three/a.md": "# A\n",
            "notes/readme.txt": "not a course: no course.conf",
        ])
        let read = CourseFolder.readAll(root: root, practice: Self.noPractice)
        let lines = Set(read.problems.map(\.description))
        #expect(lines.contains("one/course.conf:3: \"lessons/missing.md\" is not in the course folder; add the file or correct the name"))
        #expect(read.problems.contains { $0.file == "one/quiz.gift" && $0.line == 3 })
        #expect(lines.contains("two/a.md:3: the image \"pictures/gone.png\" is not in the course folder; add it or correct the name"))
        #expect(lines.contains("three/course.conf:2: the prerequisites go round in a circle back to \"three\", so it can never open; break the circle"))
        #expect(read.courses.isEmpty)
    }

    @Test func aPathOutsideTheFolderIsRefused() throws {
        let root = try Self.folder(["c/course.conf": "title: C\nlesson: ../secret.md\n", "secret.md": "# no"])
        let read = CourseFolder.readAll(root: root, practice: Self.noPractice)
        #expect(read.problems.map(\.description) == ["c/course.conf:2: \"../secret.md\" is outside the course folder; name a file inside it"])
    }

    @Test func lessonVersionsAreSplitBetweenPeopleStably() throws {
        let lesson = CourseLesson(file: "lessons/02.md", title: "T", markdown: "a", variant: .init(file: "lessons/02-b.md", markdown: "b"))
        let people = (0..<400).map { "person\($0)" }
        let shown = people.filter { lesson.showsVariant(to: $0) }.count
        // Half, give or take three standard deviations (10 of 400).
        #expect(abs(shown - 200) <= 30)
        #expect(people.map { lesson.showsVariant(to: $0) } == people.map { lesson.showsVariant(to: $0) })
        #expect(!CourseLesson(file: "a.md", title: "A", markdown: "a").showsVariant(to: "person1"))
        #expect(lesson.markdown(forVariant: true) == "b")
    }
}
