import Domain
import Foundation

/// One shape to export with what the geo formats write beside it.
///
/// Shapes stay in the chip's pixel space; each format turns them into what it counts
/// in (scene pixels for COCO, WGS 84 for GeoJSON and GeoPackage) as it writes.
public struct GeoExportShape: Equatable, Sendable {
    public var shape: Shape
    public var taskID: String
    /// Who drew it (or the model's name, for predictions).
    public var labeler: String
    /// When the annotation was made, if known.
    public var time: Date?
    /// The chip it was drawn on.
    public var image: TaskImage

    public init(shape: Shape, taskID: String, labeler: String, time: Date?, image: TaskImage) {
        self.shape = shape
        self.taskID = taskID
        self.labeler = labeler
        self.time = time
        self.image = image
    }
}

/// Georeferencing looked up once per chip file, since a task's shapes share it.
struct GeoreferenceCache {
    let source: any ChipGeoreferencing
    var known: [String: ChipGeoreference] = [:]

    init(_ source: any ChipGeoreferencing) { self.source = source }

    mutating func georeference(of image: TaskImage, task: String, fileName: String) throws(InterchangeError) -> ChipGeoreference {
        if let found = known[image.media.sha256] { return found }
        do {
            let found = try source.georeference(of: image)
            known[image.media.sha256] = found
            return found
        } catch {
            throw InterchangeError(fileName: fileName, location: .file, problem: "the georeferencing of task \"\(task)\"'s chip (\(image.scene), media \(image.media.sha256.prefix(12))) cannot be read: \(error)")
        }
    }
}

enum GeoNumbers {
    /// The shortest decimal that reads back as the same `Double` (Swift's own
    /// `description`), whole numbers without a fraction: exact, so a round trip loses nothing.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}

extension ShapeGeometry {
    /// The outline as a ring in drawing order; a box's four corners.
    var ring: [PixelPoint] { vertices }
}
