import Domain
import Foundation

/// Writes shapes as RFC 7946 GeoJSON: one FeatureCollection in WGS 84 longitude/latitude.
///
/// No `crs` member (RFC 7946 forbids other systems); every shape is a Polygon, a box as
/// its four corners, each exterior ring counter-clockwise (the right-hand rule) and closed
/// by repeating its first position. Numbers are the shortest decimals that read back as
/// the same doubles, so nothing is lost to printing. Properties: `class`, `task`,
/// `labeler`, `time` (ISO 8601, or null), `project` and `scene`. One feature a line,
/// written as it goes into chunks handed to a sink, without a JSON tree of the whole file.
public struct GeoJSONWriter {
    /// Bytes are handed on in chunks of about this size.
    static let chunkSize = 1 << 20

    var georeferences: GeoreferenceCache
    let projectID: String
    let fileName: String
    let sink: (Data) throws -> Void
    var buffer = ""
    var featureCount = 0

    /// A writer handing its output to `sink` in order; `finish()` ends the document.
    public init(projectID: String, georeferencing: any ChipGeoreferencing, fileName: String = "export.geojson", sink: @escaping (Data) throws -> Void) {
        self.georeferences = GeoreferenceCache(georeferencing)
        self.projectID = projectID
        self.fileName = fileName
        self.sink = sink
        buffer.reserveCapacity(Self.chunkSize + 4096)
        buffer += "{\"type\":\"FeatureCollection\",\"features\":["
    }

    /// The whole document at once.
    public static func write(
        _ shapes: [GeoExportShape], projectID: String, georeferencing: any ChipGeoreferencing, fileName: String = "export.geojson"
    ) throws(InterchangeError) -> Data {
        var output = Data()
        var writer = GeoJSONWriter(projectID: projectID, georeferencing: georeferencing, fileName: fileName) { output.append($0) }
        for shape in shapes { try writer.append(shape) }
        try writer.finish()
        return output
    }

    public mutating func append(_ item: GeoExportShape) throws(InterchangeError) {
        let georeference = try georeferences.georeference(of: item.image, task: item.taskID, fileName: fileName)
        let ring = try Self.wgs84Ring(item.shape.geometry, georeference: georeference, task: item.taskID, fileName: fileName)
        buffer += featureCount == 0 ? "\n" : ",\n"
        featureCount += 1
        buffer += "{\"type\":\"Feature\",\"properties\":{\"class\":"
        JSONWriter.writeQuoted(item.shape.label, into: &buffer)
        buffer += ",\"labeler\":"
        JSONWriter.writeQuoted(item.labeler, into: &buffer)
        buffer += ",\"project\":"
        JSONWriter.writeQuoted(projectID, into: &buffer)
        buffer += ",\"scene\":"
        JSONWriter.writeQuoted(item.image.scene, into: &buffer)
        buffer += ",\"task\":"
        JSONWriter.writeQuoted(item.taskID, into: &buffer)
        buffer += ",\"time\":"
        if let time = item.time { JSONWriter.writeQuoted(ISODate.write(time), into: &buffer) } else { buffer += "null" }
        buffer += "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
        for (index, point) in ring.enumerated() {
            if index > 0 { buffer += "," }
            buffer += "["
            buffer += GeoNumbers.text(point.longitude)
            buffer += ","
            buffer += GeoNumbers.text(point.latitude)
            buffer += "]"
        }
        buffer += "]]}}"
        if buffer.utf8.count >= Self.chunkSize { try flush() }
    }

    public mutating func finish() throws(InterchangeError) {
        buffer += featureCount == 0 ? "]}\n" : "\n]}\n"
        try flush()
    }

    mutating func flush() throws(InterchangeError) {
        let chunk = Data(buffer.utf8)
        buffer.removeAll(keepingCapacity: true)
        do { try sink(chunk) } catch {
            throw InterchangeError(fileName: fileName, location: .file, problem: "the export could not be written: \(error)")
        }
    }

    /// The outline in WGS 84, counter-clockwise and closed.
    static func wgs84Ring(_ geometry: ShapeGeometry, georeference: ChipGeoreference, task: String, fileName: String) throws(InterchangeError) -> [GeoPoint] {
        let map = geometry.ring.map(georeference.transform.map)
        var points: [GeoPoint]
        do { points = try georeference.converter.toWGS84(map) } catch {
            throw InterchangeError(fileName: fileName, location: .file, problem: "a shape of task \"\(task)\" cannot be put into WGS 84 from \(georeference.crs): \(error)")
        }
        guard points.count == map.count, points.allSatisfy({ $0.longitude.isFinite && $0.latitude.isFinite }) else {
            throw InterchangeError(fileName: fileName, location: .file, problem: "a shape of task \"\(task)\" falls outside what \(georeference.crs) can put into WGS 84")
        }
        if signedArea(points) < 0 { points.reverse() }
        if let first = points.first { points.append(first) }
        return points
    }

    /// The shoelace area in degrees, longitude as x: positive when counter-clockwise.
    static func signedArea(_ ring: [GeoPoint]) -> Double {
        var sum = 0.0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            sum += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return sum / 2
    }
}
