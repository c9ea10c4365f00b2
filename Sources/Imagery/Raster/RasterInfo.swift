import Domain

/// What a raster file says about itself, read once when it opens.
public struct RasterInfo: Hashable, Sendable {
    /// The path the raster was opened from (the source, never the overview cache).
    public var path: String
    /// GDAL's short driver name: "GTiff", "NITF", "JP2OpenJPEG", "PNG"...
    public var driver: String
    public var width: Int
    public var height: Int
    /// The bands in file order; band `n` is `bands[n - 1]`.
    public var bands: [BandInfo]
    /// Pixel to map coordinates; nil when the file has no georeferencing.
    public var geoTransform: GeoTransform?
    /// The map CRS; nil when the file has none.
    public var coordinateSystem: CoordinateSystem?
    /// The NITF file and image security fields (empty for files that have none).
    public var security: SecurityFields
    /// How many overviews reads can use: the file's own, or those built in the cache.
    public var overviewCount: Int
    /// Whether the overviews come from the cache folder rather than the file.
    public var overviewsFromCache: Bool

    public var bandCount: Int { bands.count }

    /// The first band's nodata value: what most files set for every band.
    public var noData: Double? { bands.first?.noData }

    public init(
        path: String, driver: String, width: Int, height: Int, bands: [BandInfo], geoTransform: GeoTransform?,
        coordinateSystem: CoordinateSystem?, security: SecurityFields, overviewCount: Int, overviewsFromCache: Bool
    ) {
        self.path = path
        self.driver = driver
        self.width = width
        self.height = height
        self.bands = bands
        self.geoTransform = geoTransform
        self.coordinateSystem = coordinateSystem
        self.security = security
        self.overviewCount = overviewCount
        self.overviewsFromCache = overviewsFromCache
    }
}

/// One band's type, colour and nodata.
public struct BandInfo: Hashable, Sendable {
    /// 1-based, as GDAL counts.
    public var number: Int
    public var dataType: RasterDataType
    public var colorInterpretation: ColorInterpretation
    public var noData: Double?
    /// Overviews the band has in the file itself.
    public var overviewCount: Int

    public init(number: Int, dataType: RasterDataType, colorInterpretation: ColorInterpretation, noData: Double?, overviewCount: Int) {
        self.number = number
        self.dataType = dataType
        self.colorInterpretation = colorInterpretation
        self.noData = noData
        self.overviewCount = overviewCount
    }
}

/// A band's pixel type, with GDAL's names.
public enum RasterDataType: String, Hashable, Sendable {
    case byte = "Byte", int8 = "Int8", uint16 = "UInt16", int16 = "Int16", uint32 = "UInt32", int32 = "Int32"
    case uint64 = "UInt64", int64 = "Int64", float32 = "Float32", float64 = "Float64"
    case complexInt16 = "CInt16", complexInt32 = "CInt32", complexFloat32 = "CFloat32", complexFloat64 = "CFloat64"
    case unknown = "Unknown"

    /// The range a stretch starts from when statistics cannot be read.
    public var naturalRange: ClosedRange<Double> {
        switch self {
        case .byte: return 0...255
        case .int8: return -128...127
        case .uint16: return 0...65535
        case .int16: return -32768...32767
        default: return 0...1
        }
    }
}

/// What a band's values mean for colour, with GDAL's names.
public enum ColorInterpretation: String, Hashable, Sendable {
    case undefined = "Undefined", gray = "Gray", palette = "Palette"
    case red = "Red", green = "Green", blue = "Blue", alpha = "Alpha"
    case hue = "Hue", saturation = "Saturation", lightness = "Lightness"
    case cyan = "Cyan", magenta = "Magenta", yellow = "Yellow", black = "Black"
    case luminance = "YCbCr_Y", chromaBlue = "YCbCr_Cb", chromaRed = "YCbCr_Cr"
    case other = "Other"
}
