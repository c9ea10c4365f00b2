import Domain
import Foundation

/// Writes shapes as COCO object-detection JSON in the pixels of each source scene.
///
/// `images`: one per scene (`file_name` the scene, `width` and `height` the scene's size
/// when given, else the extent of the chips exported, which is the scene's when the chips
/// cover it). `categories`: the project's classes, numbered from 1 in the project's order.
/// `annotations`: a polygon `segmentation` (open ring: COCO tools do not repeat the first
/// point), `bbox` `[x, y, width, height]`, `area` (of the polygon), `iscrowd` 0, all in
/// scene pixels: the chip's place in the scene is added to every point. `attributes`
/// keeps task, labeler and time, as CVAT's COCO does.
public enum COCOWriter {
    public static func write(_ shapes: [GeoExportShape], project: Project, sceneSizes: [String: (width: Int, height: Int)] = [:]) -> Data {
        var sceneIDs: [String: Int] = [:]
        var scenes: [String] = []
        var extents: [String: (width: Int, height: Int)] = [:]
        for item in shapes {
            let scene = item.image.scene
            if sceneIDs[scene] == nil {
                scenes.append(scene)
                sceneIDs[scene] = scenes.count
            }
            let chip = item.image.chip
            let known = extents[scene] ?? (0, 0)
            extents[scene] = (max(known.width, chip.x + chip.width), max(known.height, chip.y + chip.height))
        }
        var categoryIDs: [String: Int] = [:]
        var categories: [String] = []
        for name in project.labels.map(\.name) + shapes.map(\.shape.label) where categoryIDs[name] == nil {
            categories.append(name)
            categoryIDs[name] = categories.count
        }
        var output = "{\"annotations\":["
        for (index, item) in shapes.enumerated() {
            let dx = Double(item.image.chip.x), dy = Double(item.image.chip.y)
            let ring = item.shape.geometry.ring.map { PixelPoint(x: $0.x + dx, y: $0.y + dy) }
            let xs = ring.map(\.x), ys = ring.map(\.y)
            let (minX, minY) = (xs.min() ?? 0, ys.min() ?? 0)
            var attributes: [String: JSONValue] = ["task": .string(item.taskID), "labeler": .string(item.labeler)]
            if let time = item.time { attributes["time"] = .string(ISODate.write(time)) }
            output += index == 0 ? "\n" : ",\n"
            output += "{\"area\":" + GeoNumbers.text(abs(ShapePlacer.signedArea(ring)))
            output += ",\"attributes\":"
            JSONWriter.write(.object(attributes), into: &output)
            output += ",\"bbox\":[" + [minX, minY, (xs.max() ?? 0) - minX, (ys.max() ?? 0) - minY].map(GeoNumbers.text).joined(separator: ",") + "]"
            output += ",\"category_id\":\(categoryIDs[item.shape.label]!),\"id\":\(index + 1),\"image_id\":\(sceneIDs[item.image.scene]!),\"iscrowd\":0"
            output += ",\"segmentation\":[[" + ring.map { GeoNumbers.text($0.x) + "," + GeoNumbers.text($0.y) }.joined(separator: ",") + "]]}"
        }
        output += shapes.isEmpty ? "],\n\"categories\":[" : "\n],\n\"categories\":["
        for (index, name) in categories.enumerated() {
            output += index == 0 ? "\n" : ",\n"
            JSONWriter.write(.object(["id": .integer(index + 1), "name": .string(name), "supercategory": .string(project.id)]), into: &output)
        }
        output += "\n],\n\"images\":["
        for (index, scene) in scenes.enumerated() {
            let size = sceneSizes[scene] ?? extents[scene]!
            output += index == 0 ? "\n" : ",\n"
            JSONWriter.write(.object([
                "file_name": .string(scene), "height": .integer(size.height), "id": .integer(index + 1), "width": .integer(size.width),
            ]), into: &output)
        }
        output += "\n]}\n"
        return Data(output.utf8)
    }
}
