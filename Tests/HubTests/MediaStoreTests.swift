import Domain
import Foundation
import Hub
import Store
import TestSupport
import XCTest

/// The hub's media store: files named by SHA-256 beside the hub database, and tasks
/// that may only name files it holds.
final class MediaStoreTests: XCTestCase {
    func testStoringBytesNamesThemByTheirSHA256AndStoringThemAgainChangesNothing() throws {
        // Given a hub
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)

        // When "abc" is stored twice
        let first = try hub.storeMedia(bytes: Data("abc".utf8), now: monday)
        let second = try hub.storeMedia(bytes: Data("abc".utf8), now: monday)

        // Then both name FIPS 180-2's published SHA-256 of "abc", and one file holds the bytes
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        XCTAssertEqual(first, MediaReference(sha256: abc, byteCount: 3))
        XCTAssertEqual(second, first)
        let file = directory.url.appendingPathComponent("hub.sqlite.media/ba/\(abc)")
        XCTAssertEqual(try Data(contentsOf: file), Data("abc".utf8))
        let shards = try FileManager.default.contentsOfDirectory(atPath: directory.path("hub.sqlite.media"))
            .filter { $0 != "tmp" }
        XCTAssertEqual(shards, ["ba"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path("hub.sqlite.media/tmp")), [])
    }

    func testAFileIsStoredUnderTheSameNameAsItsBytes() throws {
        // Given 3 MB of random bytes in a file (more than one 1 MB read)
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        let bytes = randomBytes(3 * 1024 * 1024 + 17, seed: 7)
        let source = directory.url.appendingPathComponent("chip.tif")
        try bytes.write(to: source)

        // When the file is stored, and then the same bytes from memory
        let fromFile = try hub.storeMedia(fileAt: source, now: monday)
        let fromBytes = try hub.storeMedia(bytes: bytes, now: monday)

        // Then both have one name, and the stored copy is the file, byte for byte
        XCTAssertEqual(fromFile, fromBytes)
        XCTAssertEqual(fromFile.byteCount, bytes.count)
        XCTAssertEqual(try Data(contentsOf: MediaFolder(besideDatabaseAt: directory.path("hub.sqlite")).fileURL(for: fromFile.sha256)), bytes)
    }

    func testAMissingFileIsRefusedWithASentence() throws {
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        XCTAssertThrowsError(try hub.storeMedia(fileAt: directory.url.appendingPathComponent("absent.tif"))) { error in
            XCTAssertEqual("\(error)", "the media file \(directory.path("absent.tif")) cannot be read: there is no such file; check the path and its permissions")
        }
    }

    func testATaskNamingMediaTheHubDoesNotHoldIsRefusedAtImportAndNothingIsImported() throws {
        // Given a hub holding one chip
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        let held = try hub.storeMedia(bytes: randomBytes(5000, seed: 1), now: monday)
        let unknown = MediaReference(sha256: String(repeating: "ab", count: 32), byteCount: 5000)

        // When a file of two tasks, the second naming a chip it lacks, is imported
        let tasks = [imageTask("g1", media: held), imageTask("g2", media: unknown)]
        XCTAssertThrowsError(try hub.importTasks(projectID: "sentiment", tasks: tasks, actor: "admin", now: monday)) { error in
            // Then the sentence names the task and the file, and says what to do
            XCTAssertEqual(
                "\(error)",
                "task \"g2\" names image media \(unknown.sha256) (5000 bytes), which the hub's media store does not hold; add the chip to the store first (`labeldesk imagery add`), then import the task. Nothing was imported")
        }
        // And nothing of the file was kept
        XCTAssertEqual(try hub.taskCounts(projectID: "sentiment"), TaskCounts())
    }

    func testATaskGivingAKnownChipTheWrongSizeIsRefused() throws {
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        let held = try hub.storeMedia(bytes: randomBytes(5000, seed: 1), now: monday)
        let wrongSize = MediaReference(sha256: held.sha256, byteCount: 4999)
        XCTAssertThrowsError(try hub.importTasks(projectID: "sentiment", tasks: [imageTask("g1", media: wrongSize)], actor: "admin", now: monday)) { error in
            XCTAssertTrue("\(error)".contains("says image media \(held.sha256) is 4999 bytes, and the hub's file with that SHA-256 is 5000 bytes"), "\(error)")
        }
    }

    func testALeaseCarriesTheImageAndOnlyItsStationMayFetchTheFile() throws {
        // Given a task on a chip the hub holds
        let directory = try TemporaryDirectory()
        let hub = try makeHub(in: directory)
        let bytes = randomBytes(10_000, seed: 3)
        let held = try hub.storeMedia(bytes: bytes, now: monday)
        try hub.importTasks(projectID: "sentiment", tasks: [imageTask("g1", media: held)], actor: "admin", now: monday)

        // When station-1 leases it
        let reply = try hub.exchange(request(from: "station-1", wanted: 5), now: monday)

        // Then the lease names the media, and station-1 may read the file while station-2 may not
        XCTAssertEqual(reply.leases.map(\.task.mediaNeeded), [[held]])
        XCTAssertEqual(try hub.media(held.sha256, forStation: "station-1").read(from: 9_000, length: 5_000), bytes.suffix(1_000))
        XCTAssertThrowsError(try hub.media(held.sha256, forStation: "station-2")) { error in
            XCTAssertEqual(error as? MediaRequestRefusal, .notLeased(sha256: held.sha256, stationID: "station-2"))
        }
        XCTAssertThrowsError(try hub.media("../../etc/passwd", forStation: "station-1")) { error in
            XCTAssertEqual(error as? MediaRequestRefusal, .malformedName("../../etc/passwd"))
        }
    }
}


