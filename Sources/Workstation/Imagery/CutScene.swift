import Domain
import Foundation
import Hub
import Imagery

/// A scene cut into COG chips in a scratch folder, each chip with the task it becomes
/// once its file is in the media store: what `imagery add` and `gold import --scene`
/// share, so a gold chip is cut, named, marked and described exactly as a task's.
struct CutScene {
    struct Chip {
        /// The chip file in the scratch folder.
        var file: URL
        /// `<scene stem>-r<row>-c<column>`: the id of its task or gold item.
        var id: String
        var text: String
        /// The chip in scene pixels, margin included.
        var window: PixelWindow
        /// The part to label, in chip pixels.
        var focus: PixelWindow
    }

    /// The scene's file name, as its tasks' `image.scene` says it.
    var sceneName: String
    var info: RasterInfo
    /// At least what the project and the file itself are marked.
    var marking: Marking
    /// The file's NITF control and release fields, kept in each task's meta.
    var meta: String?
    var chips: [Chip]

    /// The project `projectID`, refused with a sentence unless it is a geo project.
    static func geoProject(_ projectID: String, hub: Hub) throws -> Project {
        guard let project = try hub.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
        guard project.kind.isGeospatial else {
            throw HubError.importRefused("project \"\(projectID)\" is a \(project.kind.title) project; imagery goes into geo-box or geo-polygon projects")
        }
        return project
    }

    /// Cuts `path` by `layout` into `scratch`; the caller removes the folder.
    init(scene path: String, project: Project, layout: ChipLayout, into scratch: URL, progress: (String) -> Void) throws {
        let raster = try Raster.open(path)
        info = raster.info
        // The banner shows at least what the file itself is marked.
        marking = Marking.highest([project.defaultMarking, info.security.marking])
        meta = info.security.isEmpty ? nil : JSONValue.object(info.security.metaMembers).canonicalText
        sceneName = URL(fileURLWithPath: path).lastPathComponent
        progress("cutting \(info.width) x \(info.height) pixels into chips")
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let name = sceneName
        chips = try SceneChipper(layout: layout).chip(path, into: scratch.path).map { chip in
            Chip(
                file: URL(fileURLWithPath: chip.path), id: "\(stem)-r\(chip.placement.row)-c\(chip.placement.column)",
                text: "\(name), row \(chip.placement.row + 1), column \(chip.placement.column + 1)", window: chip.window, focus: chip.focus)
        }
    }

    /// The chip as a task image naming `media`, the reference of its file.
    func image(of chip: Chip, media: MediaReference) -> TaskImage {
        TaskImage(media: media, scene: sceneName, chip: chip.window, focus: chip.focus)
    }

    /// The chip's task, its file stored as `media`.
    func task(of chip: Chip, media: MediaReference, projectID: String) -> LabelTask {
        LabelTask(id: chip.id, projectID: projectID, text: chip.text, marking: marking, meta: meta, image: image(of: chip, media: media))
    }

    /// A fresh scratch folder's place for chips (not yet made: the chipper makes it).
    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-chips-\(UUID().uuidString)")
    }
}
