import Domain
import Foundation

/// GeoJSON in the registry: `labeldesk export --format geojson`.
///
/// Export only: shapes come in onto chips, not as tasks, through
/// `GeoPredictionImport` (`labeldesk predictions import`, and `labeldesk gold import
/// --scene` for answer keys).
public enum GeoJSONFormat: TaskFormat {
    public static let name = "geojson"
    public static let summary = "GeoJSON (RFC 7946): boxes and polygons in WGS 84 with class, task, labeler, time; geo projects, export"
    public static let readsTasks = false

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        throw GeoRecords.notTasks(fileName: fileName, format: "GeoJSON")
    }

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        let shapes = try GeoRecords.shapes(records, project: project, fileName: "export.geojson")
        return try GeoJSONWriter.write(shapes, projectID: project.id, georeferencing: try GeoRecords.georeferencing(options, fileName: "export.geojson"))
    }
}

/// GeoPackage in the registry: `labeldesk export --format gpkg` (export only).
public enum GeoPackageFormat: TaskFormat {
    public static let name = "gpkg"
    public static let summary = "GeoPackage: one WGS 84 feature table per project with class, task, labeler, time; geo projects, export"
    public static let readsTasks = false

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        throw InterchangeError(fileName: fileName, location: .file, problem: "LabelDesk writes GeoPackages but does not read them; turn it into GeoJSON (`ogr2ogr -f GeoJSON out.geojson \(fileName)`) and import that")
    }

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        let shapes = try GeoRecords.shapes(records, project: project, fileName: "export.gpkg")
        return try GeoPackageWriter.data(shapes, project: project, georeferencing: try GeoRecords.georeferencing(options, fileName: "export.gpkg"))
    }
}

/// COCO in the registry: `labeldesk export --format coco` (export; COCO shapes come in
/// through `GeoPredictionImport`).
public enum COCOFormat: TaskFormat {
    public static let name = "coco"
    public static let summary = "COCO object detection: polygons and boxes in the source scene's pixels; geo projects, export"
    public static let readsTasks = false

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        throw GeoRecords.notTasks(fileName: fileName, format: "COCO")
    }

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        let shapes = try GeoRecords.shapes(records, project: project, fileName: "export.json")
        return COCOWriter.write(shapes, project: project, sceneSizes: options.sceneSizes.mapValues { ($0.width, $0.height) })
    }
}

/// What the geo formats share: shapes out of records, and the checks around them.
enum GeoRecords {
    static func notTasks(fileName: String, format: String) -> InterchangeError {
        InterchangeError(fileName: fileName, location: .file, problem: "a \(format) file holds shapes, not tasks; add the imagery first (`labeldesk imagery add`), then bring the shapes onto its chips with `labeldesk predictions import --project P \(fileName)`")
    }

    static func georeferencing(_ options: InterchangeOptions, fileName: String) throws(InterchangeError) -> any ChipGeoreferencing {
        guard let georeferencing = options.georeferencing else {
            throw InterchangeError(fileName: fileName, location: .file, problem: "this export writes map coordinates and was given no georeferencing for the chips; export through the hub, which reads it from its media store")
        }
        return georeferencing
    }

    /// Every shape of every answered annotation, with its task, labeler and time, in record order.
    static func shapes(_ records: [InterchangeRecord], project: Project, fileName: String) throws(InterchangeError) -> [GeoExportShape] {
        guard project.kind.isGeospatial else {
            throw InterchangeError(fileName: fileName, location: .file, problem: "this format is for geo-box and geo-polygon projects; project \"\(project.id)\" is a \(project.kind.title) project, so choose jsonl, labelstudio, conll, prodigy or csv")
        }
        var shapes: [GeoExportShape] = []
        for record in records {
            for annotation in record.annotations where annotation.skipReason == nil {
                guard case .shapes(let drawn) = annotation.answer, !drawn.isEmpty else { continue }
                guard let image = record.task.image else {
                    throw InterchangeError(fileName: fileName, location: .file, problem: "task \"\(record.task.id)\" has shapes but no image chip, so they have no place on the Earth; re-import the task with its \"image\"")
                }
                for shape in drawn {
                    shapes.append(GeoExportShape(shape: shape, taskID: record.task.id, labeler: annotation.annotator, time: annotation.createdAt, image: image))
                }
            }
        }
        return shapes
    }
}
