/// What went wrong with imagery, typed where it happens.
///
/// `description` is the one place these become words for a person: each says what is
/// wrong and how to fix it. GDAL's own text is kept in the sentence after a colon (and
/// goes to the log through `GDALRuntime`), never printed on its own.
public enum ImageryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file at the path.
    case missingFile(path: String)
    /// A file GDAL cannot open as a raster.
    case notAnImage(path: String, reason: String)
    /// A band number outside the file's bands.
    case noSuchBand(path: String, band: Int, bandCount: Int)
    /// Reading pixels failed part way (a truncated or corrupt file).
    case readFailed(path: String, reason: String)
    /// A window or output size that cannot be read.
    case invalidWindow(reason: String)
    /// A stretch whose numbers make no picture.
    case invalidStretch(reason: String)
    /// A CRS text GDAL does not know.
    case unknownCoordinateSystem(text: String, reason: String)
    /// A raster without a coordinate system where one is needed.
    case noCoordinateSystem(path: String)
    /// Points that cannot be carried from one CRS to the other.
    case transformFailed(from: String, to: String, pointIndex: Int?, reason: String)
    /// The overview cache folder cannot be made or written.
    case cacheUnusable(folder: String, reason: String)
    /// Building overviews in the cache failed.
    case overviewsFailed(path: String, reason: String)
    /// Chipping settings that cannot cut the scene.
    case invalidChipping(reason: String)
    /// Writing one chip failed.
    case chipFailed(path: String, reason: String)
    /// Writing a generated image failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "There is no file at \(path); check the path."
        case .notAnImage(let path, let reason):
            return "\(path) is not an image GDAL can read: \(reason); check the path or the file's format (GeoTIFF, NITF, JPEG 2000, PNG...)."
        case .noSuchBand(let path, let band, let bandCount):
            return "\(path) has \(bandCount) band\(bandCount == 1 ? "" : "s"), so there is no band \(band); choose a band from 1 to \(bandCount)."
        case .readFailed(let path, let reason):
            return "Reading pixels from \(path) failed: \(reason); the file may be truncated or damaged, so copy it again from its source."
        case .invalidWindow(let reason):
            return "That image window cannot be read: \(reason)."
        case .invalidStretch(let reason):
            return "That contrast stretch cannot be used: \(reason)."
        case .unknownCoordinateSystem(let text, let reason):
            return "\"\(text)\" is not a coordinate system GDAL knows: \(reason); give it as \"EPSG:NNNN\", \"urn:ogc:def:crs:EPSG::NNNN\" or WKT."
        case .noCoordinateSystem(let path):
            return "\(path) has no coordinate system, so its pixels have no place on the Earth; use an image with georeferencing."
        case .transformFailed(let from, let to, let pointIndex, let reason):
            let which = pointIndex.map { "point \($0 + 1)" } ?? "the points"
            return "Converting \(which) from \(from) to \(to) failed: \(reason); check that the coordinates are in that coordinate system and inside its area of use."
        case .cacheUnusable(let folder, let reason):
            return "The imagery cache folder \(folder) cannot be used: \(reason); check that it exists and can be written, or name another."
        case .overviewsFailed(let path, let reason):
            return "Building overviews of \(path) failed: \(reason); check the free space in the cache folder."
        case .invalidChipping(let reason):
            return "The scene cannot be chipped that way: \(reason)."
        case .chipFailed(let path, let reason):
            return "Writing the chip \(path) failed: \(reason); check the free space and that the folder can be written."
        case .writeFailed(let path, let reason):
            return "Writing the image \(path) failed: \(reason); check the free space and that the folder can be written."
        }
    }
}
