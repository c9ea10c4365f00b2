import Domain
import Foundation

/// What `labeldesk predictions import` brings onto a geo project's chips from a file, and
/// what `labeldesk gold import --scene` makes its answer keys of.
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
    /// `GeoShapeFile.read` says what the file must be; `converterFor` makes the converter
    /// of the file's system (`Imagery`'s `CoordinateTransformer(crs:)`), asked only when a
    /// chip is in another. All or nothing on bad input; shapes outside every chip are
    /// reported, not refused.
    public static func place(
        _ data: Data, fileName: String, project: Project, chips: [GeoChip], crs: String? = nil, model: String? = nil,
        classProperty: String = "class", converterFor: (String) throws -> any CoordinateConverter
    ) throws(InterchangeError) -> GeoPredictionImport {
        let file = try GeoShapeFile.read(data, fileName: fileName, project: project, crs: crs, classProperty: classProperty)
        return try place(file, project: project, chips: chips, model: model, converterFor: converterFor)
    }

    /// Places a file already read onto `chips`: each chip's shapes, clipped to it, as one
    /// prediction, and the placed shapes the project could not keep as refusals.
    ///
    /// Gold import places its answer keys through here too, so a key holds exactly the
    /// shapes a prediction from the same file would.
    public static func place(
        _ file: GeoShapeFile, project: Project, chips: [GeoChip], model: String? = nil,
        converterFor: (String) throws -> any CoordinateConverter
    ) throws(InterchangeError) -> GeoPredictionImport {
        var converter: (any CoordinateConverter)?
        if file.format == "geojson", chips.contains(where: { !CRSName.same($0.georeference.crs, file.crs) }) {
            do { converter = try converterFor(file.crs) } catch {
                throw InterchangeError(fileName: file.fileName, location: .file, problem: "the file's coordinate system \(file.crs) is not one GDAL knows (\(error)); give --crs as EPSG:NNNN or WKT")
            }
        }
        let placement = try ShapePlacer.place(
            file.shapes, crs: file.crs, converter: converter, on: chips, form: project.kind == .geoBox ? .box : .polygon, fileName: file.fileName)
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
            format: file.format, crs: file.crs, predictions: predictions, outside: placement.outside, refused: refused,
            holesLeftOut: file.holesLeftOut)
    }

    /// The report's sentence for shapes outside every chip, or nil when there are none.
    public var outsideSentence: String? { outsideSentence(chipsOf: "the project") }

    /// The same, naming what the chips are of (`the project`, or a scene's name).
    public func outsideSentence(chipsOf owner: String) -> String? {
        guard !outside.isEmpty else { return nil }
        let what = format == "coco" ? "annotation" : "feature"
        let numbers = outside.prefix(20).map(String.init).joined(separator: ", ") + (outside.count > 20 ? ", ..." : "")
        return "\(outside.count) \(what)\(outside.count == 1 ? "" : "s") fall on no chip of \(owner): \(numbers)"
    }
}
