import Domain
import Foundation
import Store

/// Which judgement of a task is its answer.
///
/// The rule, deterministic given the order annotations reach the hub:
/// - Work is *current* when it was made under the task's current lease: its epoch is
///   the task's epoch, its station is the station holding (or last holding) the lease,
///   and it arrives no later than the lease's expiry. Anything else is *late*: an older
///   epoch, another station, or an expired lease.
/// - Current work is canonical. If the task already has a canonical judgement that is
///   not itself from the current lease (late work that arrived first), the current work
///   takes its place and the earlier one is kept as an extra judgement. If the existing
///   canonical judgement is from the current lease too, the first to arrive stays.
/// - Late work is kept as an extra judgement (`superseded`) when a canonical one
///   exists, and becomes canonical when none does: late work is never thrown away, and
///   a task with an answer is not left without one.
/// - Skips follow the same rule; a canonical skip sets the task aside (`skipped`).
enum CanonicalRule {
    enum Decision: Equatable {
        /// Store as the task's canonical judgement; demote the existing one first when
        /// `replacesExisting`.
        case canonical(replacesExisting: Bool)
        /// Store as an extra, non-canonical judgement.
        case extra
    }

    static func isCurrent(_ annotation: Annotation, for task: TaskStanding, now: Date) -> Bool {
        guard annotation.leaseEpoch == task.epoch, annotation.stationID == task.station,
              let expiry = task.leaseExpiresAt
        else { return false }
        return now <= expiry
    }

    static func decide(newcomer: Annotation, standing task: TaskStanding, now: Date) -> Decision {
        guard let existing = task.canonical else { return .canonical(replacesExisting: false) }
        guard isCurrent(newcomer, for: task, now: now) else { return .extra }
        let existingIsFromCurrentLease = existing.leaseEpoch == task.epoch && existing.stationID == task.station
        return existingIsFromCurrentLease ? .extra : .canonical(replacesExisting: true)
    }
}
