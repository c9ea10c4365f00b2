import Curriculum
import Domain
import Foundation
import Store

/// Practice and gold kept apart: no task is both.
///
/// A practice task's key travels to every station that holds its course (training
/// material), so a gold item with the same text or chip would hand its answer key to the
/// people it measures. The rule is checked both ways, at the hub: publishing a course
/// refuses practice that is gold somewhere, and gold (imported, or taken from the work as a
/// candidate) refuses what a published course practises.
extension Hub {
    /// What makes two tasks the same thing to answer: the chip for imagery, else the text
    /// and any responses to it (a comparison's two answers). Ids differ between a course
    /// and a project, so they are not compared.
    static func answeredContent(of task: LabelTask) -> String {
        if let image = task.image { return "chip:" + image.media.sha256 }
        return ([task.text] + task.responses).joined(separator: "\u{0}")
    }

    /// Every practice task of the courses currently published, by what it asks:
    /// (course, task id).
    static func practiceContents(in transaction: HubTransaction) throws -> [String: (course: String, task: String)] {
        var lookup = CourseLookup(transaction: transaction)
        var contents: [String: (course: String, task: String)] = [:]
        for header in try transaction.currentCourseHeaders() {
            guard let practice = try lookup.course(id: header.id, version: header.version)?.practice else { continue }
            for item in practice.items { contents[answeredContent(of: item.task)] = (header.id, item.task.id) }
        }
        return contents
    }

    /// The gold item, if any, a practice task of one of `courses` asks the same as; as
    /// the `FILE:LINE:` problems a publish is refused with.
    static func practiceThatIsGold(_ courses: [Course], in transaction: HubTransaction) throws -> [String] {
        let practised = courses.filter { $0.practice != nil }
        guard !practised.isEmpty else { return [] }
        var gold: [String: (project: String, id: String)] = [:]
        for project in try transaction.projects() {
            for item in try transaction.goldItems(projectID: project.id) { gold[answeredContent(of: item.task)] = (project.id, item.task.id) }
        }
        guard !gold.isEmpty else { return [] }
        var problems: [String] = []
        for course in practised {
            guard let practice = course.practice else { continue }
            let file = course.manifest.practice?.tasks ?? "practice"
            let text = String(decoding: course.package.files[file] ?? Data(), as: UTF8.self)
            for item in practice.items {
                guard let match = gold[answeredContent(of: item.task)] else { continue }
                let line = CourseFolder.firstLine(containing: "\"\(item.task.id)\"", in: text).map { ":\($0)" } ?? ""
                problems.append("\(course.id)/\(file)\(line): practice task \"\(item.task.id)\" is gold item \"\(match.id)\" of project \(match.project), and a course's keys go to every station that holds it; practise on another task, or retire that gold item first (labeldesk gold retire --project \(match.project) \(match.id))")
            }
        }
        return problems
    }

    /// The refusal for gold that a published course practises, or nil.
    static func goldThatIsPractice(_ tasks: [LabelTask], in transaction: HubTransaction) throws -> HubError? {
        let practice = try practiceContents(in: transaction)
        guard !practice.isEmpty else { return nil }
        for task in tasks {
            guard let match = practice[answeredContent(of: task)] else { continue }
            return .importRefused("gold item \"\(task.id)\" is practice task \"\(match.task)\" of course \(match.course), whose key every station holding the course has; it cannot measure anyone. Leave it out of the gold, or take it out of the course's practice and publish the course again")
        }
        return nil
    }
}
