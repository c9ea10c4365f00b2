import Curriculum
import Domain
import Foundation
import Hub
import Store
import TestSupport

/// Course folders written as real files, and attempts as a station makes them.
enum CourseFixtures {
    /// A quiz of two questions (`q0` multiple choice, Enter first; `q1` true), passed
    /// only with both right, two attempts, ten minutes between them; it qualifies for
    /// the sentiment project.
    static let basics = [
        "basics/course.conf": """
            title: LabelDesk basics
            audience: labeler
            pass mark: 100%
            attempts: 2
            retry wait: 10m
            qualifies: sentiment
            lesson: lessons/01.md
            quiz: quiz.gift
            """,
        "basics/lessons/01.md": "# Keys\n\nPress **Enter** to submit.\n",
        "basics/quiz.gift": "::Enter:: Which key submits? {=Enter ~Tab ~Space}\n\n::Lock:: The screen locks when idle. {T}\n",
    ]

    /// An essay a trainer marks; needs basics first.
    static let writing = [
        "writing/course.conf": "title: Writing rationales\nprerequisites: basics\npass mark: 50%\nquiz: quiz.gift\n",
        "writing/quiz.gift": "::Why:: Why does a rationale matter? {}\n",
    ]

    /// Practice only: a sentiment task the gold scorers mark, and a free-text task a trainer marks.
    static let practice = [
        "practice/course.conf": "title: Practice\npass mark: 75%\npractice: practice/project.json practice/tasks.jsonl\n",
        "practice/practice/project.json": #"{"id": "rationales", "title": "Rationales", "kind": "free-text"}"#,
        "practice/practice/tasks.jsonl": #"{"id": "p1", "text": "Why skip a task you cannot read?", "annotations": [{"answer": {"text": "So nobody guesses."}, "annotator": "tom"}], "meta": {"explanation": "A guess is worse than a skip."}}"# + "\n",
    ]

    /// A course no project needs: only those assigned it have it.
    static let safety = [
        "safety/course.conf": "title: Security rules\nlesson: rules.md\n",
        "safety/rules.md": "# Rules\n\nLock the screen when you leave.\n",
    ]

    /// Writes `files` (paths relative to the root) into a new folder in `directory`.
    static func folder(_ files: [String: String], in directory: TemporaryDirectory, name: String = "Training") throws -> URL {
        let root = URL(fileURLWithPath: directory.path(name))
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func attempt(
        _ course: String, version: String, by username: String = "ana", at started: Date, minutes: Double = 2, station: String = "station-1",
        responses: [String: AttemptResponse], id: UUID = UUID()
    ) -> CourseAttempt {
        CourseAttempt(
            id: id, courseID: course, courseVersion: version, username: username, stationID: station, startedAt: started,
            finishedAt: started.addingTimeInterval(minutes * 60), responses: responses)
    }

    static let right: [String: AttemptResponse] = ["q0": .question(.choice(0)), "q1": .question(.truth(true))]
    static let wrong: [String: AttemptResponse] = ["q0": .question(.choice(1)), "q1": .question(.truth(true))]
}
