import ArgumentParser
import Foundation
import Hub

/// `course publish [DIR] --as USER`: every course in the folder to the hub, or none.
struct CoursePublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Publish the courses of a folder to the hub: new and changed ones, or none when any has a problem.",
        discussion: """
            DIR holds one folder per course (each with its course.conf); by default the Training folder found in the \
            current folder or beside labeldesk (or $LABELDESK_TRAINING). Every course is read and checked as course lint \
            checks it; when any has a problem, nothing is published and each problem is printed as FILE:LINE: what is wrong. \
            A course whose files are unchanged keeps its version and nothing is written for it. Stations get new versions \
            with their next sync. Only trainers and admins on the hub's roster publish (--as), and each publish is audited.
            """)
    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @OptionGroup var folder: CoursesFolderArgument
    @Option(name: .customLong("as"), help: "Who publishes: a trainer or admin on the hub's roster.") var actor: String

    func run() throws {
        let root = try folder.resolved().url
        let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
        let publication = try hub.publishCourses(from: root, actor: actor, now: Date())
        for id in publication.published {
            let version = try hub.publishedCourses().first { $0.id == id }?.version ?? ""
            print("Published \(id) (version \(version)).")
        }
        if !publication.unchanged.isEmpty {
            print("Unchanged: \(publication.unchanged.joined(separator: ", ")).")
        }
    }
}
