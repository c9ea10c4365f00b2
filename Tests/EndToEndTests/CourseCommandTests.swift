import Foundation
import Testing

/// `labeldesk course lint|list|show`, run as a trainer runs them: on the courses that
/// ship in `Training/`, and on broken courses whose every problem must be named by file
/// and line.
@Suite struct CourseCommandTests {
    /// The repository's own `Training/` folder: the starter courses as they ship.
    static let training = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Training")

    static let starterCourses = ["boxes-and-polygons", "comparing-answers", "entity-tagging", "labeldesk-basics", "sentiment"]

    @Test func theStarterCoursesPassLintSoABrokenCourseFailsTheBuild() throws {
        // Given the Training folder as it ships
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        // When it is linted
        let lint = binary.run(["course", "lint", Self.training.path])
        // Then every course reads cleanly: no problem lines, status 0
        #expect(lint.status == 0, "\(lint.output)")
        #expect(lint.output == "5 courses in \(Self.training.path), no problems.\n", "\(lint.output)")
    }

    @Test func withNoFolderNamedLintFindsTheProductsTrainingFolder() throws {
        // Given a binary built inside the clone, asked with no DIR
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let lint = binary.run(["course", "lint"])
        // Then it finds Training/ by walking up from itself, as the demo finds Assets/
        #expect(lint.status == 0, "\(lint.output)")
        #expect(lint.output.hasPrefix("5 courses in ") && lint.output.contains("Training, no problems."), "\(lint.output)")
        // And $LABELDESK_TRAINING names another folder
        let elsewhere = try BrokenCourses()
        defer { elsewhere.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["LABELDESK_TRAINING"] = elsewhere.root.path
        let redirected = Spawn.run([binary.path, "course", "list"], environment: environment)
        #expect(redirected.output.contains("Not listed, with problems: broken-conf, broken-files"), "\(redirected.output)")
    }

    @Test func listGivesEachStarterCourseItsCountsRulesAndProjects() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let list = binary.run(["course", "list", Self.training.path])
        #expect(list.status == 0, "\(list.output)")
        let lines = list.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("course  ") == true && lines.first?.contains("qualifies for") == true, "\(list.output)")
        #expect(lines.count == 6, "a header and one line per course: \(list.output)")
        func row(_ id: String) -> [String] {
            // Columns are two or more spaces apart; a title has single spaces inside it.
            (lines.first { $0.hasPrefix(id + " ") } ?? "").components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        #expect(row("labeldesk-basics") == ["labeldesk-basics", "LabelDesk basics", "labeler, lead", "3", "13", "3", "80%", "unlimited", "5m", "write"])
        #expect(row("sentiment") == ["sentiment", "Sentiment labeling", "labeler", "3", "10", "12", "80%", "3", "10m", "sentiment"])
        #expect(row("entity-tagging").last == "entities")
        #expect(row("comparing-answers").last == "compare")
        #expect(row("boxes-and-polygons") == ["boxes-and-polygons", "Boxes and polygons on imagery", "labeler", "3", "12", "6", "80%", "3", "10m", "buildings, landcover"])
    }

    @Test func showPrintsACourseInFull() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let show = binary.run(["course", "show", "sentiment", Self.training.path])
        #expect(show.status == 0, "\(show.output)")
        let text = show.output
        // Settings
        #expect(text.hasPrefix("sentiment: Sentiment labeling   (version "), "\(text)")
        #expect(text.contains("for: labeler; after passing labeldesk-basics\n"), "\(text)")
        #expect(text.contains("passing: 80% of the marks; 3 attempts, 10m between attempts; feedback after each question\n"), "\(text)")
        #expect(text.contains("qualifies for: sentiment\n"))
        // Lessons, with the lesson given in two versions
        #expect(text.contains("  1. lessons/01-the-task.md   What a sentiment label means\n"), "\(text)")
        #expect(text.contains("  2. lessons/02-negation-and-contrast.md   Negation and contrast\n"), "\(text)")
        #expect(text.contains("     second version: lessons/02-negation-and-contrast-b.md   Negation and contrast, by example   (each person reads one of the two)\n"), "\(text)")
        // Questions by kind, under their categories, with the keys attempts use
        #expect(text.contains("quiz: quiz.gift, 10 questions: 1 short answer, 1 true/false, 1 missing word, 1 numerical, 4 multiple choice, 1 matching, 1 multiple answers\n"), "\(text)")
        #expect(text.contains("  sentiment/negation-and-contrast\n"), "\(text)")
        #expect(text.contains("    q0  short answer      The key for positive   (line 7)\n"), "\(text)")
        // Practice tasks with their keys and text
        #expect(text.contains("practice: practice/tasks.jsonl, 12 tasks of project sentiment-practice: "), "\(text)")
        #expect(text.contains("    p:practice-sst2-dev-0021  key: positive\n      despite its title , punch-drunk love is never heavy-handed .\n"), "\(text)")
        // And the remediation map, naming the lesson in two versions
        #expect(text.contains("label \"positive\"     ->  lessons/02-negation-and-contrast.md   Negation and contrast (two versions)\n"), "\(text)")
        #expect(text.contains("error \"wrong label\"  ->  lessons/01-the-task.md   What a sentiment label means\n"), "\(text)")

        // A spans course shows each key span's words
        let entities = binary.run(["course", "show", "entity-tagging", Self.training.path])
        #expect(entities.output.contains("key: creative-work \"Mrs . Doubtfire\", person \"Joan Collins\""), "\(entities.output)")
        // A comparison course, each key's preference and strength
        let compare = binary.run(["course", "show", "comparing-answers", Self.training.path])
        #expect(compare.output.contains("p:practice-pandalm-0091  key: a tie"), "\(compare.output)")
        #expect(compare.output.contains("p:practice-pandalm-0004  key: prefer B much"), "\(compare.output)")
        #expect(compare.output.contains("1 essay"), "\(compare.output)")
    }

    /// Two broken courses and a clean one, on real files read by the hub's practice reader.
    struct BrokenCourses {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-courses-\(UUID().uuidString)")

        init() throws {
            try write("fine/course.conf", "title: Fine\nquiz: quiz.gift\n")
            try write("fine/quiz.gift", "::Q:: The sun rises in the east. {T}\n")
            try write("broken-conf/course.conf", """
                title: Broken settings
                lesson: lessons/01.md
                quiz: quiz.gift
                qualifies:
                colour: blue
                remediate label negative: lessons/02.md

                """)
            try write("broken-conf/lessons/01.md", "# One\n")
            try write("broken-conf/quiz.gift", "::Q:: True? {T}\n")
            try write("broken-files/course.conf", """
                title: Broken files
                lesson: lessons/01.md
                quiz: quiz.gift
                practice: practice/project.json practice/tasks.jsonl

                """)
            try write("broken-files/lessons/01.md", "# A lesson\n\nSome text.\n\n![a picture](images/missing.png)\n")
            try write("broken-files/quiz.gift", "::Fine:: True? {T}\n\n::Open:: This one never closes {=yes ~no\n")
            try write("broken-files/practice/project.json", #"{"id": "p", "title": "P", "kind": "classification", "labels": ["negative", "positive"]}"#)
            try write("broken-files/practice/tasks.jsonl", """
                {"id": "t1", "text": "one long string of cliches .", "meta": {"explanation": "A complaint."}, "annotations": [{"answer": {"labels": ["negative"]}, "annotator": "key", "ground_truth": true}]}
                {"id": "t2", "text": "a very well-made , funny and entertaining picture .", "annotations": [{"answer": {"labels": ["positive"]}, "annotator": "key", "ground_truth": true}]}

                """)
        }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func aBrokenCourseIsNamedByFileAndLineAndLintFails() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let courses = try BrokenCourses()
        defer { courses.remove() }
        let folder = courses.root.path
        // When the folder is linted
        let lint = binary.run(["course", "lint", folder])
        // Then it fails, naming every problem by its file and line, and counting them
        #expect(lint.status == 1, "\(lint.output)")
        #expect(lint.output == """
            \(folder)/broken-conf/course.conf:4: qualifies names no project; name the projects whose queues open once the course is passed, like "qualifies: sentiment", or take the line out
            \(folder)/broken-conf/course.conf:5: "colour" is not a course setting; a course.conf may give "title", "audience", "prerequisites", "pass mark", "attempts", "retry wait", "qualifies", "lesson", "quiz", "feedback", "practice", "remediate label NAME", "remediate error CLASS"
            \(folder)/broken-conf/course.conf:6: "lessons/02.md" is not one of the course's lessons; add a "lesson: lessons/02.md" line or name a lesson the course has
            \(folder)/broken-files/lessons/01.md:5: the image "images/missing.png" is not in the course folder; add it or correct the name
            \(folder)/broken-files/quiz.gift:3: the answers open with { but never close; end them with }, or write \\{ for a brace in the text
            \(folder)/broken-files/practice/tasks.jsonl:2: practice task "t2" has no explanation; add "meta": {"explanation": "why the key is right"}
            6 problems in 2 courses of 3 in \(folder).

            """, "\(lint.output)")

        // And list shows the clean course and names the broken ones
        let list = binary.run(["course", "list", folder])
        #expect(list.status == 0)
        #expect(list.output.contains("\nfine "), "\(list.output)")
        #expect(list.output.hasSuffix("Not listed, with problems: broken-conf, broken-files; `labeldesk course lint \(folder)` names them.\n"), "\(list.output)")

        // And show refuses a broken course, and an unknown one, with a sentence
        let broken = binary.run(["course", "show", "broken-files", folder])
        #expect(broken.status != 0 && broken.output.contains("the course \"broken-files\" has problems, so it cannot be shown; `labeldesk course lint \(folder)` lists them"), "\(broken.output)")
        let unknown = binary.run(["course", "show", "sentimnet", folder])
        #expect(unknown.status != 0 && unknown.output.contains("there is no course \"sentimnet\" in \(folder); the courses there are fine"), "\(unknown.output)")
        // And a folder with no course in it is not taken for a clean one
        let empty = binary.run(["course", "lint", courses.root.appendingPathComponent("fine").path])
        #expect(empty.status != 0 && empty.output.contains("holds no courses"), "\(empty.output)")
    }
}
