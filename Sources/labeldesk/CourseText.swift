import Curriculum
import Domain
import Foundation

/// The words `course lint`, `course list` and `course show` print: pure functions of
/// the courses read, so what a trainer sees is tested without a terminal.
enum CourseText {
    /// Every problem as `FOLDER/FILE:LINE: problem`, then a count.
    static func lint(problems: [CourseProblem], courses: [Course], folder: String) -> String {
        var text = problems.map { "\(folder)/\($0)\n" }.joined()
        let broken = Set(problems.map(courseID(of:)))
        let total = Set(courses.map(\.id)).union(broken).count
        if problems.isEmpty {
            text += "\(count(total, "course")) in \(folder), no problems.\n"
        } else {
            text += "\(count(problems.count, "problem")) in \(count(broken.count, "course")) of \(total) in \(folder).\n"
        }
        return text
    }

    /// A table, one course a row; courses with problems are named under it.
    static func list(_ courses: [Course], problems: [CourseProblem], folder: String) -> String {
        let headers = ["course", "title", "for", "lessons", "questions", "practice", "pass mark", "attempts", "retry wait", "qualifies for"]
        let rows = courses.map { course -> [String] in
            let manifest = course.manifest
            return [
                course.id, course.title, manifest.audience.map(\.rawValue).joined(separator: ", "), String(course.lessons.count),
                String(questionCount(course)), String(course.practice?.items.count ?? 0), percent(manifest.passMark),
                manifest.attemptsAllowed.map(String.init) ?? "unlimited", duration(manifest.retryWaitSeconds),
                manifest.qualifies.isEmpty ? "-" : manifest.qualifies.joined(separator: ", "),
            ]
        }
        var text = courses.isEmpty ? "No course in \(folder) reads cleanly.\n" : table([headers] + rows)
        let broken = Set(problems.map(courseID(of:))).sorted()
        if !broken.isEmpty {
            text += "Not listed, with problems: \(broken.joined(separator: ", ")); `labeldesk course lint \(folder)` names them.\n"
        }
        return text
    }

    /// One course in full.
    static func show(_ course: Course) -> String {
        let manifest = course.manifest
        var lines: [String] = []
        lines.append("\(course.id): \(course.title)   (version \(course.version), \(count(course.package.files.count, "file")), \(kilobytes(course.package)))")
        lines.append("for: \(manifest.audience.map(\.rawValue).joined(separator: ", "))"
            + (manifest.prerequisites.isEmpty ? "" : "; after passing \(manifest.prerequisites.joined(separator: ", "))"))
        let attempts = manifest.attemptsAllowed.map { count($0, "attempt") } ?? "unlimited attempts"
        let wait = manifest.retryWaitSeconds == 0 ? "no wait between attempts" : "\(duration(manifest.retryWaitSeconds)) between attempts"
        lines.append("passing: \(percent(manifest.passMark)) of the marks; \(attempts), \(wait); feedback \(manifest.feedback.rawValue)")
        lines.append("qualifies for: \(manifest.qualifies.isEmpty ? "no project" : manifest.qualifies.joined(separator: ", "))")

        lines.append("")
        lines.append("lessons:")
        for (index, lesson) in course.lessons.enumerated() {
            lines.append("  \(index + 1). \(lesson.file)   \(lesson.title)")
            if let variant = lesson.variant {
                let title = MarkdownParser.parse(variant.markdown).title ?? variant.file
                lines.append("     second version: \(variant.file)   \(title)   (each person reads one of the two)")
            }
        }

        if let quiz = course.quiz {
            let questions = quiz.questions.enumerated().filter { $0.element.kind != .description }
            var kinds: [(String, Int)] = []
            for (_, question) in questions {
                if let at = kinds.firstIndex(where: { $0.0 == question.kindTitle }) { kinds[at].1 += 1 } else { kinds.append((question.kindTitle, 1)) }
            }
            lines.append("")
            lines.append("quiz: \(quiz.file), \(count(questions.count, "question")): " + kinds.map { "\($0.1) \($0.0)" }.joined(separator: ", "))
            var category: String?
            let keyWidth = questions.map { "q\($0.offset)".count }.max() ?? 0
            let kindWidth = kinds.map(\.0.count).max() ?? 0
            for (index, question) in questions {
                if question.category != category, let named = question.category {
                    lines.append("  \(named)")
                    category = named
                }
                let key = "q\(index)".padding(toLength: keyWidth, withPad: " ", startingAt: 0)
                lines.append("    \(key)  \(question.kindTitle.padding(toLength: kindWidth, withPad: " ", startingAt: 0))  \(question.name)   (line \(question.line))")
            }
        }

        if let practice = course.practice, let entry = manifest.practice {
            let project = practice.project
            let labels = project.labels.isEmpty ? "" : " (\(project.labels.map(\.name).joined(separator: ", ")))"
            lines.append("")
            lines.append("practice: \(entry.tasks), \(count(practice.items.count, "task")) of project \(project.id): \(project.kind.title)\(labels)")
            for item in practice.items {
                lines.append("    p:\(item.task.id)  key: \(keyText(item))")
                if let image = item.task.image {
                    let chip = image.chip, focus = image.focus
                    lines.append("      chip \(item.chip ?? image.media.sha256): \(chip.width) x \(chip.height) pixels of \(image.scene) at \(chip.x),\(chip.y); focus \(focus.width) x \(focus.height) at \(focus.x),\(focus.y)")
                }
                if !item.task.text.isEmpty {
                    lines.append("      \(shortened(item.task.text.replacingOccurrences(of: "\n", with: " "), to: 96))")
                }
            }
        }

        if !manifest.remediation.isEmpty {
            lines.append("")
            lines.append("remediation (the lesson and a retest, when a person's gold accuracy on it falls below the project's threshold):")
            let width = manifest.remediation.map { "\($0.trigger)".count }.max() ?? 0
            for remediation in manifest.remediation {
                let lesson = course.lessons.first { $0.file == remediation.lesson || $0.variant?.file == remediation.lesson }
                let versions = lesson?.variant == nil ? "" : " (two versions)"
                lines.append("    \("\(remediation.trigger)".padding(toLength: width, withPad: " ", startingAt: 0))  ->  \(remediation.lesson)   \(lesson?.title ?? "")\(versions)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a practice task's key holds, as a trainer reads it: the span's words, not its offsets.
    static func keyText(_ item: PracticeItem) -> String {
        switch item.key {
        case .spans(let spans):
            guard !spans.isEmpty else { return "no spans" }
            let scalars = Array(item.task.text.unicodeScalars)
            return spans.sorted { $0.start < $1.start }.map { span in
                let words = span.start >= 0 && span.end <= scalars.count && span.start < span.end
                    ? String(String.UnicodeScalarView(scalars[span.start..<span.end])) : "?"
                return "\(span.label) \"\(words)\""
            }.joined(separator: ", ")
        case .comparison(let answer):
            let strength = answer.strength.map { [1: " slightly", 2: " clearly", 3: " much"][$0] ?? "" } ?? ""
            return answer.preference == .tie ? "a tie" : "prefer \(answer.preference.rawValue.uppercased())\(strength)"
        default:
            return item.key.summary
        }
    }

    static func questionCount(_ course: Course) -> Int {
        (course.quiz?.questions ?? []).filter { $0.kind != .description }.count
    }

    static func courseID(of problem: CourseProblem) -> String {
        problem.file.split(separator: "/").first.map(String.init) ?? problem.file
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }

    /// Seconds as course.conf writes them: `90s`, `10m`, `2h`, `1d`; "none" for 0.
    static func duration(_ seconds: Int) -> String {
        if seconds == 0 { return "none" }
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60)] where seconds % size == 0 { return "\(seconds / size)\(unit)" }
        return "\(seconds)s"
    }

    static func kilobytes(_ package: CoursePackage) -> String {
        let bytes = package.files.values.reduce(0) { $0 + $1.count }
        return bytes < 1_024 ? "\(bytes) bytes" : String(format: "%.0f KB", Double(bytes) / 1_024)
    }

    static func shortened(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// Rows as columns two spaces apart, the last column unpadded.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
