import Curriculum
import Domain
import Foundation

/// The console's forms read into actions, with a sentence for what is wrong.
enum LeadText {
    struct Problem: Error, Equatable {
        var sentence: String
    }

    static func action(_ kind: LeadScreen.FormKind, typed: String, projects: [String], now: Date) -> Result<LeadAction, Problem> {
        let text = typed.trimmingCharacters(in: .whitespaces)
        func share(most: Double, what: String) -> Result<Double, Problem> {
            let number = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let value = Double(number), value.isFinite, value >= 0, value <= most * 100 else {
                return .failure(Problem(sentence: "\"\(typed)\" is not a \(what); type a percentage from 0 to \(Int(most * 100)), like 5 or 2.5."))
            }
            return .success(value / 100)
        }
        switch kind {
        case .pauseNote(let username):
            return .success(.pause(username: username, note: text))
        case .moveTo(let username):
            guard projects.contains(text) else {
                let known = projects.joined(separator: ", ")
                return .failure(Problem(sentence: text.isEmpty ? "Type the project to move \(username) to: \(known)." : "No project \"\(text)\" on the floor; type one of \(known)."))
            }
            return .success(.move(username: username, projectID: text))
        case .course(let username):
            let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let courseID = words.first else { return .failure(Problem(sentence: "Type the course's id, then a due date if it has one: basics 3d.")) }
            guard words.count <= 2 else { return .failure(Problem(sentence: "\"\(text)\" is more than a course and a due date; type basics, or basics 3d.")) }
            guard words.count == 2 else { return .success(.assignCourse(courseID: courseID, username: username, dueAt: nil)) }
            guard let due = CourseManifest.dueDate(words[1], now: now) else {
                return .failure(Problem(sentence: "\"\(words[1])\" is not a due date; type a day like 2026-12-15, a time from now like 3d, 12h or 90m, or nothing."))
            }
            return .success(.assignCourse(courseID: courseID, username: username, dueAt: due))
        case .goldRate(let projectID):
            return share(most: 0.5, what: "gold rate").map { .setGoldRate(projectID: projectID, rate: $0) }
        case .overlap(let projectID):
            return share(most: 1, what: "overlap").map { .setOverlap(projectID: projectID, overlap: $0) }
        case .priority(let projectID):
            guard let priority = Int(text), (-99...99).contains(priority) else {
                return .failure(Problem(sentence: "\"\(typed)\" is not a priority; type a whole number from -99 to 99 (higher is offered first)."))
            }
            return .success(.setPriority(projectID: projectID, priority: priority))
        case .flagAnswer(let annotationID):
            guard !text.isEmpty else { return .failure(Problem(sentence: "Type an answer for the person who raised the flag.")) }
            return .success(.answerFlag(annotationID: annotationID, answer: text))
        }
    }
}
