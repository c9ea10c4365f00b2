/// A raster's coordinate system: GDAL's WKT, and its EPSG code when it is known.
public struct CoordinateSystem: Hashable, Sendable {
    /// WKT 2 as GDAL writes it.
    public var wkt: String
    /// The EPSG code when the WKT names one or GDAL can identify it (UTM, WGS 84...).
    public var epsg: Int?
    /// The system's own name, e.g. "WGS 84 / UTM zone 18N".
    public var name: String

    public init(wkt: String, epsg: Int?, name: String) {
        self.wkt = wkt
        self.epsg = epsg
        self.name = name
    }

    /// "EPSG:32618", or the name when there is no code: how messages and files name it.
    public var label: String { epsg.map { "EPSG:\($0)" } ?? name }
}
