import ArgumentParser
import Curriculum
import Foundation
import Hub

/// `course assign COURSE --to USER | --cohort NAME [--due DATE|3d] --as TRAINER`.
struct CourseAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign a published course to a person or a cohort, with a due date.",
        discussion: """
            A cohort's members are each given the course, and people who join the cohort later are given it as they join. \
            --due takes a day (2026-12-15: due by the end of that day, UTC) or a time from now (3d, 12h, 90m). Assigning \
            again a course someone has not passed starts their attempts afresh. Trainers, leads and admins on the hub's \
            roster assign (--as); each assignment is audited.
            """)
    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @Argument(help: "The course's id (its folder's name).") var course: String
    @Option(help: "The person to give it to.") var to: String?
    @Option(help: "The cohort to give it to.") var cohort: String?
    @Option(help: ArgumentHelp("When it is due: a day, or a time from now.", valueName: "2026-12-15|3d")) var due: String?
    @Option(name: .customLong("as"), help: "Who assigns it: a trainer, lead or admin on the hub's roster.") var actor: String

    func run() throws {
        let assignee: CourseAssignee
        switch (to, cohort) {
        case (let person?, nil): assignee = .person(person)
        case (nil, let name?): assignee = .cohort(name)
        default: throw UserFacingError("give one of --to USER and --cohort NAME: who is to take \(course)")
        }
        let now = Date()
        let dueAt = try due.map { try Self.dueDate($0, now: now) }
        let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
        let people = try hub.assignCourse(course, to: assignee, dueAt: dueAt, actor: actor, now: now)
        let whom = cohort.map { "cohort \($0) (\(people.joined(separator: ", ")))" } ?? people.joined(separator: ", ")
        print("Assigned \(course) to \(whom)" + (dueAt.map { ", due \(Self.timeText($0))." } ?? "."))
    }

    /// `2026-12-15` (the end of that day, UTC) or a time from now: `3d`, `12h`, `90m`, `30s`.
    static func dueDate(_ text: String, now: Date) throws -> Date {
        if let due = CourseManifest.dueDate(text, now: now) { return due }
        throw UserFacingError("--due \"\(text)\" is not a date; give a day like 2026-12-15, or a time from now like 3d, 12h or 90m")
    }

    static func timeText(_ date: Date) -> String { Hub.utcFormatter("yyyy-MM-dd HH:mm 'UTC'").string(from: date) }
}
