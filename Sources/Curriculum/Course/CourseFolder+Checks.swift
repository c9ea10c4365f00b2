import Domain
import Foundation

/// The checks that need a course's files read: questions no one can answer for full
/// marks, lessons that link to nothing or have no title, remediation that names a label
/// or an error class the practice project can never give.
///
/// Each finds what a course would otherwise carry to every station silently broken: a
/// quiz a careful person cannot pass, a remedial lesson that is never assigned.
extension CourseFolder {
    /// Questions that cannot earn full marks, each at the line it starts on.
    static func quizProblems(_ quiz: CourseQuiz, file: String) -> [CourseProblem] {
        quiz.questions.compactMap { question in
            question.courseProblem.map { CourseProblem(file: file, line: question.line, problem: "\"\(question.name)\": \($0)") }
        }
    }

    /// What is wrong with one lesson file on its own: empty, no heading, or a link to a
    /// file of the course folder that is not one of its lessons (a station carries only
    /// the course's lessons, so the link would lead nowhere).
    static func lessonProblems(_ markdown: String, file: String, lessons: Set<String>, courseID: String) -> [CourseProblem] {
        let name = "\(courseID)/\(file)"
        guard !markdown.allSatisfy(\.isWhitespace) else {
            return [CourseProblem(file: name, problem: "is empty; write the lesson, or take its \"lesson:\" line out of course.conf")]
        }
        let document = MarkdownParser.parse(markdown)
        var problems: [CourseProblem] = []
        if document.title == nil {
            problems.append(CourseProblem(file: name, line: 1, problem: "has no heading; start it with a line like \"# Negation and contrast\": the first heading is the lesson's title"))
        }
        for target in linkTargets(in: document) {
            let path = CourseLesson.imagePath(target.file, inLesson: file)
            guard !lessons.contains(path) else { continue }
            problems.append(CourseProblem(
                file: name, line: lineNumber(of: "(\(target.written)", in: markdown),
                problem: "the link to \"\(target.written)\" leads to no lesson of this course; link to a lesson course.conf names, or write the name without a link"))
        }
        return problems
    }

    /// Remediation that the practice project can never trigger: a label it does not have,
    /// an error class its kind's scorer never reports.
    static func remediationProblems(_ manifest: CourseManifest, practice: CoursePractice) -> [CourseProblem] {
        let file = "\(manifest.id)/\(manifestName)"
        let project = practice.project
        let labels = project.labels.map(\.name)
        var problems: [CourseProblem] = []
        for remediation in manifest.remediation {
            switch remediation.trigger {
            case .label(let label):
                guard !labels.isEmpty else {
                    problems.append(CourseProblem(
                        file: file, line: remediation.line,
                        problem: "the practice project \"\(project.id)\" is \(project.kind.title), which has no labels; remediate an error class instead, like \"remediate error \(errorClasses(for: project.kind).first?.rawValue ?? "missed"): \(remediation.lesson)\""))
                    continue
                }
                if !labels.contains(label) {
                    let near = labels.first { $0.lowercased() == label.lowercased() }.map { " (labels are matched exactly: \"\($0)\")" } ?? ""
                    problems.append(CourseProblem(
                        file: file, line: remediation.line,
                        problem: "\"\(label)\" is not a label of the practice project \"\(project.id)\"\(near); use one of \(labels.map { "\"\($0)\"" }.joined(separator: ", "))"))
                }
            case .errorClass(let errorClass):
                let possible = errorClasses(for: project.kind)
                if !possible.contains(errorClass) {
                    problems.append(CourseProblem(
                        file: file, line: remediation.line,
                        problem: "the gold scorer never reports \"\(errorClass.rawValue)\" for \(project.kind.title) (the practice project \"\(project.id)\"); use one of \(possible.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))"))
                }
            }
        }
        return problems
    }

    /// The error classes `GoldScoring` reports for a kind of task, in the order a
    /// trainer would read them.
    public static func errorClasses(for kind: TaskKind) -> [GoldErrorClass] {
        switch kind {
        case .classification: [.wrongLabel, .missingLabel, .extraLabel]
        case .spans: [.boundary, .type, .boundaryAndType, .spurious, .missed]
        case .comparison: [.wrongChoice, .tieAgainstPreference, .ratingOff]
        case .freeText: [.reviewerMarkedDown]
        case .geoBox, .geoPolygon: [.classification, .localisation, .classificationAndLocalisation, .duplicate, .background, .missed]
        }
    }

    /// Lesson and quiz files in a course folder that the course does not use: most often
    /// a lesson written and never given a `lesson:` line.
    static func unusedFiles(in folder: URL, courseID: String, used: Set<String>) -> [CourseProblem] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var problems: [CourseProblem] = []
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in walker where ["md", "gift"].contains(url.pathExtension.lowercased()) {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            let relative = String(path.dropFirst(base.count))
            guard !used.contains(relative) else { continue }
            let what = url.pathExtension.lowercased() == "gift" ? "a \"quiz:\" line" : "a \"lesson:\" line"
            problems.append(CourseProblem(
                file: "\(courseID)/\(relative)",
                problem: "is in the course folder, but course.conf never names it, so no one sees it; add \(what) for it, or move it out of the folder"))
        }
        return problems.sorted { $0.file < $1.file }
    }

    /// Links a lesson makes to files: not to other machines, not within the page.
    static func linkTargets(in document: MarkdownDocument) -> [(written: String, file: String)] {
        var targets: [(written: String, file: String)] = []
        walk(document) { inline in
            guard case .link(_, let url) = inline, !url.contains("://"), !url.hasPrefix("#"), !url.lowercased().hasPrefix("mailto:") else { return }
            let file = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
            if !file.isEmpty { targets.append((url, file)) }
        }
        return targets
    }
}

extension GIFTQuestion {
    /// Why no answer to this question earns full marks, if none does.
    ///
    /// Moodle's question forms refuse the same questions (a multiple-answer question
    /// whose right answers do not add up to 100%, a short or numerical answer with no
    /// answer at 100%); its GIFT importer lets them through, so a course is checked here.
    var courseProblem: String? {
        switch kind {
        case .description, .essay, .trueFalse, .matching:
            return nil
        case .multipleChoice(let multipleChoice):
            guard multipleChoice.allowsSeveral else {
                return multipleChoice.choices.contains { $0.fraction >= 1 - 1e-9 } ? nil
                    : "no answer is fully right; mark the right one with ="
            }
            let positive = multipleChoice.choices.map(\.fraction).filter { $0 > 0 }.reduce(0, +)
            if positive <= 0 {
                return "no answer earns a mark; give the right answers weights that add up to 100%, like ~%50%one ~%50%other, or mark the one right answer with ="
            }
            // Moodle rounds the total to two places before comparing it with 100%.
            if (positive * 100).rounded() != 100 {
                return "the right answers' weights add up to \(GIFTWeights.percent(positive))%, so choosing all of them earns \(GIFTWeights.percent(min(positive, 1)))%; make them add up to 100%"
            }
            return nil
        case .shortAnswer(let answers):
            return answers.contains { $0.fraction >= 1 - 1e-9 } ? nil
                : "no answer earns full marks; give the right answer with = and no weight"
        case .numerical(let answers):
            return answers.contains { $0.fraction >= 1 - 1e-9 } ? nil
                : "no answer earns full marks; give the right number with no weight, like {#42} or {#=42:1 =%50%40:5}"
        }
    }
}
