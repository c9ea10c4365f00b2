import Domain
import Foundation
import Store
@testable import Sync
import Synchronization
import Testing
import TestSupport

/// The training outbox goes to the hub like annotations: attempts and lesson readings
/// ride with a sync's first request and leave only on the hub's definite answer.
@Suite("Training work syncs")
struct TrainingSyncTests {
    /// Answers each request with the reply `answer` makes of it, and keeps the requests.
    final class ScriptedHub: SyncTransport, @unchecked Sendable {
        let requests = Mutex<[SyncRequest]>([])
        let answer: @Sendable (SyncRequest) -> SyncReply

        init(answer: @escaping @Sendable (SyncRequest) -> SyncReply) {
            self.answer = answer
        }

        func exchange(_ request: SyncRequest) async throws -> SyncReply {
            requests.withLock { $0.append(request) }
            return answer(request)
        }
    }

    static func attempt() -> CourseAttempt {
        CourseAttempt(
            id: UUID(), courseID: "basics", courseVersion: "v1", username: "ana", stationID: "station-1", startedAt: monday,
            finishedAt: monday + 60, responses: ["q0": .question(.truth(true))])
    }

    @Test func attemptsAndReadingsGoWithTheFirstRequestAndLeaveOnlyWhenAnswered() async throws {
        // Given an attempt and a reading waiting, and 3 annotations (batches of 2)
        let directory = try TemporaryDirectory()
        let station = try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)
        try station.saveProjects([sentiment])
        let attempt = Self.attempt()
        try station.recordAttempt(attempt, record: AttemptRecord(id: attempt.id, finishedAt: attempt.finishedAt, share: 1, passed: true), reviews: [], now: monday)
        let reading = LessonReading(id: UUID(), username: "ana", stationID: "station-1", courseID: "basics", lesson: "lessons/01.md", variant: false, at: monday)
        try station.recordLessonReading(reading)
        for index in 1...3 {
            let task = LeasedTask(task: LabelTask(id: "t\(index)", projectID: "sentiment", text: "text", marking: .unclassified), epoch: 1, expiresAt: monday + 3600)
            try station.cacheLeases([task])
            try station.submit(Annotation(id: UUID(), taskID: task.task.id, projectID: "sentiment", labels: ["positive"], username: "ana", stationID: "station-1", leaseEpoch: 1, createdAt: monday, secondsOnTask: 1), now: monday)
        }
        // And a hub that, the first time, answers the annotations but not the training work
        let calls = Mutex(0)
        let hub = ScriptedHub { request in
            let call = calls.withLock { count -> Int in count += 1; return count }
            let outcomes = request.annotations.map { AnnotationOutcome(annotationID: $0.id, status: .accepted) }
            let training = call == 1 ? [] : request.attempts.map { AnnotationOutcome(annotationID: $0.id, status: .accepted) }
                + request.lessonReadings.map { AnnotationOutcome(annotationID: $0.id, status: .rejected, reason: "no such lesson") }
            return SyncReply(outcomes: outcomes, leases: [], projects: [], waitingAtHub: [:], cursor: 1, trainingOutcomes: training)
        }
        let syncer = StationSyncer(database: station, transport: hub, stationID: "station-1", undoWindow: 0, batchLimit: 2)

        // When it syncs
        _ = try await syncer.sync(now: monday + 120, flushAll: true)
        // Then only the first request carried the training work, and with no answer for it, it stays
        let first = hub.requests.withLock { $0 }
        #expect(first.count == 2)
        #expect(first[0].attempts == [attempt] && first[0].lessonReadings == [reading])
        #expect(first[1].attempts.isEmpty && first[1].lessonReadings.isEmpty)
        #expect(try station.trainingOutboxCount() == 2)
        #expect(try station.syncStatus().pending == 2)

        // When it syncs again and the hub answers for both
        _ = try await syncer.sync(now: monday + 180, flushAll: true)
        // Then they are sent again, and leave the outbox; the refused reading keeps its reason
        #expect(hub.requests.withLock { $0 }.last?.attempts == [attempt])
        #expect(try station.trainingOutboxCount() == 0)
        #expect(try station.localAttempts(username: "ana").map(\.status) == [.accepted])
    }

    @Test func aStationBundleCarriesTheTrainingOutbox() throws {
        // Given a station enrolled by files, with an attempt waiting
        let site = try BundleSite(taskCount: 1)
        let station = try site.enrol("station-1")
        let attempt = Self.attempt()
        try station.database.recordAttempt(attempt, record: AttemptRecord(id: attempt.id, finishedAt: attempt.finishedAt, share: 0, passed: false), reviews: [], now: monday)
        // When it writes its bundle
        let bytes = try station.exportBundle()
        // Then the request inside carries the attempt, and it stays until the hub answers
        let request = try BundleReader.read(bytes).message(SyncRequest.self, ofKind: .request, for: "the hub")
        #expect(request.attempts == [attempt])
        #expect(try station.database.trainingOutboxCount() == 1)
    }
}
