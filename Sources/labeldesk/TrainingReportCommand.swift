import ArgumentParser
import Foundation
import Hub

extension ReportCommand {
    /// `report training --course C`: a trainer's whole view of one course.
    struct Training: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A course's training report: who stands where, attempts and marks, remediations, its quiz's item analysis, and whether its lessons work.",
            discussion: """
                People: who is assigned the course (by whom, through which cohort, or by remediation), started, passed, \
                failed or overdue. Attempts: each with the hub's mark and whether it counts. Remediations: each lesson and \
                retest gold errors assigned, open or cleared, and the fresh starts passing a retest gave someone paused by \
                gold quality. Items: Moodle's item analysis of the counted attempts at the current version, one column per \
                question and practice task, with flags (as labeldesk report items). Lessons: each reader's gold accuracy in \
                the --window gold items before and after they first opened each lesson, the mean change with its paired t \
                95% interval; for a lesson with two versions, accuracy after reading per version and the second less the \
                first with Newcombe's 95% interval. Gold is read from the projects the course qualifies for or remediated.
                """)
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The course's id.") var course: String
        @Option(help: "Gold items each side of a lesson reading (default 10).") var window: Int = Hub.efficacyWindow
        @Option(help: "table, csv or json.") var format: Layout = .table

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            print(TrainingReportText.render(try hub.trainingReport(courseID: course, window: window, now: Date()), as: format), terminator: "")
        }
    }
}
