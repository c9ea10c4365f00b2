import Domain
import Foundation
import Store
import TestSupport
import XCTest

/// The station's media: what its leases need, hidden until verified, dropped once done.
final class StationMediaTests: XCTestCase {
    func testALeasedTaskRecordsItsMediaAndIsNotShownUntilTheFileIsVerified() throws {
        // Given a station that caches a text task and a task on a chip it does not hold
        let directory = try TemporaryDirectory()
        let station = try makeStation(in: directory)
        try station.saveProjects([sentimentProject()])
        let chip = randomBytes(4096, seed: 11)
        let media = MediaReference(sha256: MediaHash.sha256(chip), byteCount: chip.count)
        try station.cacheLeases([imageLease("g1", media: media, priority: 5), lease("t1")])

        // Then the chip is wanted, the image task is passed over, and home counts it as waiting for imagery
        XCTAssertEqual(try station.mediaToFetch().map(\.reference), [media])
        XCTAssertEqual(try station.media(sha256: media.sha256)?.state, .missing)
        XCTAssertEqual(try station.nextTask(projectID: "sentiment")?.task.id, "t1")
        let summary = try XCTUnwrap(try station.queueSummaries(username: "ana", now: monday, calendar: utcCalendar).first)
        XCTAssertEqual(summary.waiting, 1)
        XCTAssertEqual(summary.waitingForImagery, 1)
        XCTAssertNil(try station.presentMediaFile(sha256: media.sha256))

        // When a damaged copy is offered, it is refused and deleted, and the task stays hidden
        let damaged = directory.url.appendingPathComponent("damaged")
        var flipped = chip
        flipped[100] ^= 0x01
        try flipped.write(to: damaged)
        XCTAssertThrowsError(try station.mediaFolder.install(damaged, as: media)) { error in
            guard case .mismatch(let expected, let found)? = error as? MediaError else { return XCTFail("\(error)") }
            XCTAssertEqual(expected, media)
            XCTAssertEqual(found.byteCount, chip.count)
            XCTAssertNotEqual(found.sha256, media.sha256)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: damaged.path))
        XCTAssertEqual(try station.nextTask(projectID: "sentiment")?.task.id, "t1")

        // When the true bytes are installed and marked present
        try station.mediaFolder.install(bytes: chip, as: media)
        try station.markMediaPresent(media)

        // Then the image task comes first, with its image, and nothing waits for imagery
        let next = try XCTUnwrap(try station.nextTask(projectID: "sentiment"))
        XCTAssertEqual(next.task.id, "g1")
        XCTAssertEqual(next.task.image?.media, media)
        XCTAssertEqual(try station.tasksWaitingForImagery(), 0)
        XCTAssertEqual(try station.queueSummaries(username: "ana", now: monday, calendar: utcCalendar).first?.waiting, 2)
        let file = try XCTUnwrap(try station.presentMediaFile(sha256: media.sha256))
        XCTAssertEqual(try Data(contentsOf: file), chip)
        XCTAssertEqual(try station.mediaToFetch(), [])
    }

    func testMediaIsDeletedOnceTheHubHasAnsweredForEveryTaskUsingIt() throws {
        // Given two tasks on one chip, present and verified
        let directory = try TemporaryDirectory()
        let station = try makeStation(in: directory)
        try station.saveProjects([sentimentProject()])
        let chip = randomBytes(2048, seed: 12)
        let media = MediaReference(sha256: MediaHash.sha256(chip), byteCount: chip.count)
        let first = imageLease("g1", media: media), second = imageLease("g2", media: media)
        try station.cacheLeases([first, second])
        try station.mediaFolder.install(bytes: chip, as: media)
        try station.markMediaPresent(media)
        let file = station.mediaFolder.fileURL(for: media.sha256)

        // When the first is labeled and the hub accepts it
        let work = annotation(for: first)
        try station.submit(work, now: monday)
        try station.applySyncReply(reply(accepting: [work]), now: monday)

        // Then the file stays: the second task still needs it
        XCTAssertEqual(try station.media(sha256: media.sha256)?.state, .present)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))

        // When the second is labeled, it stays while its work waits in the outbox
        let more = annotation(for: second)
        try station.submit(more, now: monday)
        try station.applySyncReply(reply(accepting: []), now: monday)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))

        // And once the hub has answered for it, the row and the file go
        try station.applySyncReply(reply(accepting: [more]), now: monday)
        XCTAssertNil(try station.media(sha256: media.sha256))
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
    }

    func testMediaIsDeletedWhenTheLeaseOfTheOnlyTaskUsingItIsGone() throws {
        // Given a queued task on a verified chip, whose lease ends in an hour
        let directory = try TemporaryDirectory()
        let station = try makeStation(in: directory)
        try station.saveProjects([sentimentProject()])
        let chip = randomBytes(1000, seed: 13)
        let media = MediaReference(sha256: MediaHash.sha256(chip), byteCount: chip.count)
        try station.cacheLeases([imageLease("g1", media: media)])
        try station.mediaFolder.install(bytes: chip, as: media)
        try station.markMediaPresent(media)

        // When a sync is applied after the lease ran out
        try station.applySyncReply(reply(accepting: []), now: monday.addingTimeInterval(3601))

        // Then the task, its media row and the file are gone
        XCTAssertNil(try station.nextTask(projectID: "sentiment"))
        XCTAssertNil(try station.media(sha256: media.sha256))
        XCTAssertFalse(FileManager.default.fileExists(atPath: station.mediaFolder.fileURL(for: media.sha256).path))
    }

    func testASweepRemovesFilesNoRowNamesAndKeepsTheRest() throws {
        // Given a wanted chip's part file, and a file and part nothing names (left by a crash)
        let directory = try TemporaryDirectory()
        let station = try makeStation(in: directory)
        try station.saveProjects([sentimentProject()])
        let chip = randomBytes(500, seed: 14)
        let media = MediaReference(sha256: MediaHash.sha256(chip), byteCount: chip.count)
        try station.cacheLeases([imageLease("g1", media: media)])
        let part = station.mediaFolder.partialURL(for: media.sha256)
        let handle = try MediaFolder.openPartForAppending(part)
        try handle.write(contentsOf: chip.prefix(200))
        try handle.close()
        let stray = randomBytes(300, seed: 15)
        let strayReference = try station.mediaFolder.store(bytes: stray)
        // And two temporary files: one two hours old, one being written now
        let temporary = station.mediaFolder.url.appendingPathComponent("tmp")
        let old = temporary.appendingPathComponent("old"), young = temporary.appendingPathComponent("young")
        try Data([1]).write(to: old)
        try Data([2]).write(to: young)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: old.path)

        // When the folder is swept
        let removed = try station.sweepMediaFolder()

        // Then the stray file and the old temporary file went; the part and the young file stay
        XCTAssertEqual(removed, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: station.mediaFolder.fileURL(for: strayReference.sha256).path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: old.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: young.path))
        XCTAssertEqual(MediaFolder.partSize(part), 200)

        // And opening the database again sweeps too
        let another = try station.mediaFolder.store(bytes: randomBytes(100, seed: 16))
        _ = try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)
        XCTAssertFalse(FileManager.default.fileExists(atPath: station.mediaFolder.fileURL(for: another.sha256).path))
        XCTAssertEqual(MediaFolder.partSize(part), 200)
    }
}

func imageLease(_ id: String, media: MediaReference, priority: Int = 0, expiresAt: Date = monday.addingTimeInterval(3600)) -> LeasedTask {
    LeasedTask(
        task: LabelTask(
            id: id, projectID: "sentiment", text: "", marking: .unclassified, priority: priority,
            image: TaskImage(
                media: media, scene: "scene.tif", chip: PixelWindow(x: 0, y: 0, width: 64, height: 64),
                focus: PixelWindow(x: 8, y: 8, width: 48, height: 48))),
        epoch: 1, expiresAt: expiresAt)
}

func reply(accepting annotations: [Annotation]) -> SyncReply {
    SyncReply(
        outcomes: annotations.map { AnnotationOutcome(annotationID: $0.id, status: .accepted) }, leases: [], projects: [],
        waitingAtHub: [:], cursor: 1)
}

