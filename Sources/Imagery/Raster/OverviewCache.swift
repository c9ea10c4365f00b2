import CGDAL
import Foundation

/// A folder where Imagery keeps overviews of files that have none of their own.
///
/// The source is never written: the cache holds a VRT that points at it and GDAL's
/// external overviews of that VRT (`NAME.vrt.ovr`). Entries are keyed by the source's
/// path, size and modification time, so an edited or replaced file gets new overviews
/// and an unchanged one reuses them from then on.
public struct OverviewCache: Sendable {
    public let folder: String
    /// Files whose longer side is at most this many pixels are read whole and get none.
    public var minimumSide: Int

    /// The VRT's metadata item that keeps the source's driver name.
    static let sourceDriverItem = "LABELDESK_SOURCE_DRIVER"

    public init(folder: String, minimumSide: Int = 1024) {
        self.folder = folder
        self.minimumSide = minimumSide
    }

    /// Whether a source needs the cache: no overviews of its own, and large.
    func wants(_ source: DatasetHandle) -> Bool {
        guard let band = source.band(1), band.overviewCount == 0 else { return false }
        return max(source.width, source.height) > minimumSide
    }

    /// The cache entry's VRT path for a source, from its path, size and modification time.
    public func entryPath(for sourcePath: String) throws(ImageryError) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: sourcePath) else { throw .missingFile(path: sourcePath) }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let absolute = URL(fileURLWithPath: sourcePath).standardizedFileURL.path
        let key = Self.fnv1a("\(absolute)|\(size)|\(modified)")
        let stem = URL(fileURLWithPath: sourcePath).deletingPathExtension().lastPathComponent
        return URL(fileURLWithPath: folder).appendingPathComponent("\(stem)-\(key).vrt").path
    }

    /// The cached VRT with overviews, built first if it is not there yet.
    func dataset(for sourcePath: String, source: DatasetHandle) throws(ImageryError) -> DatasetHandle {
        let entry = try entryPath(for: sourcePath)
        if !FileManager.default.fileExists(atPath: entry) {
            try build(entry: entry, sourcePath: sourcePath, source: source)
        }
        return try DatasetHandle.openReadOnly(entry)
    }

    /// Writes the VRT and its overviews under temporary names, then renames them, so a
    /// half-built entry (a crash, a full disk) is never taken for a finished one.
    private func build(entry: String, sourcePath: String, source: DatasetHandle) throws(ImageryError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cacheUnusable(folder: folder, reason: error.localizedDescription)
        }
        let temporary = URL(fileURLWithPath: folder).appendingPathComponent("building-\(UUID().uuidString).vrt").path
        defer {
            try? FileManager.default.removeItem(atPath: temporary)
            try? FileManager.default.removeItem(atPath: temporary + ".ovr")
        }
        // The VRT names its source by absolute path, so it works from any current folder.
        let absolute = try DatasetHandle.openReadOnly(URL(fileURLWithPath: sourcePath).standardizedFileURL.path)
        defer { GDALClose(absolute.pointer) }
        let (written, translateMessages) = GDALRuntime.capturing { () -> Bool in
            withCStringList(["-of", "VRT", "-mo", "\(Self.sourceDriverItem)=\(source.driverName)"]) { arguments in
                guard let options = GDALTranslateOptionsNew(arguments, nil) else { return false }
                defer { GDALTranslateOptionsFree(options) }
                var failed: Int32 = 0
                guard let vrt = GDALTranslate(temporary, absolute.pointer, options, &failed) else { return false }
                GDALClose(vrt)
                return failed == 0
            }
        }
        guard written else {
            throw .cacheUnusable(folder: folder, reason: GDALRuntime.reason(translateMessages, fallback: "GDAL could not write a VRT there"))
        }
        let vrt = try DatasetHandle.openReadOnly(temporary)
        defer { GDALClose(vrt.pointer) }
        var levels = Self.overviewLevels(width: vrt.width, height: vrt.height)
        let resampling = vrt.band(1)?.colorInterpretation == .palette ? "NEAREST" : "AVERAGE"
        let (status, messages) = GDALRuntime.capturing { () -> CPLErr in
            CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", "DEFLATE")
            defer { CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", nil) }
            return GDALBuildOverviews(vrt.pointer, resampling, Int32(levels.count), &levels, 0, nil, nil, nil)
        }
        guard status == CE_None else {
            throw .overviewsFailed(path: sourcePath, reason: GDALRuntime.reason(messages, fallback: "GDAL stopped without saying why"))
        }
        do {
            try FileManager.default.moveItem(atPath: temporary + ".ovr", toPath: entry + ".ovr")
            try FileManager.default.moveItem(atPath: temporary, toPath: entry)
        } catch {
            // Another process may have finished the same entry first; theirs is as good.
            if FileManager.default.fileExists(atPath: entry) { return }
            throw .cacheUnusable(folder: folder, reason: error.localizedDescription)
        }
    }

    /// Factors 2, 4, 8... until the smallest overview's longer side is at most 256 pixels.
    static func overviewLevels(width: Int, height: Int) -> [Int32] {
        var levels: [Int32] = []
        var factor = 2
        while max(width, height) / (factor / 2) > 256 {
            levels.append(Int32(factor))
            factor *= 2
        }
        return levels
    }

    /// FNV-1a, 64 bits, as hex: a stable file name, not a security hash.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
