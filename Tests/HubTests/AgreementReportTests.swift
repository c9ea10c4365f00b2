import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

/// Agreement and consensus on ordinary tasks, from the judgements the hub holds.
@Suite("Agreement and consensus at the hub")
struct AgreementReportTests {
    let directory: TemporaryDirectory
    let hub: Hub

    /// Four tasks labelled by a, b and c (work imported from another tool), positive or
    /// negative as the rows say.
    init() throws {
        directory = try TemporaryDirectory()
        hub = try makeHub(in: directory, labelers: [])
        let rows: [(String, [String])] = [
            ("t1", ["positive", "positive", "positive"]), ("t2", ["negative", "negative", "positive"]),
            ("t3", ["positive", "negative", "positive"]), ("t4", ["negative", "negative", "negative"]),
        ]
        try hub.importRecords(rows.map { id, labels in
            InterchangeRecord(task: task(id), annotations: zip(["a", "b", "c"], labels).map { ImportedAnnotation(answer: .labels([$1]), annotator: $0) })
        } + [InterchangeRecord(task: task("t5"), annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "a")])],
            projectID: "sentiment", actor: "admin", now: monday)
    }

    @Test func comparisonRatingsAgreeByOrdinalAndIntervalAlphaAsTheReferenceLibraryComputesIt() throws {
        // Given a comparison project whose three tasks a and b rate (c only the first two),
        // each response's helpfulness 1-7 as agreement_report.py's rows say
        try hub.createProject(
            Project(id: "pairs", title: "Pairs", kind: .comparison, dimensions: [RatingDimension(name: "helpfulness")]), actor: "admin", now: monday)
        let rows: [String: [(Int, Int)?]] = [
            "a": [(5, 3), (6, 2), (4, 4)], "b": [(6, 3), (5, 1), (4, 5)], "c": [(5, 2), (7, 2), nil],
        ]
        try hub.importRecords((0..<3).map { index in
            var comparison = task("c\(index)", project: "pairs")
            comparison.responses = ["first answer", "second answer"]
            let annotations = ["a", "b", "c"].compactMap { person -> ImportedAnnotation? in
                guard let (first, second) = rows[person]?[index] else { return nil }
                return ImportedAnnotation(
                    answer: .comparison(ComparisonAnswer(preference: first >= second ? .a : .b, ratingsA: ["helpfulness": first], ratingsB: ["helpfulness": second])),
                    annotator: person)
            }
            return InterchangeRecord(task: comparison, annotations: annotations)
        }, projectID: "pairs", actor: "admin", now: monday)

        // When the agreement report is made
        let report = try hub.agreementReport(projectID: "pairs")

        // Then the ratings' alpha is krippendorff 0.8's, ordinal and interval
        let ratings = try #require(report.ratings.first)
        #expect(ratings.dimension == "helpfulness" && ratings.units == 6 && ratings.ratings == 16)
        #expect(abs((ratings.ordinal ?? .nan) - 0.8657670454545454) < 1e-9)
        #expect(abs((ratings.interval ?? .nan) - 0.8508522727272727) < 1e-9)
    }

    @Test func alphaFleissAndEachPairsKappaMatchTheReferenceLibraries() throws {
        // The figures from krippendorff 0.8, statsmodels' fleiss_kappa and scikit-learn's
        // cohen_kappa_score on the same table (rows a, b, c; t5 has one label and is left out)
        let report = try hub.agreementReport(projectID: "sentiment")
        #expect(report.tasks == 4 && report.labels == 12)
        #expect(abs((report.alpha ?? .nan) - 0.38888888888888895) < 1e-9)
        #expect(abs((report.fleiss ?? .nan) - 0.33333333333333326) < 1e-9)
        #expect(report.pairs.map { "\($0.first)-\($0.second) \($0.shared)" } == ["a-b 4", "a-c 4", "b-c 4"])
        let kappas = report.pairs.map { $0.value ?? .nan }
        for (ours, theirs) in zip(kappas, [0.5, 0.5, 0.19999999999999996]) { #expect(abs(ours - theirs) < 1e-9) }
    }

    @Test func consensusByMajorityAndByDawidSkeneGivesEachTaskALabelAndConfidence() throws {
        let majority = try hub.consensusReport(projectID: "sentiment", method: .majority)
        #expect(majority.rows.map(\.taskID) == ["t1", "t2", "t3", "t4", "t5"])
        #expect(majority.rows.map(\.label) == ["positive", "negative", "positive", "negative", "positive"])
        #expect(majority.rows.map(\.votes) == [3, 3, 3, 3, 1])
        #expect(abs((majority.rows[1].confidence ?? 0) - 2.0 / 3.0) < 1e-12)
        let estimated = try hub.consensusReport(projectID: "sentiment", method: .dawidSkene)
        #expect(estimated.rows.count == 5)
        #expect(estimated.rows[0].label == "positive" && estimated.rows[3].label == "negative")
        #expect(estimated.rows.allSatisfy { ($0.confidence ?? 0) >= 0.5 })
        // And a kind without labels is refused with a sentence
        try hub.createProject(Project(id: "notes", title: "Notes", kind: .freeText), actor: "admin", now: monday)
        #expect { try hub.consensusReport(projectID: "notes", method: .majority) } throws: { error in
            "\(error)" == "consensus is for single-label classification and comparison projects; notes is a free text project"
        }
    }
}
