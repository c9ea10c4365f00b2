import Domain
import Foundation

/// A judgement as an export writes it: the work and who did it, without the id, lease,
/// station and receipt the hub keeps beside it.
///
/// An export reads one for each of a hundred thousand judgements; leaving out what it
/// never writes (the canonical content above all) halves what is read.
public struct ExportedWork: Equatable, Sendable {
    public var answer: Answer
    public var skipReason: String?
    public var username: String
    public var createdAt: Date
    public var secondsOnTask: Double
    public var flag: String?
    public var predictionAccepted: Bool?
    /// Whether this is the task's answer; it then comes first among the task's work.
    public var isCanonical: Bool

    public init(
        answer: Answer, skipReason: String?, username: String, createdAt: Date, secondsOnTask: Double, flag: String?,
        predictionAccepted: Bool?, isCanonical: Bool
    ) {
        self.answer = answer
        self.skipReason = skipReason
        self.username = username
        self.createdAt = createdAt
        self.secondsOnTask = secondsOnTask
        self.flag = flag
        self.predictionAccepted = predictionAccepted
        self.isCanonical = isCanonical
    }
}

extension ExportedWork {
    /// The work of a judgement as the hub holds it.
    public init(_ judgement: Judgement) {
        let annotation = judgement.annotation
        self.init(
            answer: annotation.answer, skipReason: annotation.skipReason, username: annotation.username,
            createdAt: annotation.createdAt, secondsOnTask: annotation.secondsOnTask, flag: annotation.flag,
            predictionAccepted: annotation.predictionAccepted, isCanonical: judgement.isCanonical)
    }
}
