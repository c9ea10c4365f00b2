import Domain
import Foundation

/// A course as the hub holds it and a station caches it: its manifest and every file it
/// needs, read and checked, so a station can teach and grade it with no network.
///
/// Quiz keys and practice keys are training material, not gold: they travel to
/// stations (the gold key never does).
public struct Course: Equatable, Sendable, Identifiable {
    public var manifest: CourseManifest
    public var lessons: [CourseLesson]
    public var quiz: CourseQuiz?
    public var practice: CoursePractice?
    /// The files all this was read from (lesson images among them): what travels to stations.
    public var package: CoursePackage
    /// The package's digest: attempts name the version they were taken on.
    public let version: String

    public var id: String { manifest.id }
    public var title: String { manifest.title }

    public init(manifest: CourseManifest, lessons: [CourseLesson], quiz: CourseQuiz?, practice: CoursePractice?, package: CoursePackage) {
        self.manifest = manifest
        self.lessons = lessons
        self.quiz = quiz
        self.practice = practice
        self.package = package
        self.version = package.version
    }

    /// The bytes of an image a lesson shows (`source` as the lesson writes it).
    public func image(_ source: String, inLesson lesson: String) -> Data? {
        package.files[CourseLesson.imagePath(source, inLesson: lesson)]
    }

    /// What an attempt answers, in order: the quiz's questions (descriptions, which ask
    /// nothing, left out), then the practice tasks.
    public var assessment: [AssessmentItem] {
        let questions = (quiz?.questions ?? []).enumerated().compactMap { index, question in
            question.kind == .description ? nil : AssessmentItem.question(index: index, question)
        }
        return questions + (practice?.items ?? []).map(AssessmentItem.practice)
    }

    /// The lesson a remediation trigger assigns, if the course maps one.
    public func remedialLesson(for trigger: CourseManifest.Remediation.Trigger) -> CourseLesson? {
        guard let file = manifest.remediation.first(where: { $0.trigger == trigger })?.lesson else { return nil }
        return lessons.first { $0.file == file || $0.variant?.file == file }
    }
}

/// One lesson: its Markdown, and a second version when the course tries two.
public struct CourseLesson: Equatable, Sendable {
    /// The Markdown file, relative to the course folder: the lesson's id.
    public var file: String
    /// The first heading, or the file name when there is none.
    public var title: String
    public var markdown: String
    public var variant: Variant?

    public struct Variant: Equatable, Sendable {
        public var file: String
        public var markdown: String

        public init(file: String, markdown: String) {
            self.file = file
            self.markdown = markdown
        }
    }

    public init(file: String, title: String, markdown: String, variant: Variant? = nil) {
        self.file = file
        self.title = title
        self.markdown = markdown
        self.variant = variant
    }

    /// Where an image a lesson names is, inside the course folder: beside the lesson.
    public static func imagePath(_ source: String, inLesson lesson: String) -> String {
        let folder = (lesson as NSString).deletingLastPathComponent
        return folder.isEmpty ? source : "\(folder)/\(source)"
    }

    /// Whether `username` is shown the variant: half of people, chosen by a hash of the
    /// person and the lesson (stable, nothing stored; the hub's report works it out the
    /// same way). Always false for a lesson with one version.
    public func showsVariant(to username: String) -> Bool {
        guard variant != nil else { return false }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(username)\u{0}\(file)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash % 2 == 1
    }

    /// The Markdown a person is shown: the variant's when they were assigned it.
    public func markdown(forVariant useVariant: Bool) -> String {
        useVariant ? variant?.markdown ?? markdown : markdown
    }
}

/// A quiz: its GIFT file, and the questions parsed from it.
public struct CourseQuiz: Equatable, Sendable {
    public var file: String
    public var source: String
    public var questions: [GIFTQuestion]

    public init(file: String, source: String) throws(GIFTError) {
        self.file = file
        self.source = source
        self.questions = try GIFTParser.parse(source, fileName: file)
    }
}

/// Practice tasks of any kind, with the project that gives their kind and schema.
public struct CoursePractice: Equatable, Sendable {
    public var project: Project
    public var items: [PracticeItem]

    public init(project: Project, items: [PracticeItem]) {
        self.project = project
        self.items = items
    }
}

/// A practice task, its answer key, and what is shown once it is answered.
public struct PracticeItem: Codable, Equatable, Sendable {
    public var task: LabelTask
    public var key: Answer
    public var explanation: String
    /// A geo task's chip file, by its path inside the course folder: it travels in the
    /// package, and its bytes hash to the task's `image.media`.
    public var chip: String?

    public init(task: LabelTask, key: Answer, explanation: String, chip: String? = nil) {
        self.task = task
        self.key = key
        self.explanation = explanation
        self.chip = chip
    }
}

/// One thing an attempt answers.
public enum AssessmentItem: Equatable, Sendable {
    /// A quiz question, by its place in the quiz file (descriptions count in the place).
    case question(index: Int, GIFTQuestion)
    case practice(PracticeItem)

    /// How an attempt's response names this item: `q3` or `p:<task id>`.
    public var key: String {
        switch self {
        case .question(let index, _): return "q\(index)"
        case .practice(let item): return "p:\(item.task.id)"
        }
    }
}
