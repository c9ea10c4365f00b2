import Curriculum
import Domain
import Foundation
import Interchange

extension Hub {
    /// Reads a course's practice set, for every reader of courses (the hub publishing
    /// them, `course lint`, a station reading a package): the project file in
    /// `labeldesk project create --file`'s format, and the tasks in LabelDesk JSONL, each
    /// with its key as its one annotation (or the one marked `ground_truth`, as gold
    /// files give theirs) and, in `meta`, an `explanation` shown once it is answered.
    /// A geo task gives its chip as a leased task does (`image`: media SHA-256, bytes,
    /// scene, chip and focus windows; its key in chip pixels) and names the chip's file
    /// in `meta.chip`, which must hash to it (`PracticeChip`).
    public static let practiceReader: CourseFolder.PracticeReader = { projectData, projectName, tasksData, tasksName, file in
        let project: Project
        do throws(ProjectFile.Problem) {
            project = try ProjectFile.read(projectData, fileName: projectName)
        } catch {
            return (nil, [CourseProblem(file: projectName, problem: Hub.withoutFileName(error.description, projectName))])
        }
        let records: [InterchangeRecord]
        do throws(InterchangeError) {
            records = try JSONLFormat.read(tasksData, fileName: tasksName, project: project, options: InterchangeOptions())
        } catch {
            let line: Int? = if case .line(let number) = error.location { number } else { nil }
            return (nil, [CourseProblem(file: tasksName, line: line, problem: error.problem)])
        }
        let text = String(decoding: tasksData, as: UTF8.self)
        var items: [PracticeItem] = []
        var problems: [CourseProblem] = []
        for record in records {
            let line = CourseFolder.firstLine(containing: "\"\(record.task.id)\"", in: text)
            if record.imageSource != nil {
                problems.append(CourseProblem(
                    file: tasksName, line: line,
                    problem: "practice task \"\(record.task.id)\" names a scene to cut; practice imagery is a chip already cut, in the course folder: give \"image\" as {\"media\", \"bytes\", \"scene\", \"chip\", \"focus\"} and the file in \"meta\".\"chip\" (Training/tools/make-practice.py writes both)"))
                continue
            }
            var chip: String?
            if let image = record.task.image {
                switch PracticeChip.check(record.task, image: image, file: file) {
                case .success(let path): chip = path
                case .failure(let problem):
                    problems.append(CourseProblem(file: tasksName, line: line, problem: problem.description))
                    continue
                }
            }
            let key: ImportedAnnotation
            do {
                key = try goldKey(of: record)
            } catch {
                problems.append(CourseProblem(file: tasksName, line: line, problem: "\(error)".replacingOccurrences(of: "gold item", with: "practice task")))
                continue
            }
            if let problem = project.answerProblem(key.answer, isSkip: false, textLength: record.task.text.unicodeScalars.count, chip: record.task.image.map(ChipSize.init)) {
                problems.append(CourseProblem(file: tasksName, line: line, problem: "the key of practice task \"\(record.task.id)\": \(problem)"))
                continue
            }
            guard let explanation = Hub.explanation(of: record.task), !explanation.allSatisfy(\.isWhitespace) else {
                problems.append(CourseProblem(
                    file: tasksName, line: line,
                    problem: "practice task \"\(record.task.id)\" has no explanation; add \"meta\": {\"explanation\": \"why the key is right\"}"))
                continue
            }
            items.append(PracticeItem(task: record.task, key: key.answer, explanation: explanation, chip: chip))
        }
        return problems.isEmpty ? (CoursePractice(project: project, items: items), []) : (nil, problems)
    }

    /// `meta.explanation`, when the task's meta is an object holding a string there.
    static func explanation(of task: LabelTask) -> String? {
        guard let meta = task.meta, case .object(let fields)? = try? JSONValue.parse(meta) else { return nil }
        return fields["explanation"]?.stringValue
    }

    /// A problem sentence without the `FILE: ` a reader put in front of it.
    static func withoutFileName(_ text: String, _ name: String) -> String {
        text.hasPrefix("\(name): ") ? String(text.dropFirst(name.count + 2)) : text
    }
}
