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
        relabeled.labels = ["negative"]
        var renamed = base
        renamed.id = UUID()
        #expect(relabeled.canonicalContent != base.canonicalContent)
        #expect(renamed.canonicalContent == base.canonicalContent)
    }
}
