import Domain
import Foundation

/// A lesson's two versions compared: gold accuracy in the items after reading, per
/// version, and the second's less the first's with Newcombe's interval.
///
/// The unit is the gold item, pooled per version, as a difference of two proportions
/// is; `LessonEfficacy.window` caps each reader's items so no one person outweighs the
/// rest. Readers were shown a version by `CourseLesson.showsVariant(to:)`, a hash that
/// splits people at random with respect to how good they are.
public struct LessonVariantComparison: Equatable, Sendable {
    public struct Version: Equatable, Sendable {
        public var file: String
        public var readers: Int
        public var items: Int
        public var credit: Double
        public var interval: WilsonInterval
    }

    public var lesson: String
    public var first: Version
    public var second: Version
    /// The second version's accuracy less the first's; nil until both have items after reading.
    public var difference: NewcombeInterval?

    public init(_ efficacy: LessonEfficacy, variantFile: String, confidence: Double = 0.95) {
        lesson = efficacy.lesson
        func version(_ file: String, shownVariant: Bool) -> Version {
            let readers = efficacy.readers.filter { $0.variant == shownVariant }
            let items = readers.reduce(0) { $0 + $1.after.items }, credit = readers.reduce(0) { $0 + $1.after.credit }
            return Version(
                file: file, readers: readers.count, items: items, credit: credit,
                interval: WilsonInterval(successes: credit, trials: items, confidence: confidence))
        }
        first = version(efficacy.lesson, shownVariant: false)
        second = version(variantFile, shownVariant: true)
        difference = NewcombeInterval(successes: second.credit, trials: second.items, minus: first.credit, trials: first.items, confidence: confidence)
    }
}
