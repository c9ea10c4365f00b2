import Curriculum
import Domain
import Foundation

/// How the screens word where a person stands in a course: one place, so the home
/// screen, the course list and the course page never say it two ways.
public enum CourseText {
    /// A short status for a list row: "passed 2026-11-18", "retry at 14:05:10 (in 00:42)".
    public static func status(_ entry: Coursework.Entry, in work: Coursework, now: Date, zone: TimeZone) -> String {
        let state = work.state(of: entry, now: now)
        switch state {
        case .passed(let at):
            return "passed " + day(at, zone)
        case .waiting(let until):
            return "retry at " + clock(until, zone) + " (in " + TimeText.duration(until.timeIntervalSince(now).rounded(.up)) + ")"
        case .outOfAttempts:
            return "out of attempts: see your trainer"
        case .awaitingTrainer:
            return "awaiting a trainer's marks"
        case .locked(let behind):
            return "locked: pass " + names(behind, in: work) + " first"
        case .open:
            if let trigger = remediationTrigger(entry) { return "retest: your gold on " + trigger + " fell" }
            if let due = entry.assignment?.dueAt {
                return work.isOverdue(entry, now: now) ? "overdue (was due " + day(due, zone) + ")" : "due " + day(due, zone)
            }
            if entry.assignment != nil { return "assigned" }
            return entry.attempts.isEmpty ? "not started" : "not passed yet"
        }
    }

    /// The trigger (`label positive`, `error missed`) whose gold accuracy assigned the
    /// course again, while that retest is still to pass; nil otherwise.
    public static func remediationTrigger(_ entry: Coursework.Entry) -> String? {
        guard case .remediation(_, let trigger, _) = entry.assignment?.reason else { return nil }
        return trigger
    }

    /// What the course page says of a retest quality assigned, under the status that says
    /// why: what to read, and for which project.
    public static func remediationNote(_ entry: Coursework.Entry, in work: Coursework, now: Date) -> String? {
        guard case .remediation(let project, _, let lesson)? = entry.assignment?.reason, case .open = work.state(of: entry, now: now) else { return nil }
        let title = entry.course.lessons.first { $0.file == lesson || $0.variant?.file == lesson }?.title ?? lesson
        return "Read \"\(title)\" again, then take the quiz: a retest for \(project)."
    }

    /// Why an attempt may not start now, as a sentence with when it can; nil when it may.
    public static func startRefusal(_ entry: Coursework.Entry, in work: Coursework, now: Date, zone: TimeZone) -> String? {
        guard !entry.course.assessment.isEmpty else { return "\(entry.title) has no quiz or practice to take: read its lessons." }
        switch work.state(of: entry, now: now) {
        case .open:
            return nil
        case .passed(let at):
            return "You passed \(entry.title) on \(day(at, zone)); there is nothing more to take."
        case .waiting(let until):
            return "You can try again at \(clock(until, zone)), in \(TimeText.duration(until.timeIntervalSince(now).rounded(.up))): read the lessons meanwhile."
        case .outOfAttempts:
            let count = entry.course.manifest.attemptsAllowed ?? entry.attempts.count
            return "You have used all \(count) attempts at \(entry.title); ask your trainer to assign it to you again."
        case .awaitingTrainer:
            return "Your last attempt waits for a trainer's marks; you can try again once it is marked."
        case .locked(let behind):
            return "Pass \(names(behind, in: work)) first: \(entry.title) opens after it."
        }
    }

    /// What a queue locked by courses says instead of opening.
    public static func lockSentence(_ courses: [String], in work: Coursework?) -> String {
        "Locked: pass " + names(courses, titles: { work?.title(of: $0) ?? $0 }) + " first"
    }

    /// `"A"`, `"A" and "B"`, `"A", "B" and "C"`.
    static func names(_ ids: [String], in work: Coursework) -> String {
        names(ids, titles: work.title(of:))
    }

    static func names(_ ids: [String], titles: (String) -> String) -> String {
        let quoted = ids.map { "\"\(titles($0))\"" }
        guard quoted.count > 1, let last = quoted.last else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + last
    }

    /// A mark as people read it: "3 of 4 (75%)".
    public static func mark(_ marks: Double, outOf: Double) -> String {
        "\(number(marks)) of \(number(outOf)) (\(percent(outOf > 0 ? marks / outOf : 0)))"
    }

    public static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }

    /// Whole numbers without a decimal point; others to two places.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// `2026-11-18`
    static func day(_ date: Date, _ zone: TimeZone) -> String {
        String(TimeText.dateTime(date, in: zone).prefix(10))
    }

    /// `14:05:10`: a retry wait may be seconds long, so the time shows them.
    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date.addingTimeInterval(0.999).rounded())
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

private extension Date {
    /// Rounded down to the whole second.
    func rounded() -> Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
