import Domain
import Foundation

/// What `labeldesk predictions import` brings onto a geo project's chips from a file.
public struct GeoPredictionImport: Sendable {
    /// A placed shape the project cannot keep (the clipped outline touches itself, say).
    public struct Refusal: Equatable, Sendable {
        public var number: Int
        public var taskID: String
        public var reason: String
    }

    /// `geojson` or `coco`: what the file was read as.
    public var format: String
    /// The coordinate system the file's shapes were read in (`scene pixels` for COCO).
    public var crs: String
    /// One prediction per task the file's shapes touch, its shapes in the file's order.
    public var predictions: [String: Prediction]
    /// Numbers of the features (or annotations) that touch no chip, for the report.
    public var outside: [Int]
    /// Placed shapes left out because the project could not keep them, for the report.
    public var refused: [Refusal]
    /// Inner rings the file had, which shapes cannot hold.
    public var holesLeftOut: Int
}

extension GeoPredictionImport {
    /// Reads a GeoJSON or COCO `data` (told apart by their members) and places its shapes
    /// onto `chips` as `model`'s predictions for a geo-box or geo-polygon `project`.
    ///
    /// Every shape's class must be one of the project's; a file without classes is read
    /// as the project's only class when it has just one. `crs` is `--crs`, for a GeoJSON
    /// file that names none; `converterFor` makes the converter of the file's system
    /// (`Imagery`'s `CoordinateTransformer(crs:)`), asked only when a chip is in another.
    /// All or nothing on bad input; shapes outside every chip are reported, not refused.
    public static func place(
        _ data: Data, fileName: String, project: Project, chips: [GeoChip], crs: String? = nil, model: String? = nil,
        classProperty: String = "class", converterFor: (String) throws -> any CoordinateConverter
    ) throws(InterchangeError) -> GeoPredictionImport {
        guard project.kind.isGeospatial else {
            throw InterchangeError(fileName: fileName, location: .file, problem: "shapes can be imported only into geo-box and geo-polygon projects; project \"\(project.id)\" is a \(project.kind.title) project")
        }
        let format: String
        let fileCRS: String
        var shapes: [SourceShape]
        let root = try GeoJSONReader.parse(data, fileName: fileName)
        if isCOCO(root) {
            if let crs {
                throw InterchangeError(fileName: fileName, location: .file, problem: "a COCO file counts in scene pixels, so --crs \(crs) does not apply; leave it out")
            }
            format = "coco"
            fileCRS = "scene pixels"
            shapes = try COCOReader.read(root: root, fileName: fileName).shapes
        } else {
            let document = try GeoJSONReader.read(root: root, fileName: fileName, crs: crs, classProperty: classProperty)
            format = "geojson"
            fileCRS = document.crs
            shapes = document.shapes
        }
        let what = format == "coco" ? "annotation" : "feature"
        let classes = project.labels.map(\.name)
        for index in shapes.indices {
            guard let label = shapes[index].label else {
                guard classes.count == 1 else {
                    throw InterchangeError(fileName: fileName, location: .file, problem: "\(what) \(shapes[index].number) has no class; give each \(what) a \"\(format == "coco" ? "category_id" : classProperty)\" naming one of \(classes.joined(separator: ", "))")
                }
                shapes[index].label = classes[0]
                continue
            }
            guard classes.contains(label) else {
                throw InterchangeError(fileName: fileName, location: .file, problem: "\(what) \(shapes[index].number) has class \"\(label)\", which is not one of project \"\(project.id)\"'s classes (\(classes.joined(separator: ", ")))")
            }
        }
        var converter: (any CoordinateConverter)?
        if format == "geojson", chips.contains(where: { !CRSName.same($0.georeference.crs, fileCRS) }) {
            do { converter = try converterFor(fileCRS) } catch {
                throw InterchangeError(fileName: fileName, location: .file, problem: "the file's coordinate system \(fileCRS) is not one GDAL knows (\(error)); give --crs as EPSG:NNNN or WKT")
            }
        }
        let placement = try ShapePlacer.place(shapes, crs: fileCRS, converter: converter, on: chips, form: project.kind == .geoBox ? .box : .polygon, fileName: fileName)
        var predictions: [String: Prediction] = [:]
        var refused: [Refusal] = []
        for chip in chips {
            guard let placed = placement.shapesByTask[chip.taskID] else { continue }
            var kept: [Shape] = []
            for item in placed {
                if let problem = item.shape.geometry.problem(within: ChipSize(chip.image)) {
                    refused.append(Refusal(number: item.number, taskID: chip.taskID, reason: problem))
                } else {
                    kept.append(item.shape)
                }
            }
            if !kept.isEmpty { predictions[chip.taskID] = Prediction(model: model, answer: .shapes(kept)) }
        }
        return GeoPredictionImport(
            format: format, crs: fileCRS, predictions: predictions, outside: placement.outside, refused: refused,
            holesLeftOut: shapes.reduce(0) { $0 + $1.holesLeftOut })
    }

    /// COCO has `images` and `annotations`; GeoJSON has `type`.
    static func isCOCO(_ root: JSONValue) -> Bool {
        root["images"] != nil && root["annotations"] != nil && root["type"] == nil
    }

    /// The report's sentence for shapes outside every chip, or nil when there are none.
    public var outsideSentence: String? {
        guard !outside.isEmpty else { return nil }
        let what = format == "coco" ? "annotation" : "feature"
        let numbers = outside.prefix(20).map(String.init).joined(separator: ", ") + (outside.count > 20 ? ", ..." : "")
        return "\(outside.count) \(what)\(outside.count == 1 ? "" : "s") fall on no chip of the project: \(numbers)"
    }
}
