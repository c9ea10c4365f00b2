import ArgumentParser
import Curriculum
import Foundation
import Hub
import Workstation

/// `labeldesk course ...`: a trainer's commands for the courses in a `Training/` folder
/// and for the courses published to the hub.
///
/// One subcommand a line, each in the file that defines it, so more course commands join
/// the list without touching the others.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Courses: check, list and show a Training folder's; publish them to the hub, assign them, follow and mark them.",
        subcommands: [
            Lint.self,
            List.self,
            Show.self,
            CoursePublishCommand.self,
            CourseAssignCommand.self,
            CourseStatusCommand.self,
            CourseMarkCommand.self,
        ]
    )
}

/// `[DIR]`, the folder of courses: by default the Training folder LabelDesk ships with.
struct CoursesFolderArgument: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The folder of courses (one folder per course, each with a course.conf).",
        discussion: "Default: the Training folder LabelDesk ships with ($LABELDESK_TRAINING, else found beside the program).",
        valueName: "DIR"))
    var folder: String?

    /// The folder, and the name problems and messages give it: the path as typed, or
    /// the one found, relative to the current folder when it is inside it.
    func resolved() throws -> (url: URL, shown: String) {
        let url: URL
        let shown: String
        if let folder {
            url = URL(fileURLWithPath: folder)
            shown = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        } else {
            url = try TrainingFolder.locate()
            let here = FileManager.default.currentDirectoryPath + "/"
            shown = url.path.hasPrefix(here) ? String(url.path.dropFirst(here.count)) : url.path
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw UserFacingError("\(shown) is not a folder; name the folder that holds the course folders")
        }
        guard TrainingFolder.holdsCourses(url) else {
            throw UserFacingError("\(shown) holds no courses: a course is a folder with a course.conf in it (see Training/README.md)")
        }
        return (url, shown)
    }

    /// Every course of the folder, read and checked as the hub reads them.
    func read() throws -> (courses: [Course], problems: [CourseProblem], shown: String) {
        let (url, shown) = try resolved()
        let read = CourseFolder.readAll(root: url, practice: Hub.practiceReader)
        return (read.courses, read.problems, shown)
    }
}

extension CourseCommand {
    /// `course lint [DIR]`: every problem of every course, as `FILE:LINE: problem`.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every course: each problem as FILE:LINE: what is wrong and how to fix it.",
            discussion: """
                Reads each course as the hub publishes it: course.conf, every lesson (and its images and links), the \
                GIFT quiz, the practice project and tasks with their keys. Exits with status 1 when there is any problem.
                """)
        @OptionGroup var courses: CoursesFolderArgument

        func run() throws {
            let read = try courses.read()
            let text = CourseText.lint(problems: read.problems, courses: read.courses, folder: read.shown)
            print(text, terminator: "")
            if !read.problems.isEmpty { throw ExitCode.failure }
        }
    }

    /// `course list [DIR]`: one line per course.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the courses: who they are for, what they hold, what passing takes and what it opens.")
        @OptionGroup var courses: CoursesFolderArgument

        func run() throws {
            let read = try courses.read()
            print(CourseText.list(read.courses, problems: read.problems, folder: read.shown), terminator: "")
        }
    }

    /// `course show COURSE [DIR]`: one course in full.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one course in full: settings, lessons and their versions, questions, practice tasks, remediation.")
        @Argument(help: ArgumentHelp("The course: its folder's name.", valueName: "COURSE")) var course: String
        @OptionGroup var courses: CoursesFolderArgument

        func run() throws {
            let read = try courses.read()
            guard let found = read.courses.first(where: { $0.id == course }) else {
                if read.problems.contains(where: { $0.file.hasPrefix("\(course)/") }) {
                    throw UserFacingError("the course \"\(course)\" has problems, so it cannot be shown; `labeldesk course lint \(read.shown)` lists them")
                }
                let known = read.courses.map(\.id).joined(separator: ", ")
                throw UserFacingError("there is no course \"\(course)\" in \(read.shown); the courses there are \(known.isEmpty ? "none that read cleanly" : known)")
            }
            print(CourseText.show(found), terminator: "")
        }
    }
}
