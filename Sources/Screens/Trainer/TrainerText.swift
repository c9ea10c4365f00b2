import Curriculum
import Foundation

/// The trainer screen's words: where a person stands, a flag, and the mark typed for an essay.
public enum TrainerText {
    /// Why a typed mark or assignment cannot be sent.
    public struct MarkProblem: Error, Equatable, Sendable {
        public var sentence: String
    }

    /// A mark as typed, as the hub takes it: 0 to 1 (`0.5`, `1`) or a percentage (`50%`).
    /// Every item of an assessment is out of 1, as `CourseGrading` counts them, so 1 is
    /// an item's maximum; `labeldesk course mark` reads marks the same way.
    public static func share(fromMark text: String) -> Result<Double, MarkProblem> {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .failure(MarkProblem(sentence: "Type a mark first: 0 to 1 (like 0.5) or a percentage (like 50%).")) }
        let isPercent = typed.hasSuffix("%")
        guard let number = Double(isPercent ? String(typed.dropLast()).trimmingCharacters(in: .whitespaces) : typed), number.isFinite else {
            return .failure(MarkProblem(sentence: "\"\(typed)\" is not a mark; type 0 to 1 (like 0.5) or a percentage (like 50%)."))
        }
        let share = isPercent ? number / 100 : number
        guard (0...1).contains(share) else {
            return .failure(MarkProblem(sentence: "\(typed) is outside 0 to 1; an item is worth 1 at most (or 100%)."))
        }
        return .success(share)
    }

    /// An assignment as typed: to a username, or to `cohort NAME`; due on a day
    /// (`2026-12-15`, the end of that day, UTC), in a time from now (`3d`, `12h`, `90m`), or
    /// never when left empty. The day and the times are read as `labeldesk course assign
    /// --due` reads them.
    public static func assignment(to: String, due: String, now: Date) -> Result<(TrainerScreen.Assignee, Date?), MarkProblem> {
        let whom = to.trimmingCharacters(in: .whitespaces)
        let words = whom.split(separator: " ", omittingEmptySubsequences: true)
        let assignee: TrainerScreen.Assignee
        switch words.count {
        case 1: assignee = .person(whom)
        case 2 where words[0].lowercased() == "cohort": assignee = .cohort(String(words[1]))
        case 0: return .failure(MarkProblem(sentence: "Type who is to take the course: a username, or cohort and the cohort's name."))
        default: return .failure(MarkProblem(sentence: "\"\(whom)\" is neither a username nor cohort NAME."))
        }
        let typed = due.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .success((assignee, nil)) }
        guard let dueAt = CourseManifest.dueDate(typed, now: now) else {
            return .failure(MarkProblem(sentence: "\"\(typed)\" is not a due date; type a day like 2026-12-15, a time from now like 3d, 12h or 90m, or nothing."))
        }
        return .success((assignee, dueAt))
    }

    /// Where a person stands on a course, in a few words, as `labeldesk course status` says it.
    static func state(_ person: TrainerScreen.Person, in zone: TimeZone) -> String {
        switch person.state {
        case .passed: "passed"
        case .open: person.hasStarted ? "started" : "not started"
        case .waiting(let until): "retry at \(TimeText.time(until, in: zone))"
        case .outOfAttempts: "failed"
        case .awaitingTrainer: "awaiting mark"
        case .locked(let behind): "needs \(behind.joined(separator: ", "))"
        }
    }

    static func flag(_ flag: ItemFlag) -> String {
        switch flag {
        case .tooEasy: "too easy"
        case .tooHard: "too hard"
        case .negativelyDiscriminating: "negative"
        case .dubious: "dubious"
        }
    }

    static func percent(_ share: Double?) -> String {
        share.map { String(format: "%.0f%%", $0 * 100) } ?? "-"
    }
}
