import Domain
import Foundation
import Hub
import Imagery

/// `labeldesk imagery add`: a scene cut into chips, the chips into the hub's media store,
/// one task per chip.
///
/// The chips are written to a scratch folder and copied into the store (hashed on the
/// way), then every task is imported in one transaction: a failure anywhere leaves no
/// task behind (stored chip files no task names are harmless, and the next add of the
/// same scene reuses them, since the store is addressed by content).
public enum SceneImport {
    public struct Outcome: Sendable {
        public var tasks: Int
        public var marking: Marking
        public var sceneWidth: Int
        public var sceneHeight: Int
    }

    public static func add(
        scene path: String, projectID: String, layout: ChipLayout, hub: Hub, actor: String, now: Date,
        progress: (String) -> Void = { _ in }
    ) throws -> Outcome {
        let project = try CutScene.geoProject(projectID, hub: hub)
        let scratch = CutScene.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let scene = try CutScene(scene: path, project: project, layout: layout, into: scratch, progress: progress)
        progress("storing \(scene.chips.count) chips")
        let tasks = try scene.chips.map { chip in
            scene.task(of: chip, media: try hub.storeMedia(fileAt: chip.file, now: now), projectID: projectID)
        }
        progress("importing \(tasks.count) tasks")
        let count = try hub.importTasks(projectID: projectID, tasks: tasks, actor: actor, now: now)
        return Outcome(tasks: count, marking: scene.marking, sceneWidth: scene.info.width, sceneHeight: scene.info.height)
    }
}
