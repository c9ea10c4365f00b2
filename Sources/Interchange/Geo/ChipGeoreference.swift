import Domain
import Foundation

/// Where a chip lies on the Earth: what a geo format needs to turn its pixels into map
/// coordinates and WGS 84.
///
/// `TaskImage` names the chip's media and its window in the scene, not its
/// georeferencing, which the chip file carries; whoever can open the file (`Imagery`)
/// makes this value, and the formats stay pure arithmetic.
public struct ChipGeoreference: Sendable {
    /// The chip's pixel space to its map coordinates (GDAL's geotransform of the chip file).
    public var transform: GeoTransform
    /// The chip's coordinate system as it was named (`EPSG:32616`, or WKT): chips and
    /// files naming the same system skip the trip through WGS 84.
    public var crs: String
    /// The chip's map coordinates to WGS 84 and back.
    public var converter: any CoordinateConverter

    public init(transform: GeoTransform, crs: String, converter: any CoordinateConverter) {
        self.transform = transform
        self.crs = crs
        self.converter = converter
    }
}

/// Finds the georeferencing of a task's chip, for exports that write map coordinates.
///
/// The hub implements it over its media store with `Imagery`; tests implement it over
/// fixture files.
public protocol ChipGeoreferencing: Sendable {
    func georeference(of image: TaskImage) throws -> ChipGeoreference
}

/// A task's chip with its georeferencing: what shapes from a file are placed onto.
public struct GeoChip: Sendable {
    public var taskID: String
    public var image: TaskImage
    public var georeference: ChipGeoreference

    public init(taskID: String, image: TaskImage, georeference: ChipGeoreference) {
        self.taskID = taskID
        self.image = image
        self.georeference = georeference
    }
}

/// WGS 84 longitude and latitude as map coordinates (`x` longitude, `y` latitude): the
/// converter of a file in WGS 84, which needs no arithmetic.
public struct WGS84Coordinates: CoordinateConverter {
    public init() {}

    public func toWGS84(_ points: [MapPoint]) throws -> [GeoPoint] {
        points.map { GeoPoint(longitude: $0.x, latitude: $0.y) }
    }

    public func fromWGS84(_ points: [GeoPoint]) throws -> [MapPoint] {
        points.map { MapPoint(x: $0.longitude, y: $0.latitude) }
    }
}

/// Names of coordinate systems as files spell them, made comparable.
public enum CRSName {
    /// GeoJSON's and GeoPackage's WGS 84 longitude/latitude.
    public static let wgs84 = "EPSG:4326"

    /// `EPSG:32616` for `urn:ogc:def:crs:EPSG::32616`, `urn:ogc:def:crs:EPSG:6.6:32616`,
    /// `epsg:32616` and `EPSG:32616`; `EPSG:4326` for OGC's CRS84 (longitude first, as
    /// GeoJSON reads it); anything else (WKT, PROJ strings) as it was given.
    public static func normalized(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if lowered.hasSuffix("crs84") && (lowered.hasPrefix("urn:ogc:def:crs:ogc") || lowered == "crs84" || lowered == "ogc:crs84") {
            return wgs84
        }
        let parts = lowered.split(separator: ":", omittingEmptySubsequences: false)
        if let epsg = parts.firstIndex(of: "epsg"), let code = parts.last, !code.isEmpty, code.allSatisfy(\.isNumber),
           epsg == parts.count - 2 || (parts.count >= 2 && epsg <= parts.count - 2 && (lowered.hasPrefix("urn:ogc:def:crs:epsg:")))
        {
            return "EPSG:\(code)"
        }
        return trimmed
    }

    /// Whether two names say the same system as far as their spelling shows.
    public static func same(_ first: String, _ second: String) -> Bool {
        normalized(first) == normalized(second)
    }
}
