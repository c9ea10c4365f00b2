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
        guard let project = try hub.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
        guard project.kind.isGeospatial else {
            throw HubError.importRefused("project \"\(projectID)\" is a \(project.kind.title) project; imagery goes into geo-box or geo-polygon projects")
        }
        let raster = try Raster.open(path)
        let info = raster.info
        // The banner shows at least what the file itself is marked.
        let marking = Marking.highest([project.defaultMarking, info.security.marking])
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-chips-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        progress("cutting \(info.width) x \(info.height) pixels into chips")
        let chips = try SceneChipper(layout: layout).chip(path, into: scratch.path)
        progress("storing \(chips.count) chips")
        let sceneName = URL(fileURLWithPath: path).lastPathComponent
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var tasks: [LabelTask] = []
        for chip in chips {
            let media = try hub.storeMedia(fileAt: URL(fileURLWithPath: chip.path), now: now)
            tasks.append(LabelTask(
                id: "\(stem)-r\(chip.placement.row)-c\(chip.placement.column)", projectID: projectID,
                text: "\(sceneName), row \(chip.placement.row + 1), column \(chip.placement.column + 1)", marking: marking,
                meta: info.security.isEmpty ? nil : JSONValue.object(info.security.metaMembers).canonicalText,
                image: TaskImage(media: media, scene: sceneName, chip: chip.window, focus: chip.focus)))
        }
        progress("importing \(tasks.count) tasks")
        let count = try hub.importTasks(projectID: projectID, tasks: tasks, actor: actor, now: now)
        return Outcome(tasks: count, marking: marking, sceneWidth: info.width, sceneHeight: info.height)
    }
}
