import Curriculum
import Domain
import Foundation
import Hub
import Screens
import Store
import Testing
@testable import Workstation

/// The imagery starter course on a real station: its package from a reply, its practice
/// chips installed in the media folder, and a practice task's pixels and georeferencing
/// read through the same `ChipLibrary` a leased task's chip is read through.
@Suite struct CoursePracticeImageryTests {
    static let training = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Training")

    @Test func aPracticeChipFromAPackageIsReadLikeALeasedChip() throws {
        // Given the imagery course read as the hub publishes it, and a station that received it
        let read = CourseFolder.readAll(root: Self.training, practice: Hub.practiceReader)
        let course = try #require(read.courses.first { $0.id == "boxes-and-polygons" }, "\(read.problems)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-practice-chips-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let station = try StationDatabase(path: folder.appendingPathComponent("station.sqlite").path, passwordHasher: .cheapForTests)
        try station.applySyncReply(
            SyncReply(outcomes: [], leases: [], projects: [], waitingAtHub: [:], cursor: 1, courses: [course.package]), now: Date(timeIntervalSince1970: 1_795_000_000))

        // When the station reads its cached package as `CourseShelf` does
        let cached = try #require(try station.coursePackage(id: "boxes-and-polygons"))
        let practice = try #require(CourseFolder.read(cached, practice: Hub.practiceReader).course?.practice)
        #expect(practice.project.kind == .geoBox)
        let library = ChipLibrary { media in try station.presentMediaFile(sha256: media.sha256) }
        for item in practice.items {
            let image = try #require(item.task.image)
            // Then each chip's pixels are read from the media folder, under the task's hash
            let pixels = try library.viewport(ViewportRequest(
                media: image.media, window: PixelRect(x: 0, y: 0, width: Double(image.chip.width), height: Double(image.chip.height)),
                outputWidth: image.chip.width / 4, outputHeight: image.chip.height / 4))
            #expect(pixels.width == image.chip.width / 4)
            #expect(pixels.rgba.contains { $0 != 0 }, "\(item.task.id)")
            // And the chip kept the scene's georeferencing (UTM 16N, 0.5 m pixels) at its place in the scene
            let readout = try library.readout(CursorRequest(media: image.media, column: 0, row: 0))
            #expect(readout.crs?.contains("32616") == true, "\(readout.crs ?? "no CRS")")
            let map = try #require(readout.map)
            #expect(abs(map.x - (733_601 + 0.5 * Double(image.chip.x) + 0.25)) < 1e-6)
            #expect(abs(map.y - (3_725_139 - 0.5 * Double(image.chip.y) - 0.25)) < 1e-6)
        }
    }
}
