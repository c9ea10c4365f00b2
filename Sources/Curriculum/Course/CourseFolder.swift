import Domain
import Foundation

/// Reads courses from disk: `Training/<course>/course.conf` and the files it names.
///
/// Practice tasks are in LabelDesk's JSONL, which `Interchange` reads; this target may
/// not import it, so the caller passes the reader (`PracticeReader`), and `Hub` gives
/// the one everything uses.
public enum CourseFolder {
    public static let manifestName = "course.conf"

    /// Reads a practice set from the project file's bytes and the task file's; problems
    /// name the files by the names given (`sentiment/practice/tasks.jsonl`). `file` finds
    /// a file a task names (a geo task's chip) by the path the task gives it.
    public typealias PracticeReader = @Sendable (
        _ project: Data, _ projectName: String, _ tasks: Data, _ tasksName: String, _ file: PracticeFile
    ) -> (practice: CoursePractice?, problems: [CourseProblem])

    /// A file a practice task names, by the path the task gives (relative to the task
    /// file's folder, as a chip list names its images): its path inside the course folder
    /// and its bytes, nil when it is missing or cannot be read. Nil as a whole when the
    /// path leads outside the course folder, which a station would not carry.
    public typealias PracticeFile = (_ path: String) -> (path: String, bytes: Data?)?

    /// Every course folder under `root` (a folder holding `course.conf`), read and
    /// checked, in name order, with the problems of all of them; a course with any
    /// problem is left out of `courses`. Checks across courses too: prerequisites that
    /// name no course here, and prerequisite cycles.
    public static func readAll(root: URL, practice: PracticeReader) -> (courses: [Course], problems: [CourseProblem]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let courseNames = names.sorted().filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent(manifestName).path) }
        var courses: [Course] = []
        var problems: [CourseProblem] = []
        // Prerequisites are checked across every manifest that parses, even of courses
        // with other problems, so a circle is named whatever else is wrong.
        var manifests: [CourseManifest] = []
        for name in courseNames {
            let folder = root.appendingPathComponent(name)
            let files = { (path: String) in FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) }
            let read = self.read(id: name, files: files, practice: practice)
            problems += read.problems
            if let course = read.course {
                problems += unusedFiles(in: folder, courseID: name, used: Set(course.package.files.keys).union([manifestName]))
                courses.append(course)
                manifests.append(course.manifest)
            } else if let text = files(manifestName).flatMap({ String(data: $0, encoding: .utf8) }),
                      let manifest = CourseManifest.parse(text, id: name, file: "").manifest {
                manifests.append(manifest)
            }
        }
        problems += crossCourseProblems(manifests, known: Set(courseNames))
        let broken = Set(problems.map { $0.file.split(separator: "/").first.map(String.init) ?? $0.file })
        return (courses.filter { !broken.contains($0.id) }, problems)
    }

    /// Prerequisites naming no course, and cycles among them.
    static func crossCourseProblems(_ manifests: [CourseManifest], known: Set<String>) -> [CourseProblem] {
        var problems: [CourseProblem] = []
        let byID = Dictionary(manifests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for manifest in manifests {
            let file = "\(manifest.id)/\(manifestName)"
            let line = manifest.lines["prerequisites"]
            for prerequisite in manifest.prerequisites where !known.contains(prerequisite) {
                problems.append(CourseProblem(file: file, line: line, problem: "the prerequisite \"\(prerequisite)\" is not a course here; name a course folder, or take it out"))
            }
            for prerequisite in manifest.prerequisites where byID[prerequisite]?.hasAssessment == false {
                problems.append(CourseProblem(
                    file: file, line: line,
                    problem: "the prerequisite \"\(prerequisite)\" has no quiz or practice, so no one can pass it and this course never opens; give it a quiz, or take it out of the list"))
            }
            // A cycle through this course: it can never open.
            var stack = manifest.prerequisites, seen: Set<String> = []
            while let next = stack.popLast() {
                if next == manifest.id {
                    problems.append(CourseProblem(file: file, line: line, problem: "the prerequisites go round in a circle back to \"\(manifest.id)\", so it can never open; break the circle"))
                    break
                }
                guard seen.insert(next).inserted, let other = byID[next] else { continue }
                stack += other.prerequisites
            }
        }
        return problems
    }

    /// A package, read as its folder was at the hub.
    public static func read(_ package: CoursePackage, practice: PracticeReader) -> (course: Course?, problems: [CourseProblem]) {
        read(id: package.id, files: { package.files[$0] }, practice: practice)
    }

    /// One course, read and checked through `files` (a path inside the course folder to
    /// its bytes, nil when there is no such file); `course` is nil when anything is wrong.
    public static func read(id: String, files: (String) -> Data?, practice readPractice: PracticeReader) -> (course: Course?, problems: [CourseProblem]) {
        let manifestFile = "\(id)/\(manifestName)"
        var used: [String: Data] = [:]
        var media: [String: MediaReference] = [:]
        func text(_ path: String) -> String? {
            guard let data = files(path), let text = String(data: data, encoding: .utf8) else { return nil }
            used[path] = data
            return text
        }
        guard let manifestText = text(manifestName) else {
            return (nil, [CourseProblem(file: manifestFile, problem: files(manifestName) == nil ? "is missing; every course folder needs one" : "cannot be read as UTF-8 text; save it as UTF-8")])
        }
        let parsed = CourseManifest.parse(manifestText, id: id, file: manifestFile)
        guard let manifest = parsed.manifest else { return (nil, parsed.problems) }
        var problems: [CourseProblem] = []

        func file(_ path: String, line: Int) -> String? {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                problems.append(CourseProblem(file: manifestFile, line: line, problem: "\"\(path)\" is outside the course folder; name a file inside it"))
                return nil
            }
            guard let contents = text(path) else {
                problems.append(CourseProblem(
                    file: manifestFile, line: line,
                    problem: files(path) != nil ? "\"\(path)\" cannot be read as UTF-8 text; save it as UTF-8" : "\"\(path)\" is not in the course folder; add the file or correct the name"))
                return nil
            }
            return contents
        }

        var lessons: [CourseLesson] = []
        let lessonFiles = Set(manifest.lessons.flatMap { [$0.file] + ($0.variant.map { [$0] } ?? []) })
        for entry in manifest.lessons {
            guard let markdown = file(entry.file, line: entry.line) else { continue }
            var variant: CourseLesson.Variant?
            if let variantFile = entry.variant, let variantText = file(variantFile, line: entry.line) {
                variant = CourseLesson.Variant(file: variantFile, markdown: variantText)
            }
            for (lessonFile, text) in [(entry.file, markdown)] + (variant.map { [($0.file, $0.markdown)] } ?? []) {
                problems += lessonProblems(text, file: lessonFile, lessons: lessonFiles, courseID: id)
                for source in imageSources(in: MarkdownParser.parse(text)) {
                    let path = CourseLesson.imagePath(source, inLesson: lessonFile)
                    guard used[path] == nil else { continue }
                    guard let data = files(path) else {
                        problems.append(CourseProblem(file: "\(id)/\(lessonFile)", line: lineNumber(of: source, in: text), problem: "the image \"\(source)\" is not in the course folder; add it or correct the name"))
                        continue
                    }
                    used[path] = data
                }
            }
            let title = MarkdownParser.parse(markdown).title ?? (entry.file as NSString).lastPathComponent
            lessons.append(CourseLesson(file: entry.file, title: title, markdown: markdown, variant: variant))
        }

        var quiz: CourseQuiz?
        if let quizFile = manifest.quiz, let source = file(quizFile, line: manifest.lines["quiz"] ?? 1) {
            do throws(GIFTError) {
                let read = try CourseQuiz(file: quizFile, source: source)
                quiz = read
                if read.questions.allSatisfy({ $0.kind == .description }) {
                    problems.append(CourseProblem(file: "\(id)/\(quizFile)", line: 1, problem: "the quiz asks no questions; add at least one"))
                }
                problems += quizProblems(read, file: "\(id)/\(quizFile)")
            } catch {
                problems.append(CourseProblem(file: "\(id)/\(quizFile)", line: error.line, problem: error.problem))
            }
        }

        var practice: CoursePractice?
        if let entry = manifest.practice {
            let found = [entry.project, entry.tasks].map { file($0, line: entry.line) != nil }
            // Read even when other files have problems, so one pass of lint names them all.
            if !found.contains(false) {
                let chipFile: PracticeFile = { path in
                    let inCourse = CourseLesson.imagePath(path, inLesson: entry.tasks)
                    guard !path.hasPrefix("/"), !inCourse.split(separator: "/").contains("..") else { return nil }
                    return (inCourse, files(inCourse))
                }
                let read = readPractice(used[entry.project] ?? Data(), "\(id)/\(entry.project)", used[entry.tasks] ?? Data(), "\(id)/\(entry.tasks)", chipFile)
                problems += read.problems
                practice = read.practice
                if let read = read.practice {
                    // A geo task's chip travels with the course, under the SHA-256 its
                    // task names, so a station installs it checked as leased media is.
                    for item in read.items {
                        guard let chip = item.chip, let image = item.task.image, let bytes = files(chip) else { continue }
                        used[chip] = bytes
                        media[chip] = image.media
                    }
                    if read.items.isEmpty {
                        problems.append(CourseProblem(file: "\(id)/\(entry.tasks)", problem: "holds no practice tasks; add at least one line"))
                    }
                    problems += remediationProblems(manifest, practice: read)
                }
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        let package = CoursePackage(id: id, files: used, media: media)
        return (Course(manifest: manifest, lessons: lessons, quiz: quiz, practice: practice, package: package), [])
    }

    /// The images a lesson shows, by the path it gives them; links off the machine
    /// (`http:`, `https:`) are text to show, not files to carry.
    static func imageSources(in document: MarkdownDocument) -> [String] {
        var sources: [String] = []
        walk(document, block: { if case .image(let source, _) = $0 { sources.append(source) } }) { inline in
            if case .image(_, let url) = inline { sources.append(url) }
        }
        return sources.filter { !$0.contains("://") }
    }

    /// Calls `block` for every block of the document and `inline` for every inline, at
    /// any depth (inside lists, quotes, tables, links and emphasis), in reading order.
    static func walk(_ document: MarkdownDocument, block visitBlock: (MarkdownBlock) -> Void = { _ in }, inline visitInline: (MarkdownInline) -> Void) {
        func inlines(_ items: [MarkdownInline]) {
            for item in items {
                visitInline(item)
                switch item {
                case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(let children, _): inlines(children)
                default: break
                }
            }
        }
        func blocks(_ items: [MarkdownBlock]) {
            for block in items {
                visitBlock(block)
                switch block {
                case .heading(_, let children), .paragraph(let children): inlines(children)
                case .list(let list): list.items.forEach(blocks)
                case .blockQuote(let children): blocks(children)
                case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach(inlines)
                case .codeBlock, .thematicBreak, .image: break
                }
            }
        }
        blocks(document.blocks)
    }

    /// The first line of `text` holding `needle`, or nil: where a problem found after
    /// parsing is named, for every reader of course files (the practice reader too).
    public static func firstLine(containing needle: String, in text: String) -> Int? {
        var number = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains(needle) { return number }
            number += 1
        }
        return nil
    }

    static func lineNumber(of needle: String, in text: String) -> Int {
        firstLine(containing: needle, in: text) ?? 1
    }
}

