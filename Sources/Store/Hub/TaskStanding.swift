import Domain
import Foundation

/// What the canonical rule needs to know about a task when work for it arrives: its
/// lease, and the judgement that is its answer so far.
public struct TaskStanding: Equatable, Sendable {
    /// The lease the task is under, or was last under.
    public var epoch: Int
    public var station: String?
    public var leaseExpiresAt: Date?
    /// The task's canonical judgement, if it has one.
    public var canonical: CanonicalMark?
    /// The task text's length in Unicode scalars, for checking spans against it.
    public var textLength: Int?
    /// The size of the task's image chip, for checking shapes against it; nil for text tasks.
    public var chip: ChipSize?

    /// Which judgement is canonical, and the lease it was made under.
    public struct CanonicalMark: Equatable, Sendable {
        public var judgementID: String
        public var leaseEpoch: Int
        public var stationID: String

        public init(judgementID: String, leaseEpoch: Int, stationID: String) {
            self.judgementID = judgementID
            self.leaseEpoch = leaseEpoch
            self.stationID = stationID
        }
    }

    public init(epoch: Int, station: String?, leaseExpiresAt: Date?, canonical: CanonicalMark?, textLength: Int? = nil, chip: ChipSize? = nil) {
        self.textLength = textLength
        self.chip = chip
        self.epoch = epoch
        self.station = station
        self.leaseExpiresAt = leaseExpiresAt
        self.canonical = canonical
    }
}

/// How the hub answered an annotation the first time it arrived: a resend must carry
/// the same content, and gets the same outcome.
public struct JudgementReceipt: Equatable, Sendable {
    public var content: String
    public var firstOutcome: AnnotationOutcome.Status

    public init(content: String, firstOutcome: AnnotationOutcome.Status) {
        self.content = content
        self.firstOutcome = firstOutcome
    }
}
