import CGDAL

/// GDAL's dataset handle. GDAL types datasets and bands both as `void *`; two wrapper
/// types keep one from being passed where the other is meant.
struct DatasetHandle {
    let pointer: GDALDatasetH
}

/// GDAL's raster band handle, owned by its dataset.
struct BandHandle {
    let pointer: GDALRasterBandH
}

extension DatasetHandle {
    var width: Int { Int(GDALGetRasterXSize(pointer)) }
    var height: Int { Int(GDALGetRasterYSize(pointer)) }
    var bandCount: Int { Int(GDALGetRasterCount(pointer)) }

    func band(_ number: Int) -> BandHandle? {
        GDALGetRasterBand(pointer, Int32(number)).map(BandHandle.init)
    }

    /// The default metadata domain as a dictionary.
    func metadata(domain: String? = nil) -> [String: String] {
        guard var list = GDALGetMetadata(pointer, domain) else { return [:] }
        var items: [String: String] = [:]
        while let entry = list.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                items[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            list += 1
        }
        return items
    }

    var geoTransform: [Double]? {
        var coefficients = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(pointer, &coefficients) == CE_None else { return nil }
        return coefficients
    }

    var driverName: String {
        GDALGetDatasetDriver(pointer).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) } ?? ""
    }
}

extension BandHandle {
    var dataType: GDALDataType { GDALGetRasterDataType(pointer) }
    var overviewCount: Int { Int(GDALGetOverviewCount(pointer)) }
    var width: Int { Int(GDALGetRasterBandXSize(pointer)) }
    var height: Int { Int(GDALGetRasterBandYSize(pointer)) }

    var noData: Double? {
        var present: Int32 = 0
        let value = GDALGetRasterNoDataValue(pointer, &present)
        return present != 0 ? value : nil
    }

    var colorInterpretation: ColorInterpretation {
        let name = GDALGetColorInterpretationName(GDALGetRasterColorInterpretation(pointer)).map { String(cString: $0) } ?? ""
        return ColorInterpretation(rawValue: name) ?? .other
    }

    func overview(_ index: Int) -> BandHandle? {
        GDALGetOverview(pointer, Int32(index)).map(BandHandle.init)
    }
}
