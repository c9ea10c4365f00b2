import Curriculum
import Foundation
import Testing

/// FSRS held to the `fsrs` package: the same review histories, the same schedule
/// (`Vectors/make_fsrs_vectors.py` made `fsrs_vectors.json` with fsrs 6.3.2).
@Suite struct SpacedReviewTests {
    struct Vectors: Decodable {
        struct Case: Decodable {
            var retention: Double
            var learning: [Double]
            var relearning: [Double]
            var maximum: Int
            var steps: [Step]
        }

        struct Step: Decodable {
            var rating: Int
            var after: Double
            var state: Int
            var step: Int?
            var stability: Double
            var difficulty: Double
            var due: Double
        }

        var cases: [Case]
    }

    static func vectors() throws -> Vectors {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/fsrs_vectors.json")
        return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: file))
    }

    @Test func everyReviewHistoryIsScheduledAsFSRSSchedulesIt() throws {
        // Given 50 seeded histories (383 reviews) as fsrs scheduled them
        let start = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01 09:00 UTC, the script's start
        var checked = 0
        for (index, history) in try Self.vectors().cases.enumerated() {
            let scheduler = SpacedReview(
                desiredRetention: history.retention, learningSteps: history.learning, relearningSteps: history.relearning,
                maximumInterval: history.maximum)
            var card = SpacedReview.Card(due: start)
            var now = start
            // When each review is given to ours at the same moment with the same rating
            for (number, expected) in history.steps.enumerated() {
                now = now.addingTimeInterval(expected.after)
                card = scheduler.review(card, rating: try #require(SpacedReview.Rating(rawValue: expected.rating)), at: now)
                // Then the card is where fsrs put it: state, step, stability, difficulty, due to the second
                let place = "history \(index), review \(number)"
                #expect(card.state.rawValue == expected.state, "\(place)")
                #expect(card.step == expected.step, "\(place)")
                #expect(abs((card.stability ?? .nan) - expected.stability) <= 1e-9 * max(1, expected.stability), "\(place): \(card.stability ?? .nan) vs \(expected.stability)")
                #expect(abs((card.difficulty ?? .nan) - expected.difficulty) <= 1e-9, "\(place)")
                #expect(abs(card.due.timeIntervalSince(start) - expected.due) < 1e-3, "\(place): due \(card.due.timeIntervalSince(start)) vs \(expected.due)")
                checked += 1
            }
        }
        #expect(checked == 383)
    }

    @Test func aNewCardLearnsThroughItsStepsAndAForgottenOneRelearns() {
        let start = Date(timeIntervalSince1970: 1_796_115_600)
        let scheduler = SpacedReview()
        // A new card rated good goes to its second learning step, ten minutes on
        var card = scheduler.review(SpacedReview.Card(due: start), rating: .good, at: start)
        #expect(card.state == .learning && card.step == 1 && card.due == start.addingTimeInterval(600))
        // Good again graduates it to review, whole days away
        card = scheduler.review(card, rating: .good, at: card.due)
        #expect(card.state == .review && card.step == nil)
        let days = card.due.timeIntervalSince(start.addingTimeInterval(600)) / 86_400
        #expect(days >= 1 && days == days.rounded())
        // Forgotten when due, it relearns ten minutes on
        let forgotten = scheduler.review(card, rating: .again, at: card.due)
        #expect(forgotten.state == .relearning && forgotten.step == 0 && forgotten.due == card.due.addingTimeInterval(600))
        #expect((forgotten.stability ?? 0) < (card.stability ?? 0))
        // And the chance of recall falls as days pass
        #expect(scheduler.retrievability(of: card, at: card.due.addingTimeInterval(86_400 * 30)) < scheduler.retrievability(of: card, at: card.due))
    }
}

/// Practice items in a person's review: in on a wrong answer, out once remembered at a
/// review days later.
@Suite struct PracticeReviewTests {
    let start = Date(timeIntervalSince1970: 1_796_115_600)
    let scheduler = SpacedReview()

    @Test func aWrongAnswerPutsTheItemInReviewAndRightAnswersWalkItOutOnTheSchedule() throws {
        // Given nothing in review, a right answer changes nothing
        #expect(scheduler.afterAnswer(nil, right: true, at: start) == nil)
        // When the item is answered wrong, it is due again after the first learning step
        let first = try #require(scheduler.afterAnswer(nil, right: false, at: start))
        #expect(first == scheduler.review(SpacedReview.Card(due: start), rating: .again, at: start))
        #expect(first.state == .learning && first.due == start.addingTimeInterval(60))
        // Right at that review: the next step, ten minutes on
        let second = try #require(scheduler.afterAnswer(first, right: true, at: first.due))
        #expect(second.state == .learning && second.step == 1 && second.due == first.due.addingTimeInterval(600))
        // Wrong again: back to the first step
        let slipped = try #require(scheduler.afterAnswer(second, right: false, at: second.due))
        #expect(slipped.state == .learning && slipped.step == 0 && slipped.due == second.due.addingTimeInterval(60))
        // Right twice more: graduated, due whole days later
        let third = try #require(scheduler.afterAnswer(slipped, right: true, at: slipped.due))
        let graduated = try #require(scheduler.afterAnswer(third, right: true, at: third.due))
        #expect(graduated.state == .review)
        #expect(graduated.due.timeIntervalSince(third.due) >= 86_400)
        // And right at that review, days later, it leaves the review
        #expect(scheduler.afterAnswer(graduated, right: true, at: graduated.due) == nil)
        // While wrong there sends it to relearn
        #expect(scheduler.afterAnswer(graduated, right: false, at: graduated.due)?.state == .relearning)
    }
}
