import Domain
import Foundation
@testable import Sync
import Testing

@Suite("Sync messages written by hand")
struct SyncWriterTests {
    /// The hub and the station read with `JSONDecoder`; what the hand writer sends must
    /// read back to the very message, and mean what `JSONEncoder`'s text means.
    @Test func requestsAndRepliesReadBackAsWrittenAndAsJSONEncoderWritesThem() throws {
        var random = SeededRandom(seed: 99)
        let awkward = ["plain", "quote \" inside", "back\\slash", "tab\tand\nnewline", "\u{01}control", "ünïcödé ✓", "", "a/b"]
        func pick() -> String { awkward[Int(random.next() % UInt64(awkward.count))] }
        func moment() -> Date {
            // Whole milliseconds, as the databases keep them, and now and then a fraction.
            let milliseconds = Double(random.next() % 4_000_000_000_000)
            return Date(timeIntervalSince1970: (milliseconds + (random.next() % 3 == 0 ? 0.5 : 0)) / 1000)
        }
        for round in 0..<200 {
            let annotations = (0..<Int(random.next() % 6)).map { _ in
                let skip = random.next() % 4 == 0
                let answers: [Answer] = [
                    .labels(skip ? [] : [pick(), pick()]),
                    .spans([EntitySpan(start: 0, end: 4, label: pick()), EntitySpan(start: 7, end: 9, label: pick())]),
                    .comparison(ComparisonAnswer(
                        preference: .b, strength: 2, ratingsA: [pick(): 3], ratingsB: ["helpfulness": 7], rationale: pick(),
                        shownSwapped: random.next() % 2 == 0)),
                    .text(pick()),
                ]
                return Annotation(
                    id: UUID(), taskID: pick(), projectID: pick(), answer: answers[Int(random.next() % 4)],
                    skipReason: skip ? pick() : nil, username: pick(), stationID: pick(), leaseEpoch: Int(random.next() % 9),
                    createdAt: moment(), secondsOnTask: [0, 4.5, 1e-7, 12345678.125, 1e20][Int(random.next() % 5)],
                    flag: random.next() % 3 == 0 ? pick() : nil,
                    predictionAccepted: [nil, true, false][Int(random.next() % 3)])
            }
            // Training travels in the same messages, now and then.
            let responses: [AttemptResponse] = [
                .question(.choice(2)), .question(.choices([0, 3])), .question(.truth(false)), .question(.text(pick())),
                .question(.pairs([0: pick(), 2: pick()])), .practice(.labels([pick()])),
            ]
            let attempts = (0..<Int(random.next() % 3)).map { index in
                CourseAttempt(
                    id: UUID(), courseID: pick(), courseVersion: "00ff00ff00ff00ff", username: pick(), stationID: pick(), startedAt: moment(),
                    finishedAt: moment(), responses: Dictionary(uniqueKeysWithValues: responses.enumerated().map { ("q\($0.offset + index)", $0.element) }))
            }
            let readings = (0..<Int(random.next() % 3)).map { _ in
                LessonReading(id: UUID(), username: pick(), stationID: pick(), courseID: pick(), lesson: pick(), variant: random.next() % 2 == 0, at: moment())
            }
            let request = SyncRequest(
                stationID: pick(), annotations: annotations, cursor: Int64(random.next() % 1000), wantedLeases: round,
                people: round.isMultiple(of: 2) ? [pick()] : [], attempts: attempts, lessonReadings: readings,
                presence: round.isMultiple(of: 3)
                    ? [PersonPresence(username: pick(), activity: .labeling, subject: pick(), since: moment(), lastInputAt: moment())] : [],
                unsent: Int(random.next() % 3))
            let leases = (0..<Int(random.next() % 5)).map { index in
                LeasedTask(
                    task: LabelTask(
                        id: "t\(index)", projectID: pick(), text: pick(), marking: Marking.allCases[index % Marking.allCases.count],
                        priority: index - 1, meta: index.isMultiple(of: 2) ? nil : #"{"source":"\#(pick())"}"#,
                        responses: index == 1 ? [pick(), pick()] : [],
                        predictions: index == 2 ? [Prediction(model: pick(), score: 0.75, answer: .spans([EntitySpan(start: 1, end: 2, label: pick())]))] : [],
                        image: index == 3 ? TaskImage(
                            media: MediaReference(sha256: String(repeating: "0123456789abcdef", count: 4), byteCount: Int(random.next() % 9_000_000) + 1),
                            scene: pick(), chip: PixelWindow(x: 1024, y: 0, width: 1088, height: 1088),
                            focus: PixelWindow(x: 32, y: 32, width: 1024, height: 1024)) : nil),
                    epoch: index, expiresAt: moment())
            }
            let outcomes = annotations.map { annotation in
                AnnotationOutcome(
                    annotationID: annotation.id, status: annotation.isSkip ? .rejected : .accepted,
                    reason: annotation.isSkip ? pick() : nil)
            }
            let reply = SyncReply(
                outcomes: outcomes, leases: leases,
                projects: round.isMultiple(of: 3) ? [Project(id: pick(), title: pick(), labels: [LabelChoice(name: "x")], leaseSeconds: 60)] : [],
                waitingAtHub: [pick(): round], cursor: Int64(round),
                pauses: round.isMultiple(of: 4) ? [QueuePause(username: pick(), projectID: pick()), QueuePause(username: pick(), projectID: pick(), courses: [pick()]), QueuePause(username: pick(), projectID: pick(), lead: LeadHold(by: pick(), note: pick(), movedTo: pick()))] : nil,
                trainingOutcomes: (attempts.map(\.id) + readings.map(\.id)).map { AnnotationOutcome(annotationID: $0, status: .accepted) },
                courses: round.isMultiple(of: 5) ? [CoursePackage(id: pick(), files: ["course.conf": Data(pick().utf8), "a.png": Data([0, 255, 7])])] : [],
                standings: round.isMultiple(of: 2) ? [
                    CourseStanding(
                        username: pick(), courseID: pick(),
                        assignment: CourseAssignment(
                            reason: random.next() % 2 == 0 ? .assigned(by: pick(), cohort: nil) : .remediation(projectID: pick(), trigger: pick(), lesson: pick()),
                            assignedAt: moment(), dueAt: random.next() % 2 == 0 ? moment() : nil),
                        attempts: [AttemptRecord(id: UUID(), finishedAt: moment(), share: 0.75, passed: false, awaitingTrainer: true)]),
                ] : nil)

            let decoder = SyncCoding.decoder()
            #expect(try decoder.decode(SyncRequest.self, from: SyncCoding.encode(request)) == request)
            #expect(try decoder.decode(SyncReply.self, from: SyncCoding.encode(reply)) == reply)
            #expect(try decoder.decode(SyncRequest.self, from: SyncCoding.encoder().encode(request)) == request)
            #expect(try decoder.decode(SyncReply.self, from: SyncCoding.encoder().encode(reply)) == reply)
        }
    }

    @Test func aNumberJSONCannotHoldIsRefusedAsJSONEncoderRefusesIt() {
        let annotation = Annotation(
            id: UUID(), taskID: "t1", projectID: "p", labels: ["a"], username: "ana", stationID: "s", leaseEpoch: 1,
            createdAt: Date(timeIntervalSince1970: 0), secondsOnTask: .infinity)
        let request = SyncRequest(stationID: "s", annotations: [annotation], cursor: 0, wantedLeases: 0)
        #expect(throws: EncodingError.self) { try SyncCoding.encode(request) }
        #expect(throws: EncodingError.self) { try SyncCoding.encoder().encode(request) }
    }
}
