import Domain
import Foundation

/// The shapes of a GeoJSON or COCO file, read and their classes checked against a geo
/// project: what `predictions import` and `gold import` both place onto chips.
///
/// Reading is apart from placing so that a bad file is refused before anything slow
/// happens (gold import cuts a scene into chips only once its file is known good).
public struct GeoShapeFile: Sendable {
    /// `geojson` or `coco`: what the file was read as.
    public var format: String
    /// The coordinate system the file's shapes are in (`scene pixels` for COCO).
    public var crs: String
    /// Every shape, each with one of the project's classes, in the file's order.
    public var shapes: [SourceShape]
    /// COCO's image names (the scenes its pixels count in), in the file's order; empty for GeoJSON.
    public var sceneNames: [String]
    public var fileName: String

    /// `feature` (GeoJSON) or `annotation` (COCO), for sentences that number shapes.
    public var shapeNoun: String { format == "coco" ? "annotation" : "feature" }

    /// Inner rings the file had, which shapes cannot hold.
    public var holesLeftOut: Int { shapes.reduce(0) { $0 + $1.holesLeftOut } }
}

extension GeoShapeFile {
    /// Reads `data` as GeoJSON or COCO (told apart by their members) for a geo-box or
    /// geo-polygon `project`.
    ///
    /// Every shape's class must be one of the project's; a file without classes is read
    /// as the project's only class when it has just one. `crs` is `--crs`, for a GeoJSON
    /// file that names none; COCO counts in scene pixels and takes none.
    public static func read(
        _ data: Data, fileName: String, project: Project, crs: String? = nil, classProperty: String = "class"
    ) throws(InterchangeError) -> GeoShapeFile {
        guard project.kind.isGeospatial else {
            throw InterchangeError(fileName: fileName, location: .file, problem: "shapes can be imported only into geo-box and geo-polygon projects; project \"\(project.id)\" is a \(project.kind.title) project")
        }
        var file: GeoShapeFile
        let root = try GeoJSONReader.parse(data, fileName: fileName)
        if isCOCO(root) {
            if let crs {
                throw InterchangeError(fileName: fileName, location: .file, problem: "a COCO file counts in scene pixels, so --crs \(crs) does not apply; leave it out")
            }
            let document = try COCOReader.read(root: root, fileName: fileName)
            file = GeoShapeFile(format: "coco", crs: "scene pixels", shapes: document.shapes, sceneNames: document.images.map(\.fileName), fileName: fileName)
        } else {
            let document = try GeoJSONReader.read(root: root, fileName: fileName, crs: crs, classProperty: classProperty)
            file = GeoShapeFile(format: "geojson", crs: document.crs, shapes: document.shapes, sceneNames: [], fileName: fileName)
        }
        let classes = project.labels.map(\.name)
        let what = file.shapeNoun
        for index in file.shapes.indices {
            guard let label = file.shapes[index].label else {
                guard classes.count == 1 else {
                    throw InterchangeError(fileName: fileName, location: .file, problem: "\(what) \(file.shapes[index].number) has no class; give each \(what) a \"\(file.format == "coco" ? "category_id" : classProperty)\" naming one of \(classes.joined(separator: ", "))")
                }
                file.shapes[index].label = classes[0]
                continue
            }
            guard classes.contains(label) else {
                throw InterchangeError(fileName: fileName, location: .file, problem: "\(what) \(file.shapes[index].number) has class \"\(label)\", which is not one of project \"\(project.id)\"'s classes (\(classes.joined(separator: ", ")))")
            }
        }
        return file
    }

    /// COCO has `images` and `annotations`; GeoJSON has `type`.
    static func isCOCO(_ root: JSONValue) -> Bool {
        root["images"] != nil && root["annotations"] != nil && root["type"] == nil
    }
}
