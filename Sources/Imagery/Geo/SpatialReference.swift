import CGDAL
import Foundation

/// An owned OGR spatial reference, in longitude-first (GIS) axis order.
///
/// Internal: callers see `CoordinateSystem` values and `CoordinateTransformer`.
final class SpatialReference {
    let handle: OGRSpatialReferenceH

    /// Any text GDAL's `SetFromUserInput` knows: WKT, "EPSG:NNNN", an OGC URN, PROJ.
    init(text: String) throws(ImageryError) {
        GDALRuntime.ensureStarted()
        guard let handle = OSRNewSpatialReference(nil) else {
            throw .unknownCoordinateSystem(text: text, reason: "GDAL could not make a spatial reference")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let (status, messages) = GDALRuntime.capturing { OSRSetFromUserInput(handle, trimmed) }
        guard !trimmed.isEmpty, status == OGRERR_NONE else {
            OSRDestroySpatialReference(handle)
            throw .unknownCoordinateSystem(text: Self.shortened(trimmed), reason: GDALRuntime.reason(messages, fallback: trimmed.isEmpty ? "the text is empty" : "GDAL does not recognise it"))
        }
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
        self.handle = handle
    }

    /// A copy of a dataset's spatial reference (GDAL owns the one it hands out).
    init?(cloning borrowed: OGRSpatialReferenceH?) {
        guard let borrowed, let handle = OSRClone(borrowed) else { return nil }
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
        self.handle = handle
    }

    static func wgs84() -> SpatialReference {
        // EPSG:4326 is in every PROJ database; failing here means GDAL's data is missing.
        guard let reference = try? SpatialReference(text: "EPSG:4326") else {
            fatalError("GDAL cannot make EPSG:4326: its proj.db is missing or broken")
        }
        return reference
    }

    deinit { OSRDestroySpatialReference(handle) }

    var coordinateSystem: CoordinateSystem {
        var wktPointer: UnsafeMutablePointer<CChar>? = nil
        let wkt: String = withCStringList(["FORMAT=WKT2_2019", "MULTILINE=NO"]) { options in
            _ = OSRExportToWktEx(handle, &wktPointer, UnsafeRawPointer(options)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self))
            return takeGDALString(wktPointer) ?? ""
        }
        let name = OSRGetName(handle).map { String(cString: $0) } ?? ""
        return CoordinateSystem(wkt: wkt, epsg: epsgCode, name: name)
    }

    /// The EPSG code the WKT carries, or the one GDAL identifies for it.
    var epsgCode: Int? {
        if let code = authorityCode(handle) { return code }
        guard let probe = OSRClone(handle) else { return nil }
        defer { OSRDestroySpatialReference(probe) }
        let (status, _) = GDALRuntime.capturing { OSRAutoIdentifyEPSG(probe) }
        return status == OGRERR_NONE ? authorityCode(probe) : nil
    }

    private func authorityCode(_ reference: OGRSpatialReferenceH) -> Int? {
        guard let authority = OSRGetAuthorityName(reference, nil).map({ String(cString: $0) }),
              authority.uppercased() == "EPSG",
              let code = OSRGetAuthorityCode(reference, nil).map({ String(cString: $0) })
        else { return nil }
        return Int(code)
    }

    /// Long WKT shortened for a sentence.
    static func shortened(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(77)) + "..."
    }
}
