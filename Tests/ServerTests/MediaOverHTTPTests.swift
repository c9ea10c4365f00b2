import Domain
import Foundation
import Hub
import Store
import Sync
import TestSupport
import XCTest

/// Imagery over the signed HTTP sync, through a proxy that damages replies on the way.
final class MediaOverHTTPTests: XCTestCase {
    func testCutTransfersResumeAndEveryFileEndsPresentAndVerifiedThenGoesOnceAcknowledged() async throws {
        try await withRunningHub(taskCount: 0) { hub in
            // Given three chips of random bytes at the hub, each a task's image
            let chips = (1...3).map { randomBytes(200_000 + $0 * 1_000, seed: UInt64($0)) }
            let media = try chips.map { try hub.hub.storeMedia(bytes: $0, now: monday) }
            try hub.hub.importTasks(
                projectID: "sentiment", tasks: media.enumerated().map { imageTask("g\($0.offset + 1)", media: $0.element) },
                actor: "admin", now: monday)
            // And a proxy that cuts every media reply after 64 KB of its body
            let proxy = try CuttingProxy(upstreamPort: hub.port) { _ in .init(cutAfterBodyBytes: 65_536) }
            defer { proxy.stop() }
            let station = try await hub.joinStation("bay-1", through: proxy)

            // When the station syncs
            let summary = try await station.sync()

            // Then it leased the three tasks and fetched the three files in spite of the cuts
            XCTAssertEqual(summary.leased, 3)
            XCTAssertEqual(summary.mediaProblems, [])
            XCTAssertEqual(summary.mediaFetched, 3)
            for (chip, reference) in zip(chips, media) {
                XCTAssertEqual(try station.database.media(sha256: reference.sha256)?.state, .present)
                let file = try XCTUnwrap(try station.database.presentMediaFile(sha256: reference.sha256))
                XCTAssertEqual(try Data(contentsOf: file), chip)
            }
            // And each file was asked for whole once, then only for the rest after each cut: the
            // offsets rise, by at most the 64 KB the proxy let through (the HTTP client drops
            // what it had buffered but not handed on when a connection breaks)
            let ranges = proxy.mediaRanges
            XCTAssertEqual(ranges.filter(\.isEmpty).count, 3)
            var offsets: [Int] = []
            for range in ranges {
                if range.isEmpty {
                    offsets = [0]
                    continue
                }
                let offset = try XCTUnwrap(Int(range.dropFirst("bytes=".count).dropLast()), range)
                XCTAssertGreaterThan(offset, offsets.last ?? 0, "\(ranges)")
                XCTAssertLessThanOrEqual(offset - (offsets.last ?? 0), 65_536, "\(ranges)")
                offsets.append(offset)
            }
            XCTAssertGreaterThanOrEqual(ranges.count, 12, "at least four requests per file of about 200 KB")
            XCTAssertEqual(try station.database.tasksWaitingForImagery(), 0)

            // When all three are labeled and the hub accepts the work
            for _ in 1...3 { XCTAssertNotNil(try station.labelNext("positive")) }
            let answered = try await station.sync()
            XCTAssertEqual(answered.accepted, 3)

            // Then the station has let go of every file
            for reference in media {
                XCTAssertNil(try station.database.media(sha256: reference.sha256))
                XCTAssertFalse(FileManager.default.fileExists(atPath: station.database.mediaFolder.fileURL(for: reference.sha256).path))
            }
        }
    }

    func testAFlippedByteIsRefusedAndTheFileFetchedAgain() async throws {
        try await withRunningHub(taskCount: 0) { hub in
            // Given one chip, and a proxy that flips byte 1,000 of the first media reply only
            let chip = randomBytes(50_000, seed: 9)
            let reference = try hub.hub.storeMedia(bytes: chip, now: monday)
            try hub.hub.importTasks(projectID: "sentiment", tasks: [imageTask("g1", media: reference)], actor: "admin", now: monday)
            let proxy = try CuttingProxy(upstreamPort: hub.port) { index in index == 0 ? .init(flipBodyByteAt: 1_000) : .passThrough }
            defer { proxy.stop() }
            let station = try await hub.joinStation("bay-1", through: proxy)

            // When the station syncs
            let summary = try await station.sync()

            // Then the damaged copy was refused, fetched again whole, and the good one kept
            XCTAssertEqual(proxy.mediaRanges, ["", ""])
            XCTAssertEqual(summary.mediaFetched, 1)
            XCTAssertEqual(summary.mediaProblems, [])
            XCTAssertEqual(try Data(contentsOf: XCTUnwrap(try station.database.presentMediaFile(sha256: reference.sha256))), chip)
            XCTAssertEqual(try station.database.nextTask(projectID: "sentiment")?.task.id, "g1")
        }
    }

    func testNothingIsShownWhileEveryCopyFailsItsCheckAndTheSummarySaysWhy() async throws {
        try await withRunningHub(taskCount: 0) { hub in
            // Given a proxy that damages the first three media replies
            let chip = randomBytes(20_000, seed: 10)
            let reference = try hub.hub.storeMedia(bytes: chip, now: monday)
            try hub.hub.importTasks(projectID: "sentiment", tasks: [imageTask("g1", media: reference)], actor: "admin", now: monday)
            let proxy = try CuttingProxy(upstreamPort: hub.port) { index in index < 3 ? .init(flipBodyByteAt: 7) : .passThrough }
            defer { proxy.stop() }
            let station = try await hub.joinStation("bay-1", through: proxy)

            // When the station syncs
            let first = try await station.sync()

            // Then it tried three times, kept nothing, shows nothing, and says so
            XCTAssertEqual(proxy.mediaRanges.count, 3)
            XCTAssertEqual(first.mediaFetched, 0)
            XCTAssertEqual(first.mediaProblems.count, 1)
            XCTAssertTrue(
                first.mediaProblems[0].hasPrefix("media \(reference.sha256.prefix(12))… failed its SHA-256 check 3 times in this sync"),
                first.mediaProblems[0])
            XCTAssertNil(try station.database.nextTask(projectID: "sentiment"))
            XCTAssertEqual(try station.database.tasksWaitingForImagery(), 1)
            XCTAssertEqual(try station.database.media(sha256: reference.sha256)?.failures, 3)
            XCTAssertFalse(FileManager.default.fileExists(atPath: station.database.mediaFolder.fileURL(for: reference.sha256).path))
            XCTAssertEqual(MediaFolder.partSize(station.database.mediaFolder.partialURL(for: reference.sha256)), 0)

            // When the next sync gets an undamaged copy, the task is shown
            let second = try await station.sync()
            XCTAssertEqual(second.mediaFetched, 1)
            XCTAssertEqual(try station.database.nextTask(projectID: "sentiment")?.task.id, "g1")
            XCTAssertEqual(try station.database.media(sha256: reference.sha256)?.failures, 0)
        }
    }

    func testAStationIsRefusedMediaNoneOfItsLeasesNames() async throws {
        try await withRunningHub(taskCount: 0) { hub in
            // Given a chip leased to bay-1
            let reference = try hub.hub.storeMedia(bytes: randomBytes(1_000, seed: 4), now: monday)
            try hub.hub.importTasks(projectID: "sentiment", tasks: [imageTask("g1", media: reference)], actor: "admin", now: monday)
            let holder = try await hub.joinStation("bay-1", leaseTarget: 1)
            let held = try await holder.sync()
            XCTAssertEqual(held.mediaFetched, 1)

            // When bay-2, which holds no lease on it, asks for the file
            let other = try await hub.joinStation("bay-2", leaseTarget: 1)
            do {
                try await other.transport.fetchMedia(reference, for: "bay-2", from: 0) { _ in XCTFail("no byte may arrive") }
                XCTFail("the hub handed out a file of another station's lease")
            } catch let error as HTTPTransportError {
                // Then the hub refuses it with a sentence
                XCTAssertEqual(
                    error, .forbidden("no task leased to station \"bay-2\" uses media \(reference.sha256); a station gets only the imagery of its own leases"))
            }
        }
    }
}

extension RunningHub {
    /// Enrols a station directly, then points it at `proxy` for its syncs.
    func joinStation(_ stationID: String, through proxy: CuttingProxy, leaseTarget: Int = 5) async throws -> HTTPStation {
        var identity = try await HTTPTransport.enrol(hubURL: url, code: code(for: stationID), timeouts: testTimeouts, now: clock.now)
        identity.hubURL = proxy.url
        return try HTTPStation(identity: identity, directory: directory, clock: clock, leaseTarget: leaseTarget)
    }
}


