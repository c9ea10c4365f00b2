import Domain
import Foundation
import Interchange
import Store

extension Hub {
    /// Imports a file's tasks with their answer keys into the project's gold pool, all or
    /// nothing, and audits it.
    ///
    /// Each record's key is its one `ground_truth` annotation, or, when none is marked,
    /// its only annotation: a file of gold is a file of tasks with one answer each. The
    /// key is checked against the project like any answer, and stays in this database:
    /// no sync message or bundle carries it. An id a task or another gold item of the
    /// project already has is refused, since a station keys both alike.
    @discardableResult
    public func importGold(_ records: [InterchangeRecord], projectID: String, actor: String, now: Date) throws -> Int {
        guard try project(id: projectID) != nil else { throw HubError.noSuchProject(projectID: projectID) }
        var seen = Set<String>(minimumCapacity: records.count)
        let items = try records.map { record -> GoldItem in
            let id = record.task.id
            guard record.task.projectID == projectID else {
                throw HubError.taskInOtherProject(taskID: id, taskProjectID: record.task.projectID, importProjectID: projectID)
            }
            guard seen.insert(id).inserted else { throw HubError.duplicateTaskInImport(taskID: id) }
            if let source = record.imageSource {
                throw HubError.importRefused("gold item \"\(id)\" names its image by file (\(source.path)); its chip must be cut and stored first, which labeldesk gold import does")
            }
            let key = try Self.goldKey(of: record)
            if key.skipReason != nil {
                throw HubError.importRefused("gold item \"\(id)\": its key is a skip (\(key.skipReason ?? "")); a key is the right answer to the task")
            }
            var task = record.task
            task.layout = record.layout.map(TokenLayoutCoding.json)
            return GoldItem(task: task, key: key.answer, source: .imported, addedBy: actor, addedAt: now)
        }
        return try importGoldItems(items, projectID: projectID, actor: actor, now: now)
    }

    /// Adds gold items already made (a scene's chips with keys placed from a file, say)
    /// to the project's pool, all or nothing, and audits it.
    ///
    /// Each key is checked against the project like any answer, on the item's chip when
    /// it has one. An id a task or another gold item of the project already has is
    /// refused (`HubError.goldIDInUse`), since a station keys both alike; so is a task a
    /// published course practises (`goldThatIsPractice`).
    @discardableResult
    public func importGoldItems(_ items: [GoldItem], projectID: String, actor: String, now: Date) throws -> Int {
        guard let project = try project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
        var seen = Set<String>(minimumCapacity: items.count)
        for item in items {
            let id = item.task.id
            guard item.task.projectID == projectID else {
                throw HubError.taskInOtherProject(taskID: id, taskProjectID: item.task.projectID, importProjectID: projectID)
            }
            guard seen.insert(id).inserted else { throw HubError.duplicateTaskInImport(taskID: id) }
            if let problem = project.answerProblem(
                item.key, isSkip: false, textLength: item.task.text.unicodeScalars.count, chip: item.task.image.map(ChipSize.init)) {
                throw HubError.importRefused("gold item \"\(id)\": its key does not fit the project: \(problem)")
            }
        }
        return try HubError.translating {
            try database.write { transaction in
                if let refusal = try Self.goldThatIsPractice(items.map(\.task), in: transaction) { throw refusal }
                do {
                    try transaction.insertGoldItems(items, projectID: projectID)
                } catch StoreError.duplicateTask(_, let id) {
                    throw HubError.goldIDInUse(projectID: projectID, id: id)
                }
                try transaction.appendAudit(AuditEvent(
                    kind: .goldImport, actor: actor, detail: "imported \(items.count) gold items into \(projectID)", at: now))
                return items.count
            }
        }
    }

    /// The gold items of a project in the order they joined the pool (not the retired).
    public func goldItems(projectID: String) throws -> [GoldItem] {
        try database.read { try $0.goldItems(projectID: projectID) }
    }

    /// Per gold item: how many people it was handed to and how many answered it. An item
    /// seen by many is worth retiring: word of its answer may get around.
    public func goldExposure(projectID: String) throws -> [String: (handed: Int, answered: Int)] {
        try database.read { try $0.goldExposure(projectID: projectID) }
    }

    /// Retires gold items, audited; an id not in the pool is refused with a sentence and
    /// nothing changes.
    @discardableResult
    public func retireGold(_ ids: [String], projectID: String, actor: String, now: Date) throws -> Int {
        try database.write { transaction in
            let inPool = Set(try transaction.goldItems(projectID: projectID).map(\.task.id))
            if let unknown = ids.first(where: { !inPool.contains($0) }) {
                throw HubError.refused("\"\(unknown)\" is not a gold item in the pool of \(projectID) (see labeldesk gold list); nothing was retired")
            }
            let retired = try transaction.retireGoldItems(ids, projectID: projectID, at: now)
            try transaction.appendAudit(AuditEvent(
                kind: .goldRetire, actor: actor, detail: "retired \(retired.count) gold items of \(projectID): " + retired.joined(separator: ", "), at: now))
            return retired.count
        }
    }

    /// One person's leases of a project: onboarding gold first, then ordinary work with
    /// gold at random places beside it, at the policy's rate (see `GoldPolicy`).
    ///
    /// A gold lease looks like any other: the task's own fields, epoch 1 (a first lease),
    /// the project's lease length, and the priority of the ordinary lease it sits
    /// before, so a station that serves by priority serves it exactly there.
    func leaseBatch<Random: RandomNumberGenerator>(
        projectID: String, for person: String, policy: GoldPolicy, isProven: Bool, wanted: Int, station: String, until expiry: Date,
        now: Date, random: inout Random, transaction: HubTransaction
    ) throws -> [LeasedTask] {
        guard wanted > 0 else { return [] }
        let handed = try transaction.handed(projectID: projectID, username: person)
        let available = try transaction.unseenGoldCount(projectID: projectID, username: person)
        let onboarding = policy.onboardingGold(wanted: wanted, handedSoFar: handed.all, available: available)
        let planned = policy.gold(among: wanted - onboarding, isProven: isProven, available: available - onboarding, random: &random)
        let asked = wanted - onboarding - planned
        let ordinary = try transaction.leaseOpenTasks(
            projectID: projectID, limit: asked, to: station, until: expiry, unlabelledBy: policy.overlap > 0 ? .some(person) : nil)
            .map { lease in
                var sent = Self.asSent(lease)
                sent.assignee = person
                return sent
            }
        let beside = ordinary.count < asked ? min(planned, policy.goldBeside(ordinary: ordinary.count, isProven: isProven)) : planned
        let gold = try transaction.unseenGoldItems(projectID: projectID, username: person, limit: onboarding + beside, random: &random)
        guard !gold.isEmpty else {
            try transaction.countHanded(projectID: projectID, username: person, all: ordinary.count, gold: 0)
            return ordinary
        }
        func lease(_ item: GoldItem, priority: Int) throws -> LeasedTask {
            var task = item.task
            task.layout = nil
            task.priority = priority
            return LeasedTask(task: task, epoch: try transaction.goldLeaseEpoch(of: item), expiresAt: expiry, assignee: person)
        }
        let firstPriority = ordinary.first?.task.priority
        var batch = try gold.prefix(onboarding).map { try lease($0, priority: firstPriority ?? $0.task.priority) }
        let besideItems = Array(gold.dropFirst(onboarding))
        let places = Set(GoldPolicy.positions(gold: besideItems.count, among: ordinary.count, random: &random))
        var nextOrdinary = 0, nextGold = 0
        for slot in 0..<(besideItems.count + ordinary.count) {
            if places.contains(slot) {
                // The priority of the ordinary lease it sits before (or, at the end, after).
                let neighbour = ordinary.indices.contains(nextOrdinary) ? ordinary[nextOrdinary] : ordinary.last
                batch.append(try lease(besideItems[nextGold], priority: neighbour?.task.priority ?? besideItems[nextGold].task.priority))
                nextGold += 1
            } else {
                batch.append(ordinary[nextOrdinary])
                nextOrdinary += 1
            }
        }
        let goldIDs = Set(gold.map(\.task.id))
        try transaction.recordGoldLeases(
            batch.filter { goldIDs.contains($0.task.id) }, projectID: projectID, username: person, station: station, now: now)
        try transaction.countHanded(projectID: projectID, username: person, all: batch.count, gold: gold.count)
        return batch
    }

    /// Work on a gold item handed to its author at the sending station, kept beside its
    /// key.
    ///
    /// The outcome is what the same work on a task would get (accepted; the same
    /// refusals in the same words), so a station cannot tell gold by its replies.
    ///
    /// A counted scored answer also adds to the person's record per remediation trigger,
    /// and remediation checks that record (see `remediate`).
    func applyGold(
        _ annotation: Annotation, content: String, project: Project, policy: GoldPolicy, transaction: HubTransaction, now: Date
    ) throws -> AnnotationOutcome {
        guard let item = try transaction.goldItem(projectID: annotation.projectID, id: annotation.taskID) else {
            return AnnotationOutcome(annotationID: annotation.id, status: .rejected, reason: Self.unknownTask(annotation))
        }
        if let earlier = try transaction.goldAnswerContent(id: annotation.id) {
            guard earlier == content else {
                return AnnotationOutcome(annotationID: annotation.id, status: .rejected, reason:
                    "annotation \(annotation.id.uuidString) was already received with different content; this is a client fault")
            }
            return AnnotationOutcome(annotationID: annotation.id, status: .accepted)
        }
        if let problem = project.answerProblem(
            annotation.answer, isSkip: annotation.isSkip, textLength: item.task.text.unicodeScalars.count, chip: item.task.image.map(ChipSize.init)) {
            return AnnotationOutcome(annotationID: annotation.id, status: .rejected, reason: problem)
        }
        let score = annotation.isSkip ? nil : GoldScoring.score(annotation.answer, against: item.key, in: project, focus: item.task.image?.focus).score
        let counts = try transaction.insertGoldAnswer(annotation, content: content, receivedAt: now, score: score)
        try transaction.recordActivity(annotation, goldCredit: score?.value)
        if counts, let score {
            try Self.recordTriggers(
                of: score, key: item.key, focus: item.task.image?.focus, answer: annotation, project: project, policy: policy, transaction: transaction,
                now: now)
        }
        return AnnotationOutcome(annotationID: annotation.id, status: .accepted)
    }

    /// What came back for a project's gold items, oldest first.
    public func goldAnswers(projectID: String, username: String? = nil) throws -> [GoldAnswer] {
        try database.read { try $0.goldAnswers(projectID: projectID, username: username) }
    }

    /// Sets a project's gold policy, checked, and audits it.
    public func setGoldPolicy(_ policy: GoldPolicy, projectID: String, actor: String, now: Date) throws {
        let problems = policy.problems()
        guard problems.isEmpty else { throw HubError.refused("the gold policy cannot be set: " + problems.joined(separator: "; ")) }
        try database.write { transaction in
            guard let project = try transaction.project(id: projectID) else { throw HubError.noSuchProject(projectID: projectID) }
            if policy.exportAnswer != .first, Self.consensusLabels(of: project) == nil {
                throw HubError.refused(
                    "an export can give the consensus as the answer only where people vote among labels (single-label classification, comparison); \(projectID) is a \(project.kind.title) project")
            }
            try transaction.setGoldPolicy(policy, projectID: projectID)
            try transaction.appendAudit(AuditEvent(
                kind: .goldPolicy, actor: actor,
                detail: "gold policy of \(projectID): rate \(policy.rate), onboarding \(policy.onboarding), proven rate \(policy.provenRate)"
                    + (policy.remediationBelow.map { ", remediation below \($0) after \(policy.remediationMinimum) items" } ?? ""), at: now))
        }
    }

    public func goldPolicy(projectID: String) throws -> GoldPolicy {
        try database.read { try $0.goldPolicy(projectID: projectID) }
    }

    /// The annotation a gold record gives as its key, or why it gives none.
    static func goldKey(of record: InterchangeRecord) throws -> ImportedAnnotation {
        let id = record.task.id
        let marked = record.annotations.filter(\.isGroundTruth)
        switch (marked.count, record.annotations.count) {
        case (1, _):
            return marked[0]
        case (0, 1):
            return record.annotations[0]
        case (0, 0):
            throw HubError.importRefused("gold item \"\(id)\" has no answer; a gold item needs its key, as its one annotation or the one marked ground_truth")
        case (0, let count):
            throw HubError.importRefused("gold item \"\(id)\" has \(count) annotations and none is marked ground_truth; mark the key, or keep only it")
        case (let count, _):
            throw HubError.importRefused("gold item \"\(id)\" has \(count) annotations marked ground_truth; a gold item has one key")
        }
    }
}
