/// A labeler's judgement of two model answers to one prompt.
///
/// `preference` names the answers as the task stores them (`a` is the task's first
/// response), whatever side the screen showed them on; `shownSwapped` records that the
/// first response was shown on the right (as "B"), so position bias can be measured.
public struct ComparisonAnswer: Codable, Equatable, Sendable {
    public enum Preference: String, Codable, Sendable, CaseIterable {
        case a, b, tie
    }

    public var preference: Preference
    /// 1 slightly, 2 clearly, 3 much better; nil for a tie or when the project does not ask.
    public var strength: Int?
    /// Per dimension, the 1-7 rating of the task's first response.
    public var ratingsA: [String: Int]
    /// Per dimension, the 1-7 rating of the task's second response.
    public var ratingsB: [String: Int]
    public var rationale: String
    public var shownSwapped: Bool

    public init(
        preference: Preference, strength: Int? = nil, ratingsA: [String: Int] = [:], ratingsB: [String: Int] = [:],
        rationale: String = "", shownSwapped: Bool = false
    ) {
        self.preference = preference
        self.strength = strength
        self.ratingsA = ratingsA
        self.ratingsB = ratingsB
        self.rationale = rationale
        self.shownSwapped = shownSwapped
    }

    /// The side of the screen the preferred answer was on: what position bias is measured by.
    public var preferredPosition: String? {
        switch preference {
        case .tie: nil
        case .a: shownSwapped ? "right" : "left"
        case .b: shownSwapped ? "left" : "right"
        }
    }
}
