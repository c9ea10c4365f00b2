import Domain
import Foundation
import Hub
import Store
import Sync
import TestSupport
import XCTest

/// Training over the real server: a course published at the hub reaches a station over
/// HTTP, and the station's attempt travels back signed, is graded and acknowledged.
final class CourseOverHTTPTests: XCTestCase {
    func testAStationsAttemptTravelsIsGradedAndAcknowledgedAndItsPassOpensTheQueue() async throws {
        try await withRunningHub(taskCount: 6) { hub in
            // Given a course that sentiment needs, written as files and published by a trainer
            let root = hub.directory.url.appendingPathComponent("Training")
            let files = [
                "basics/course.conf": "title: LabelDesk basics\npass mark: 100%\nqualifies: sentiment\nquiz: quiz.gift\n",
                "basics/quiz.gift": "::Enter:: Which key submits? {=Enter ~Tab ~Space}\n",
            ]
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            try hub.hub.setUser(username: "tom", role: .trainer, actor: "admin", now: monday)
            try hub.hub.publishCourses(from: root, actor: "tom", now: monday)
            let station = try await hub.joinStation("bay-1")

            // When the station first syncs for ana
            let first = try await station.transport.exchange(
                SyncRequest(stationID: "bay-1", annotations: [], cursor: 0, wantedLeases: 3, people: ["ana"]))

            // Then it gets the course's files, ana's standing in it, and no sentiment work: the course comes first
            XCTAssertEqual(first.courses.map(\.id), ["basics"])
            let package = try XCTUnwrap(first.courses.first)
            XCTAssertEqual(package.files["quiz.gift"], Data(files["basics/quiz.gift"]!.utf8))
            XCTAssertEqual(first.standings, [CourseStanding(username: "ana", courseID: "basics")])
            XCTAssertEqual(first.pauses, [QueuePause(username: "ana", projectID: "sentiment", courses: ["basics"])])
            XCTAssertTrue(first.leases.isEmpty)

            // When ana's attempt, taken on that package, goes back over HTTP, twice
            let attempt = CourseAttempt(
                id: UUID(), courseID: "basics", courseVersion: package.version, username: "ana", stationID: "bay-1",
                startedAt: hub.clock.now, finishedAt: hub.clock.now.addingTimeInterval(42.5), responses: ["q0": .question(.choice(0))])
            let request = SyncRequest(stationID: "bay-1", annotations: [], cursor: first.cursor, wantedLeases: 3, people: ["ana"], attempts: [attempt])
            let sent = try await station.transport.exchange(request)
            hub.clock.advance(by: 1)
            let resent = try await station.transport.exchange(request)

            // Then it is acknowledged both times alike, kept once, passed, and the queue opens
            XCTAssertEqual(sent.trainingOutcomes, [AnnotationOutcome(annotationID: attempt.id, status: .accepted)])
            XCTAssertEqual(resent.trainingOutcomes, sent.trainingOutcomes)
            let stored = try hub.hub.attempts(username: "ana")
            XCTAssertEqual(stored.count, 1)
            XCTAssertEqual(stored.first?.passed, true)
            XCTAssertEqual(stored.first?.attempt.stationID, "bay-1")
            XCTAssertEqual(sent.standings?.first?.attempts.map(\.id), [attempt.id])
            XCTAssertEqual(sent.pauses, [])
            XCTAssertEqual(sent.leases.count, 3)
            XCTAssertTrue(sent.courses.isEmpty, "the package came with the first sync; the cursor is past it")
        }
    }
}
