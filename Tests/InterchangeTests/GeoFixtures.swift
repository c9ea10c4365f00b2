import Domain
import Foundation
import Imagery
@testable import Interchange

/// The real georeferenced fixtures the geo format tests place shapes on.
enum GeoFixtures {
    static let scene = "sample_geotiff.tif"
    static let sceneSize = 900

    static let scenePath = Fixtures.shared.appendingPathComponent("geo-labels/\(scene)").path

    /// `sample_geotiff.tif`'s geotransform, as GDAL reads it from the file.
    static func sceneTransform() throws -> GeoTransform {
        guard let transform = try Raster.open(scenePath).info.geoTransform else {
            throw FixtureError(description: "GDAL read no geotransform from \(scene)")
        }
        return transform
    }

    /// The scene's own coordinate system (UTM 16N) to WGS 84, by GDAL: Imagery's converter.
    static let sceneConverter: Result<CoordinateTransformer, ImageryError> = Result { () throws(ImageryError) in
        try Raster.open(scenePath).coordinateTransformer()
    }

    /// A task whose chip is the window `window` of the scene.
    static func chip(_ taskID: String, window: PixelWindow, sceneTransform: GeoTransform) throws -> GeoChip {
        let image = TaskImage(
            media: MediaReference(sha256: mediaName(taskID), byteCount: 1),
            scene: scene, chip: window, focus: PixelWindow(x: 0, y: 0, width: window.width, height: window.height))
        let transform = sceneTransform.shifted(column: Double(window.x), row: Double(window.y))
        return GeoChip(taskID: taskID, image: image, georeference: ChipGeoreference(transform: transform, crs: "EPSG:32616", converter: try sceneConverter.get()))
    }

    /// A well-formed media name made from the task id, the same in every run.
    static func mediaName(_ taskID: String) -> String {
        let hex = taskID.utf8.prefix(32).map { String($0, radix: 16) }.joined()
        return hex + String(repeating: "0", count: 64 - hex.count)
    }
}

/// Georeferencing from a table the test fills: what the hub's media store gives in production.
struct FixedGeoreferencing: ChipGeoreferencing {
    let byMedia: [String: ChipGeoreference]

    init(_ chips: [GeoChip]) {
        byMedia = Dictionary(chips.map { ($0.image.media.sha256, $0.georeference) }, uniquingKeysWith: { first, _ in first })
    }

    func georeference(of image: TaskImage) throws -> ChipGeoreference {
        guard let found = byMedia[image.media.sha256] else { throw FixtureError(description: "no chip file \(image.media.sha256)") }
        return found
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}
