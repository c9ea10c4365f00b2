import CGDAL
import Domain
import Foundation

/// Carries points between a map CRS and WGS 84 longitude/latitude, through GDAL's OSR.
///
/// Made from a raster's coordinate system, or from any CRS text GDAL knows (WKT,
/// "EPSG:NNNN", "urn:ogc:def:crs:EPSG::NNNN"), because GeoJSON files come in any CRS.
/// Both systems use GIS axis order (`OAMS_TRADITIONAL_GIS_ORDER`), so WGS 84 points
/// are longitude first whatever EPSG:4326 says. OGR's transformations are not safe
/// to use from two threads at once, so each call holds a lock.
public final class CoordinateTransformer: CoordinateConverter, @unchecked Sendable {
    /// The map CRS, as a person would name it ("EPSG:32616").
    public let source: CoordinateSystem
    private let toGeographic: OGRCoordinateTransformationH
    private let fromGeographic: OGRCoordinateTransformationH
    private let lock = NSLock()

    /// A transformer for the CRS `text` names.
    public convenience init(crs text: String) throws(ImageryError) {
        try self.init(reference: SpatialReference(text: text))
    }

    /// A transformer for a raster's coordinate system.
    public convenience init(_ system: CoordinateSystem) throws(ImageryError) {
        try self.init(reference: SpatialReference(text: system.wkt))
    }

    init(reference: SpatialReference) throws(ImageryError) {
        let geographic = SpatialReference.wgs84()
        let system = reference.coordinateSystem
        let (forward, forwardMessages) = GDALRuntime.capturing { OCTNewCoordinateTransformation(reference.handle, geographic.handle) }
        guard let forward else {
            throw .transformFailed(from: system.label, to: "WGS 84", pointIndex: nil, reason: GDALRuntime.reason(forwardMessages, fallback: "GDAL knows no way between them"))
        }
        let (inverse, inverseMessages) = GDALRuntime.capturing { OCTNewCoordinateTransformation(geographic.handle, reference.handle) }
        guard let inverse else {
            OCTDestroyCoordinateTransformation(forward)
            throw .transformFailed(from: "WGS 84", to: system.label, pointIndex: nil, reason: GDALRuntime.reason(inverseMessages, fallback: "GDAL knows no way between them"))
        }
        self.source = system
        self.toGeographic = forward
        self.fromGeographic = inverse
    }

    deinit {
        OCTDestroyCoordinateTransformation(toGeographic)
        OCTDestroyCoordinateTransformation(fromGeographic)
    }

    public func toWGS84(_ points: [MapPoint]) throws(ImageryError) -> [GeoPoint] {
        let moved = try transform(points.map { ($0.x, $0.y) }, with: toGeographic, from: source.label, to: "WGS 84")
        return moved.map { GeoPoint(longitude: $0.0, latitude: $0.1) }
    }

    public func fromWGS84(_ points: [GeoPoint]) throws(ImageryError) -> [MapPoint] {
        let moved = try transform(points.map { ($0.longitude, $0.latitude) }, with: fromGeographic, from: "WGS 84", to: source.label)
        return moved.map { MapPoint(x: $0.0, y: $0.1) }
    }

    private func transform(_ points: [(Double, Double)], with transformation: OGRCoordinateTransformationH, from: String, to: String) throws(ImageryError) -> [(Double, Double)] {
        guard !points.isEmpty else { return [] }
        var xs = points.map(\.0), ys = points.map(\.1)
        var zs = [Double](repeating: 0, count: points.count)
        var succeeded = [Int32](repeating: 0, count: points.count)
        lock.lock()
        let (_, messages) = GDALRuntime.capturing {
            OCTTransformEx(transformation, Int32(points.count), &xs, &ys, &zs, &succeeded)
        }
        lock.unlock()
        if let failed = succeeded.firstIndex(of: 0) ?? xs.indices.first(where: { !xs[$0].isFinite || !ys[$0].isFinite }) {
            let point = points[failed]
            throw .transformFailed(from: from, to: to, pointIndex: failed, reason: GDALRuntime.reason(messages, fallback: "(\(point.0), \(point.1)) has no place there"))
        }
        return Array(zip(xs, ys))
    }
}
