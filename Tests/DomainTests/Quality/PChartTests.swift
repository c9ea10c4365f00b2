import Domain
import Testing

/// The p-chart and its run rules, on worked examples: the limits as Montgomery's p-chart
/// with varying sample size gives them (p̄ ± 3·√(p̄(1−p̄)/nᵢ)), worked out with Python's
/// `math` to full precision, and each Western Electric rule on a sequence built to show it.
@Suite("p-chart and Western Electric rules")
struct PChartTests {
    /// Points whose standardised distance is `z` about a centre of 0.9 with 100 trials each (σ = 0.03).
    func chart(_ z: [Double]) -> PChart {
        PChart(z.map { PChart.Sample(successes: (0.9 + $0 * 0.03) * 100, trials: 100) }, center: 0.9)
    }

    func marks(_ chart: PChart) -> [Int: [PChart.Rule]] {
        Dictionary(uniqueKeysWithValues: chart.signalled.map { ($0.index, $0.signals) })
    }

    @Test func limitsFollowThePooledProportionAndAHourFarBelowIsMarked() {
        // Given six ordinary hours of 100 gold answers and one of 70 right
        let chart = PChart([90, 92, 88, 91, 89, 90, 70].map { PChart.Sample(successes: $0, trials: 100) })
        // Then the centre is 610/700 and the limits are p̄ ± 3σ (Python: 0.771011..., 0.971846...)
        #expect(abs(chart.center - 0.8714285714285714) < 1e-12)
        let last = chart.points[6]
        #expect(abs(last.sigma - 0.033472498611028516) < 1e-12)
        #expect(abs(last.lower - 0.7710110755954859) < 1e-12)
        #expect(abs(last.upper - 0.971846067261657) < 1e-12)
        #expect(abs(last.z - -5.121475197315841) < 1e-9)
        // And only the last hour is marked, below, beyond 3 sigma
        #expect(marks(chart) == [6: [.beyondThreeSigma]])
        #expect(last.side == .below)
    }

    @Test func eachHoursLimitsFollowItsOwnCountAndStayWithinZeroAndOne() {
        // Given hours of 50, 200, 100 and 40 gold answers
        let chart = PChart([PChart.Sample(successes: 45, trials: 50), .init(successes: 180, trials: 200), .init(successes: 88, trials: 100), .init(successes: 27, trials: 40)])
        #expect(abs(chart.center - 0.8717948717948718) < 1e-12)
        let expected: [(sigma: Double, lower: Double, upper: Double, z: Double)] = [
            (0.04727971516560455, 0.7299557262980582, 1, 0.5965587590013047),
            (0.023639857582802275, 0.8008752990464649, 0.9427144445432787, 1.1931175180026095),
            (0.033431807206167424, 0.7714994501763696, 0.972090293413374, 0.24542879643115836),
            (0.05286032853355975, 0.7132138861941926, 1, -3.722921844307711),
        ]
        for (point, want) in zip(chart.points, expected) {
            #expect(abs(point.sigma - want.sigma) < 1e-12)
            #expect(abs(point.lower - want.lower) < 1e-12)
            #expect(abs(point.upper - want.upper) < 1e-12)
            #expect(abs(point.z - want.z) < 1e-9)
        }
        // Then the 40-answer hour at 67.5% is beyond its wider lower limit; the rest are not
        #expect(marks(chart) == [3: [.beyondThreeSigma]])
    }

    @Test func twoOfThreeBeyondTwoSigmaOnOneSide() {
        // 2.5 sigma above at 1 and 3, an ordinary hour between: the third hour completes it
        #expect(marks(chart([0, 2.5, 0, 2.5, 0])) == [3: [.twoOfThreeBeyondTwoSigma]])
        // On opposite sides it is no pattern
        #expect(marks(chart([0, 2.5, 0, -2.5, 0])).isEmpty)
        // Two in a row below
        #expect(marks(chart([-2.2, -2.2])) == [1: [.twoOfThreeBeyondTwoSigma]])
    }

    @Test func fourOfFiveBeyondOneSigmaOnOneSide() {
        #expect(marks(chart([1.5, 1.5, 0, 1.5, 1.5])) == [4: [.fourOfFiveBeyondOneSigma]])
        // Three of five is not enough, and the completing point must be one of them
        #expect(marks(chart([1.5, 1.5, 0, 0, 1.5])).isEmpty)
        #expect(marks(chart([1.5, 1.5, 1.5, 1.5, 0.5])) == [3: [.fourOfFiveBeyondOneSigma]])
    }

    @Test func eightInARowOnOneSideOfTheCentreAndTheRunGoesOnMarking() {
        // Eight hours a third of a sigma below, then a ninth: each from the eighth on is marked
        #expect(marks(chart(Array(repeating: -0.33, count: 9))) == [7: [.eightOnOneSide], 8: [.eightOnOneSide]])
        // A point on the centre line breaks the run
        #expect(marks(chart(Array(repeating: 0.33, count: 4) + [0] + Array(repeating: 0.33, count: 4))).isEmpty)
    }

    @Test func rulesAddUpOnOnePointAndEmptyHoursHaveNoPoint() {
        // Given a steady slide below: 1.5, 2.5, 2.5, 3.5 sigma under, after four ordinary hours under
        let chart = PChart(
            ([-0.5, -0.5, -0.5, -0.5, -1.5, -2.5, -2.5, -3.5] as [Double]).map { PChart.Sample(successes: (0.9 + $0 * 0.03) * 100, trials: 100) }
                + [PChart.Sample(successes: 0, trials: 0)],
            center: 0.9)
        // Then the last point completes all four rules, below
        let last = chart.points[7]
        #expect(last.signals == [.beyondThreeSigma, .twoOfThreeBeyondTwoSigma, .fourOfFiveBeyondOneSigma, .eightOnOneSide])
        #expect(last.side == .below)
        // And the hour with no gold answers is not on the chart
        #expect(chart.points.count == 8)
        #expect(chart.points.map(\.index) == Array(0..<8))
    }

    @Test func aPerfectRecordHasNoSpreadAndNothingToMark() {
        let chart = PChart([PChart.Sample(successes: 20, trials: 20), .init(successes: 10, trials: 10)])
        #expect(chart.center == 1)
        #expect(chart.points.allSatisfy { $0.sigma == 0 && $0.z == 0 && $0.lower == 1 && $0.upper == 1 })
        #expect(chart.signalled.isEmpty)
        // Against a standard of 1, any miss is off the chart
        let slip = PChart([PChart.Sample(successes: 19, trials: 20)], center: 1)
        #expect(slip.points[0].z == -.infinity && slip.points[0].signals == [.beyondThreeSigma])
    }
}
