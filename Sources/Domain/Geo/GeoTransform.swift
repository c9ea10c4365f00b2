/// A point in an image's map coordinate system (metres for UTM, degrees for geographic
/// systems), `x` east and `y` north as GDAL orders them.
public struct MapPoint: Codable, Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A point on the WGS 84 ellipsoid in degrees, longitude first as GeoJSON orders it.
public struct GeoPoint: Codable, Hashable, Sendable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// GDAL's affine geotransform: the six coefficients that turn pixel space into map space.
///
/// `x = c[0] + column * c[1] + row * c[2]`, `y = c[3] + column * c[4] + row * c[5]`, where
/// column and row count from the top-left corner of the top-left pixel. Pure arithmetic,
/// so screens and formats can use it without GDAL.
public struct GeoTransform: Codable, Hashable, Sendable {
    public var coefficients: [Double]

    /// The coefficients in GDAL's order; six of them, or the transform is the identity.
    public init(_ coefficients: [Double]) {
        self.coefficients = coefficients.count == 6 ? coefficients : [0, 1, 0, 0, 0, 1]
    }

    public func map(_ pixel: PixelPoint) -> MapPoint {
        let c = coefficients
        return MapPoint(x: c[0] + pixel.x * c[1] + pixel.y * c[2], y: c[3] + pixel.x * c[4] + pixel.y * c[5])
    }

    /// The pixel a map point falls on; nil when the transform cannot be inverted.
    public func pixel(_ point: MapPoint) -> PixelPoint? {
        let c = coefficients
        let determinant = c[1] * c[5] - c[2] * c[4]
        guard determinant != 0, determinant.isFinite else { return nil }
        let dx = point.x - c[0], dy = point.y - c[3]
        return PixelPoint(x: (dx * c[5] - dy * c[2]) / determinant, y: (dy * c[1] - dx * c[4]) / determinant)
    }

    /// The same georeferencing for a window whose top-left pixel is `(column, row)` of this one.
    public func shifted(column: Double, row: Double) -> GeoTransform {
        let origin = map(PixelPoint(x: column, y: row))
        let c = coefficients
        return GeoTransform([origin.x, c[1], c[2], origin.y, c[4], c[5]])
    }
}

/// Turns an image's map coordinates into WGS 84 and back.
///
/// Defined here so formats and screens can ask for it; `Imagery` implements it with
/// GDAL's coordinate systems, which know every CRS a file may name.
public protocol CoordinateConverter: Sendable {
    func toWGS84(_ points: [MapPoint]) throws -> [GeoPoint]
    func fromWGS84(_ points: [GeoPoint]) throws -> [MapPoint]
}
