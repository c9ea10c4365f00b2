import Curriculum
import Domain
import Foundation
import Hub
import Store
import Testing
import TestSupport

/// The starter courses published from the product's `Training/` folder, and the imagery
/// course's chips reaching a station in its package, with the hashes the station checks.
@Suite("Publishing practice on imagery")
struct CourseChipPublishingTests {
    static let training = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Training")

    @Test func theImageryCoursesChipsTravelInItsPackageWithTheirHashes() throws {
        // Given a hub and a trainer, and the starter courses as they ship
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        try hub.setUser(username: "tom", role: .trainer, actor: "admin", now: monday)
        // When tom publishes them and a station syncs
        let published = try hub.publishCourses(from: Self.training, actor: "tom", now: monday)
        #expect(published.published.contains("boxes-and-polygons"))
        let reply = try hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 0, people: []), now: monday)
        // Then the imagery course's package carries its six chips and names each one's hash
        let package = try #require(reply.courses.first { $0.id == "boxes-and-polygons" })
        #expect(package.media.count == 6)
        for (path, reference) in package.media {
            let bytes = try #require(package.files[path], "\(path)")
            #expect(MediaReference(sha256: MediaHash.sha256(bytes), byteCount: bytes.count) == reference, "\(path)")
        }
        // And the text courses' packages name none
        let textCourses = reply.courses.filter { $0.id != "boxes-and-polygons" }
        #expect(textCourses.count == 4)
        #expect(textCourses.allSatisfy { $0.media.isEmpty })
        // And the package comes through the reply's JSON whole, as the station reads it
        let carried = try JSONDecoder().decode(SyncReply.self, from: JSONEncoder().encode(reply))
        #expect(carried.courses.first(where: { $0.id == "boxes-and-polygons" }) == package)
        // And the hub's stored version reads back with its chips, for grading attempts on it
        let stored = try hub.course(id: "boxes-and-polygons")
        #expect(stored?.package == package)
    }
}
