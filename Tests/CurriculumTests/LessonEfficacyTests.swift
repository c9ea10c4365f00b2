import Curriculum
import Domain
import Foundation
import Testing

/// Lesson efficacy and the comparison of a lesson's versions against figures numpy, scipy
/// and statsmodels computed on the same readings and answers
/// (`Vectors/efficacy_vectors.json`, made by `Vectors/make_efficacy_vectors.py`).
@Suite struct LessonEfficacyTests {
    struct Vectors: Decodable {
        struct Reading: Decodable { var id: String; var username: String; var lesson: String; var variant: Bool; var at: Double }
        struct Answer: Decodable { var username: String; var answeredAt: Double; var credit: Double }
        struct Reader: Decodable {
            var username: String; var variant: Bool
            var beforeItems: Int; var beforeCredit: Double; var afterItems: Int; var afterCredit: Double
        }
        struct Change: Decodable { var count: Int; var mean: Double; var sd: Double; var lower: Double; var upper: Double }
        struct Proportion: Decodable { var successes: Double; var trials: Int; var lower: Double; var upper: Double; var readers: Int? }
        struct Difference: Decodable { var value: Double; var lower: Double; var upper: Double }
        struct Figures: Decodable {
            var readers: [Reader]; var change: Change; var before: Proportion; var after: Proportion
            var first: Proportion; var second: Proportion; var difference: Difference
        }

        var lesson: String
        var variant: String
        var window: Int
        var readings: [Reading]
        var answers: [Answer]
        var figures: Figures
    }

    static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()

    let vectors: Vectors
    let efficacy: LessonEfficacy

    init() throws {
        vectors = try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: Self.folder.appendingPathComponent("Vectors/efficacy_vectors.json")))
        let readings = vectors.readings.map { reading in
            LessonReading(
                id: UUID(uuidString: reading.id) ?? UUID(), username: reading.username, stationID: "s1", courseID: "sentiment", lesson: reading.lesson,
                variant: reading.variant, at: Date(timeIntervalSince1970: reading.at))
        }
        let answers = vectors.answers.map { ScoredGoldAnswer(username: $0.username, answeredAt: Date(timeIntervalSince1970: $0.answeredAt), credit: $0.credit) }
        efficacy = LessonEfficacy(lesson: vectors.lesson, readings: readings, answers: answers, window: vectors.window)
    }

    func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    @Test func eachReadersWindowsAreTheirGoldBeforeAndAfterTheirFirstReading() {
        let expected = vectors.figures.readers
        #expect(efficacy.readers.map(\.username) == expected.map(\.username))
        for (reader, figures) in zip(efficacy.readers, expected) {
            #expect(reader.variant == figures.variant, "\(reader.username)")
            #expect(reader.before.items == figures.beforeItems && close(reader.before.credit, figures.beforeCredit), "\(reader.username) before")
            #expect(reader.after.items == figures.afterItems && close(reader.after.credit, figures.afterCredit), "\(reader.username) after")
        }
        // The cases the vectors were made to hold: nothing before, nothing after, a full window.
        #expect(efficacy.readers.contains { $0.before.items == 0 && $0.change == nil })
        #expect(efficacy.readers.contains { $0.after.items == 0 && $0.change == nil })
        #expect(efficacy.readers.contains { $0.before.items == vectors.window && $0.after.items == vectors.window })
    }

    @Test func theChangeAndItsPairedIntervalMatchScipy() {
        let change = efficacy.change, expected = vectors.figures.change
        #expect(change.count == expected.count)
        #expect(close(change.mean, expected.mean) && close(change.standardDeviation, expected.sd))
        #expect(close(change.lower, expected.lower) && close(change.upper, expected.upper),
                "\(String(describing: change.lower))...\(String(describing: change.upper)), not \(expected.lower)...\(expected.upper)")
    }

    @Test func pooledAccuracyBeforeAndAfterMatchesStatsmodelsWilson() {
        for (interval, expected) in [(efficacy.before, vectors.figures.before), (efficacy.after, vectors.figures.after)] {
            #expect(interval.trials == expected.trials && close(interval.successes, expected.successes))
            #expect(close(interval.lower, expected.lower) && close(interval.upper, expected.upper))
        }
    }

    @Test func theVersionsDifferenceMatchesStatsmodelsNewcombe() {
        let comparison = LessonVariantComparison(efficacy, variantFile: vectors.variant)
        let figures = vectors.figures
        #expect(comparison.first.file == vectors.lesson && comparison.second.file == vectors.variant)
        #expect(comparison.first.readers == figures.first.readers && comparison.second.readers == figures.second.readers)
        #expect(comparison.first.items == figures.first.trials && close(comparison.first.credit, figures.first.successes))
        #expect(comparison.second.items == figures.second.trials && close(comparison.second.credit, figures.second.successes))
        #expect(close(comparison.first.interval.lower, figures.first.lower) && close(comparison.second.interval.upper, figures.second.upper))
        #expect(close(comparison.difference?.difference, figures.difference.value))
        #expect(close(comparison.difference?.lower, figures.difference.lower) && close(comparison.difference?.upper, figures.difference.upper))
    }

    @Test func aLessonNobodyReadHasNoFigures() {
        let unread = LessonEfficacy(lesson: "lessons/09.md", readings: [], answers: [], window: 5)
        #expect(unread.readers.isEmpty && unread.before.trials == 0 && unread.change.mean == nil)
        #expect(LessonVariantComparison(unread, variantFile: "lessons/09-b.md").difference == nil)
    }

    @Test func aSmallCaseWorkedByHand() {
        // Given two readers at t=100: ann right 1 of 2 before, 2 of 2 after (window 2 of her
        // 3 before); bob 0 of 1 before, 1 of 1 after, and one at the very moment he opened it
        let at = { (seconds: Double) in Date(timeIntervalSince1970: seconds) }
        let readings = [
            LessonReading(id: UUID(), username: "ann", stationID: "s", courseID: "c", lesson: "l.md", variant: false, at: at(100)),
            LessonReading(id: UUID(), username: "bob", stationID: "s", courseID: "c", lesson: "l.md", variant: true, at: at(100)),
        ]
        let answers = [
            ScoredGoldAnswer(username: "ann", answeredAt: at(10), credit: 1), ScoredGoldAnswer(username: "ann", answeredAt: at(20), credit: 0),
            ScoredGoldAnswer(username: "ann", answeredAt: at(30), credit: 1), ScoredGoldAnswer(username: "ann", answeredAt: at(110), credit: 1),
            ScoredGoldAnswer(username: "ann", answeredAt: at(120), credit: 1), ScoredGoldAnswer(username: "ann", answeredAt: at(130), credit: 0),
            ScoredGoldAnswer(username: "bob", answeredAt: at(50), credit: 0), ScoredGoldAnswer(username: "bob", answeredAt: at(100), credit: 1),
        ]
        // When the lesson's figures are taken with a window of 2
        let figures = LessonEfficacy(lesson: "l.md", readings: readings, answers: answers, window: 2)
        // Then ann: 0/1 at 20, 30 → 0.5 before, 1.0 after; bob: 0 before, 1 after (the answer at 100 is after)
        #expect(figures.readers.map { [$0.before.items, $0.after.items] } == [[2, 2], [1, 1]])
        #expect(figures.readers.map(\.change) == [0.5, 1.0])
        // mean 0.75, sd √0.125, t(0.975, 1) = 12.7062047361747: 0.75 ∓ 12.7062047361747 · 0.25
        #expect(abs((figures.change.mean ?? 0) - 0.75) < 1e-12)
        #expect(abs((figures.change.lower ?? 0) - (0.75 - 12.706204736174707 * 0.25)) < 1e-9)
        #expect(figures.before.trials == 3 && figures.before.successes == 1 && figures.after.trials == 3 && figures.after.successes == 3)
    }
}
