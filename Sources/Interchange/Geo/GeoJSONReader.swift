import Domain
import Foundation

/// The shapes of a GeoJSON file, in the map coordinates of the file's coordinate system.
public struct GeoJSONDocument: Equatable, Sendable {
    /// Where the coordinate system came from: the file, the caller, or GeoJSON's default.
    public enum CRSSource: Equatable, Sendable {
        /// The legacy `crs` member (GeoJSON 2008), as many older files and GDAL write it.
        case file
        /// `--crs`, for a file that names none although it is not in WGS 84.
        case caller
        /// RFC 7946: a file without `crs` is WGS 84 longitude/latitude.
        case standard
    }

    /// The coordinate system of every shape, normalized (`EPSG:32616`) when it is an EPSG code.
    public var crs: String
    public var crsSource: CRSSource
    /// One per feature with a polygon, numbered by its place among the file's features.
    public var shapes: [SourceShape]
}

/// Reads GeoJSON (RFC 7946, and the 2008 form with a `crs` member) into shapes.
///
/// A FeatureCollection, a single Feature, or a bare Polygon or MultiPolygon; each
/// polygon's outer ring is kept (holes are counted and left out, since a shape has
/// none), and each part of a MultiPolygon becomes its own shape when it is placed.
/// All or nothing, as every reader here: a bad feature throws with its number and
/// JSON path, and nothing is imported.
public enum GeoJSONReader {
    /// Reads `data`; `crs` is the caller's system for a file without a `crs` member, and
    /// `classProperty` the property that names each feature's class.
    public static func read(
        _ data: Data, fileName: String, crs callerCRS: String? = nil, classProperty: String = "class"
    ) throws(InterchangeError) -> GeoJSONDocument {
        try read(root: try GeoJSONReader.parse(data, fileName: fileName), fileName: fileName, crs: callerCRS, classProperty: classProperty)
    }

    /// Reads a document already parsed (prediction import parses once to tell the formats apart).
    static func read(root: JSONValue, fileName: String, crs callerCRS: String?, classProperty: String) throws(InterchangeError) -> GeoJSONDocument {
        do throws(Problem) {
            return try document(root, crs: callerCRS, classProperty: classProperty)
        } catch {
            throw InterchangeError(fileName: fileName, location: error.path.map { .path($0) } ?? .file, problem: error.text)
        }
    }

    static func document(_ root: JSONValue, crs callerCRS: String?, classProperty: String) throws(Problem) -> GeoJSONDocument {
        guard case .object = root, let type = root["type"]?.stringValue else {
            throw Problem("a GeoJSON file is an object with a \"type\" (\"FeatureCollection\", \"Feature\", \"Polygon\" or \"MultiPolygon\")", at: "$")
        }
        let (crs, source) = try coordinateSystem(root, caller: callerCRS)
        var shapes: [SourceShape] = []
        switch type {
        case "FeatureCollection":
            guard let features = root["features"]?.arrayValue else {
                throw Problem("a FeatureCollection needs a \"features\" array", at: "$.features")
            }
            shapes.reserveCapacity(features.count)
            for (index, feature) in features.enumerated() {
                shapes.append(try shape(feature: feature, number: index + 1, path: "$.features[\(index)]", classProperty: classProperty))
            }
        case "Feature":
            shapes.append(try shape(feature: root, number: 1, path: "$", classProperty: classProperty))
        case "Polygon", "MultiPolygon":
            let (parts, holes) = try polygons(root, path: "$", number: 1)
            shapes.append(SourceShape(number: 1, label: nil, coordinates: .map(parts), holesLeftOut: holes))
        default:
            throw Problem("a GeoJSON file of type \"\(type)\" holds no polygons; give a FeatureCollection, a Feature, a Polygon or a MultiPolygon", at: "$.type")
        }
        return GeoJSONDocument(crs: crs, crsSource: source, shapes: shapes)
    }

    /// The file's `crs` member, else the caller's, else WGS 84; a file and a caller that
    /// disagree are refused rather than one silently winning.
    static func coordinateSystem(_ root: JSONValue, caller: String?) throws(Problem) -> (String, GeoJSONDocument.CRSSource) {
        guard let member = root["crs"] else {
            if let caller { return (CRSName.normalized(caller), .caller) }
            return (CRSName.wgs84, .standard)
        }
        guard member["type"]?.stringValue == "name", let name = member["properties"]?["name"]?.stringValue else {
            throw Problem("\"crs\" must be {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:32616\"}}; linked systems are not read, so remove \"crs\" and give --crs", at: "$.crs")
        }
        let fileCRS = CRSName.normalized(name)
        if let caller, !CRSName.same(caller, fileCRS) {
            throw Problem("the file says its coordinates are in \(name) and --crs says \(caller); leave out --crs, or fix the file's \"crs\"", at: "$.crs")
        }
        return (fileCRS, .file)
    }

    static func shape(feature: JSONValue, number: Int, path: String, classProperty: String) throws(Problem) -> SourceShape {
        guard case .object = feature, feature["type"]?.stringValue == "Feature" else {
            throw Problem("feature \(number) must be an object with \"type\": \"Feature\"", at: path)
        }
        guard let geometry = feature["geometry"] else {
            throw Problem("feature \(number) has no geometry; give it a Polygon or MultiPolygon, or remove it", at: path + ".geometry")
        }
        var properties: [String: JSONValue] = [:]
        if let given = feature["properties"] {
            guard case .object(let members) = given else {
                throw Problem("feature \(number): \"properties\" must be an object or null, not \(given.typeDescription)", at: path + ".properties")
            }
            properties = members
        }
        let label: String?
        switch properties[classProperty] {
        case .string(let text)?: label = text
        case .number(let lexeme)?: label = lexeme
        case .bool(let flag)?: label = flag ? "true" : "false"
        case nil, .null?: label = nil
        case let other?:
            throw Problem("feature \(number): property \"\(classProperty)\" must name a class, not be \(other.typeDescription)", at: path + ".properties.\(classProperty)")
        }
        let (parts, holes) = try polygons(geometry, path: path + ".geometry", number: number)
        return SourceShape(number: number, label: label, coordinates: .map(parts), properties: properties, holesLeftOut: holes)
    }

    /// The outer rings of a Polygon or MultiPolygon, open, and how many holes they had.
    static func polygons(_ geometry: JSONValue, path: String, number: Int) throws(Problem) -> ([[MapPoint]], Int) {
        let type = geometry["type"]?.stringValue ?? ""
        guard let coordinates = geometry["coordinates"]?.arrayValue else {
            throw Problem("feature \(number): the geometry needs a \"type\" and a \"coordinates\" array", at: path)
        }
        switch type {
        case "Polygon":
            return (try [outerRing(coordinates, path: path + ".coordinates", number: number)], max(0, coordinates.count - 1))
        case "MultiPolygon":
            var parts: [[MapPoint]] = []
            var holes = 0
            for (index, polygon) in coordinates.enumerated() {
                guard let rings = polygon.arrayValue else {
                    throw Problem("feature \(number): each MultiPolygon part must be an array of rings", at: "\(path).coordinates[\(index)]")
                }
                parts.append(try outerRing(rings, path: "\(path).coordinates[\(index)]", number: number))
                holes += max(0, rings.count - 1)
            }
            guard !parts.isEmpty else { throw Problem("feature \(number): the MultiPolygon has no parts", at: path + ".coordinates") }
            return (parts, holes)
        default:
            throw Problem("feature \(number) is a \(type.isEmpty ? "geometry without a type" : type); only Polygon and MultiPolygon features can become shapes", at: path + ".type")
        }
    }

    static func outerRing(_ rings: [JSONValue], path: String, number: Int) throws(Problem) -> [MapPoint] {
        guard let ring = rings.first?.arrayValue else {
            throw Problem("feature \(number): a polygon needs at least its outer ring, an array of [x, y] positions", at: path)
        }
        var points: [MapPoint] = []
        points.reserveCapacity(ring.count)
        for (index, position) in ring.enumerated() {
            guard let pair = position.arrayValue, pair.count >= 2, let x = pair[0].doubleValue, let y = pair[1].doubleValue,
                  x.isFinite, y.isFinite
            else {
                throw Problem("feature \(number): a position must be [x, y] with two finite numbers", at: "\(path)[0][\(index)]")
            }
            points.append(MapPoint(x: x, y: y))
        }
        let open = points.openRing()
        guard Set(open).count >= 3 else {
            throw Problem("feature \(number): the outer ring has \(Set(open).count) different positions; a polygon needs at least 3", at: path + "[0]")
        }
        return open
    }
}

extension GeoJSONReader {
    /// The file as one JSON value; a syntax error names its line and column.
    static func parse(_ data: Data, fileName: String) throws(InterchangeError) -> JSONValue {
        try FileLines.withCheckedBytes(data, fileName: fileName) { bytes throws(InterchangeError) in
            do throws(JSONSyntaxError) { return try JSONValue.parse(utf8: bytes) } catch {
                let place = TextPlace(bytes, character: error.column)
                throw InterchangeError(fileName: fileName, location: .line(place.line),
                                       problem: "not valid JSON (\(error.problem) at column \(place.column))")
            }
        }
    }
}

/// A line and column in a text, from a character count.
struct TextPlace {
    var line = 1
    var column = 1

    /// The place of the `character`-th character (from 1) of UTF-8 `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, character: Int) {
        var seen = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            seen += 1
            if seen >= character { break }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
    }
}
