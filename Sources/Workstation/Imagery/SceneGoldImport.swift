import Domain
import Foundation
import Hub
import Imagery
import Interchange
import Store

/// `labeldesk gold import --scene`: a scene cut into chips as `imagery add` cuts it, and
/// a GeoJSON or COCO answer key placed onto them as `predictions import` places a
/// model's shapes; each chip the key's shapes touch becomes a gold item whose key is the
/// shapes on it, in chip pixels, as a labeler would draw them.
///
/// The file is read and its classes checked before the scene is cut, so a bad file costs
/// nothing. Chips are hashed where they were cut and placed from there; only the chips
/// that become gold go into the media store. A chip on which a shape's clipped outline
/// is one the project cannot keep is left out of the pool (its key would be short of a
/// shape a labeler would draw) and reported. Then every item goes in in one transaction.
public enum SceneGoldImport {
    public struct Outcome: Sendable {
        /// Gold items added, the empty ones included.
        public var items: Int
        /// Of them, chips no shape touches, added with an empty key (`emptyChips`).
        public var emptyItems: Int
        /// Chips the scene was cut into.
        public var chips: Int
        public var marking: Marking
        public var sceneWidth: Int
        public var sceneHeight: Int
        /// Where the file's shapes went: its format and system, shapes on no chip, and
        /// placed shapes the project could not keep (their chips are not gold).
        public var placement: GeoPredictionImport
    }

    /// Adds the chips of `scene` that `data`'s shapes fall on to `projectID`'s gold pool.
    ///
    /// `crs` and `classProperty` are read as `predictions import` reads them; with
    /// `emptyChips`, chips no shape touches become gold too, with the empty answer
    /// ("nothing to mark here"), which a geo project takes.
    public static func importGold(
        _ data: Data, fileName: String, scene path: String, projectID: String, layout: ChipLayout, crs: String? = nil,
        classProperty: String = "class", emptyChips: Bool = false, hub: Hub, actor: String, now: Date,
        progress: (String) -> Void = { _ in }
    ) throws -> Outcome {
        let project = try CutScene.geoProject(projectID, hub: hub)
        let file = try GeoShapeFile.read(data, fileName: fileName, project: project, crs: crs, classProperty: classProperty)
        let sceneName = URL(fileURLWithPath: path).lastPathComponent
        guard !file.shapes.isEmpty else {
            throw HubError.importRefused("\(fileName) holds no shapes; a gold key for a scene is the shapes a labeler should draw on it")
        }
        if file.format == "coco", !file.sceneNames.contains(sceneName) {
            throw HubError.importRefused(
                "\(fileName) is COCO, whose shapes count in the pixels of the images it names (\(file.sceneNames.joined(separator: ", "))), and none is \(sceneName); give the scene the file was made on, or set its image's \"file_name\" to \(sceneName)")
        }
        let scratch = CutScene.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let scene = try CutScene(scene: path, project: project, layout: layout, into: scratch, progress: progress)

        progress("placing \(file.shapes.count) shapes onto \(scene.chips.count) chips")
        // Placed from the scratch files, with their georeferencing read as predictions
        // import reads a stored chip's; a chip is stored only once it is known to be gold.
        let geoChips = try scene.chips.map { chip in
            GeoChip(
                taskID: chip.id, image: scene.image(of: chip, media: try MediaHash.reference(ofFileAt: chip.file)),
                georeference: try ChipLibrary.georeference(ofChipAt: chip.file.path, scene: scene.sceneName))
        }
        let placement = try GeoPredictionImport.place(file, project: project, chips: geoChips, converterFor: { try CoordinateTransformer(crs: $0) })
        guard !placement.predictions.isEmpty || !placement.refused.isEmpty else {
            throw HubError.importRefused(noShapeOnTheScene(file, sceneName: sceneName, sceneCRS: scene.info.coordinateSystem?.label))
        }

        let leftOut = Set(placement.refused.map(\.taskID))
        var items: [GoldItem] = []
        var emptyItems = 0
        for chip in scene.chips where !leftOut.contains(chip.id) {
            let key: Answer
            if let placed = placement.predictions[chip.id] {
                key = placed.answer
            } else if emptyChips {
                key = .shapes([])
                emptyItems += 1
            } else {
                continue
            }
            let media = try hub.storeMedia(fileAt: chip.file, now: now)
            items.append(GoldItem(task: scene.task(of: chip, media: media, projectID: projectID), key: key, source: .imported, addedBy: actor, addedAt: now))
        }
        if items.isEmpty, let refusal = placement.refused.first {
            throw HubError.importRefused(
                "every chip the shapes of \(fileName) touch has a shape the project cannot keep, so none can be gold; for one, \(file.shapeNoun) \(refusal.number) on chip \(refusal.taskID): \(refusal.reason)")
        }
        progress("writing \(items.count) gold items to the hub")
        let count: Int
        do {
            count = try hub.importGoldItems(items, projectID: projectID, actor: actor, now: now)
        } catch HubError.goldIDInUse(let projectID, let id) {
            throw HubError.importRefused(
                "chip \"\(id)\" of \(sceneName) is already a task or a gold item of project \"\(projectID)\": a chip's id comes from its scene's file name and place, so a scene added before (as tasks or as gold) cannot be added again; to use the same pixels anyway, copy the scene under another name")
        }
        return Outcome(
            items: count, emptyItems: emptyItems, chips: scene.chips.count, marking: scene.marking, sceneWidth: scene.info.width,
            sceneHeight: scene.info.height, placement: placement)
    }

    /// Why nothing of the file fell on the scene, with what to check.
    static func noShapeOnTheScene(_ file: GeoShapeFile, sceneName: String, sceneCRS: String?) -> String {
        let count = "\(file.shapes.count) \(file.shapeNoun)\(file.shapes.count == 1 ? "" : "s")"
        if file.format == "coco" {
            return "none of the \(count) of \(file.fileName) falls inside \(sceneName)'s pixels; check that the file was made on this scene"
        }
        return "none of the \(count) of \(file.fileName) (in \(file.crs)) falls on \(sceneName) (in \(sceneCRS ?? "no coordinate system")); check that they cover the same place, and give --crs when the file's coordinates are not WGS 84 and it names no system"
    }
}
