import Domain
import Foundation
import Testing

@Suite("An annotation's canonical content")
struct AnnotationCanonicalTests {
    let base = Annotation(
        id: UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!, taskID: "t1", projectID: "sentiment",
        labels: ["positive"], username: "ana", stationID: "station-1", leaseEpoch: 2,
        createdAt: Date(timeIntervalSince1970: 1_740_992_400.25), secondsOnTask: 4.5)

    @Test func isSortedKeyJSONOfEverythingButTheID() {
        #expect(base.canonicalContent == """
            {"created_at":"2025-03-03T09:00:00.250Z","labels":["positive"],"lease_epoch":2,"project_id":"sentiment",\
            "seconds_on_task":4.5,"skip_reason":null,"station_id":"station-1","task_id":"t1","username":"ana"}
            """)
    }

    @Test func differsWhenTheJudgementDiffersButNotWithTheID() {
        var relabeled = base
        relabeled.answer = .labels(["negative"])
        var renamed = base
        renamed.id = UUID()
        #expect(relabeled.canonicalContent != base.canonicalContent)
        #expect(renamed.canonicalContent == base.canonicalContent)
    }

    /// Judgements already stored hold text written through `JSONValue`; the direct writer
    /// must give the same bytes, or every resend of older work would be refused.
    @Test func theDirectWriterGivesJSONValuesCanonicalText() {
        var random = SeededRandom(seed: 42)
        let awkward = ["plain", "quote \" inside", "back\\slash", "tab\tand\nnewline", "\u{01}control", "ünïcödé ✓", "", "/slash"]
        func pick() -> String { awkward[Int(random.next() % UInt64(awkward.count))] }
        for _ in 0..<2000 {
            let skip = random.next() % 4 == 0
            let seconds = [0, 4.5, 1e-7, 12345678.125, 3, -1, Double.nan, 1e20][Int(random.next() % 8)]
            let annotation = Annotation(
                id: UUID(), taskID: pick(), projectID: pick(), labels: skip ? [] : (0..<Int(random.next() % 3)).map { _ in pick() },
                skipReason: skip ? pick() : nil, username: pick(), stationID: pick(), leaseEpoch: Int(random.next() % 1000),
                createdAt: Date(timeIntervalSince1970: Double(random.next() % 4_000_000_000_000) / 1000), secondsOnTask: seconds)
            #expect(annotation.canonicalContent == annotation.canonicalContentValue.canonicalText)
        }
    }
}

extension Annotation {
    /// `canonicalContent` as the `JSONValue` object it spells: how stored judgements
    /// were written before the direct writer, kept here as the reference it must match.
    var canonicalContentValue: JSONValue {
        JSONValue.object([
            "project_id": .string(projectID),
            "task_id": .string(taskID),
            "labels": .array(labels.map(JSONValue.string)),
            "skip_reason": skipReason.map(JSONValue.string) ?? .null,
            "username": .string(username),
            "station_id": .string(stationID),
            "lease_epoch": .integer(leaseEpoch),
            "created_at": .string(Timestamp.precise(createdAt)),
            "seconds_on_task": .double(secondsOnTask),
        ])
    }
}
