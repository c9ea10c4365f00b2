import Domain
import Foundation
@testable import Interchange

/// The real georeferenced fixtures the geo format tests place shapes on.
enum GeoFixtures {
    static let scene = "sample_geotiff.tif"
    static let sceneSize = 900

    /// `sample_geotiff.tif`'s geotransform, as `gdalinfo -json` reads it from the file.
    static func sceneTransform() throws -> GeoTransform {
        let output = try run("/usr/bin/gdalinfo", ["-json", Fixtures.shared.appendingPathComponent("geo-labels/\(scene)").path])
        let value = try JSONValue.parse(String(decoding: output, as: UTF8.self))
        let numbers = value["geoTransform"]?.arrayValue?.compactMap(\.doubleValue) ?? []
        guard numbers.count == 6 else { throw FixtureError(description: "gdalinfo gave no geoTransform for \(scene)") }
        return GeoTransform(numbers)
    }

    static let utm16 = TransverseMercator(utmZone: 16)

    /// A task whose chip is the window `window` of the scene.
    static func chip(_ taskID: String, window: PixelWindow, sceneTransform: GeoTransform) -> GeoChip {
        let image = TaskImage(
            media: MediaReference(sha256: mediaName(taskID), byteCount: 1),
            scene: scene, chip: window, focus: PixelWindow(x: 0, y: 0, width: window.width, height: window.height))
        let transform = sceneTransform.shifted(column: Double(window.x), row: Double(window.y))
        return GeoChip(taskID: taskID, image: image, georeference: ChipGeoreference(transform: transform, crs: "EPSG:32616", converter: utm16))
    }

    /// A well-formed media name made from the task id, the same in every run.
    static func mediaName(_ taskID: String) -> String {
        let hex = taskID.utf8.prefix(32).map { String($0, radix: 16) }.joined()
        return hex + String(repeating: "0", count: 64 - hex.count)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw FixtureError(description: "\(executable) is missing; install gdal-bin (apt-get install gdal-bin)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(description: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return data
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
