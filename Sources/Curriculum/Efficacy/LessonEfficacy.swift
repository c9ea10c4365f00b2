import Domain
import Foundation

/// One scored gold answer as the efficacy figures read it: who, when, and its credit.
public struct ScoredGoldAnswer: Equatable, Sendable {
    public var username: String
    /// When the person answered (the annotation's time, not when the hub got it: a
    /// station may sync hours later).
    public var answeredAt: Date
    /// 0...1, what the answer earned against its key.
    public var credit: Double

    public init(username: String, answeredAt: Date, credit: Double) {
        self.username = username
        self.answeredAt = answeredAt
        self.credit = credit
    }
}

/// Whether a lesson works: each reader's gold accuracy in the `window` scored gold items
/// before they first opened it and the `window` after, and the change.
///
/// The change is the mean over readers of (after - before), with the paired t interval
/// (`MeanInterval`): each person is their own control, so a strong labeler and a weak
/// one reading the lesson do not blur the comparison as pooling their items would; only
/// readers with items on both sides count in it. The pooled accuracy before and after
/// (every item of every reader, with its Wilson interval) is shown beside it, as the
/// counts behind the figure.
public struct LessonEfficacy: Equatable, Sendable {
    /// Gold items in one window and what they earned.
    public struct Window: Equatable, Sendable {
        public var items: Int
        public var credit: Double

        public init(items: Int, credit: Double) {
            self.items = items
            self.credit = credit
        }

        init(_ answers: ArraySlice<ScoredGoldAnswer>) {
            items = answers.count
            credit = answers.reduce(0) { $0 + $1.credit }
        }

        public var accuracy: Double? { items == 0 ? nil : credit / Double(items) }
    }

    public struct Reader: Equatable, Sendable {
        public var username: String
        /// Their first reading of the lesson.
        public var readAt: Date
        /// Whether they were shown the lesson's second version.
        public var variant: Bool
        public var before: Window
        public var after: Window

        /// After less before; nil when either side has no items.
        public var change: Double? {
            guard let before = before.accuracy, let after = after.accuracy else { return nil }
            return after - before
        }
    }

    /// The lesson's file.
    public var lesson: String
    /// Gold items each side of a reading.
    public var window: Int
    /// By username.
    public var readers: [Reader]
    /// Every reader's items before, pooled.
    public var before: WilsonInterval
    /// Every reader's items after, pooled.
    public var after: WilsonInterval
    /// After less before per reader with both, and its paired t interval.
    public var change: MeanInterval

    /// - Parameters:
    ///   - readings: readings of any lessons; those of `lesson` count, each person's first.
    ///   - answers: scored gold answers of anyone, in any order.
    public init(lesson: String, readings: [LessonReading], answers: [ScoredGoldAnswer], window: Int, confidence: Double = 0.95) {
        self.lesson = lesson
        self.window = window
        var first: [String: LessonReading] = [:]
        for reading in readings where reading.lesson == lesson {
            if let earlier = first[reading.username], (earlier.at, earlier.id.uuidString) <= (reading.at, reading.id.uuidString) { continue }
            first[reading.username] = reading
        }
        let byPerson = Dictionary(grouping: answers, by: \.username).mapValues { $0.sorted { $0.answeredAt < $1.answeredAt } }
        readers = first.values.sorted { $0.username < $1.username }.map { reading in
            let own = byPerson[reading.username] ?? []
            let split = own.firstIndex { $0.answeredAt >= reading.at } ?? own.endIndex
            return Reader(
                username: reading.username, readAt: reading.at, variant: reading.variant,
                before: Window(own[..<split].suffix(window)), after: Window(own[split...].prefix(window)))
        }
        let beforeItems = readers.reduce(0) { $0 + $1.before.items }, afterItems = readers.reduce(0) { $0 + $1.after.items }
        before = WilsonInterval(successes: readers.reduce(0) { $0 + $1.before.credit }, trials: beforeItems, confidence: confidence)
        after = WilsonInterval(successes: readers.reduce(0) { $0 + $1.after.credit }, trials: afterItems, confidence: confidence)
        change = MeanInterval(readers.compactMap(\.change), confidence: confidence)
    }
}
