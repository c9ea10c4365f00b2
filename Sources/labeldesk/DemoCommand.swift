import ArgumentParser
import Foundation
import Workstation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create or reset the built-in demo workspace.",
        discussion: "The demo is a sentiment project on 872 real sentences from SST-2, with the account demo / demo-labeler."
    )

    @OptionGroup var workspace: WorkspaceOption
    @Flag(help: "Wipe the demo workspace and create it afresh.") var reset = false

    func run() throws {
        let target = workspace.resolved()
        if target.exists {
            guard reset else {
                print("The workspace at \(target.directory.path) exists already; pass --reset to wipe and recreate the demo.")
                return
            }
            guard try target.loadSettings().isDemo else { throw WorkspaceError.notDemo(target.directory.path) }
        }
        try DemoWorkspace.create(in: target, assets: DemoWorkspace.locateAssets(), training: TrainingFolder.locate(), now: Date())
        print("Demo workspace ready at \(target.directory.path). Start it with: labeldesk --workspace \(target.directory.path)")
        print("Log in as \(DemoWorkspace.username) with password \(DemoWorkspace.password) (trained for every project), "
              + "\(DemoCourses.traineeUsername) / \(DemoCourses.traineePassword) (untrained: the queues wait for the courses), "
              + "\(DemoCourses.trainerUsername) / \(DemoCourses.trainerPassword) (a trainer).")
    }
}
