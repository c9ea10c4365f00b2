import ArgumentParser
import Curriculum
import Domain
import Foundation
import Hub

/// `course status COURSE [--format table|csv|json]`: who has a course and where they stand.
struct CourseStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Who is assigned a course, has started, passed, failed or is overdue, and attempts awaiting a trainer.",
        discussion: """
            One row per person assigned the course or who has attempted it: how they have it (who assigned it, through \
            which cohort, or remediation), the due date, their state (not started, started, waiting for a retry, awaiting \
            a trainer, passed, failed: out of attempts, locked behind prerequisites), attempts used of those allowed, their \
            best mark, and whether they are overdue. Then each attempt with essays or free text still to mark, with its id \
            and items, for labeldesk course mark.
            """)
    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @Argument(help: "The course's id.") var course: String
    @Option(help: "table, csv or json.") var format: ReportCommand.Layout = .table

    func run() throws {
        let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
        print(CourseStatusText.render(try hub.courseStatus(courseID: course, now: Date()), as: format), terminator: "")
    }
}

/// `course status` as a table, CSV or JSON.
enum CourseStatusText {
    static let columns = ["person", "assigned", "assigned_at", "due", "state", "attempts", "allowed", "best", "overdue", "last_attempt"]

    static func render(_ report: CourseStatusReport, as layout: ReportCommand.Layout) -> String {
        let rows = report.people.map { fields($0, report) }
        switch layout {
        case .csv:
            return ([columns] + rows).map { $0.map(QualityReportText.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .json:
            return json(report).canonicalText + "\n"
        case .table:
            var text = "\(report.courseID): \(report.title) (version \(report.version)), pass mark \(percent(report.passMark)), "
                + (report.attemptsAllowed.map { "\($0) attempts" } ?? "unlimited attempts") + "\n"
            if report.people.isEmpty {
                text += "Nobody is assigned \(report.courseID) or has attempted it yet; labeldesk course assign \(report.courseID) --to USER assigns it.\n"
            } else {
                let shown = rows.map { row in
                    [row[0], row[1], row[3].isEmpty ? "-" : row[3], row[4], row[5] + (row[6].isEmpty ? "" : "/" + row[6]),
                     row[7].isEmpty ? "-" : percent(Double(row[7]) ?? 0), row[8] == "true" ? "OVERDUE" : ""]
                }
                text += TextTable.render([["person", "assigned", "due", "state", "attempts", "best", ""]] + shown)
            }
            if !report.awaitingTrainer.isEmpty {
                text += "\nAwaiting a trainer (labeldesk course mark ATTEMPT ITEM MARK --as TRAINER):\n"
                text += TextTable.render(report.awaitingTrainer.map { [$0.attemptID.uuidString, $0.username, timeText($0.finishedAt), $0.items.joined(separator: " ")] })
            }
            return text
        }
    }

    static func fields(_ person: CourseStatusReport.Person, _ report: CourseStatusReport) -> [String] {
        [
            person.username, how(person.assignment), person.assignment.map { timeText($0.assignedAt) } ?? "",
            person.assignment?.dueAt.map(timeText) ?? "", stateText(person.state, hasStarted: person.hasStarted), String(person.attemptsUsed),
            report.attemptsAllowed.map(String.init) ?? "", person.bestShare.map { String(format: "%.4f", $0) } ?? "", String(person.isOverdue),
            person.lastAttemptAt.map(timeText) ?? "",
        ]
    }

    static func json(_ report: CourseStatusReport) -> JSONValue {
        .object([
            "course": .string(report.courseID), "title": .string(report.title), "version": .string(report.version),
            "passMark": .double(report.passMark), "attemptsAllowed": report.attemptsAllowed.map { .integer($0) } ?? .null,
            "people": .array(report.people.map { person in
                let fields = fields(person, report)
                return .object(Dictionary(uniqueKeysWithValues: zip(columns, fields).map { column, value in
                    switch column {
                    case "attempts": return (column, JSONValue.integer(person.attemptsUsed))
                    case "allowed": return (column, report.attemptsAllowed.map { JSONValue.integer($0) } ?? .null)
                    case "best": return (column, person.bestShare.map { JSONValue.double($0) } ?? .null)
                    case "overdue": return (column, JSONValue.bool(person.isOverdue))
                    default: return (column, value.isEmpty ? JSONValue.null : .string(value))
                    }
                }))
            }),
            "awaitingTrainer": .array(report.awaitingTrainer.map { attempt in
                .object([
                    "attempt": .string(attempt.attemptID.uuidString), "person": .string(attempt.username),
                    "finished": .string(timeText(attempt.finishedAt)), "items": .array(attempt.items.map { .string($0) }),
                ])
            }),
        ])
    }

    static func how(_ assignment: CourseAssignment?) -> String {
        switch assignment?.reason {
        case nil: return "unassigned"
        case .assigned(let by, let cohort?): return "by \(by) (cohort \(cohort))"
        case .assigned(let by, nil): return "by \(by)"
        case .remediation(let projectID, let trigger, _): return "remediation (\(projectID): \(trigger))"
        }
    }

    static func stateText(_ state: CourseState, hasStarted: Bool) -> String {
        switch state {
        case .passed: return "passed"
        case .open: return hasStarted ? "started" : "not started"
        case .waiting(let until): return "waiting until \(timeText(until))"
        case .outOfAttempts: return "failed (out of attempts)"
        case .awaitingTrainer: return "awaiting trainer"
        case .locked(let behind): return "locked (needs \(behind.joined(separator: ", ")))"
        }
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    static func timeText(_ date: Date) -> String { CourseAssignCommand.timeText(date) }
}
