import Domain
import Foundation
import Testing

/// Student's t, the paired t interval and Newcombe's interval against scipy and
/// statsmodels on the same inputs (`Vectors/interval_vectors.json`, made by
/// `Vectors/make_interval_vectors.py`).
@Suite struct IntervalVectorTests {
    struct Vectors: Decodable {
        struct Quantile: Decodable { var probability: Double; var df: Double; var t: Double }
        struct Cumulative: Decodable { var t: Double; var df: Double; var p: Double }
        struct Paired: Decodable { var values: [Double]; var confidence: Double; var mean: Double; var sd: Double; var lower: Double; var upper: Double }
        struct Newcombe: Decodable {
            var count1: Double; var nobs1: Int; var count2: Double; var nobs2: Int; var confidence: Double
            var difference: Double; var lower: Double; var upper: Double
        }

        var quantiles: [Quantile]
        var cumulatives: [Cumulative]
        var paired: [Paired]
        var newcombe: [Newcombe]
    }

    let vectors: Vectors

    init() throws {
        let data = try Data(contentsOf: QualityVectors.domainTests.appendingPathComponent("Vectors/interval_vectors.json"))
        vectors = try JSONDecoder().decode(Vectors.self, from: data)
    }

    func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance * max(1, abs(expected))
    }

    @Test func tQuantilesMatchScipy() {
        #expect(vectors.quantiles.count > 200)
        for case_ in vectors.quantiles {
            let t = StudentT.quantile(case_.probability, degreesOfFreedom: case_.df)
            #expect(close(t, case_.t), "t⁻¹(\(case_.probability); \(case_.df)) = \(t), not \(case_.t)")
        }
        #expect(close(StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: 4), 2.7764451051977934, 1e-13))
    }

    @Test func tCumulativesMatchScipy() {
        for case_ in vectors.cumulatives {
            let p = StudentT.cumulative(case_.t, degreesOfFreedom: case_.df)
            #expect(abs(p - case_.p) < 1e-12, "T(\(case_.t); \(case_.df)) = \(p), not \(case_.p)")
        }
    }

    @Test func pairedIntervalsMatchScipysOneSampleT() {
        for case_ in vectors.paired {
            let interval = MeanInterval(case_.values, confidence: case_.confidence)
            #expect(interval.count == case_.values.count)
            #expect(close(interval.mean, case_.mean) && close(interval.standardDeviation, case_.sd), "\(case_.values)")
            #expect(close(interval.lower, case_.lower) && close(interval.upper, case_.upper),
                    "\(case_.values) at \(case_.confidence): \(String(describing: interval.lower))...\(String(describing: interval.upper)), not \(case_.lower)...\(case_.upper)")
        }
    }

    @Test func aMeanOfOneValueHasNoInterval() {
        let one = MeanInterval([0.3])
        #expect(one.mean == 0.3 && one.lower == nil && one.upper == nil && one.standardDeviation == nil)
        let none = MeanInterval([])
        #expect(none.count == 0 && none.mean == nil)
    }

    @Test func newcombeIntervalsMatchStatsmodels() {
        #expect(vectors.newcombe.count > 80)
        for case_ in vectors.newcombe {
            guard let interval = NewcombeInterval(
                successes: case_.count1, trials: case_.nobs1, minus: case_.count2, trials: case_.nobs2, confidence: case_.confidence)
            else {
                Issue.record("no interval for \(case_.count1)/\(case_.nobs1) - \(case_.count2)/\(case_.nobs2)")
                continue
            }
            #expect(close(interval.difference, case_.difference))
            #expect(close(interval.lower, case_.lower) && close(interval.upper, case_.upper),
                    "\(case_.count1)/\(case_.nobs1) - \(case_.count2)/\(case_.nobs2): \(interval.lower)...\(interval.upper), not \(case_.lower)...\(case_.upper)")
        }
    }

    @Test func newcombesWorkedExampleAndAnEmptyGroup() {
        // Newcombe (1998), table II, example (a): 56/70 - 48/80, method 10 gives 0.0524 to 0.3339.
        let interval = NewcombeInterval(successes: 56, trials: 70, minus: 48, trials: 80)
        #expect(abs((interval?.lower ?? 0) - 0.0524) < 0.00005 && abs((interval?.upper ?? 0) - 0.3339) < 0.00005)
        #expect(NewcombeInterval(successes: 0, trials: 0, minus: 3, trials: 5) == nil)
    }
}
