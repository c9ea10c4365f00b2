import CGDAL
import Domain
import Foundation
import Synchronization

/// A raster file open read-only through GDAL: its metadata, and reads of its pixels.
///
/// Any format GDAL reads (GeoTIFF, NITF, JPEG 2000, PNG...). Reads may go to a VRT of the
/// file in an overview cache when the file has no overviews of its own; `info` always
/// describes the source. A GDAL dataset must not be used by two threads at once, so
/// every call on it holds the raster's lock; open one raster per thread for parallel reads.
public final class Raster: @unchecked Sendable {
    public let info: RasterInfo
    let dataset: DatasetHandle
    let lock = NSLock()
    /// Each band's statistics sample, read once.
    let samples = Mutex<[Int: BandSample]>([:])

    /// Opens `path` read-only, using (or building) overviews in `overviewCache` when the
    /// file has none of its own and is larger than the cache's threshold.
    public static func open(_ path: String, overviewCache: OverviewCache? = nil) throws(ImageryError) -> Raster {
        let source = try DatasetHandle.openReadOnly(path)
        let security = SecurityFields(metadata: source.metadata())
        guard let overviewCache, overviewCache.wants(source) else {
            return try Raster(dataset: source, path: path, security: security, fromCache: false)
        }
        let cached: DatasetHandle
        do {
            cached = try overviewCache.dataset(for: path, source: source)
        } catch {
            GDALClose(source.pointer)
            throw error
        }
        GDALClose(source.pointer)
        return try Raster(dataset: cached, path: path, security: security, fromCache: true)
    }

    private init(dataset: DatasetHandle, path: String, security: SecurityFields, fromCache: Bool) throws(ImageryError) {
        guard dataset.bandCount > 0 else {
            GDALClose(dataset.pointer)
            throw .notAnImage(path: path, reason: "it holds no raster bands (a multi-image NITF lists its images as subdatasets)")
        }
        var bands: [BandInfo] = []
        for number in 1...dataset.bandCount {
            guard let band = dataset.band(number) else { continue }
            bands.append(BandInfo(
                number: number, dataType: RasterDataType(band.dataType), colorInterpretation: band.colorInterpretation,
                noData: band.noData, overviewCount: band.overviewCount))
        }
        let reference = SpatialReference(cloning: GDALGetSpatialRef(dataset.pointer))
        self.dataset = dataset
        self.info = RasterInfo(
            path: path, driver: fromCache ? (Self.sourceDriver(dataset) ?? dataset.driverName) : dataset.driverName,
            width: dataset.width, height: dataset.height, bands: bands,
            geoTransform: dataset.geoTransform.map(GeoTransform.init), coordinateSystem: reference?.coordinateSystem,
            security: security, overviewCount: bands.first?.overviewCount ?? 0, overviewsFromCache: fromCache)
    }

    deinit { GDALClose(dataset.pointer) }

    /// A converter from this raster's map CRS to WGS 84 and back.
    public func coordinateTransformer() throws(ImageryError) -> CoordinateTransformer {
        guard let system = info.coordinateSystem else { throw .noCoordinateSystem(path: info.path) }
        return try CoordinateTransformer(system)
    }

    /// Band `number` (1-based), or a sentence saying which bands there are.
    public func band(_ number: Int) throws(ImageryError) -> RasterBand {
        guard (1...info.bandCount).contains(number), let handle = dataset.band(number) else {
            throw .noSuchBand(path: info.path, band: number, bandCount: info.bandCount)
        }
        return RasterBand(raster: self, handle: handle, info: info.bands[number - 1])
    }

    /// Runs `body` holding the lock on the dataset.
    func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The VRT in the cache keeps the source's driver name in its metadata.
    private static func sourceDriver(_ dataset: DatasetHandle) -> String? {
        GDALGetMetadataItem(dataset.pointer, OverviewCache.sourceDriverItem, nil).map { String(cString: $0) }
    }
}

/// One band of an open raster. Holds its raster, so the handle stays valid.
public struct RasterBand: @unchecked Sendable {
    public let raster: Raster
    let handle: BandHandle
    public let info: BandInfo

    public var number: Int { info.number }
}

extension DatasetHandle {
    /// GDALOpenEx read-only, raster only, with a sentence when it fails.
    static func openReadOnly(_ path: String) throws(ImageryError) -> DatasetHandle {
        GDALRuntime.ensureStarted()
        var isFolder: ObjCBool = false
        guard path.hasPrefix("/vsi") || FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .missingFile(path: path)
        }
        guard !isFolder.boolValue else {
            throw .notAnImage(path: path, reason: "it is a folder, not a file")
        }
        let (handle, messages) = GDALRuntime.capturing { GDALOpenEx(path, ld_gdal_of_raster_read_only(), nil, nil, nil) }
        guard let handle else {
            throw .notAnImage(path: path, reason: GDALRuntime.reason(messages, fallback: "GDAL has no driver for it"))
        }
        return DatasetHandle(pointer: handle)
    }
}

extension RasterDataType {
    init(_ type: GDALDataType) {
        self = GDALGetDataTypeName(type).flatMap { RasterDataType(rawValue: String(cString: $0)) } ?? .unknown
    }
}
