import Foundation

extension SpacedReview {
    /// A practice item's card after the person answers it at `date`; nil when the item
    /// is not (or no longer) in their review.
    ///
    /// A wrong answer puts the item in review (a new card, rated `again`) or rates its
    /// card `again`; a right one rates it `good`, so it comes back after the learning
    /// steps and then after days. The item leaves the review once it is answered right
    /// at a review after it has graduated (FSRS's `review` state): remembered across
    /// days, not only minutes after the last try. A right answer to an item not in
    /// review changes nothing.
    public func afterAnswer(_ card: Card?, right: Bool, at date: Date) -> Card? {
        guard let card else { return right ? nil : review(Card(due: date), rating: .again, at: date) }
        if right, card.state == .review { return nil }
        return review(card, rating: right ? .good : .again, at: date)
    }
}
