import Domain
import Foundation

/// What a COCO file holds that shapes are made from.
public struct COCODocument: Equatable, Sendable {
    public struct Image: Equatable, Sendable {
        public var id: Int
        public var fileName: String
        public var width: Int?
        public var height: Int?
    }

    public var images: [Image]
    /// Category names by id, as the file wrote them (a number name such as `1.0` as written).
    public var categories: [Int: String]
    /// One per annotation, numbered by its place in `annotations`, in scene pixels.
    public var shapes: [SourceShape]
}

/// Reads COCO object-detection JSON into shapes in the pixels of each image (the scene).
///
/// Segmentation polygons (`[[x, y, ...], ...]`, each list a part of the object, or the
/// flat `[x, y, ...]` some writers use) are kept; an annotation with no polygon becomes
/// its `bbox`. Masks in run-length form are refused: they are not outlines.
public enum COCOReader {
    public static func read(_ data: Data, fileName: String) throws(InterchangeError) -> COCODocument {
        try read(root: try GeoJSONReader.parse(data, fileName: fileName), fileName: fileName)
    }

    static func read(root: JSONValue, fileName: String) throws(InterchangeError) -> COCODocument {
        do throws(Problem) {
            return try document(root)
        } catch {
            throw InterchangeError(fileName: fileName, location: error.path.map { .path($0) } ?? .file, problem: error.text)
        }
    }

    static func document(_ root: JSONValue) throws(Problem) -> COCODocument {
        guard case .object = root, let imageList = root["images"]?.arrayValue, let annotationList = root["annotations"]?.arrayValue else {
            throw Problem("a COCO file is an object with \"images\", \"annotations\" and \"categories\" arrays", at: "$")
        }
        var images: [COCODocument.Image] = []
        var fileOfImage: [Int: String] = [:]
        for (index, item) in imageList.enumerated() {
            guard let id = item["id"]?.intValue, let name = item["file_name"]?.stringValue, !name.isEmpty else {
                throw Problem("image \(index + 1) needs a whole-number \"id\" and a \"file_name\"", at: "$.images[\(index)]")
            }
            if fileOfImage.updateValue(name, forKey: id) != nil {
                throw Problem("image id \(id) is used twice; every image needs its own id", at: "$.images[\(index)].id")
            }
            images.append(COCODocument.Image(id: id, fileName: name, width: item["width"]?.intValue, height: item["height"]?.intValue))
        }
        var categories: [Int: String] = [:]
        for (index, item) in (root["categories"]?.arrayValue ?? []).enumerated() {
            let name: String?
            switch item["name"] {
            case .string(let text)?: name = text
            case .number(let lexeme)?: name = lexeme
            default: name = nil
            }
            guard let id = item["id"]?.intValue, let name else {
                throw Problem("category \(index + 1) needs a whole-number \"id\" and a \"name\"", at: "$.categories[\(index)]")
            }
            categories[id] = name
        }
        var shapes: [SourceShape] = []
        shapes.reserveCapacity(annotationList.count)
        for (index, item) in annotationList.enumerated() {
            shapes.append(try shape(item, number: index + 1, path: "$.annotations[\(index)]", fileOfImage: fileOfImage, categories: categories))
        }
        return COCODocument(images: images, categories: categories, shapes: shapes)
    }

    static func shape(_ item: JSONValue, number: Int, path: String, fileOfImage: [Int: String], categories: [Int: String]) throws(Problem) -> SourceShape {
        guard case .object(let members) = item else { throw Problem("annotation \(number) must be an object", at: path) }
        guard let imageID = item["image_id"]?.intValue, let scene = fileOfImage[imageID] else {
            throw Problem("annotation \(number) needs an \"image_id\" that one of \"images\" has", at: path + ".image_id")
        }
        var label: String?
        if let categoryID = item["category_id"]?.intValue {
            guard let name = categories[categoryID] else {
                throw Problem("annotation \(number) has category_id \(categoryID), which \"categories\" does not list", at: path + ".category_id")
            }
            label = name
        }
        var parts: [[PixelPoint]] = []
        switch item["segmentation"] {
        case .array(let lists)?:
            let flat = lists.allSatisfy { if case .number = $0 { true } else { false } }
            let polygons = flat && !lists.isEmpty ? [JSONValue.array(lists)] : lists
            for (partIndex, polygon) in polygons.enumerated() {
                let partPath = flat ? path + ".segmentation" : "\(path).segmentation[\(partIndex)]"
                guard let numbers = polygon.arrayValue?.compactMap(\.doubleValue), numbers.count == polygon.arrayValue?.count,
                      numbers.count % 2 == 0, numbers.allSatisfy(\.isFinite)
                else {
                    throw Problem("annotation \(number): a segmentation polygon is a list of numbers x1, y1, x2, y2, ...", at: partPath)
                }
                let ring = stride(from: 0, to: numbers.count, by: 2).map { PixelPoint(x: numbers[$0], y: numbers[$0 + 1]) }.openRing()
                guard Set(ring).count >= 3 else {
                    throw Problem("annotation \(number): a segmentation polygon needs at least 3 different points", at: partPath)
                }
                parts.append(ring)
            }
        case .object?:
            throw Problem("annotation \(number)'s segmentation is a run-length mask; only polygons (or a bbox) can become shapes", at: path + ".segmentation")
        default:
            break
        }
        if parts.isEmpty {
            guard let box = item["bbox"]?.arrayValue?.compactMap(\.doubleValue), box.count == 4, box[2] > 0, box[3] > 0 else {
                throw Problem("annotation \(number) has neither a segmentation polygon nor a \"bbox\" [x, y, width, height]", at: path)
            }
            let (x, y, width, height) = (box[0], box[1], box[2], box[3])
            parts = [[PixelPoint(x: x, y: y), PixelPoint(x: x + width, y: y), PixelPoint(x: x + width, y: y + height), PixelPoint(x: x, y: y + height)]]
        }
        return SourceShape(number: number, label: label, coordinates: .scenePixels(scene: scene, parts), properties: members)
    }
}
