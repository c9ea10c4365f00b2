import ArgumentParser

/// `labeldesk course ...`: courses in `Training/`, published to the hub, assigned and marked.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: "Courses: publish them to the hub, assign them, follow and mark them.",
        subcommands: [
            CoursePublishCommand.self, CourseAssignCommand.self, CourseStatusCommand.self, CourseMarkCommand.self,
        ])
}
