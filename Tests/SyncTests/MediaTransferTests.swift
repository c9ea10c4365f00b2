import Crypto
import Domain
import Foundation
import Hub
import Store
@testable import Sync
import TestSupport
import XCTest

/// Imagery by the in-process hub (standalone) and by bundle files (the air gap).
final class MediaTransferTests: XCTestCase {
    func testStandaloneTheInProcessHubServesTheSameStore() async throws {
        // Given a standalone hub with one text task and one task on a chip
        let setup = try StandaloneSetup(taskCount: 1, undoWindow: 0)
        let chip = randomBytes(2_500_000, seed: 21)
        let reference = try setup.hub.storeMedia(bytes: chip, now: monday)
        try setup.hub.importTasks(projectID: "sentiment", tasks: [imageTask("g1", media: reference, priority: 9)], actor: "admin", now: monday)

        // When the station syncs
        let summary = try await setup.syncer.sync(now: monday, flushAll: true)

        // Then the chip is here, verified, and its task comes first
        XCTAssertEqual(summary.leased, 2)
        XCTAssertEqual(summary.mediaFetched, 1)
        XCTAssertEqual(try Data(contentsOf: XCTUnwrap(try setup.station.presentMediaFile(sha256: reference.sha256))), chip)
        XCTAssertEqual(try setup.station.nextTask(projectID: "sentiment")?.task.image?.media, reference)
    }

    func testABundleCarriesTheMediaOfItsLeasesOnceEachAndTheStationVerifiesThem() throws {
        // Given a bundle-only site whose hub holds two chips, used by three tasks
        let site = try BundleSite(taskCount: 1)
        let chips = [randomBytes(40_000, seed: 31), randomBytes(60_000, seed: 32)]
        let media = try chips.map { try site.hub.storeMedia(bytes: $0, now: monday) }
        try site.hub.importTasks(
            projectID: "sentiment",
            tasks: [imageTask("g1", media: media[0]), imageTask("g2", media: media[1]), imageTask("g3", media: media[0])],
            actor: "admin", now: monday)
        let station = try site.enrol("bay-1")

        // When the station's bundle reaches the hub and the hub's answer comes back
        XCTAssertNotNil(try site.importAtHub(station.exportBundle()).appliedBundle)
        let answer = try site.exportFromHub(for: station)

        // Then the answer holds each chip's bytes once, beside its leases
        let read = try BundleReader.read(answer)
        XCTAssertEqual(read.header.media, media.sorted { $0.sha256 < $1.sha256 })
        XCTAssertEqual(answer.count, BundleFormat.startLength + read.header.payloadLength + headerLength(of: answer) + 64 + 100_000 + 32)

        // And once imported, both files are present and verified and every task can be shown
        let applied = try XCTUnwrap(try station.importBundle(answer).appliedBundle)
        XCTAssertEqual(applied.leased, 4)
        XCTAssertEqual(applied.mediaFiles, 2)
        for (chip, reference) in zip(chips, media) {
            XCTAssertEqual(try station.database.media(sha256: reference.sha256)?.state, .present)
            XCTAssertEqual(try Data(contentsOf: XCTUnwrap(try station.database.presentMediaFile(sha256: reference.sha256))), chip)
        }
        XCTAssertEqual(try station.database.tasksWaitingForImagery(), 0)
        XCTAssertEqual(try station.label(4).count, 4)

        // When the work goes to the hub by bundle and the hub's answer comes back
        XCTAssertEqual(try site.importAtHub(station.exportBundle()).appliedBundle?.accepted, 4)
        let acknowledgement = try site.exportFromHub(for: station)
        XCTAssertEqual(try station.importBundle(acknowledgement).appliedBundle?.accepted, 4)

        // Then the station has let go of both files, and the answer carried none
        XCTAssertNil(try BundleReader.read(acknowledgement).header.media)
        for reference in media {
            XCTAssertNil(try station.database.media(sha256: reference.sha256))
            XCTAssertFalse(FileManager.default.fileExists(atPath: station.database.mediaFolder.fileURL(for: reference.sha256).path))
        }
    }

    func testABundleWithADamagedMediaMemberIsRefusedAndNothingIsApplied() throws {
        // Given the hub's answer carrying a chip, with one byte of the chip flipped on the way
        let site = try BundleSite(taskCount: 1)
        let reference = try site.hub.storeMedia(bytes: randomBytes(10_000, seed: 33), now: monday)
        try site.hub.importTasks(projectID: "sentiment", tasks: [imageTask("g1", media: reference)], actor: "admin", now: monday)
        let station = try site.enrol("bay-1")
        XCTAssertNotNil(try site.importAtHub(station.exportBundle()).appliedBundle)
        var answer = try site.exportFromHub(for: station)
        let memberStart = answer.count - 32 - 10_000
        answer[memberStart + 5_000] ^= 0x10

        // When the station imports it
        let result = try station.importBundle(answer)

        // Then it is refused, naming the damaged file, and nothing was applied or kept
        XCTAssertEqual(result, .refused(.corrupted(.media(sha256: reference.sha256))))
        XCTAssertEqual("\(result)".contains("its media file \(reference.sha256.prefix(12))… does not match the SHA-256 its header names"), true, "\(result)")
        XCTAssertNil(try station.database.nextTask(projectID: "sentiment"))
        XCTAssertNil(try station.database.media(sha256: reference.sha256))
        XCTAssertFalse(FileManager.default.fileExists(atPath: station.database.mediaFolder.fileURL(for: reference.sha256).path))
    }

    func testABundleWithoutMediaKeepsFormatOne() throws {
        // Given a site with text tasks only
        let site = try BundleSite(taskCount: 2)
        let station = try site.enrol("bay-1")
        XCTAssertNotNil(try site.importAtHub(station.exportBundle()).appliedBundle)

        // When the hub answers, its bundle is format 1 as before media existed, with no media list
        let answer = try site.exportFromHub(for: station)
        XCTAssertEqual(Array(answer[8..<10]), [0, 1])
        XCTAssertNil(try BundleReader.read(answer).header.media)
        XCTAssertFalse(String(decoding: answer.prefix(2_000), as: UTF8.self).contains("\"media\""))
    }

    /// The header length from a bundle's start (bytes 10..<14).
    private func headerLength(of bundle: Data) -> Int {
        bundle[10..<14].reduce(0) { ($0 << 8) | Int($1) }
    }
}


